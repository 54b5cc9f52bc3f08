"""Opening the encrypted database for a person: set-up, unlock, recovery, and converting a plain file.

The database key is random; the keyring beside the file holds it wrapped once per user
and once for the recovery code (see keyring.py). Everything here ends in an open Store
whose actor is the person who unlocked it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pgdesk.domain.validation import InputError, require_name
from pgdesk.storage import driver
from pgdesk.storage.access_log import Actor
from pgdesk.storage.database import acquire_lock, check_integrity
from pgdesk.storage.errors import DatabaseCorrupt, StorageError
from pgdesk.storage.keyring import DEFAULT_KDF, KdfParams, Keyring, keyring_path
from pgdesk.storage.rekey import finish_interrupted
from pgdesk.storage.repository import Store, new_id


class WrongKeyring(StorageError):
    pass


def is_encrypted_setup(path: Path) -> bool:
    return keyring_path(Path(path)).exists()


def _remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def init_encrypted(path: str | os.PathLike, *, name: str, role: str, passphrase: str,
                   params: KdfParams = DEFAULT_KDF, mode: str = "per-user") -> tuple[Store, str]:
    """A new encrypted database with its first user; returns the store and the recovery code.

    mode "shared": one practice passphrase opens it on this workstation, and who is working
    is chosen after unlocking (the practice's choice; per-user is the default)."""
    path = Path(path)
    name = require_name(name)
    if path.exists() and path.stat().st_size > 0:
        raise InputError(f"{path} bestaat al; kies een nieuwe bestandsnaam.")
    keys = keyring_path(path)
    if keys.exists():
        raise InputError(f"Er staat al een sleutelbestand {keys}; kies een nieuwe bestandsnaam.")
    pro_id = new_id()
    keyring, key, code = Keyring.create(
        keys, name=name, passphrase=passphrase, params=params, mode=mode,
        professional_id=pro_id if mode == "per-user" else None)
    try:
        store = Store.open(path, key=key, actor=Actor(name, pro_id))
        try:
            store.set_setting("db_id", keyring.db_id)
            store.add_professional(name, role, professional_id=pro_id)
            store.set_current_professional(pro_id)
        except BaseException:
            store.close()
            raise
    except BaseException:
        _remove(keys, path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        raise
    return store, code


def open_with_key(path: str | os.PathLike, keyring: Keyring, key: bytes,
                  professional_id: str | None, name: str) -> Store:
    """Open with an unlocked key; the log names the professional as recorded in the database."""
    store = Store.open(path, key=key, actor=Actor(name, professional_id))
    try:
        db_id = store.setting("db_id")
        if db_id != keyring.db_id:
            raise WrongKeyring(f"Het sleutelbestand hoort niet bij de database {path}.")
        pro = store.professional(professional_id)
        if pro is not None:
            store.set_actor(Actor(pro.name, pro.id))
    except BaseException:
        store.close()
        raise
    return store


def unlock(path: str | os.PathLike, name: str, passphrase: str, **kw) -> Store:
    finish_interrupted(Path(path))
    keyring = Keyring.load(keyring_path(Path(path)))
    unlocked = keyring.unlock(name, passphrase, **kw)
    return open_with_key(path, keyring, unlocked.key, unlocked.professional_id, unlocked.name)


def unlock_with_recovery(path: str | os.PathLike, code: str, **kw) -> tuple[Keyring, bytes]:
    """The key from the recovery code, to set a new passphrase for someone who forgot theirs."""
    finish_interrupted(Path(path))
    keyring = Keyring.load(keyring_path(Path(path)))
    return keyring, keyring.unlock_with_recovery(code, **kw)


def _overwrite(fh) -> None:
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    fh.seek(0)
    chunk = b"\0" * 65536
    for _ in range(0, size, len(chunk)):
        fh.write(chunk)
    fh.flush()
    os.fsync(fh.fileno())


def _shred(path: Path) -> None:
    """Overwrite a plaintext file before unlinking it (best effort: SSDs may keep old blocks)."""
    if path.exists():
        with path.open("r+b") as fh:
            _overwrite(fh)
        path.unlink()


def _table_counts(conn: driver.Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def encrypt_plain(path: str | os.PathLike, key: bytes, db_id: str) -> None:
    """Convert an unencrypted pgdesk database in place, without loss, then shred the plain file.

    The encrypted copy is written beside it and verified (opens with the key, integrity
    check, same rows in every table) before it replaces the original.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".encrypting")
    lock = acquire_lock(path)
    try:
        _remove(tmp)
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
            conn.execute("INSERT OR REPLACE INTO enc.settings (key, value) VALUES ('db_id', ?)",
                         [db_id])
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
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        # Keep the plain file open across the atomic swap, so its old content can be
        # overwritten afterwards without ever leaving `path` missing or half-written.
        with path.open("r+b") as plain:
            os.replace(tmp, path)
            _overwrite(plain)
        for leftover in [Path(f"{path}-wal"), Path(f"{path}-shm"),
                         *path.parent.glob(f"{path.name}.v*.bak")]:
            _shred(leftover)
    except BaseException:
        _remove(tmp)
        raise
    finally:
        lock.release()


def convert_to_encrypted(path: str | os.PathLike, *, name: str, role: str, passphrase: str,
                         params: KdfParams = DEFAULT_KDF) -> tuple[Store, str]:
    """Encrypt an existing plain database with `name` as its first user (an existing
    professional of that name is reused). Returns the open store and the recovery code."""
    path = Path(path)
    name = require_name(name)
    with Store.open(path) as plain:
        wanted = name.casefold()
        pro = next((p for p in plain.professionals() if p.name.casefold() == wanted), None)
        if pro is None:
            pro = plain.add_professional(name, role)
    keys = keyring_path(path)
    keyring, key, code = Keyring.create(keys, name=name, passphrase=passphrase,
                                        professional_id=pro.id, params=params)
    try:
        encrypt_plain(path, key, keyring.db_id)
    except BaseException:
        _remove(keys)
        raise
    return open_with_key(path, keyring, key, pro.id, name), code
