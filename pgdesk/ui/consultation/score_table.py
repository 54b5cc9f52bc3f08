"""Keyboard-first list of dimensions with their scores.

Type a digit to score the selected dimension and move on ("1" then "0" is 10),
Space marks "hier wil ik over praten", A opens the aspects, Enter moves on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from pgdesk.domain.numbers import format_number
from pgdesk.domain.scores import DimensionScore
from pgdesk.ui import plain


def format_score(score: DimensionScore, mean_word: str) -> str:
    if score.value is None:
        return "–"
    if score.source == "aspects":
        return format_number(score.value, fixed=True) + f" ({mean_word})"
    return f"{score.value:g}"


class ScoreTable(QTableWidget):
    scoreEntered = Signal(int, int)
    scoreCleared = Signal(int)
    talkToggled = Signal(int)
    aspectsRequested = Signal(int)
    finished = Signal()
    waitingForTen = Signal(bool)  # a "1" was typed: a "0" would make it 10

    def __init__(self, names: list[str], parent=None):
        super().__init__(len(names), 3, parent)
        self._pending_one = False
        self.setHorizontalHeaderLabels([self.tr("Dimensie"), self.tr("Cijfer"), self.tr("Praten")])
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized to their contents by _fit_columns, only when the widest text changes: a header
        # that resizes to contents measures every row and repaints on each score typed.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self._widest: dict[int, float] = {}
        self._widths: dict[int, list[float]] = {}  # per column, each row's text as measured
        self.setObjectName("scoreTable")
        self.verticalHeader().setDefaultSectionSize(40)
        for row, name in enumerate(names):
            self.setItem(row, 0, QTableWidgetItem(name))
            score = QTableWidgetItem("–")
            score.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(row, 1, score)
            talk = QTableWidgetItem("")
            talk.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(row, 2, talk)
        self.cellClicked.connect(self._clicked)
        self._fit_columns()
        self.selectRow(0)

    def show_row(self, row: int, text: str, talk: bool, talk_text: str) -> None:
        """One row's score and mark; a cell is touched only when it changes."""
        cells = ((self.item(row, 1), text, ""),
                 (self.item(row, 2), "✓" if talk else "", plain.tip(talk_text) if talk else ""))
        changed = False
        for cell, shown, tip in cells:
            if cell.text() != shown:
                cell.setText(shown)
                changed = True
            if cell.toolTip() != tip:
                cell.setToolTip(tip)
        if changed:
            self._fit_columns(row)

    def changeEvent(self, event):  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widest.clear()  # Ctrl+plus/minus, a style sheet: measure again
            self._widths.clear()
            self._fit_columns()

    def _fit_columns(self, row: int | None = None) -> None:
        """Columns 1 and 2 as wide as their widest text (or header), as ResizeToContents would
        have them; measured in Python and resized only when that width changes. With `row`,
        only that row changed: the others' widths are known (a score typed measures two cells,
        not every row)."""
        metrics = self.fontMetrics()
        for column in (1, 2):
            widths = self._widths.get(column)
            if row is None or widths is None:
                widths = self._widths[column] = [
                    metrics.horizontalAdvance(self.item(r, column).text())
                    for r in range(self.rowCount())]
            else:
                widths[row] = metrics.horizontalAdvance(self.item(row, column).text())
            widest = max(widths)
            if self._widest.get(column) != widest:
                self._widest[column] = widest
                self.resizeColumnToContents(column)
                self._fit_names()

    def _fit_names(self) -> None:
        """Never narrower than every dimension's whole name beside the numbers: at 150 % text the
        stretched first column was cut to "Mentaal …" and "Dagelijks …" (room for a scroll bar
        too, should a low window need one)."""
        names = max(self.sizeHintForColumn(0), self.horizontalHeader().sectionSizeHint(0))
        self.setMinimumWidth(names + self.columnWidth(1) + self.columnWidth(2)
                             + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width())

    def _clicked(self, row: int, column: int) -> None:
        if column == 2:
            self.talkToggled.emit(row)

    def _advance(self) -> None:
        row = self.currentRow()
        if row < self.rowCount() - 1:
            self.selectRow(row + 1)

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        waiting = self._pending_one
        self._key(event)
        if self._pending_one != waiting:
            self.waitingForTen.emit(self._pending_one)

    def _key(self, event) -> None:
        key, text, row = event.key(), event.text(), self.currentRow()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier,) or row < 0:
            self._pending_one = False
            return super().keyPressEvent(event)
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if self._pending_one:
                self._pending_one = False
                if digit == 0:
                    self.scoreEntered.emit(row, 10)
                    self._advance()
                    return
                self._advance()
                row = self.currentRow()
            self.scoreEntered.emit(row, digit)
            if digit == 1:
                self._pending_one = True
            else:
                self._advance()
            return
        if self._pending_one:
            self._pending_one = False
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._advance()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if row == self.rowCount() - 1:
                self.finished.emit()
            else:
                self._advance()
        elif key == Qt.Key.Key_Space:
            self.talkToggled.emit(row)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.scoreCleared.emit(row)
        elif key == Qt.Key.Key_A:
            self.aspectsRequested.emit(row)
        else:
            super().keyPressEvent(event)
