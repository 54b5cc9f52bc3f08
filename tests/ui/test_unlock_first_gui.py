"""An encrypted practice's start: the unlock dialog paints before storage is imported; the
import and the check of the files follow its paint, and it then unlocks as before."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pgdesk.storage.keyring import KeyringError, keyring_path
from pgdesk.ui import app as app_module
from pgdesk.ui import startup
from tests.security_helpers import PASSPHRASE, USER, make_encrypted

# What the dialog does not need: storage with its database and key libraries.
LATE = ("sqlite_utils", "sqlcipher3", "cryptography", "pgdesk.storage")

WATCH_FIRST_DIALOG_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog

app = QApplication(sys.argv[:1])

class Watch(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and isinstance(obj.window(), QDialog)):
            print("dialog", obj.window().windowTitle(), flush=True)
            print("loaded", ",".join(m for m in sys.argv[2].split(",") if m in sys.modules),
                  flush=True)
            os._exit(0)
        return False

watch = Watch()
app.installEventFilter(watch)
from pgdesk.cli import main
main(["--db", sys.argv[1]])
"""


@pytest.fixture
def encrypted(tmp_path):
    db = tmp_path / "praktijk.db"
    store, _ = make_encrypted(db)
    store.close()
    return db


def test_the_unlock_dialog_paints_before_storage_is_imported(encrypted, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PGDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PGDESK_EXIT_AFTER_PAINT", None)
    r = subprocess.run([sys.executable, "-c", WATCH_FIRST_DIALOG_PAINT, str(encrypted), ",".join(LATE)],
                       env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert "dialog pgdesk" in lines
    assert "loaded " in lines  # none of LATE when the dialog is first on screen


def _fill_when_ready(qtbot, name: str, passphrase: str, seen: list) -> None:
    """Once the painted dialog has checked the files, type and submit as a user would."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.prepare is not None:
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog)
        dialog.form.name.setText(name)
        dialog.form.passphrase.setText(passphrase)
        dialog.form.unlock_button.click()
    QTimer.singleShot(0, fill)


def test_the_painted_dialog_checks_the_files_after_its_paint_and_unlocks(qtbot, encrypted,
                                                                          monkeypatch):
    checked = []
    real = startup.prepare_painted

    def prepare(path, dialog):
        checked.append(dialog.isVisible())
        return real(path, dialog)

    monkeypatch.setattr(startup, "prepare_painted", prepare)
    seen = []
    _fill_when_ready(qtbot, USER, PASSPHRASE, seen)
    store, keyring = app_module._unlock_first(encrypted)
    with store:
        assert store.actor.name == USER
        assert keyring.db_id == store.setting("db_id")
    assert checked == [True]  # the files were checked with the dialog already on screen
    assert seen and not seen[0].isVisible()


def test_a_wrong_passphrase_in_the_painted_dialog_is_told_there(qtbot, encrypted):
    seen = []
    _fill_when_ready(qtbot, USER, "niet het wachtwoord", seen)

    def cancel_after_error() -> None:
        if not seen or not seen[0].form.error.isVisible():
            QTimer.singleShot(20, cancel_after_error)
            return
        seen[0].reject()

    QTimer.singleShot(0, cancel_after_error)
    assert app_module._unlock_first(encrypted) is None  # told, then cancelled: nothing opened
    assert "klopt niet" in seen[0].form.error.text()


def test_a_damaged_key_file_ends_the_painted_dialog_with_the_reason(qtbot, encrypted):
    keyring_path(encrypted).write_text("{ kapot", encoding="utf-8")
    with pytest.raises(KeyringError):
        app_module._unlock_first(encrypted)
    assert QApplication.activeModalWidget() is None


def test_an_unexpected_error_while_checking_is_raised_after_the_dialog(qtbot, encrypted,
                                                                        monkeypatch):
    """Not swallowed by the dialog's event loop: the start handles it as before (a full disk
    gets its Dutch message from the command line)."""
    def fail(path, dialog):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(startup, "prepare_painted", fail)
    with pytest.raises(OSError, match="No space"):
        app_module._unlock_first(encrypted)
