"""The clipboard and the lock: the SOEP text and the recovery code leave the clipboard after a
while, on lock and on exit (only while still ours); every window goes when pgdesk locks, also
the recovery code that refuses Escape, and that code comes back after unlocking.

The clear-after time is a workstation setting, made short here. All data is fictitious.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.security_dialogs import RecoveryCodeDialog
from tests.security_helpers import PASSPHRASE, USER, make_encrypted, unlock

pytestmark = pytest.mark.gui

SECONDS = "clipboard/seconds"  # the setting, by name, so this also runs against older code
NAME = "Joost Klembord-Testpersoon"


@pytest.fixture
def window(qtbot, tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    make_encrypted(db)[0].close()
    store = unlock(db)
    w = MainWindow(store, instrument, Keyring.load(keyring_path(db)))
    qtbot.addWidget(w)
    w.backups.enabled = False
    w.show()
    p = store.add_patient(NAME, "1961")
    c = store.new_consultation(p.id, store.actor.professional_id)
    store.set_wheel_answer(c.id, "nu", "Ik wil weer fietsen naar de markt")
    w.show_patient(p.id)
    w.open_consultation(c.id)
    yield w
    w.backups.enabled = False
    store.close()


def clip() -> str:
    return QApplication.clipboard().text()


def copy_soep(window) -> str:
    window.consultation_page.go_to(4)
    assert window.consultation_page.summary.copy_to_his()
    assert "Positieve Gezondheid" in clip()
    return clip()


def test_the_soep_text_leaves_the_clipboard_after_the_set_time(qtbot, window):
    QSettings().setValue(SECONDS, 0.3)
    copy_soep(window)
    qtbot.waitUntil(lambda: clip() == "", timeout=3000)


def test_what_the_user_copied_since_is_left_alone(qtbot, window):
    QSettings().setValue(SECONDS, 0.3)
    copy_soep(window)
    QApplication.clipboard().setText("eigen tekst van de gebruiker")
    qtbot.wait(700)
    assert clip() == "eigen tekst van de gebruiker"
    window.lock()
    window.close()
    assert clip() == "eigen tekst van de gebruiker"


def test_lock_and_exit_clear_the_clipboard_long_before_the_time(qtbot, window):
    QSettings().setValue(SECONDS, 600)
    copy_soep(window)
    window.idle.idle.emit()  # what the idle timer, suspend or the screen lock do
    assert window.locked and clip() == ""
    assert window.unlock(USER, PASSPHRASE)
    copy_soep(window)
    window.close()
    assert clip() == ""


def test_the_idle_lock_closes_every_window_also_the_recovery_code(qtbot, window):
    """The recovery code refuses Escape until it is kept; the lock closes it anyway (its exec
    returns), and a message box and a window that is not modal go too."""
    QSettings().setValue(SECONDS, 600)
    seen: dict = {}

    def while_the_code_shows():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):  # "a new code makes the old one invalid": yes
            dialog.button(QMessageBox.StandardButton.Yes).click()
        if not isinstance(dialog, RecoveryCodeDialog):
            QTimer.singleShot(10, while_the_code_shows)
            return
        seen["code"] = dialog.code.text()
        next(b for b in dialog.findChildren(QPushButton) if "opi" in b.text()).click()  # &Kopiëren
        seen["copied"] = clip()
        other = QDialog(window)  # not modal
        other.setWindowTitle(NAME)
        other.show()
        box = QMessageBox(QMessageBox.Icon.Information, "pgdesk", NAME, QMessageBox.StandardButton.Ok, dialog)
        box.show()
        seen["windows"] = [dialog, other, box]
        dialog.reject()  # Escape: refused, the code was not kept
        seen["after escape"] = dialog.isVisible()
        window.idle.idle.emit()
        seen["left open"] = [w for w in seen["windows"] if w.isVisible()]
        for w in seen["left open"]:  # so that a failure here does not hang the test
            w.done(0) if isinstance(w, QDialog) else w.close()

    QTimer.singleShot(0, while_the_code_shows)
    window.new_recovery_code()  # returns once the lock has closed the dialog
    assert window.locked
    assert seen["after escape"] and seen["copied"] == seen["code"] and len(seen["code"]) > 20
    assert seen["left open"] == []
    assert clip() == ""
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]

    # the new code replaced the old one: after unlocking it is shown again until it is kept
    shown_again = []

    def keep_it():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryCodeDialog):
            QTimer.singleShot(10, keep_it)
            return
        shown_again.append(dialog.code.text())
        dialog.kept.setChecked(True)
        dialog.ok.click()

    QTimer.singleShot(0, keep_it)
    assert window.unlock(USER, PASSPHRASE)
    qtbot.waitUntil(lambda: shown_again == [seen["code"]], timeout=3000)
    window.lock()
    assert window.unlock(USER, PASSPHRASE)
    qtbot.wait(100)
    assert shown_again == [seen["code"]]  # kept: not again
