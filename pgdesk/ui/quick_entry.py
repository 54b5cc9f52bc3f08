"""Copying a paper web into the app by keyboard: six numbers and you are on "Wat is belangrijk?".

The patient filled in the blank web (Bestand → Leeg spinnenweb afdrukken…) at home or in the
waiting room. In the consultation (or on the patient page, which starts one) F2 opens "Van papier
overnemen" (Patiënt → Spinnenweb van papier overnemen…): the professional types the numbers from
the paper, dimension by dimension in the order of the web, with the same digit rule as the score
list ("1" then "0" is 10, "1" then Enter is 1); Space before a number copies the paper's "hier
wil ik over praten" mark for that dimension. After the last number all numbers and marks are
stored and the conversation goes on to step 2, where the patient chooses what to work on.
Backspace takes back the last number; Esc stops without storing anything. (Not Ctrl+K: in a
text field on Linux that deletes to the end of the line.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from pgdesk.domain.models import STEPS
from pgdesk.ui.consultation.score_table import ScoreTable
from pgdesk.ui.plain import Label


class QuickEntryDialog(QDialog):
    """Six numbers typed in a row; `values()` holds them once the dialog is accepted."""

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Spinnenweb van papier overnemen"))
        self.setModal(True)
        self._values: list[int | None] = [None] * len(names)
        self._closed = False
        title = Label(self.tr("Van papier overnemen"))
        title.setObjectName("stepTitle")
        hint = Label(self.tr(
            "Typ de cijfers van het papieren web, van boven met de klok mee. Voor 10: eerst 1, "
            "dan 0. Spatie vóór een cijfer: hier wil ik over praten. Na het laatste cijfer wordt "
            "alles bewaard en gaat het gesprek verder met ‘Wat is belangrijk?’.\n"
            "Backspace: vorige cijfer weg. Esc: stoppen, er wordt niets bewaard."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        # the score list of the web step: the same digit rule, the names, the numbers appearing
        self.table = ScoreTable(names)
        self._talk: set[int] = set()  # rows marked "hier wil ik over praten" on the paper
        self.table.setObjectName("quickEntry")
        self.table.setAccessibleName(self.tr("Cijfers van het papieren web"))
        self.table.setAccessibleDescription(self.tr("Typ de cijfers na elkaar, van boven naar beneden"))
        self.table.talkToggled.connect(self._talk_toggled)
        self.table.scoreEntered.connect(self._entered)
        self.table.scoreCleared.connect(self._cleared)
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.resize(540, 420)
        self.table.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # the list exactly as tall as its rows (sizes known once styled): the whole paper web
        # at a glance, no scrolling, no empty space
        super().showEvent(event)
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = rows + table.horizontalHeader().height() + 2 * table.frameWidth() + 2
        table.setMinimumHeight(min(height, 560))
        table.setMaximumHeight(min(height, 560))
        self.adjustSize()

    def values(self) -> list[int | None]:
        return list(self._values)

    def talk_rows(self) -> set[int]:
        return set(self._talk)

    def complete(self) -> bool:
        return all(v is not None for v in self._values)

    def _show(self, row: int) -> None:
        value = self._values[row]
        self.table.show_row(row, "–" if value is None else str(value), row in self._talk,
                            self.tr("Hier wil ik over praten"))

    def _talk_toggled(self, row: int) -> None:
        if not self._closed and 0 <= row < len(self._values):
            self._talk ^= {row}
            self._show(row)

    def done(self, result: int) -> None:
        self._closed = True  # the numbers are final: nothing typed after this counts
        super().done(result)

    def _entered(self, row: int, value: int) -> None:
        if self._closed:
            return
        self._values[row] = value
        self._show(row)
        last = len(self._values) - 1
        if row != last:
            return
        if not self.complete():  # a row was skipped (clicked past): back to the first empty
            self.table.selectRow(self._values.index(None))
        elif value != 1:  # a 1 on the last row may still become 10: wait for 0 or Enter
            self.accept()

    def _cleared(self, row: int) -> None:
        if not self._closed and 0 <= row < len(self._values):
            self._values[row] = None
            self._show(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.complete():
                self.accept()  # "1" then Enter on the last row, or Enter once all are there
                return True
            if key == Qt.Key.Key_Backspace:
                row = self.table.currentRow()
                # after a number the list has moved on to an empty row: take back the one before
                if row > 0 and self._values[row] is None:
                    self.table.selectRow(row - 1)
                return False  # the list clears the selected row (and forgets a pending "1")
        return super().eventFilter(watched, event)


def copy_from_paper(page) -> bool:
    """Open the dialog on a ConsultationPage; store the numbers and marks and go on to step 2.

    Returns True when the scores were stored. Esc stores nothing."""
    session = page.session
    dims = session.instrument.dimensions
    dialog = QuickEntryDialog([d.name for d in dims], page)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        talk = dialog.talk_rows()
    finally:
        dialog.deleteLater()
    web = page.web
    for row, value in enumerate(values):
        web.set_score(row, value)  # each through session.set_score; a refusal is shown there
    for row in sorted(talk):
        if (dims[row].id, "") not in session.c.talk:
            web.toggle_talk(row)
    web.refresh()
    stored = [session.c.manual_scores.get(d.id) for d in dims]
    if stored != values:
        page.go_to(STEPS.index("web"))  # something was refused: show the web as it is
        return False
    page.go_to(STEPS.index("focus"))
    return True
