"""Copying a paper web by keyboard, in the real window (offscreen): six numbers (and the "hier wil
ik over praten" marks) and on to step 2, "Wat is belangrijk?"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from pgdesk.ui.quick_entry import QuickEntryDialog

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
KEY = {str(d): getattr(Qt.Key, f"Key_{d}") for d in range(10)}


@pytest.fixture
def patient(window, store):
    p = store.add_patient("Paula Papier")
    window.show_patient(p.id)
    return p


class Keys:
    """Key presses on whatever has the focus, counted; inside a modal dialog through a timer."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0
        self.seen: list[QuickEntryDialog] = []
        self.focus_was = None
        self.left_open = False
        self._queued = None

    def focused(self):
        if QApplication.activeWindow() is None:  # offscreen: no activation back after a dialog
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=2000)
        return QApplication.focusWidget() or self.window.focusWidget()

    def press(self, key, mods=Qt.KeyboardModifier.NoModifier):
        target = self.focused()
        if self._queued is not None:  # only now: finding the focus may run the event loop
            QTimer.singleShot(0, self._queued)
            self._queued = None
        self.qtbot.keyClick(target, key, mods)
        self.count += 1

    def in_dialog(self, keys: list) -> None:
        """Type `keys` into the quick entry dialog that the next press opens."""

        def run():
            dialog = QApplication.activeModalWidget()
            try:
                assert isinstance(dialog, QuickEntryDialog), dialog
                self.seen.append(dialog)
                # typing goes straight into the list: wait for the dialog to be active
                self.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table,
                                     timeout=2000)
                self.focus_was = QApplication.focusWidget()
                for key in keys:
                    self.qtbot.keyClick(dialog.table, key)
                    self.count += 1
            finally:
                if dialog is not None and dialog.isVisible():  # never hang on an open dialog
                    self.left_open = True
                    dialog.reject()

        self._queued = run


def digits(text: str) -> list:
    return [KEY[c] for c in text]


def test_ctrl_n_then_f2_six_numbers_and_on_to_step_two(qtbot, window, patient, store, instrument):
    keys = Keys(qtbot, window)
    keys.press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.consultation_page is not None)
    page = window.consultation_page
    assert page.current_step == "web"
    keys.count = 0
    keys.in_dialog(digits("7510648"))  # 7, 5, 10 ("1" then "0"), 6, 4, 8
    keys.press(Qt.Key.Key_F2)
    assert keys.seen and not keys.seen[0].isVisible() and not keys.left_open
    assert keys.focus_was is keys.seen[0].table  # typing goes straight into the list
    c = store.consultation(page.session.id)
    assert [c.manual_scores.get(d.id) for d in instrument.dimensions] == [7, 5, 10, 6, 4, 8]
    assert page.current_step == "focus"
    assert keys.count <= 8, f"{keys.count} key presses"
    # the web step shows what was stored
    assert [page.web.table.item(r, 1).text() for r in range(6)] == ["7", "5", "10", "6", "4", "8"]
    assert store.consultation(page.session.id).step == "focus"


def test_f2_on_the_patient_page_starts_the_conversation_too(qtbot, window, patient, store,
                                                                instrument):
    keys = Keys(qtbot, window)
    keys.in_dialog(digits("345678"))
    keys.press(Qt.Key.Key_F2)
    page = window.consultation_page
    assert page is not None and page.session.patient.id == patient.id
    assert page.current_step == "focus"
    c = store.consultation(page.session.id)
    assert [c.manual_scores[d.id] for d in instrument.dimensions] == [3, 4, 5, 6, 7, 8]
    assert keys.count == 7


def test_escape_after_three_numbers_stores_nothing(qtbot, window, patient, store):
    keys = Keys(qtbot, window)
    keys.press(Qt.Key.Key_N, CTRL)
    page = window.consultation_page
    keys.in_dialog([*digits("725"), Qt.Key.Key_Escape])
    keys.press(Qt.Key.Key_F2)
    assert keys.seen[0].values()[:3] == [7, 2, 5]  # they were on screen ...
    assert store.consultation(page.session.id).manual_scores == {}  # ... and not stored
    assert page.session.c.manual_scores == {}
    assert page.current_step == "web"
    assert [page.web.table.item(r, 1).text() for r in range(6)] == ["–"] * 6


def test_backspace_takes_back_the_last_number(qtbot, window, patient, store, instrument):
    keys = Keys(qtbot, window)
    keys.press(Qt.Key.Key_N, CTRL)
    page = window.consultation_page
    # 7, 5, oops: back, 6; then "1" and back before a 0 (the pending 1 goes too); 9, 2, 3, 4
    keys.in_dialog([*digits("75"), Qt.Key.Key_Backspace, *digits("61"), Qt.Key.Key_Backspace,
                    *digits("9234")])
    keys.press(Qt.Key.Key_F2)
    c = store.consultation(page.session.id)
    assert [c.manual_scores[d.id] for d in instrument.dimensions] == [7, 6, 9, 2, 3, 4]
    assert page.current_step == "focus"


def test_a_one_on_the_last_row_waits_for_zero_or_enter(qtbot, window, patient, store, instrument):
    keys = Keys(qtbot, window)
    keys.press(Qt.Key.Key_N, CTRL)
    page = window.consultation_page
    keys.in_dialog([*digits("222221"), Qt.Key.Key_Return])
    keys.press(Qt.Key.Key_F2)
    c = store.consultation(page.session.id)
    assert [c.manual_scores[d.id] for d in instrument.dimensions] == [2, 2, 2, 2, 2, 1]
    assert page.current_step == "focus"

    # again from step 2: the paper replaces the numbers; the last 1 becomes 10
    keys.in_dialog(digits("5555510"))
    keys.press(Qt.Key.Key_F2)
    c = store.consultation(page.session.id)
    assert [c.manual_scores[d.id] for d in instrument.dimensions] == [5, 5, 5, 5, 5, 10]
    assert page.current_step == "focus"


def test_space_copies_the_talk_marks_from_the_paper(qtbot, window, patient, store, instrument):
    keys = Keys(qtbot, window)
    keys.press(Qt.Key.Key_N, CTRL)
    page = window.consultation_page
    # 6, then a mark on the second topic before its number, 4, 7, 7, mark, 3, 8
    keys.in_dialog([*digits("6"), Qt.Key.Key_Space, *digits("477"), Qt.Key.Key_Space,
                    *digits("38")])
    keys.press(Qt.Key.Key_F2)
    c = store.consultation(page.session.id)
    ids = instrument.dimension_ids
    assert [c.manual_scores[d] for d in ids] == [6, 4, 7, 7, 3, 8]
    assert c.talk == {(ids[1], ""), (ids[4], "")}
    assert page.current_step == "focus"


def test_dialog_alone_shows_the_numbers_as_they_come(qtbot, instrument):
    dialog = QuickEntryDialog([d.name for d in instrument.dimensions])
    qtbot.addWidget(dialog)
    dialog.show()
    for key in digits("81"):
        qtbot.keyClick(dialog.table, key)
    assert dialog.values() == [8, 1, None, None, None, None]
    assert [dialog.table.item(r, 1).text() for r in range(3)] == ["8", "1", "–"]
    assert [dialog.table.item(r, 0).text() for r in range(6)] == [d.name for d in instrument.dimensions]
    assert not dialog.table.isColumnHidden(2)  # the paper's "hier wil ik over praten" marks
    qtbot.keyClick(dialog.table, Qt.Key.Key_Backspace)  # takes the pending 1 back
    assert dialog.values()[:2] == [8, None]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Backspace)  # and then the 8
    assert dialog.values() == [None] * 6
    assert dialog.table.currentRow() == 0
