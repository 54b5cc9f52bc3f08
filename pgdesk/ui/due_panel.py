"""On the start page: who is due for a tussen or eind conversation, soonest first.

The list is read with one query (storage.trajectories.due) and only again when something it
shows changed or the day turned (DueCache), not on every return to the start page. A large
practice has thousands due in two weeks: the panel shows the soonest page of them and a last
row that shows the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pgdesk.domain.trajectory import DueItem
from pgdesk.storage import trajectories
from pgdesk.ui.feedback import guarded
from pgdesk.ui.labels import type_label
from pgdesk.ui.plain import Label
from pgdesk.ui.style import colours

PAGE = trajectories.DUE_PAGE  # rows shown at first, and added by the last row ("show more")


class DueCache:
    """The first `shown` rows of the window store's due list and how many there are in all,
    read again only after a change, on a new day or when more rows are asked for."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.shown = PAGE
        self._store = None
        self._key: tuple | None = None
        self._items: list[DueItem] = []
        self._total = 0

    def items(self, store, *, more: bool = False) -> tuple[list[DueItem], int]:
        """(the rows to show, how many are due in all)."""
        if more:
            self.shown += PAGE
        today = dt.date.today()
        version = guarded(self.parent, trajectories.due_version, store)
        key = (version, today, self.shown)
        if store is not self._store or key != self._key or version is None:
            items = guarded(self.parent, trajectories.due, store, today, limit=self.shown)
            if items is None:  # the user was told why
                return [], 0
            total = len(items)
            if total == self.shown:
                total = guarded(self.parent, trajectories.due_count, store, today) or total
            self._store, self._key, self._items, self._total = store, key, items, total
        return self._items, self._total


class DuePanel(QWidget):
    patientChosen = Signal(str)
    moreRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = Label(self.tr("&Vervolggesprekken"), self)  # made in place: styled once
        self.title.setObjectName("stepTitle")
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Gesprekken die gepland staan"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title.setBuddy(self.list)  # Alt+W jumps here
        self.list.itemActivated.connect(self._activated)
        self.empty = Label(self.tr("Niemand: er staan de komende twee weken geen tussen- of "
                                    "eindgesprekken gepland."), self)
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)  # takes the room only while the list is hidden: the title stays on top
        self.items: list[DueItem] = []
        self.away: dict[str, str] = {}
        self.total = 0
        self.more: QListWidgetItem | None = None  # the last row while not all are shown
        self._shown_on: dt.date | None = None

    def _activated(self, item: QListWidgetItem) -> None:
        if item is self.more:
            self.moreRequested.emit()
        else:
            self.patientChosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def set_items(self, items: Sequence[DueItem], today: dt.date | None = None,
                  total: int | None = None, away: dict[str, str] | None = None) -> None:
        """Show `items` (the soonest of `total` due; all of them when total is None); `away`:
        per patient id on a laptop now, what every room shows (labels.away_label)."""
        today = today or dt.date.today()
        total = len(items) if total is None else total
        away = dict(away or {})
        if (list(items) == self.items and total == self.total and today == self._shown_on
                and away == self.away):
            return  # nothing to redraw
        self._shown_on = today
        self.away = away
        grown = len(self.items) if list(items[:len(self.items)]) == self.items else 0
        self.items = list(items)
        self.total = total
        self.more = None
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
            if due.patient_id in away:
                state += "\n" + away[due.patient_id]
            item = QListWidgetItem(f"{due.display_name}\n{type_label(due.type)} {when}\n{state}")
            item.setData(Qt.ItemDataRole.UserRole, due.patient_id)
            if due.overdue:  # bold as well as coloured, so it also shows in black and white
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setForeground(QColor(colours(self.list)["error"]))
            self.list.addItem(item)
        if total > len(self.items):
            self.more = QListWidgetItem(self.tr("Nog %1 gepland: toon er meer").replace(
                "%1", str(total - len(self.items))))
            self.more.setToolTip(self.tr("Enter of dubbelklik toont de volgende %1.").replace(
                "%1", str(PAGE)))
            self.list.addItem(self.more)
        if 0 < grown < len(self.items):  # a page more: go on reading at its first row
            self.list.setCurrentRow(grown)
        self.empty.setVisible(not self.items)
        self.list.setVisible(bool(self.items))
