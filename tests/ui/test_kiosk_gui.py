"""`pgdesk kiosk`: the waiting room's screen. A patient types the code the practice prepared and
sees only their own questions; a wrong, used or old code shows a clear message and nothing else;
only the passphrase closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from pgdesk.storage.invitations import prepare_invitation, todays_conversation
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.ui import startup
from pgdesk.ui.patient_mode.kiosk import KioskWindow
from tests.security_helpers import PASSPHRASE, USER, make_encrypted

NAME = "Petronella Testpersoon"
OTHER = "Bartholomeus Anderpatiënt"


@pytest.fixture
def kiosk(qtbot, tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    store, _code = make_encrypted(db)
    store.close()
    store = startup.vault.unlock(db, USER, PASSPHRASE, min_seconds=0)
    window = KioskWindow(store, instrument, Keyring.load(keyring_path(db)), 2)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window._closing = True
    store.close()


def _texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
                    if w.isVisible())


def _type(qtbot, kiosk, code):
    qtbot.keyClicks(kiosk.code_screen.code, code)
    qtbot.mouseClick(kiosk.code_screen.start, Qt.MouseButton.LeftButton)


def test_a_prepared_code_opens_only_that_patients_questions_once(qtbot, kiosk):
    store = kiosk.store
    store.add_patient(OTHER, "1960")
    patient = store.add_patient(NAME, "1950")
    pro = store.current_professional()
    code = prepare_invitation(store, patient.id, pro.id if pro else None)
    _type(qtbot, kiosk, code.lower())
    flow = kiosk.flow
    assert flow is not None and kiosk.stack.currentWidget() is flow
    assert NAME not in _texts(kiosk) and OTHER not in _texts(kiosk)
    qtbot.keyClick(flow.welcome, Qt.Key.Key_Return)
    screen = flow.dimension_screens[0]
    qtbot.mouseClick(screen.rows[0].score_buttons[7], Qt.MouseButton.LeftButton)
    cid = todays_conversation(store, patient.id)
    dim = screen.dimension
    assert store.consultation(cid).aspect_scores[dim.id][dim.aspects[0].id] == 7
    flow.go_to(flow.stack.count() - 1)
    qtbot.mouseClick(flow.end.ready, Qt.MouseButton.LeftButton)
    assert kiosk.flow is None and kiosk.stack.currentWidget() is kiosk.code_screen
    assert kiosk.code_screen.thanks.isVisible()
    _type(qtbot, kiosk, code)  # used: nothing opens again
    assert kiosk.flow is None and "niet meer geldig" in kiosk.code_screen.error.text()


@pytest.mark.parametrize("code, why", [("QQQQQQ", "kennen we niet"), ("", "kennen we niet")])
def test_a_wrong_code_shows_a_clear_message_and_nothing_else(qtbot, kiosk, code, why):
    kiosk.store.add_patient(NAME, "1950")
    _type(qtbot, kiosk, code)
    assert kiosk.flow is None and why in kiosk.code_screen.error.text()
    assert NAME not in _texts(kiosk)


def test_an_old_code_shows_a_clear_message(qtbot, kiosk):
    patient = kiosk.store.add_patient(NAME, "1950")
    code = prepare_invitation(kiosk.store, patient.id, None)
    kiosk.store.db.execute("UPDATE patient_invitations SET valid_on = '2000-01-01'")
    _type(qtbot, kiosk, code)
    assert kiosk.flow is None and "niet meer geldig" in kiosk.code_screen.error.text()


def test_guessing_codes_is_slowed_down(qtbot, kiosk):
    for _ in range(5):
        _type(qtbot, kiosk, "QQQQQQ")
    assert not kiosk.code_screen.start.isEnabled()


def test_only_the_passphrase_closes_the_kiosk(qtbot, kiosk):
    kiosk.close()
    assert kiosk.isVisible()
    qtbot.keyClick(kiosk.code_screen.code, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
    qtbot.mouseClick(kiosk.code_screen.practice, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(kiosk.cover.passphrase, "verkeerd wachtwoord")
    qtbot.mouseClick(kiosk.cover.leave_button, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible() and kiosk.cover.error.text()
    qtbot.keyClicks(kiosk.cover.passphrase, PASSPHRASE)
    qtbot.keyClick(kiosk.cover.passphrase, Qt.Key.Key_Return)
    assert not kiosk.isVisible()


def test_the_kiosk_command_is_known():
    from pgdesk.cli import _parser

    assert _parser().parse_args(["kiosk"]).command == "kiosk"


def test_the_practice_prepares_a_code_from_the_patient_menu(qtbot, open_window, tmp_path,
                                                            instrument):
    """Patiënt → Klaarzetten voor de wachtkamer: the real message shows the code, which the
    kiosk on the same file then accepts."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pgdesk.storage.invitations import redeem_invitation

    db = tmp_path / "praktijk.db"
    store, _code = make_encrypted(db)
    window = open_window(store, instrument, Keyring.load(keyring_path(db)))
    patient = store.add_patient(NAME, "1950")
    window.show_patient(patient.id)
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, read_and_close)
    action = next(a for a in window.patient_menu.actions() if "wachtkamer" in a.text())
    action.trigger()
    code = shown[0].split(": ")[1].split("\n")[0]
    assert redeem_invitation(store, code) == todays_conversation(store, patient.id)
    store.close()


def test_the_kiosk_speaks_the_patients_language(qtbot, kiosk):
    from pgdesk.storage.handout_preferences import set_handout_preferences

    patient = kiosk.store.add_patient(NAME, "1950")
    set_handout_preferences(kiosk.store, patient.id, "en", "A4")
    _type(qtbot, kiosk, prepare_invitation(kiosk.store, patient.id, None))
    assert "Welcome" in _texts(kiosk.flow)
    kiosk.show_code_screen(thanks=False)
    assert "Welkom" in _texts(kiosk)  # the next patient's code screen: the practice's language
