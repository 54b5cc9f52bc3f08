"""End to end in the real window, offscreen: a whole consultation by keyboard (and one drag).

Counts the key presses and clicks beyond typed answers, to hold the consult to its budget.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from radar_helpers import drag

from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.dialogs import PatientDialog
from pgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ANSWERS = [
    "Ik ben vaak moe.", "Weer fietsen naar de markt.", "Ik heb vroeger veel gefietst.",
    "Mijn knie doet pijn.", "Een fietsmaatje.", "Ik fiets zaterdag een rondje.",
]


class Keys:
    """Presses keys on the focused widget and counts them (typed text is not counted)."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0

    def target(self):
        # The offscreen platform does not hand activation back after a modal dialog closes,
        # as a desktop does; shortcuts need an active window.
        if QApplication.activeWindow() is None:
            self.window.activateWindow()
            self.qtbot.waitActive(self.window)
        widget = QApplication.focusWidget() or self.window.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key, mods=Qt.KeyboardModifier.NoModifier, times=1):
        for _ in range(times):
            self.qtbot.keyClick(self.target(), key, mods)
            self.count += 1

    def type(self, text):
        self.qtbot.keyClicks(self.target(), text)


def _fill_patient_dialog(qtbot, name, birth, number):
    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PatientDialog)
        dialog.name.insert(name)  # QTest can only type ASCII; insert() is what typing does
        qtbot.keyClicks(dialog.birth, birth)
        qtbot.keyClicks(dialog.number, number)
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    QTimer.singleShot(0, fill)


def test_whole_consultation_by_keyboard_then_reopened(qtbot, window, store, db_path, tmp_path,
                                                     monkeypatch, instrument):
    keys = Keys(qtbot, window)
    # A new patient, through the real dialog.
    _fill_patient_dialog(qtbot, "Zoë Ĳzerman", "02-05-1961", "H-4711")
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.patient_page)
    patient_id = window.patient_page.patient_id
    keys.count = 0  # the budget is for the consultation of a returning patient

    # Back to the list, find her by typing, open with Enter.
    window.show_list()
    store.add_patient("Anna Andersen")  # someone else, so the search has to narrow down
    window.list_page.refresh()
    keys.type("ijzer")
    qtbot.waitUntil(lambda: [p.id for p in window.list_page.model._patients] == [patient_id])
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.patient_page)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.consultation_page is not None)
    page = window.consultation_page
    assert page.current_step == "web"

    # Six scores typed: 7, 5, 10 ("1" then "0"), 6, 4, 8.
    for digit in "7510648":
        keys.press(getattr(Qt.Key, f"Key_{digit}"))
    c = page.session.c
    assert [c.manual_scores[d.id] for d in instrument.dimensions] == [7, 5, 10, 6, 4, 8]
    # One score dragged on the radar with the mouse: meedoen 4 -> 6.
    drag(qtbot, page.web.radar, 4, 4, 6)
    assert store.consultation(c.id).manual_scores["meedoen"] == 6
    assert page.web.table.item(4, 1).text() == "6"
    keys.press(Qt.Key.Key_Return)  # Enter on the last row: next step
    assert page.current_step == "focus"

    # Focus: "5" picks the fifth dimension (meedoen); Enter moves on.
    keys.press(Qt.Key.Key_5)
    keys.press(Qt.Key.Key_Return)
    assert page.current_step == "wheel"
    assert store.consultation(c.id).focus == {("meedoen", "")}
    assert page.focus.tree.topLevelItem(4).text(1) == "6"  # the score dragged to 6 is shown

    # The six wheel questions.
    for answer in ANSWERS:
        keys.type(answer)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.current_step == "plan"

    # The plan: goal and first step come prefilled from the wheel; fill who and when.
    plan = page.plan
    assert plan.fields["goal"].text() == ANSWERS[1]
    assert plan.fields["first_step"].text() == ANSWERS[5]
    assert QApplication.focusWidget() is plan.fields["helper"]  # first empty field
    keys.type("Fietsmaatje via het buurthuis")
    keys.press(Qt.Key.Key_Tab)
    keys.type("zaterdag om tien uur")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Space)  # "volgend gesprek afgesproken"
    keys.press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.current_step == "summary"

    # Print through the (patched) system dialog into a PDF file.
    printed = tmp_path / "geprint.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    original = page.summary.print_handout

    def print_to_file(*, printer=None, ask=True):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return original(printer=printer, ask=ask)

    monkeypatch.setattr(page.summary, "print_handout", print_to_file)
    keys.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    keys.count += 1  # the OK in the print dialog
    assert printed.exists() and len(PdfReader(printed).pages) >= 1
    assert keys.count <= 25, f"{keys.count} key presses for one consultation"

    # The handout on screen holds the plan; Save as PDF writes it.
    text = " ".join("".join(p.extract_text() for p in
                            PdfReader(__import__("io").BytesIO(page.summary.pdf)).pages).split())
    assert "Zoë Ĳzerman" in text
    assert ANSWERS[5] in text and "Fietsmaatje via het buurthuis" in text
    saved = tmp_path / "samenvatting.pdf"
    assert page.summary.save_pdf(str(saved))
    assert saved.read_bytes() == page.summary.pdf

    # Reopen the database: every answer is there, with no Save button pressed.
    cid = c.id
    window.close()
    store.close()
    again = Store.open(db_path)
    try:
        got = again.consultation(cid)
        assert got.patient_id == patient_id
        assert got.manual_scores == {"lichaamsfuncties": 7, "mentaal_welbevinden": 5,
                                     "zingeving": 10, "kwaliteit_van_leven": 6, "meedoen": 6,
                                     "dagelijks_functioneren": 8}
        assert [got.wheel_answers[w.id] for w in instrument.wheel] == ANSWERS
        assert got.plan.goal == ANSWERS[1]
        assert got.plan.helper == "Fietsmaatje via het buurthuis"
        assert got.plan.when == "zaterdag om tien uur"
        assert got.plan.next_appointment  # proposed date, accepted with Space
        assert got.completed_at
        assert again.patient(patient_id).practice_number == "H-4711"
    finally:
        again.close()


def test_interrupted_consultation_reopens_where_it_stopped(qtbot, window, store, professional):
    p = store.add_patient("Piet Onderbreking")
    c = store.new_consultation(p.id, professional.id)
    window.show_patient(p.id)
    window.open_consultation(c.id)
    page = window.consultation_page
    page.go_to(2)
    page.wheel.go_to(3)
    qtbot.keyClicks(page.wheel.answer, "Half getypt")
    # Typing pauses: stored within half a second, with no Save button.
    qtbot.waitUntil(lambda: store.consultation(c.id).wheel_answers.get("tegenhouden")
                    == "Half getypt", timeout=2000)
    qtbot.keyClicks(page.wheel.answer, " antwoord")
    # Leaving for another patient stores what was typed last, at once.
    window.show_list()
    assert store.consultation(c.id).wheel_answers["tegenhouden"] == "Half getypt antwoord"
    window.open_consultation(c.id)
    page = window.consultation_page
    assert page.current_step == "wheel"
    assert page.wheel.index == 3
    assert page.wheel.answer.toPlainText() == "Half getypt antwoord"


def test_score_out_of_range_from_radar_is_refused(qtbot, window, store, professional,
                                                  monkeypatch):

    p = store.add_patient("Els Grens")
    c = store.new_consultation(p.id, professional.id)
    window.show_patient(p.id)
    window.open_consultation(c.id)
    messages = []
    monkeypatch.setattr(plain, "warning", lambda *a: messages.append(a[2]))
    window.consultation_page.web.set_score(0, 12)
    assert messages and "0 tot en met 10" in messages[0]
    assert store.consultation(c.id).manual_scores == {}


def test_a_seventh_dimension_flows_through_window_and_handout(qtbot, store, professional):
    import io
    import json

    from pgdesk.domain.instrument import parse_instrument
    from pgdesk.paths import resources_dir

    data = json.loads((resources_dir() / "instrument" / "nl.json").read_text(encoding="utf-8"))
    data["dimensions"].append({"id": "werk", "name": "Werk", "explanation": "Hoe gaat uw werk?",
                               "aspects": [{"id": "plezier", "name": "Plezier in je werk"}]})
    seven = parse_instrument(data)
    w = MainWindow(store, seven)
    qtbot.addWidget(w)
    p = store.add_patient("Wim Zeven")
    c = store.new_consultation(p.id, professional.id)
    w.show_patient(p.id)
    w.open_consultation(c.id)
    page = w.consultation_page
    assert page.web.table.rowCount() == 7 and len(page.web.radar.labels()) == 7
    for digit in "3456789":
        qtbot.keyClick(page.web.table, getattr(Qt.Key, f"Key_{digit}"))
    assert store.consultation(c.id).manual_scores["werk"] == 9
    page.go_to(4)
    text = " ".join("".join(pg.extract_text() for pg in
                            PdfReader(io.BytesIO(page.summary.pdf)).pages).split())
    assert "Werk" in text


def test_talk_mark_on_an_aspect_stays_visible_after_a_score_change(qtbot, window, store,
                                                                   professional):
    p = store.add_patient("Tess Aspect")
    c = store.new_consultation(p.id, professional.id)
    store.set_mark(c.id, "talk", "zingeving", "levenslust", True)
    window.show_patient(p.id)
    window.open_consultation(c.id)
    web = window.consultation_page.web
    assert web.table.item(2, 2).text() == "✓"
    web.set_score(2, 7)
    assert web.table.item(2, 1).text() == "7"
    assert web.table.item(2, 2).text() == "✓"
