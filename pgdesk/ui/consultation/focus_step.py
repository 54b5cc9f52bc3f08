"""Step 2, "Wat is belangrijk?": the patient picks the dimensions or aspects to work on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.consultation.score_table import format_score
from pgdesk.ui.feedback import attempt

KEY = Qt.ItemDataRole.UserRole


class FocusTree(QTreeWidget):
    finished = Signal()

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
            == Qt.KeyboardModifier.NoModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finished.emit()
            return
        # A digit picks the dimension with that number in one key press.
        text = event.text()
        if plain and text.isdigit() and 1 <= int(text) <= self.topLevelItemCount():
            item = self.topLevelItem(int(text) - 1)
            self.setCurrentItem(item)
            item.setCheckState(0, Qt.CheckState.Unchecked
                               if item.checkState(0) == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)


class FocusStep(QWidget):
    finished = Signal()

    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Waar wilt u mee aan de slag?"))
        title.setObjectName("stepTitle")
        hint = QLabel(self.tr("Kies één of meer onderwerpen: typ het nummer, of gebruik de "
                              "spatiebalk of een klik. Pijltje naar rechts toont de aspecten. "
                              "Enter: verder."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.tree = FocusTree()
        self.tree.setHeaderLabels([self.tr("Onderwerp"), self.tr("Cijfer"), ""])
        self.tree.setColumnWidth(0, 380)
        self.tree.setObjectName("focusTree")
        self.tree.finished.connect(self.finished)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        self._build()
        self.tree.itemChanged.connect(self._changed)

    def focus_widget(self) -> QWidget:
        return self.tree

    def refresh(self) -> None:
        """Rebuild from the stored scores and marks (they change in the web step)."""
        self.tree.blockSignals(True)
        self.tree.clear()
        self._build()
        self.tree.blockSignals(False)

    def _item(self, parent, text: str, key: tuple[str, str], score: str, talk: bool):
        item = QTreeWidgetItem(parent, [text, score, self.tr("wil hierover praten") if talk else ""])
        item.setData(0, KEY, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if key in self.session.c.focus
                           else Qt.CheckState.Unchecked)
        return item

    def _build(self) -> None:
        c, mean = self.session.c, self.tr("gem.")
        first_talk = None
        for n, d in enumerate(self.session.instrument.dimensions, start=1):
            talk = (d.id, "") in c.talk
            top = self._item(self.tree, f"{n}  {d.name}" if n < 10 else d.name, (d.id, ""),
                             format_score(self.session.score(d.id), mean), talk)
            for a in d.aspects:
                s = c.aspect_scores.get(d.id, {}).get(a.id)
                a_talk = (d.id, a.id) in c.talk
                child = self._item(top, a.name, (d.id, a.id), "–" if s is None else str(s), a_talk)
                if a_talk or (d.id, a.id) in c.focus:
                    top.setExpanded(True)
                    first_talk = first_talk or child
            if talk:
                first_talk = first_talk or top
        start = first_talk or self.tree.topLevelItem(0)
        if start:
            self.tree.setCurrentItem(start)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        dim, aspect = item.data(0, KEY)
        on = item.checkState(0) == Qt.CheckState.Checked
        if ((dim, aspect) in self.session.c.focus) == on:
            return
        if not attempt(self, self.session.set_mark, "focus", dim, aspect, on):
            self.tree.blockSignals(True)
            item.setCheckState(0, Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
            self.tree.blockSignals(False)
