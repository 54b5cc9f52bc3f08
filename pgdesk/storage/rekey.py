"""Re-keying: a new database key after a colleague leaves or a passphrase leaked.

Changing a passphrase only re-wraps the key, so an old copy of the key file plus the old
passphrase still opens the database. Re-keying gives the database a new random key: the file
is copied under the new key (`sqlcipher_export`, like the first encryption), verified, and
swapped in by one rename. The acting user's entry is wrapped with their (new) passphrase, every
other remaining colleague gets a one-time passphrase (pgdesk cannot re-wrap for them: it never
knows their passphrase), and there is a new recovery code.

Crash safety, in this order: (1) the copy `<db>.rekeying` is written and verified; (2) the new
key file `<db>.keys.next` is written beside the old one; (3) the copy replaces the database;
(4) the new key file replaces the old one. As long as `<db>.rekeying` exists the database still
has the old key and the old key file fits it; once it is gone (the swap happened) the
`.keys.next` file fits. `finish_interrupted` completes or undoes an interrupted run on this rule,
before anyone unlocks, so a kill at any moment leaves a key file that opens the database.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from pgdesk.domain.validation import InputError
from pgdesk.files import fsync_dir
from pgdesk.storage import access_log, driver, log_anchor
from pgdesk.storage.database import check_integrity
from pgdesk.storage.errors import DatabaseCorrupt, StorageError
from pgdesk.storage.keyring import KEY_BYTES, Keyring, keyring_path
from pgdesk.storage.recovery_code import new_recovery_code
from pgdesk.storage.rekey_files import finish_interrupted, next_keys, rekeying_copy
from pgdesk.storage.vault import open_with_key

_TEMP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L to misread


@dataclass
class RekeyResult:
    key: bytes = field(repr=False)
    keyring: Keyring
    recovery_code: str = field(repr=False)
    temporary: list[tuple[str, str]] = field(repr=False)  # (colleague's name, one-time passphrase)
    backup: Path | None = None
    backup_error: str | None = None


def temporary_passphrase() -> str:
    """Four groups of four: about 78 bits, easy to read out and type once."""
    chars = "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(16))
    return "-".join(chars[i:i + 4] for i in range(0, 16, 4))


def colleagues(store, keyring: Keyring) -> list[tuple[str, str | None, str]]:
    """(tag, professional id, name) of every user in the key file, named as in the database."""
    out = []
    for tag, pro_id in keyring.entries():
        pro = store.professional(pro_id) if pro_id else None
        out.append((tag, pro_id, pro.name if pro else "(gebruiker zonder naam in de database)"))
    return out


def _export(conn, target: Path, key: bytes) -> None:
    """The whole database, under `key`, into a new file; then checked against the original."""
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{key.hex()}'\"", [str(target)])
    try:
        # A half-written copy is thrown away and a whole one is verified and fsynced below, so
        # the copy needs no journal nor a sync per statement (with them it took ~40 times longer).
        conn.execute("PRAGMA rekeyed.journal_mode = OFF")
        conn.execute("PRAGMA rekeyed.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        conn.execute(f"PRAGMA rekeyed.user_version = {int(user_version)}")
        conn.execute(f"PRAGMA rekeyed.application_id = {int(app_id)}")
    finally:
        conn.execute("DETACH DATABASE rekeyed")
    os.chmod(target, 0o600)
    check = driver.connect(target, key)
    try:
        check_integrity(Database(check), target, encrypted=True)
        same = all(
            conn.execute(f'SELECT count(*) FROM main."{t}"').fetchone()[0]
            == check.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for (t,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%'").fetchall())
        check.execute("PRAGMA journal_mode = DELETE")
    finally:
        check.close()
    if not same:
        raise DatabaseCorrupt("De kopie met de nieuwe sleutel klopt niet; er is niets veranderd.")
    with target.open("rb") as fh:
        os.fsync(fh.fileno())


def rekey(path: Path, keyring: Keyring, *, name: str, passphrase: str,
          new_passphrase: str | None = None, remove: tuple[str, ...] = (),
          remove_tags: frozenset[str] = frozenset(), backup_folder: Path | None = None,
          min_seconds: float = 1.0) -> RekeyResult:
    """Give the (closed) database a new key. `remove` names colleagues who lose access (or
    `remove_tags` gives their entries, as `colleagues` lists them); a
    fresh backup goes to `backup_folder` (default: the practice's backup folder).

    The caller has closed its store and reopens with `result.key` afterwards (or with the old
    key when this raised: then nothing changed).
    """
    from pgdesk.storage.backup import SETTING_FOLDER, default_folder, make_backup
    from pgdesk.storage.keyring import check_passphrase

    path = Path(path)
    finish_interrupted(path)
    unlocked = keyring.unlock(name, passphrase, min_seconds=min_seconds)
    if new_passphrase is not None:
        check_passphrase(new_passphrase)
        if new_passphrase == passphrase:
            raise InputError("Kies een ander wachtwoord dan het huidige.")
    acting = keyring.tag_for(name)
    dropped = {keyring.tag_for(n) for n in remove} | set(remove_tags)
    if acting in dropped:
        raise InputError("U kunt uzelf niet verwijderen; laat een collega dat doen.")
    if dropped - {tag for tag, _ in keyring.entries()}:
        raise InputError("Er is geen gebruiker met deze naam.")
    store = open_with_key(path, keyring, unlocked.key, unlocked.professional_id, unlocked.name)
    nxt, copy = next_keys(path), rekeying_copy(path)
    swapped = False
    try:
        folder = Path(backup_folder or store.setting(SETTING_FOLDER) or default_folder())
        _refuse_rewritten_log(store, keyring, folder)
        temporary = {tag: temporary_passphrase() for tag, _ in keyring.entries()
                     if tag != acting and tag not in dropped}
        names = {tag: name for tag, _, name in colleagues(store, keyring)}
        new_key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        fresh = keyring.rewrapped(unlocked.key, new_key,
                                  {acting: new_passphrase or passphrase, **temporary}, code)
        # The log says it in the old file, and so in the copy; a run that fails after this
        # leaves these lines in the old file as a record of the attempt.
        with store.db.atomic():
            for tag, pro_id in keyring.entries():
                if tag in dropped:
                    access_log.append(store.db, store.actor, None, "D", f"gebruiker:{pro_id}")
            access_log.append(store.db, store.actor, None, "U", "sleutel:vernieuwen")
        copy.unlink(missing_ok=True)
        _export(store.db.conn, copy, new_key)
        fresh.log_anchor = log_anchor.sealed(log_anchor.head(store.db.conn), new_key,
                                             keyring.db_id)
        fresh.path = nxt
        fresh.save()  # atomic; the old key file is untouched
        store.db.conn.close()  # checkpoints and removes the WAL; our lock stays held
        if Path(f"{path}-wal").exists():
            raise StorageError("De database is nog in gebruik; probeer het opnieuw.")
        Path(f"{path}-shm").unlink(missing_ok=True)
        os.replace(copy, path)
        swapped = True
        fsync_dir(path.parent)
        os.replace(nxt, keyring_path(path))
        fsync_dir(path.parent)
        fresh.path = keyring_path(path)
    except BaseException:
        if not swapped:
            nxt.unlink(missing_ok=True)
            copy.unlink(missing_ok=True)
        raise
    finally:
        store.close()
    result = RekeyResult(new_key, fresh, code, [(names[t], p) for t, p in temporary.items()])
    _fresh_backup(path, result, keyring, unlocked, folder, make_backup, open_with_key)
    return result


def _refuse_rewritten_log(store, keyring: Keyring, folder: Path) -> None:
    """A new key makes older backups unreadable to `check`, so it must not hide a rewrite."""
    from pgdesk.storage.backup import list_backups

    problems = access_log.verify_chain(store.db)
    report = log_anchor.check(store.db, store.opened.key, keyring.db_id,
                              [keyring.path, folder / keyring.path.name], list_backups(folder))
    problems += [p for p in report.problems if log_anchor.is_rewrite(p)]
    if problems:
        raise StorageError("De sleutel wordt niet vernieuwd: het toegangslog klopt niet ("
                           + problems[0] + "). Laat eerst uitzoeken wat er is gebeurd "
                           "(pgdesk check).")


def _fresh_backup(path: Path, result: RekeyResult, old: Keyring, unlocked, folder: Path,
                  make_backup, open_with_key) -> None:
    """A backup under the new key; the old key file stays in the folder for the older ones."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        # Written from memory, never renamed: the folder may be the database's own folder.
        Path(folder).mkdir(parents=True, exist_ok=True)
        live, old.path = old.path, Path(folder) / f"{keyring_path(path).name}.tot-{stamp}"
        try:
            old.save()
        finally:
            old.path = live
        store = open_with_key(path, result.keyring, result.key, unlocked.professional_id,
                              unlocked.name)
        try:
            result.backup = make_backup(store.opened, Path(folder))
        finally:
            store.close()
    except (OSError, StorageError) as exc:
        result.backup_error = str(exc)
