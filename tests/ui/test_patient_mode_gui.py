"""Patiëntmodus (issue 17): the patient fills in by keyboard and touch, every answer is stored at
once, and nothing but the professional's passphrase leaves the mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from pgdesk.domain.models import IMPORTANT
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.ui import startup
from tests.security_helpers import PASSPHRASE, USER, make_encrypted

NAME = "Petronella Testpersoon"
OTHER = "Bartholomeus Anderpatiënt"


@pytest.fixture
def window(open_window, tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    store, _code = make_encrypted(db)
    store.close()
    store = startup.vault.unlock(db, USER, PASSPHRASE, min_seconds=0)
    yield open_window(store, instrument, Keyring.load(keyring_path(db)))
    store.close()


@pytest.fixture
def mode(qtbot, window):
    window.store.add_patient(OTHER, "1960")
    patient = window.store.add_patient(NAME, "1950")
    window.show_patient(patient.id)
    qtbot.mouseClick(window.patient_page.fill_in, Qt.MouseButton.LeftButton)
    assert window.patient_mode is not None
    return window.patient_mode


def _texts(widget) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
             if w.isVisible()]
    return " ".join(parts) + " " + widget.window().windowTitle()


def _stored(mode):
    return mode.session.store.consultation(mode.session.id)


def test_a_whole_run_by_keyboard_stores_every_answer(qtbot, window, mode, instrument):
    flow = mode.flow
    assert window.isFullScreen() and not window.menuBar().isVisible()
    qtbot.keyClick(flow.welcome, Qt.Key.Key_Return)
    for n, screen in enumerate(flow.dimension_screens):
        assert flow.stack.currentWidget() is screen
        assert flow.progress.text() == f"{n + 1} van 6"
        assert OTHER not in _texts(window)
        for i, _aspect in enumerate(screen.dimension.aspects):
            if i == 0:  # 1 then 0 is a ten
                qtbot.keyClick(screen, Qt.Key.Key_1)
                qtbot.keyClick(screen, Qt.Key.Key_0)
                qtbot.keyClick(screen, Qt.Key.Key_Space)
            else:
                qtbot.keyClick(screen, Qt.Key.Key_0 + (i + n) % 10)
            qtbot.keyClick(screen, Qt.Key.Key_Return)
        if n == 2:
            qtbot.keyClick(screen, Qt.Key.Key_Space)  # the whole dimension
        qtbot.keyClick(screen, Qt.Key.Key_Return)
        c = _stored(mode)  # stored at once, screen by screen
        dim = screen.dimension
        assert c.aspect_scores[dim.id][dim.aspects[0].id] == 10
        for i, aspect in enumerate(dim.aspects[1:], start=1):
            assert c.aspect_scores[dim.id][aspect.id] == (i + n) % 10
        assert (dim.id, dim.aspects[0].id) in c.talk
        assert ((dim.id, "") in c.talk) == (n == 2)
    assert flow.stack.currentWidget() is flow.end
    assert OTHER not in _texts(window)
    qtbot.keyClicks(flow.end.important, "Weer zelf boodschappen doen")
    qtbot.keyClick(flow.end.important, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert mode.covered
    c = _stored(mode)
    assert c.wheel_answers[IMPORTANT] == "Weer zelf boodschappen doen"
    assert c.is_scored(instrument)
    assert "Weer zelf boodschappen" not in _texts(window)


def test_touch_skip_and_talk_by_clicks(qtbot, mode):
    flow = mode.flow
    qtbot.mouseClick(flow.welcome.begin, Qt.MouseButton.LeftButton)
    screen = flow.dimension_screens[0]
    dim, row = screen.dimension, screen.rows[0]
    qtbot.mouseClick(row.score_buttons[6], Qt.MouseButton.LeftButton)
    assert _stored(mode).aspect_scores[dim.id][dim.aspects[0].id] == 6
    qtbot.mouseClick(row.skip, Qt.MouseButton.LeftButton)
    assert dim.aspects[0].id not in _stored(mode).aspect_scores.get(dim.id, {})
    assert row.skip.isChecked() and not any(b.isChecked() for b in row.score_buttons)
    qtbot.mouseClick(screen.rows[-1].talk, Qt.MouseButton.LeftButton)
    assert (dim.id, "") in _stored(mode).talk
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(flow.back_button, Qt.MouseButton.LeftButton)
    assert flow.stack.currentWidget() is screen and screen.rows[-1].talk.isChecked()


def test_touch_targets_are_at_least_44_px(qtbot, mode):
    for index in range(mode.flow.stack.count()):
        mode.flow.go_to(index)
        buttons = [b for b in mode.findChildren(QAbstractButton) if b.isVisible()]
        assert buttons
        for b in buttons:
            assert b.width() >= 44 and b.height() >= 44, b.text()


def test_close_escape_and_menu_shortcuts_do_not_leave(qtbot, window, mode):
    mode.flow.forward()
    window.close()
    assert window.isVisible() and window.patient_mode is mode
    qtbot.keyClick(mode.flow.dimension_screens[0], Qt.Key.Key_Escape)
    qtbot.keyClick(mode.flow.dimension_screens[0], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.patient_mode is mode and window.outer.currentWidget() is mode
    assert not window.menuBar().isEnabled()


def test_only_the_right_passphrase_leaves(qtbot, window, mode):
    mode.flow.forward()
    qtbot.keyClick(mode.flow.dimension_screens[0], Qt.Key.Key_7)
    mode.cover(done=False)
    cover = mode.cover_screen
    qtbot.keyClicks(cover.passphrase, "verkeerd wachtwoord")
    qtbot.mouseClick(cover.leave_button, Qt.MouseButton.LeftButton)
    assert window.patient_mode is mode and cover.error.text()
    qtbot.keyClicks(cover.passphrase, PASSPHRASE)
    qtbot.keyClick(cover.passphrase, Qt.Key.Key_Return)
    assert window.patient_mode is None
    assert window.stack.currentWidget() is window.patient_page
    assert window.menuBar().isVisible() and window.menuBar().isEnabled()


def test_idle_time_hides_the_answers(qtbot, window, mode):
    mode.flow.go_to(len(mode.flow.dimension_screens) + 1)
    qtbot.keyClicks(mode.flow.end.important, "Mijn kleinkinderen")
    assert "Mijn kleinkinderen" in mode.flow.end.important.toPlainText()
    mode.idle.timer.setInterval(30)
    mode.idle.timer.start()
    qtbot.waitUntil(lambda: mode.covered, timeout=2000)
    assert not mode.flow.isVisible()
    assert _stored(mode).wheel_answers[IMPORTANT] == "Mijn kleinkinderen"
    assert "Geef het scherm terug aan de praktijk" in _texts(window)


def test_the_window_lock_ends_the_mode_and_shows_no_answers(qtbot, window, mode):
    mode.flow.forward()
    window.lock()
    assert window.locked and window.patient_mode is None
    assert window.outer.currentWidget() is window.lock_screen
    assert NAME not in _texts(window)


def test_ctrl_shift_p_on_the_patient_page_starts_the_mode_for_that_patient(qtbot, window):
    from PySide6.QtWidgets import QApplication

    patient = window.store.add_patient(NAME, "1950")
    window.show_patient(patient.id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.patient_mode is not None and window.patient_mode.session.patient.id == patient.id
    assert window.outer.currentWidget() is window.patient_mode


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (683, 512)])  # 683x512: 1024 at 1.5x
def test_every_button_shows_its_whole_text_on_small_screens(qtbot, window, mode, size):
    """At 1366 and 1024 px wide, and 1024 at 1.5x scale, no button is cut and none sticks out of
    the window: the rows take two lines where one is too narrow, and the screen scrolls."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() <= size[0] + 1)
    for index in range(mode.flow.stack.count()):
        mode.flow.go_to(index)
        qtbot.wait(10)
        right_edge = window.mapToGlobal(window.rect().topRight()).x()
        seen = 0
        for b in mode.findChildren(QAbstractButton):
            if not b.isVisibleTo(window) or not b.visibleRegion().boundingRect().isValid():
                continue  # scrolled out of sight
            assert b.width() >= b.sizeHint().width() - 1, (size, index, b.text(), b.width())
            assert b.mapToGlobal(b.rect().topRight()).x() <= right_edge + 1, (size, index, b.text())
            seen += 1
        assert seen >= 1, (size, index)
    screen = mode.flow.dimension_screens[0]
    assert all(row.narrow for row in screen.rows) == (size[0] < 1200)


def test_each_dimension_shows_its_pictogram_beside_its_name(qtbot, mode):
    for screen in mode.flow.dimension_screens:
        assert not screen.pictogram.pixmap().isNull(), screen.dimension.id


def test_the_professional_sees_what_the_patient_filled_in_and_both_numbers_stay(
        qtbot, window, mode, instrument):
    from pgdesk.storage.patient_answers import patient_answers

    mode.flow.forward()
    screen = mode.flow.dimension_screens[0]
    dim = screen.dimension
    qtbot.mouseClick(screen.rows[0].score_buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.rows[1].talk, Qt.MouseButton.LeftButton)
    cid = mode.session.id
    mode.cover(done=True)
    qtbot.keyClicks(mode.cover_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(mode.cover_screen.passphrase, Qt.Key.Key_Return)
    assert window.patient_mode is None
    window.open_consultation(cid)
    web = window.consultation_page.web
    web.table.selectRow(0)
    note = web.patient_note.text()
    assert web.patient_note.isVisible()
    assert "Ingevuld door de patiënt: 6" in note and "nu:" not in note
    assert dim.aspects[1].name in note  # the talk mark the patient set
    web.set_score(0, 8)  # agreed in the consult
    assert "nu: 8" in web.patient_note.text()
    assert patient_answers(window.store, cid).aspect_scores[dim.id][dim.aspects[0].id] == 6


def test_killed_mid_way_nothing_confirmed_is_lost_and_the_mode_reopens_there(tmp_path, instrument):
    """pgdesk is killed (SIGKILL, as a power cut) while the patient is on the third dimension;
    the next start goes straight back to that screen, with every answer given so far."""
    import json
    import os
    import subprocess
    import sys

    from pgdesk.storage.repository import Store
    from tests.ui.patient_mode_kill_child import SCREEN

    db = tmp_path / "praktijk.db"
    with Store.open(db) as store:
        store.set_current_professional(store.add_professional("Test Huisarts", "huisarts").id)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = [sys.executable, "-m", "tests.ui.patient_mode_kill_child"]
    fill = subprocess.Popen([*child, "fill", str(db)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = fill.stdout.readline()
        assert line.startswith("READY"), line
    finally:
        fill.kill()  # SIGKILL: no clean-up runs
        fill.wait(30)
    resumed = subprocess.run([*child, "resume", str(db)], capture_output=True, text=True, env=env,
                             timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    state = json.loads(resumed.stdout.strip().splitlines()[-1])
    assert state["consultation"] == line.split()[1]
    assert state["index"] == SCREEN and state["full_screen"]
    assert state["skip_checked"]  # "weet ik niet" on the screen it was given
    assert len(state["scores"]) == SCREEN - 1
    for n, dim in enumerate(instrument.dimensions[:SCREEN - 1]):
        assert state["scores"][dim.id] == {a.id: n + 3 for a in dim.aspects}


def test_the_mode_speaks_the_patients_language_and_the_practice_keeps_its_own(qtbot, window):
    from pgdesk.storage.handout_preferences import set_handout_preferences

    patient = window.store.add_patient(NAME, "1950")
    set_handout_preferences(window.store, patient.id, "en", "A4")
    window.show_patient(patient.id)
    qtbot.mouseClick(window.patient_page.fill_in, Qt.MouseButton.LeftButton)
    mode = window.patient_mode
    assert "Welcome" in _texts(mode) and "Welkom" not in _texts(mode)
    mode.flow.forward()
    assert mode.flow.progress.text() == "1 of 6"
    assert mode.session.instrument.language == "en"
    assert "Your body" in _texts(mode.flow.dimension_screens[0])
    mode.cover(done=True)
    qtbot.keyClicks(mode.cover_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(mode.cover_screen.passphrase, Qt.Key.Key_Return)
    assert window.patient_mode is None
    from PySide6.QtCore import QCoreApplication

    # the practice's screens: Dutch again
    assert QCoreApplication.translate("WelcomeScreen", "Welkom") == "Welkom"


def test_on_a_screen_beside_the_desk_the_main_window_stays_the_professionals(qtbot, window):
    """A second screen or tablet: the mode is a window of its own there, locked as in the main
    window; the professional's window keeps its menus; the passphrase ends it."""
    from PySide6.QtGui import QGuiApplication

    from pgdesk.ui.patient_mode.mode import PatientMode

    patient = window.store.add_patient(NAME, "1950")
    window.show_patient(patient.id)
    mode = PatientMode.start(window, patient.id, 2, on=QGuiApplication.primaryScreen())
    window.patient_mode = mode
    assert mode.isWindow() and mode.isVisible() and mode.isFullScreen()
    assert window.outer.currentWidget() is not mode and window.menuBar().isEnabled()
    assert not window.isFullScreen()
    mode.close()
    assert mode.isVisible()  # Alt+F4 on the patient's screen
    mode.flow.forward()
    qtbot.keyClick(mode.flow.dimension_screens[0], Qt.Key.Key_4)
    dim = mode.flow.dimension_screens[0].dimension
    assert _stored(mode).aspect_scores[dim.id][dim.aspects[0].id] == 4
    mode.cover(done=True)
    qtbot.keyClicks(mode.cover_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(mode.cover_screen.passphrase, Qt.Key.Key_Return)
    assert window.patient_mode is None and not mode.isVisible()
    assert window.stack.currentWidget() is window.patient_page


def test_the_chosen_screen_is_used_only_when_it_is_there_and_not_the_main_windows(qtbot, window):
    from PySide6.QtCore import QSettings

    from pgdesk.ui.patient_mode.hooks import SETTING_PATIENT_SCREEN, patient_screen

    settings = QSettings()
    try:
        settings.setValue(SETTING_PATIENT_SCREEN, "een scherm dat er niet is")
        assert patient_screen(window) is None
        settings.setValue(SETTING_PATIENT_SCREEN, window.screen().name())
        assert patient_screen(window) is None  # the main window's own: it turns instead
    finally:
        settings.remove(SETTING_PATIENT_SCREEN)
