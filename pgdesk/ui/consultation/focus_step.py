"""Step 2, "Wat is belangrijk?": the patient picks the dimensions or aspects to work on, says in
their own words what matters (printed on the handout), and, when more than one topic is chosen,
which one the actiewiel starts with (one wheel, one topic; the others are noted for later)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import IMPORTANT, STARTS_WITH
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.chart_colours import widget_colours
from pgdesk.ui.conflicts import save_text
from pgdesk.ui.consultation.score_table import format_score
from pgdesk.ui.feedback import attempt
from pgdesk.ui.patient_mode.pictograms import aspect_icon
from pgdesk.ui.plain import Label

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
        title = Label(self.tr("Waar wilt u mee aan de slag?"))
        title.setObjectName("stepTitle")
        hint = Label(self.tr("Kies één of meer onderwerpen: typ het nummer, of gebruik de "
                              "spatiebalk of een klik. Pijltje naar rechts toont de aspecten. "
                              "Enter: verder."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.tree = FocusTree()
        self.tree.setAccessibleName(self.tr("Onderwerpen voor het gesprek"))
        self.tree.setAccessibleDescription(self.tr("Spatiebalk kiest een onderwerp om over te praten"))
        self.tree.setHeaderLabels([self.tr("Onderwerp"), self.tr("Cijfer"), ""])
        self.tree.setColumnWidth(0, 380)
        self.tree.setObjectName("focusTree")
        self.tree.finished.connect(self.finished)
        own = Label(self.tr("Wat is voor u &belangrijk? In de woorden van de patiënt:"))
        self.own_words = QPlainTextEdit()
        self.own_words.setObjectName("answer")
        self.own_words.setPlaceholderText(self.tr("bijvoorbeeld: weer met mijn kleinkinderen naar "
                                                  "het strand kunnen"))
        self.own_words.setTabChangesFocus(True)
        self.own_words.setMaximumHeight(90)
        own.setBuddy(self.own_words)
        self.start_label = Label(self.tr("Het actiewiel begint &met:"))
        self.start_with = QComboBox()
        self.start_label.setBuddy(self.start_with)
        self.later = Label()
        self.later.setObjectName("hint")
        self.later.setWordWrap(True)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_label)
        start_row.addWidget(self.start_with)
        start_row.addWidget(self.later, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(start_row)
        layout.addWidget(own)
        layout.addWidget(self.own_words)
        self._build()
        self.tree.itemChanged.connect(self._changed)
        self.start_with.activated.connect(self._start_chosen)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.flush)
        self.own_words.textChanged.connect(self._save_timer.start)

    def focus_widget(self) -> QWidget:
        return self.tree

    def refresh(self) -> None:
        """Rebuild from the stored scores and marks (they change in the web step)."""
        self.tree.blockSignals(True)
        self.tree.clear()
        self._build()
        self.tree.blockSignals(False)

    def flush(self) -> bool:
        """Store the patient's own words being typed now (also 0.4 s after each keystroke)."""
        self._save_timer.stop()
        return save_text(self, self.session, f"wheel:{IMPORTANT}", self.own_words.toPlainText(),
                         self._show_own_words)

    def _show_own_words(self, text: str) -> None:
        self.own_words.blockSignals(True)
        self.own_words.setPlainText(text)
        self.own_words.blockSignals(False)

    def chosen_dimensions(self) -> list[str]:
        """The dimensions chosen (themselves or by an aspect), in the instrument's order."""
        picked = {d for d, _a in self.session.c.focus}
        return [d.id for d in self.session.instrument.dimensions if d.id in picked]

    def _show_start(self) -> None:
        """With two or more topics: which one the wheel starts with, the others for later."""
        chosen = self.chosen_dimensions()
        inst = self.session.instrument
        start = starts_with(self.session)
        self.start_with.clear()
        for dim_id in chosen:
            self.start_with.addItem(inst.dimension(dim_id).name, dim_id)
        self.start_with.setCurrentIndex(max(0, self.start_with.findData(start)))
        several = len(chosen) > 1
        for w in (self.start_label, self.start_with, self.later):
            w.setVisible(several)
        later = [inst.dimension(d).name for d in chosen if d != start]
        self.later.setText(self.tr("Voor later genoteerd: %1").replace("%1", ", ".join(later))
                           if several else "")

    def _start_chosen(self, index: int) -> None:
        attempt(self, self.session.set_wheel_answer, STARTS_WITH, self.start_with.itemData(index))
        self._show_start()

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
                if a.icon:  # eenvoudig, kind: the aspect's pictogram before its name
                    child.setIcon(0, aspect_icon(a.icon, widget_colours(self.tree).accent))
                if a_talk or (d.id, a.id) in c.focus:
                    top.setExpanded(True)
                    first_talk = first_talk or child
            if talk:
                first_talk = first_talk or top
        start = first_talk or self.tree.topLevelItem(0)
        if start:
            self.tree.setCurrentItem(start)
        self.own_words.blockSignals(True)
        self.own_words.setPlainText(c.wheel_answers.get(IMPORTANT, ""))
        self.own_words.blockSignals(False)
        self._show_start()

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
        self._show_start()


def starts_with(session: ConsultationSession) -> str | None:
    """The dimension the actiewiel is about: the one chosen to start with while it is still
    chosen, else the first chosen in the instrument's order; None when nothing is chosen."""
    picked = {d for d, _a in session.c.focus}
    chosen = session.c.wheel_answers.get(STARTS_WITH, "")
    if chosen in picked:
        return chosen
    return next((d.id for d in session.instrument.dimensions if d.id in picked), None)
