"""The window with an encrypted database: set-up, unlock, the lock screen, the access log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from pgdesk.storage import access_log
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.storage.repository import Store
from pgdesk.ui import plain, startup
from pgdesk.ui.security_dialogs import RecoveryCodeDialog, SetupDialog
from pgdesk.ui.unlock_dialog import UnlockDialog
from tests.security_helpers import PASSPHRASE, USER, make_encrypted

NAME = "Geertje Vermeulen-Testpersoon"


@pytest.fixture
def encrypted(tmp_path):
    db = tmp_path / "praktijk.db"
    store, code = make_encrypted(db)
    store.close()
    return db


@pytest.fixture
def window(open_window, encrypted, instrument):
    store = startup.vault.unlock(encrypted, USER, PASSPHRASE, min_seconds=0)
    yield open_window(store, instrument, Keyring.load(keyring_path(encrypted)))
    store.close()


def _unlock_with(name, passphrase, attempts):
    def fake_exec(dialog: UnlockDialog):
        for n, p in attempts:
            dialog.form.name.setText(n)
            dialog.form.passphrase.setText(p)
            dialog.form.unlock_button.click()
            if dialog.result() == QDialog.DialogCode.Accepted or dialog.failure:
                break
        dialog.seen_error = dialog.form.error.text()
        return dialog.result()
    return fake_exec


def test_start_asks_name_and_passphrase_and_remembers_the_name(qtbot, encrypted, monkeypatch):
    seen = []

    def fake_exec(dialog):
        result = _unlock_with(None, None, [("Iemand Anders", PASSPHRASE), (USER, "fout fout"),
                                           (USER, PASSPHRASE)])(dialog)
        seen.append(dialog)
        return result

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    store, keyring = startup.open_interactively(str(encrypted))
    with store:
        assert store.actor.name == USER
    assert QSettings().value(startup.LAST_USER) is None  # no name in clear in the settings
    assert "klopt niet" in seen[0].seen_error  # the wrong tries were told, the same way


def test_first_start_sets_up_the_first_user_and_shows_the_recovery_code(qtbot, tmp_path,
                                                                         monkeypatch):
    db = tmp_path / "nieuw.db"
    shown = []

    def fill(dialog):
        dialog.name.setText("Dr. Eerste Gebruiker")
        dialog.passphrase.setText("zin van de eerste")
        dialog.again.setText("zin van de eerste")
        dialog._try_accept()
        return dialog.result()

    def recovery(dialog):
        shown.append(dialog.code.text())
        assert not dialog.ok.isEnabled()  # continuing needs the tick
        dialog.kept.setChecked(True)
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupDialog, "exec", fill)
    monkeypatch.setattr(RecoveryCodeDialog, "exec", recovery)
    store, keyring = startup.open_interactively(str(db))
    with store:
        assert store.encrypted and store.current_professional().name == "Dr. Eerste Gebruiker"
    assert len(shown) == 1 and len(shown[0]) == 34
    keyring.unlock_with_recovery(shown[0], min_seconds=0)


def test_setup_refuses_mismatched_passphrases(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Dr. Test")
    dialog.passphrase.setText("eerste versie")
    dialog.again.setText("tweede versie")
    dialog._try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "niet gelijk" in dialog.error.text()


def test_plain_database_is_converted_at_first_start(qtbot, tmp_path, monkeypatch, instrument):
    db = tmp_path / "oud.sqlite"
    with Store.open(db) as plain:
        plain.add_patient(NAME, "1950")

    def fill(dialog):
        assert "niets verloren" in " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
        dialog.name.setText("Dr. Test Arts")
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        dialog._try_accept()
        return dialog.result()

    monkeypatch.setattr(SetupDialog, "exec", fill)
    monkeypatch.setattr(RecoveryCodeDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    store, _ = startup.open_interactively(str(db))
    with store:
        assert store.encrypted and store.search_patients("Vermeulen")[0].display_name == NAME
    assert NAME.encode() not in db.read_bytes()


def _visible_texts(w) -> str:
    return " ".join(lbl.text() for lbl in w.findChildren(QLabel) if lbl.isVisible()) + w.windowTitle()


def test_lock_hides_patient_data_and_unlock_returns_to_the_same_place(qtbot, window, instrument):
    p = window.store.add_patient(NAME, "1950")
    window.show_patient(p.id)
    window.new_consultation()
    page = window.consultation_page
    page.go_to(2)  # the wheel
    step = page.steps[2]
    step.answer.setPlainText("Ik wil weer zelf boodschappen doen")
    assert NAME in _visible_texts(window)

    window.lock()
    assert window.locked and window.outer.currentWidget() is window.lock_screen
    assert NAME not in _visible_texts(window)
    assert not window.menuBar().isEnabled()
    # what was typed was stored when the lock came
    stored = window.store.consultation(page.session.id).wheel_answers
    assert "Ik wil weer zelf boodschappen doen" in stored.values()

    assert not window.unlock(USER, "verkeerd wachtwoord")
    assert window.locked and "klopt niet" in window.lock_screen.form.error.text()
    assert window.unlock(USER, PASSPHRASE)
    assert not window.locked
    assert window.consultation_page is page and page.current_step == "wheel"
    assert step.answer.toPlainText() == "Ik wil weer zelf boodschappen doen"


def test_idle_time_locks_the_window(qtbot, window):
    window.idle.timer.setInterval(30)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)


def test_lock_closes_open_dialogs(qtbot, window, monkeypatch):
    from PySide6.QtCore import QTimer

    from pgdesk.ui.dialogs import PatientDialog

    closed = []

    def open_and_lock():
        dialog = PatientDialog(window)
        dialog.finished.connect(closed.append)
        dialog.show()
        window.lock()

    QTimer.singleShot(0, open_and_lock)
    qtbot.waitUntil(lambda: window.locked and closed == [QDialog.DialogCode.Rejected])


def test_access_log_dialog_lists_and_prints_the_log(qtbot, window, instrument, tmp_path):
    from pgdesk.ui.patient_actions import AccessLogDialog

    p = window.store.add_patient(NAME, "1950")
    window.show_patient(p.id)
    dialog = AccessLogDialog(window.store, instrument, p.id, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2  # created, opened
    assert dialog.table.item(0, 1).text() == USER
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "log.pdf"))
    assert dialog.print_log(printer=printer, ask=False)
    assert (tmp_path / "log.pdf").stat().st_size > 1000
    last = access_log.lines_for(window.store.db, p.id)[-1]
    assert (last["action"], last["what"]) == ("E", "access_log")


def test_erase_from_the_window_needs_the_name(qtbot, window, monkeypatch):
    from pgdesk.ui import patient_actions

    monkeypatch.setattr(plain, "warning", lambda *a: None)
    p = window.store.add_patient(NAME, "1950")
    assert not patient_actions.erase(window, window.store, p.id, confirm_text="iemand anders")
    assert window.store.search_patients("Vermeulen")
    assert patient_actions.erase(window, window.store, p.id, confirm_text=NAME.lower())
    assert window.store.search_patients("Vermeulen") == []


def _damage(encrypted, folder):
    """A practice database with a backup in `folder`, then one damaged page that opening does
    not read (the last: the patients' names)."""
    from pgdesk.storage import backup
    from pgdesk.ui.backups import set_backup_folder

    with startup.vault.unlock(encrypted, USER, PASSPHRASE, min_seconds=0) as store:
        store.add_patient(NAME, "1950")
        for i in range(30):
            store.add_patient(f"Vulling {i} Testpersoon", "1960")
        backup.make_backup(store.opened, folder)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    set_backup_folder(folder)
    data = bytearray(encrypted.read_bytes())
    data[-4096 + 50] ^= 0xFF
    encrypted.write_bytes(bytes(data))


def test_opening_does_not_check_every_page(qtbot, encrypted, monkeypatch):
    """The full check (seconds at a large practice) is not run at the window's start."""
    from pgdesk.storage import database

    full_checks = []
    real = database.check_integrity
    monkeypatch.setattr(database, "check_integrity",
                        lambda *a, full=True: full_checks.append(full) or real(*a, full=full))
    monkeypatch.setattr(UnlockDialog, "exec", _unlock_with(None, None, [(USER, PASSPHRASE)]))
    store, _ = startup.open_interactively(str(encrypted))
    with store:
        assert store.professionals()
    assert full_checks == [False]


def test_damage_found_in_the_background_offers_the_newest_good_backup(
        qtbot, encrypted, monkeypatch, tmp_path, open_window, instrument):
    from pgdesk.storage import backup
    from pgdesk.ui import integrity_watch

    folder = tmp_path / "usb"
    _damage(encrypted, folder)
    questions = []
    monkeypatch.setattr(UnlockDialog, "exec", _unlock_with(None, None, [(USER, PASSPHRASE)]))
    monkeypatch.setattr(plain, "question",
                        lambda *a: questions.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(plain, "information", lambda *a: None)
    store, keyring = startup.open_interactively(str(encrypted))  # opens: no page-by-page wait
    assert questions == []
    w = open_window(store, instrument, keyring)
    w.integrity = integrity_watch.start(w)
    qtbot.waitUntil(lambda: bool(questions), timeout=10_000)
    w.integrity.wait()
    assert "beschadigd" in questions[0] and "31 patiënten" in questions[0]
    assert list(tmp_path.glob("praktijk.db.voor-herstel-*"))  # the damaged file is kept
    assert w.store is not store and w.store.search_patients("Vermeulen")  # the backup, reopened
    assert len(backup.list_backups(folder)) == 1
    w.store.close()


def test_a_sound_database_is_checked_in_silence(qtbot, window, monkeypatch):
    from pgdesk.ui import integrity_watch

    told = []
    monkeypatch.setattr(plain, "question", lambda *a: told.append(a))
    monkeypatch.setattr(plain, "critical", lambda *a: told.append(a))
    window.integrity = integrity_watch.start(window)
    window.integrity.wait()
    qtbot.wait(50)
    assert window.integrity.found is None and told == []


