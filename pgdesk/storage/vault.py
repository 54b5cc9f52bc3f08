"""Opening the encrypted database for a person: set-up, unlock, recovery, and converting a plain file.

The database key is random; the keyring beside the file holds it wrapped once per user
and once for the recovery code (see keyring.py). Everything here ends in an open Store
whose actor is the person who unlocked it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pgdesk.domain.validation import InputError, require_name
from pgdesk.files import fsync_dir, is_disk_full
from pgdesk.storage import access_log, attempts, driver, lifecycle
from pgdesk.storage.access_log import Actor
from pgdesk.storage.database import acquire_lock, check_integrity, foreign_keyring
from pgdesk.storage.errors import DatabaseCorrupt, StorageError
from pgdesk.storage.keyring import (
    DEFAULT_KDF,
    KdfParams,
    Keyring,
    Unlocked,
    WrongCredentials,
    WrongRecoveryCode,
    keyring_path,
)
from pgdesk.storage.rekey_files import finish_interrupted
from pgdesk.storage.repository import Store, new_id

RECOVERY_PENDING = "recovery_code_pending"


def is_encrypted_setup(path: Path) -> bool:
    return keyring_path(Path(path)).exists()


def init_encrypted(path: str | os.PathLike, *, name: str, role: str, passphrase: str,
                   params: KdfParams = DEFAULT_KDF, mode: str = "per-user") -> tuple[Store, str]:
    """A new encrypted database with its first user; returns the store and the recovery code.
    Once the code is shown, call `recovery_code_shown`; until then every unlock makes a new one.

    All or nothing: the database is built under a temporary name with its keyring beside it
    under another, and only a complete pair is renamed into place (see lifecycle.py).
    mode "shared": one practice passphrase opens it on this workstation, and who is working
    is chosen after unlocking (the practice's choice; per-user is the default)."""
    path = Path(path)
    name = require_name(name)
    recover(path)
    if lifecycle.has_content(path):
        raise InputError(f"{path} bestaat al; kies een nieuwe bestandsnaam.")
    keys = keyring_path(path)
    if keys.exists():
        raise InputError(f"Er staat al een sleutelbestand {keys}; kies een nieuwe bestandsnaam.")
    lifecycle.require_database(path)  # an empty file where a database was kept aside or backed up
    stage = lifecycle.staging(path)
    lock = acquire_lock(path)
    try:
        pro_id = new_id()
        keyring, key, code = Keyring.create(
            lifecycle.pending_keys(path), name=name, passphrase=passphrase, params=params,
            mode=mode, professional_id=pro_id if mode == "per-user" else None)
        with Store.open(stage, key=key, actor=Actor(name, pro_id), lock=False) as store:
            store.set_setting("db_id", keyring.db_id)
            store.set_setting(RECOVERY_PENDING, "1")
            store.add_professional(name, role, professional_id=pro_id)
            store.set_current_professional(pro_id)
        _fsync(stage)
        _commit_new(path, stage)
    except BaseException as exc:
        lifecycle.recover(path)
        _explain(exc, "Het maken van de database")
        if isinstance(exc, StorageError) and str(stage) in str(exc):  # the user knows one name
            raise type(exc)(str(exc).replace(str(stage), str(path))) from None
        raise
    finally:
        lock.release()
    return open_with_key(path, Keyring.load(keys), key, pro_id, name), code


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _commit_new(path: Path, stage: Path) -> None:
    """The commit point (the new database takes the name), then the keyring joins it."""
    os.replace(stage, path)
    fsync_dir(path.parent)
    if lifecycle.pending_keys(path).exists():  # absent when finishing an older pgdesk's conversion
        os.replace(lifecycle.pending_keys(path), keyring_path(path))
        fsync_dir(path.parent)


def recover(path: str | os.PathLike) -> None:
    """Finish or undo an interrupted set-up, conversion or restore of this database."""
    from pgdesk.storage.database import recover as recover_locked

    recover_locked(Path(path))


def require_database(path: str | os.PathLike, backups: Path | None = None) -> None:
    lifecycle.require_database(Path(path), backups)


def pending_recovery_code(store: Store) -> str | None:
    """A new recovery code when the one made at set-up was never shown (a crash came between);
    show it, then call `recovery_code_shown`."""
    if store.setting(RECOVERY_PENDING) != "1" or store.opened.key is None:
        return None
    return Keyring.load(keyring_path(store.path)).new_recovery(store.opened.key)


def recovery_code_shown(store: Store) -> None:
    with store.db.atomic():
        store.db.execute("DELETE FROM settings WHERE key = ?", [RECOVERY_PENDING])


def open_with_key(path: str | os.PathLike, keyring: Keyring, key: bytes,
                  professional_id: str | None, name: str, *, full_check: bool = True) -> Store:
    """Open with an unlocked key; the log names the professional as recorded in the database,
    and how many wrong tries came before this unlock. The window opens with
    `full_check=False` and checks every page in the background (database.BackgroundCheck)."""
    path = Path(path)
    if lifecycle.has_content(path) and driver.is_plain_sqlite(path):
        encrypt_plain(path, key, keyring.db_id)  # a conversion an older pgdesk left half done
    store = Store.open(path, key=key, actor=Actor(name, professional_id), full_check=full_check)
    try:
        if store.setting("db_id") != keyring.db_id:
            raise foreign_keyring(path)
        pro = store.professional(professional_id)
        if pro is not None:
            store.set_actor(Actor(pro.name, pro.id))
        failed = attempts.take_failures(path)
        if failed:
            with store.db.atomic():
                access_log.append(store.db, store.actor, None, "R", f"unlock_failed:{failed}")
    except BaseException:
        store.close()
        raise
    return store


def unlock_key(path: str | os.PathLike, keyring: Keyring, name: str, passphrase: str,
               **kw) -> Unlocked:
    """The keyring's unlock, with the wait after repeated wrong tries (attempts.py)."""
    attempts.check_allowed(Path(path))
    try:
        return keyring.unlock(name, passphrase, **kw)
    except WrongCredentials:
        attempts.record_failure(Path(path))
        raise


def unlock(path: str | os.PathLike, name: str, passphrase: str, **kw) -> Store:
    finish_interrupted(Path(path))
    recover(path)
    keyring = Keyring.load(keyring_path(Path(path)))
    require_database(path)
    unlocked = unlock_key(path, keyring, name, passphrase, **kw)
    return open_with_key(path, keyring, unlocked.key, unlocked.professional_id, unlocked.name)


def unlock_with_recovery(path: str | os.PathLike, code: str, **kw) -> tuple[Keyring, bytes]:
    """The key from the recovery code, to set a new passphrase for someone who forgot theirs."""
    finish_interrupted(Path(path))
    keyring = Keyring.load(keyring_path(Path(path)))
    return keyring, recovery_key(path, keyring, code, **kw)


def recovery_key(path: str | os.PathLike, keyring: Keyring, code: str, **kw) -> bytes:
    attempts.check_allowed(Path(path))
    try:
        return keyring.unlock_with_recovery(code, **kw)
    except WrongRecoveryCode:
        attempts.record_failure(Path(path))
        raise


def _table_counts(conn: driver.Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def encrypt_plain(path: str | os.PathLike, key: bytes, db_id: str) -> None:
    """Convert an unencrypted pgdesk database in place, without loss, then shred the plain file.

    The encrypted copy is written beside it (the keyring waits beside it too, under its
    pending name) and verified (opens with the key, integrity check, same rows in every table)
    before it replaces the original. A crash at any moment leaves either the plain database
    with nothing else, or the encrypted one with its keyring (lifecycle.recover).
    """
    path = Path(path)
    tmp = lifecycle.staging(path)
    lock = acquire_lock(path)
    try:
        lifecycle.remove(*lifecycle.with_sidecars(tmp))
        driver.create_private(tmp)
        conn = driver.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before = _table_counts(conn)
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", [str(tmp)])
            conn.execute("SELECT sqlcipher_export('enc')")
            conn.execute(f"PRAGMA enc.user_version = {int(user_version)}")
            conn.execute(f"PRAGMA enc.application_id = {int(app_id)}")
            conn.executemany("INSERT OR REPLACE INTO enc.settings (key, value) VALUES (?, ?)",
                             [("db_id", db_id), (RECOVERY_PENDING, "1")])
            conn.execute("DETACH DATABASE enc")
        finally:
            conn.close()
        check = driver.connect(tmp, key)
        try:
            from sqlite_utils import Database

            check_integrity(Database(check), tmp, encrypted=True)
            after = _table_counts(check)
        finally:
            check.close()
        after_settings = after.pop("settings", None)
        before_settings = before.pop("settings", None)
        if after != before or after_settings is None or after_settings < (before_settings or 0):
            raise DatabaseCorrupt("Het versleutelen is niet goed gegaan; de oude database is "
                                  "ongewijzigd gebleven.")
        _fsync(tmp)
        # The plain content keeps a second name until it is overwritten, so a crash after the
        # swap still leaves it where recover() finds and shreds it.
        plain = lifecycle.plain_copy(path)
        lifecycle.remove(plain)
        os.link(path, plain)
        _commit_new(path, tmp)
        lifecycle.shred(plain)
        for leftover in [Path(f"{path}-wal"), Path(f"{path}-shm")]:
            lifecycle.shred(leftover)
        lifecycle.cleanup_plaintext(path)
    except BaseException as exc:
        lifecycle.recover(path)
        _explain(exc, "Het versleutelen")
        raise
    finally:
        lock.release()


def _explain(exc: BaseException, what: str) -> None:
    """A full or failing disk in Dutch; recover() has already put things back as they were."""
    if isinstance(exc, (OSError, driver.Error)) and not isinstance(exc, StorageError):
        reason = "de schijf is vol" if is_disk_full(exc) else (
            getattr(exc, "strerror", None) or str(exc))
        raise StorageError(f"{what} is niet gelukt ({reason}). Er is niets veranderd; maak zo "
                           "nodig ruimte vrij en probeer het opnieuw.") from None


def convert_to_encrypted(path: str | os.PathLike, *, name: str, role: str, passphrase: str,
                         params: KdfParams = DEFAULT_KDF) -> tuple[Store, str]:
    """Encrypt an existing plain database with `name` as its first user (an existing
    professional of that name is reused). Returns the open store and the recovery code."""
    path = Path(path)
    name = require_name(name)
    recover(path)
    with Store.open(path) as plain:
        wanted = name.casefold()
        pro = next((p for p in plain.professionals() if p.name.casefold() == wanted), None)
        if pro is None:
            pro = plain.add_professional(name, role)
    if keyring_path(path).exists():
        raise InputError(f"Er staat al een sleutelbestand {keyring_path(path)} naast deze "
                         "onversleutelde database; er is niets veranderd.")
    keyring, key, code = Keyring.create(lifecycle.pending_keys(path), name=name,
                                        passphrase=passphrase, professional_id=pro.id,
                                        params=params)
    encrypt_plain(path, key, keyring.db_id)
    return open_with_key(path, Keyring.load(keyring_path(path)), key, pro.id, name), code
