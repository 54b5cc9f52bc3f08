"""Opening the database at start, as a person: set-up, conversion, unlock, restore after damage.

Returns an open store and its keyring (None for the unencrypted demo), or None when the
user cancelled. Problems that leave nothing to choose are raised as PgdeskError.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.paths import default_db_path
from pgdesk.storage import vault
from pgdesk.storage.errors import DatabaseCorrupt
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.storage.rekey_files import finish_interrupted
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.backups import backup_folder, offer_restore
from pgdesk.ui.messages import screen_text
from pgdesk.ui.security_dialogs import RecoveryCodeDialog, RecoveryDialog, SetupDialog
from pgdesk.ui.unlock_dialog import UnlockDialog, busy

translate = QCoreApplication.translate  # module functions: explicit context

# Older versions kept the last user's name here in clear; it is removed at start and no
# longer written (a name is part of what an attacker needs to guess).
LAST_USER = "unlock/last_user"


def open_interactively(db: str | None, parent: QWidget | None = None):
    path = Path(db) if db else default_db_path()
    if _recovered_and_encrypted(path):
        return unlock_at_start(path, parent)
    if path.exists() and path.stat().st_size > 0:
        with Store.open(path) as probe:  # a foreign, locked or newer file stops here, untouched
            is_demo = probe.setting("demo") == "1"
            names = [p.name for p in probe.professionals()]
        if is_demo:
            return Store.open(path, full_check=False), None
        return set_up(path, parent, converting=True, names=names)
    # Never a new, empty database where one was kept aside or backed up.
    vault.require_database(path, backup_folder() if path == default_db_path() else None)
    return set_up(path, parent)


def _recovered_and_encrypted(path: Path) -> bool:
    QSettings().remove(LAST_USER)
    vault.recover(path)  # finish or undo a set-up, conversion or restore a crash interrupted
    return vault.is_encrypted_setup(path)

def set_up(path: Path, parent: QWidget | None, *, converting: bool = False,
           names: list[str] = ()):
    dialog = SetupDialog(parent, converting=converting, names=list(names))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name, role, passphrase = dialog.values()
    create = vault.convert_to_encrypted if converting else vault.init_encrypted
    store, code = busy(create, path, name=name, role=role, passphrase=passphrase)
    RecoveryCodeDialog(code, parent).exec()
    vault.recovery_code_shown(store)
    return store, Keyring.load(keyring_path(path))


def forgot_passphrase(parent: QWidget, keyring: Keyring, name: str) -> bool:
    """Set a new passphrase with the recovery code; True when it worked."""
    dialog = RecoveryDialog(parent, name)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            key = busy(vault.recovery_key, database_of(keyring), keyring, dialog.code.text())
            keyring.set_passphrase(key, dialog.name.text(), dialog.passphrase.text())
        except PgdeskError as exc:
            dialog.show_error(screen_text(exc))
            continue
        plain.information(parent, "pgdesk", translate("Startup",
            "Het nieuwe wachtwoord is ingesteld. Ontgrendel nu met uw naam en dit wachtwoord."))
        return True
    return False


def database_of(keyring: Keyring) -> Path:
    return keyring.path.with_name(keyring.path.name.removesuffix(".keys"))


class _Unlock:
    """One unlock at start: the database's files checked first (an interrupted re-keying
    finished, the keyring read, the database there), then the dialog's `open` and `forgot`, and
    what follows the dialog."""

    def __init__(self, path: Path) -> None:
        finish_interrupted(path)
        self.path = path
        self.keyring = Keyring.load(keyring_path(path))
        vault.require_database(path)  # a lost database is told, never replaced by an empty one
        self.unlocked_key: list[bytes] = []

    def open(self, name: str, passphrase: str) -> Store:
        unlocked = vault.unlock_key(self.path, self.keyring, name, passphrase)
        self.unlocked_key[:] = [unlocked.key]
        # Every page is checked in the background once the window is up (integrity_watch).
        return vault.open_with_key(self.path, self.keyring, unlocked.key, unlocked.professional_id,
                                   unlocked.name, full_check=False)

    def forgot(self, parent: QWidget, name: str) -> bool:
        return forgot_passphrase(parent, self.keyring, name)

    def outcome(self, dialog: UnlockDialog, accepted: bool, parent: QWidget | None):
        if isinstance(dialog.failure, DatabaseCorrupt) and self.unlocked_key:
            if not offer_restore(parent, self.path, self.unlocked_key[0], self.keyring.db_id,
                                 backup_folder(), str(dialog.failure)):
                raise dialog.failure
            return unlock_at_start(self.path, parent)
        if dialog.failure is not None:
            raise dialog.failure
        if not accepted:
            return None
        store = dialog.result_value
        code = vault.pending_recovery_code(store)
        if code:  # a set-up or conversion was interrupted before its code was shown
            RecoveryCodeDialog(code, parent).exec()
            vault.recovery_code_shown(store)
        return store, Keyring.load(keyring_path(self.path))


def unlock_at_start(path: Path, parent: QWidget | None):
    unlock = _Unlock(path)
    dialog = UnlockDialog(unlock.open, parent, forgot=unlock.forgot)
    return unlock.outcome(dialog, dialog.exec() == QDialog.DialogCode.Accepted, parent)


def prepare_painted(path: Path, dialog: UnlockDialog) -> _Unlock | None:
    """ui.app's unlock dialog, painted before storage was imported, made to work: what
    open_interactively does before its own dialog. None when, once recovered, the database
    needs no unlocking after all (an interrupted set-up undone): open_interactively then."""
    if not _recovered_and_encrypted(path):
        return None
    unlock = _Unlock(path)
    dialog.opener, dialog.forgot = unlock.open, unlock.forgot
    return unlock
