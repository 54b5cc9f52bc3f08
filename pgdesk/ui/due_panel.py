"""On the start page: who is due for a tussen or eind conversation, soonest first.

The list is read with one query (storage.trajectories.due) and only again when something it
shows changed or the day turned (DueCache), not on every return to the start page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pgdesk.domain.trajectory import DueItem
from pgdesk.storage import trajectories
from pgdesk.ui.feedback import guarded
from pgdesk.ui.labels import type_label
from pgdesk.ui.plain import Label


class DueCache:
    """The due list of the window's store, read again only after a change or on a new day."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self._store = None
        self._key: tuple | None = None
        self._items: list[DueItem] = []

    def items(self, store) -> list[DueItem]:
        today = dt.date.today()
        version = guarded(self.parent, trajectories.due_version, store)
        if store is not self._store or (version, today) != self._key or version is None:
            items = guarded(self.parent, trajectories.due, store, today)
            if items is None:  # the user was told why
                return []
            self._store, self._key, self._items = store, (version, today), items
        return self._items


class DuePanel(QWidget):
    patientChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = Label(self.tr("&Vervolggesprekken"))
        self.title.setObjectName("stepTitle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Gesprekken die gepland staan"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title.setBuddy(self.list)  # Alt+W jumps here
        self.list.itemActivated.connect(
            lambda item: self.patientChosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = Label(self.tr("Niemand: er staan de komende twee weken geen tussen- of "
                                    "eindgesprekken gepland."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)  # takes the room only while the list is hidden: the title stays on top
        self.items: list[DueItem] = []
        self._shown_on: dt.date | None = None

    def set_items(self, items: Sequence[DueItem], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        if list(items) == self.items and today == self._shown_on:
            return  # nothing to redraw
        self._shown_on = today
        self.items = list(items)
        self.list.clear()
        for due in self.items:
            planned = dt.date.fromisoformat(due.planned)
            when = planned.strftime("%d-%m-%Y")
            if due.overdue:
                state = self.tr("te laat, %1 dagen").replace("%1", str((today - planned).days))
            elif planned == today:
                state = self.tr("vandaag")
            else:
                state = self.tr("over %1 dagen").replace("%1", str((planned - today).days))
            item = QListWidgetItem(f"{due.display_name}\n{type_label(due.type)} {when}\n{state}")
            item.setData(Qt.ItemDataRole.UserRole, due.patient_id)
            if due.overdue:  # bold as well as coloured, so it also shows in black and white
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.empty.setVisible(not self.items)
        self.list.setVisible(bool(self.items))
