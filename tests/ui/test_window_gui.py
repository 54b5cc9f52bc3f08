"""What a new user meets in a real window: Enter on the patient page, where the focus starts in
each form, error lines that take room, and storage messages in the screen's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.models import Professional
from pgdesk.paths import resources_dir
from pgdesk.ui import plain
from pgdesk.ui.dialogs import DateDialog, PatientDialog, ProfessionalDialog
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.security_dialogs import ChangePassphraseDialog, RecoveryDialog, SetupDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, professional):
    w = MainWindow(store, shipped_instrument())
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.backups.enabled = False


def _patient_with_unfinished_conversation_today(store, professional):
    patient = store.add_patient("Fenna Testpersoon")
    c = store.new_consultation(patient.id, professional.id)
    return patient, c


def test_enter_on_the_patient_page_opens_the_selected_unfinished_conversation(
        qtbot, window, store, professional):
    patient, c = _patient_with_unfinished_conversation_today(store, professional)
    window.show_patient(patient.id)
    focused = QApplication.focusWidget()
    assert focused is window.patient_page.table
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.consultation_page is not None)
    assert window.consultation_page.session.id == c.id
    assert len(store.consultations_for(patient.id)) == 1  # no second conversation today


def test_enter_without_conversations_starts_the_first(qtbot, window, store):
    patient = store.add_patient("Gijs Testpersoon")
    window.show_patient(patient.id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.consultation_page is not None)
    assert len(store.consultations_for(patient.id)) == 1


@pytest.mark.parametrize(("answer", "expected"), [(QMessageBox.StandardButton.No, 1),
                                                   (QMessageBox.StandardButton.Yes, 2)])
def test_a_second_conversation_on_one_day_asks_first(qtbot, window, store, professional,
                                                     monkeypatch, answer, expected):
    patient, _ = _patient_with_unfinished_conversation_today(store, professional)
    window.show_patient(patient.id)
    asked = []
    monkeypatch.setattr(plain, "question",
                        lambda *args, **kw: asked.append(args[2]) or answer)
    qtbot.keyClick(window.patient_page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked and "vandaag al een gesprek" in asked[0]
    assert len(store.consultations_for(patient.id)) == expected


# -- form dialogs: the focus starts in the first field, Tab follows the form -------------------

FORMS = {
    "patient": lambda: PatientDialog(),
    "professional": lambda: ProfessionalDialog(known=[]),
    "professional, known": lambda: ProfessionalDialog(known=[Professional(id="p1", name="Dr. X",
                                                                          role="huisarts")]),
    "set-up": lambda: SetupDialog(),
    "colleague": lambda: SetupDialog(colleague=True),
    "change passphrase": lambda: ChangePassphraseDialog(name="Dr. X"),
    "recovery": lambda: RecoveryDialog(name=""),
    "date": lambda: DateDialog("Plannen", "Datum", "2026-05-01"),
}


def _run_real(dialog, look):
    """exec() the real dialog; look at it once it is on screen, then cancel it."""
    seen = {}

    def inspect():
        active = QApplication.activeModalWidget()
        if active is None or QApplication.focusWidget() is None:
            QTimer.singleShot(10, inspect)  # not on screen yet
            return
        try:
            seen.update(look(active))
        finally:
            active.reject()
    QTimer.singleShot(0, inspect)
    dialog.exec()
    return seen


@pytest.mark.parametrize("kind", FORMS)
def test_form_dialogs_start_in_the_first_field_and_tab_follows_the_form(qtbot, kind):
    dialog = FORMS[kind]()
    qtbot.addWidget(dialog)
    fields = dialog.fields()

    def look(active):
        chain, widget = [], QApplication.focusWidget()
        for _ in range(len(fields) + 2):
            chain.append(widget)
            widget = widget.nextInFocusChain()
            while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
                       and widget.isVisible()):
                widget = widget.nextInFocusChain()
        return {"active": active, "focus": QApplication.focusWidget(), "chain": chain}

    seen = _run_real(dialog, look)
    assert seen["active"] is dialog
    enabled = [w for w in fields if w.isEnabled()]
    assert seen["focus"] is enabled[0], kind
    assert seen["chain"][:len(enabled)] == enabled
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok in seen["chain"][len(enabled):]


def test_a_name_typed_at_once_lands_in_the_name_field(qtbot):
    dialog = PatientDialog()
    qtbot.addWidget(dialog)

    _run_real(dialog, lambda active: qtbot.keyClicks(QApplication.focusWidget(), "Anna") or {})
    assert dialog.name.text() == "Anna"


def test_an_error_line_takes_new_room_instead_of_squashing_the_fields(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_height = dialog.name.height()
    before = dialog.height()
    dialog.name.setText("Dr. Test")
    dialog._try_accept()
    QApplication.processEvents()
    assert dialog.error.isVisible()
    assert dialog.height() > before
    assert dialog.name.height() >= field_height


# -- storage messages in the screen's language --------------------------------------------------

@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "pgdesk_en.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.mark.parametrize(("passphrase", "dutch", "english_text"), [
    ("", "Vul een wachtwoord in.", "Please enter a passphrase."),
    ("   ", "Een wachtwoord van alleen spaties kan niet.", "A passphrase of only spaces will not do."),
    ("kort", "Kies een wachtwoord van minstens 8 tekens.",
     "Choose a passphrase of at least 8 characters."),
])
def test_set_up_passphrase_messages_are_right_and_in_the_screen_language(
        qtbot, passphrase, dutch, english_text, request):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Dr. Test")
    dialog.passphrase.setText(passphrase)
    dialog.again.setText(passphrase)
    dialog._try_accept()
    assert dialog.error.text() == "\u26a0\u00a0" + dutch  # a warning sign, not only red
    request.getfixturevalue("english")
    dialog._try_accept()
    assert dialog.error.text() == "\u26a0\u00a0" + english_text


# -- a dark desktop theme ---------------------------------------------------------------------

def _contrast(a, b) -> float:
    def luminance(c):
        def channel(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_dark_desktop_palette_still_gives_readable_titles(qtbot, qapp, store, professional):
    from PySide6.QtGui import QColor, QPalette

    from pgdesk.ui.style import follow_system, is_dark

    before_palette = qapp.palette()
    dark = QPalette(QColor("#353535"))  # what a dark desktop theme hands Qt
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    qapp.setPalette(dark)
    try:
        assert is_dark(qapp.palette())
        assert follow_system(qapp)  # pgdesk follows the dark palette (issue 18)
        assert is_dark(qapp.palette())
        window = MainWindow(store, shipped_instrument())
        qtbot.addWidget(window)
        window.show()
        patient = store.add_patient("Ilse Testpersoon")
        window.show_patient(patient.id)
        title = window.patient_page.title  # pageTitle: the style sheet's title colour for dark
        background = title.palette().color(title.backgroundRole())
        assert _contrast(title.palette().color(title.foregroundRole()), background) >= 7
        table = window.patient_page.table
        assert _contrast(table.palette().color(QPalette.ColorRole.Text),
                         table.palette().color(QPalette.ColorRole.Base)) >= 7
        window.backups.enabled = False
    finally:  # the style stays: Fusion is what the offscreen tests use anyway
        qapp.setPalette(before_palette)
        follow_system(qapp)


def test_a_light_desktop_is_left_alone(qapp):
    from pgdesk.ui.style import follow_system

    before = qapp.palette().color(qapp.palette().ColorRole.Window).name()
    style = qapp.style().name()
    assert not follow_system(qapp)
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == before
    assert qapp.style().name() == style


# -- smaller things ---------------------------------------------------------------------------

def test_after_a_typed_1_the_hint_says_how_to_keep_it(qtbot, store, professional):
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.web_step import WebStep

    patient = store.add_patient("Jet Testpersoon")
    c = store.new_consultation(patient.id, professional.id)
    step = WebStep(ConsultationSession(store, shipped_instrument(), c.id))
    qtbot.addWidget(step)
    usual = step.hint.text()
    qtbot.keyClick(step.table, Qt.Key.Key_1)
    assert "Enter" in step.hint.text() and "1" in step.hint.text()
    qtbot.keyClick(step.table, Qt.Key.Key_Return)  # keeps the 1, on to the next dimension
    assert step.hint.text() == usual
    assert store.consultation(c.id).manual_scores[shipped_instrument().dimensions[0].id] == 1
    assert step.table.currentRow() == 1


def test_who_is_due_heading_stays_on_top_when_nobody_is_due(qtbot):
    from pgdesk.ui.due_panel import DuePanel

    panel = DuePanel()
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.set_items([])
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.title.geometry().top() < 20
    assert panel.empty.geometry().top() < panel.title.geometry().bottom() + 30


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("side", [240, 300, 460])
def test_wheel_labels_stay_inside_their_segments(qtbot, language, side):
    """"How are things now?" and "Wat besluit je?" ran over the segment lines."""
    from pgdesk.ui.consultation.wheel_picture import WheelPicture

    wheel = WheelPicture([step.question for step in shipped_instrument(language).wheel])
    qtbot.addWidget(wheel)
    wheel.resize(side, side)
    wheel.grab()  # paints
    assert len(wheel.drawn) == 6
    for segment, label in wheel.drawn:
        inner = label.adjusted(2, 2, -2, -2)  # antialiased edges aside
        for corner in (inner.topLeft(), inner.topRight(), inner.bottomLeft(), inner.bottomRight()):
            assert segment.contains(corner), (language, side, label)
