"""Praktijk → Collega verwijderen and Mijn wachtwoord is uitgelekt: the window re-keys the database
and goes on working with the new key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pgdesk.storage.keyring import FAST_KDF, Keyring, WrongCredentials, keyring_path
from pgdesk.ui import startup
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.security_dialogs import RekeyCodesDialog, RekeyDialog
from tests.security_helpers import PASSPHRASE, USER, make_encrypted

pytestmark = pytest.mark.gui

BERT, BERT_PW = "Bert Jansen", "bert zijn wachtwoord"
COR, COR_PW = "Cor Vos", "cor zijn eigen wachtwoord"


@pytest.fixture
def window(qtbot, tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    store, _ = make_encrypted(db)
    with store:
        keyring = Keyring.load(keyring_path(db))
        for name, pw in ((BERT, BERT_PW), (COR, COR_PW)):
            pro = store.add_professional(name, "huisarts")
            keyring.add_user(store.opened.key, name, pw, pro.id, params=FAST_KDF)
        store.add_patient("Sleutel Testpersoon", "1975")
    store = startup.vault.unlock(db, USER, PASSPHRASE, min_seconds=0)
    w = MainWindow(store, instrument, Keyring.load(keyring_path(db)))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.backups.enabled = False
    w.store.close()


def fill(*attempts: tuple[str, str | None], colleague: str | None = None):
    """Each time the form opens it gets the next (current, new) passphrases; then Cancel."""
    seen = {"errors": []}
    todo = list(attempts)

    def fake_exec(dialog: RekeyDialog):
        if not dialog.error.isHidden():
            seen["errors"].append(dialog.error.text())
        if not todo:
            return RekeyDialog.DialogCode.Rejected
        old, new = todo.pop(0)
        if colleague is not None:
            dialog.colleague.setCurrentIndex(dialog.colleague.findText(colleague))
        dialog.old.setText(old)
        if new is not None:
            dialog.passphrase.setText(new)
            dialog.again.setText(new)
        dialog._try_accept()
        return dialog.result()
    return fake_exec, seen


def codes_shown(monkeypatch) -> list[RekeyCodesDialog]:
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        assert not dialog.ok.isEnabled()  # continuing needs the tick
        dialog.kept.setChecked(True)
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(RekeyCodesDialog, "exec", fake_exec)
    return shown


def can_unlock(window, name, passphrase) -> bool:
    try:
        window.keyring.unlock(name, passphrase, min_seconds=0)
    except WrongCredentials:
        return False
    return True


def test_removing_a_colleague_rekeys_and_the_window_goes_on(window, monkeypatch):
    old_key = window.store.opened.key
    fake, _ = fill((PASSPHRASE, None), colleague=BERT)
    monkeypatch.setattr(RekeyDialog, "exec", fake)
    shown = codes_shown(monkeypatch)
    window.rekey(leaked=False)

    assert window.store.opened.key != old_key and not window.store.closed
    assert not can_unlock(window, BERT, BERT_PW)
    text = shown[0].codes.text()
    assert COR in text and BERT not in text and "Herstelcode" in text
    assert shown[0].codes.textFormat() == Qt.TextFormat.PlainText
    cor_temporary = text.split(f"{COR}: ")[1].splitlines()[0]
    assert can_unlock(window, COR, cor_temporary) and can_unlock(window, USER, PASSPHRASE)
    window.store.add_patient("Na De Sleutel", "1990")  # the reopened store writes
    assert len(window.store.search_patients("")) == 2


def test_a_leaked_passphrase_needs_the_right_current_one_and_a_new_one(window, monkeypatch):
    old_key = window.store.opened.key
    new = "een gloednieuw wachtwoord"
    fake, seen = fill(("niet het goede wachtwoord", new))  # refused, then Cancel
    monkeypatch.setattr(RekeyDialog, "exec", fake)
    shown = codes_shown(monkeypatch)
    window.rekey(leaked=True)
    assert "klopt niet" in seen["errors"][0] and not shown
    assert window.store.opened.key == old_key and not window.store.closed

    fake, _ = fill(("niet het goede wachtwoord", new), (PASSPHRASE, new))
    monkeypatch.setattr(RekeyDialog, "exec", fake)
    window.rekey(leaked=True)
    assert shown and window.store.opened.key != old_key
    assert can_unlock(window, USER, new) and not can_unlock(window, USER, PASSPHRASE)


def test_the_codes_survive_escape_but_not_the_lock(window, qtbot):
    dialog = RekeyCodesDialog("ABCD-EFGH", [(COR, "WXYZ-2345")], window)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the codes cannot be skipped by accident
    window.lock()
    assert not dialog.isVisible()  # but they never stay on screen over the lock
