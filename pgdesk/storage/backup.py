"""Backups through SQLite's online backup API, encrypted like the database, and restore.

A backup is one self-contained file, written under a temporary name and renamed only
when complete, so a full disk or a pulled USB stick never leaves a half backup that
looks whole. A restore verifies the file completely before anything is replaced, and
keeps the database it replaces aside.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from pgdesk.domain.retention import backups_to_keep
from pgdesk.files import is_disk_full, move_into_place
from pgdesk.paths import data_dir, keys_path
from pgdesk.storage import driver, lifecycle
from pgdesk.storage.database import APPLICATION_ID, OpenDatabase, check_integrity
from pgdesk.storage.engine import FileDatabase
from pgdesk.storage.errors import DatabaseCorrupt, NewerSchema, StorageError
from pgdesk.storage.log_anchor import record as record_anchor
from pgdesk.storage.migrations import known_names, migrations

SUFFIX = ".pgbackup"
STAMP = "%Y%m%d-%H%M%S"
SETTING_FOLDER = "backup_folder"
SETTING_LAST = "last_backup"


class BadBackup(StorageError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    patients: int
    consultations: int


def default_folder() -> Path:
    return data_dir() / "reservekopieen"


def _stamp_of(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(path.name.removeprefix("pgdesk-").removesuffix(SUFFIX), STAMP)
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """Backups in a folder, newest first."""
    if not folder.is_dir():
        return []
    found = [(s, p) for p in folder.glob(f"pgdesk-*{SUFFIX}") if (s := _stamp_of(p))]
    return [p for _, p in sorted(found, reverse=True)]


def make_backup(opened: OpenDatabase, folder: Path, *, now: dt.datetime | None = None,
                rotate_after: bool = True) -> Path:
    """Copy the live database into `folder` and thin out older backups."""
    now = now or dt.datetime.now()
    folder = Path(folder)
    target = folder / f"pgdesk-{now.strftime(STAMP)}{SUFFIX}"
    tmp = folder / f".{target.name}.part"
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"{folder} is een bestand, geen map. Kies een map voor de reservekopieën; "
                           "er is niets veranderd.")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # backups: the owner only
        if folder.resolve() == default_folder().resolve():
            os.chmod(folder, 0o700)
        _remove_stale_parts(folder, now)
        driver.copy_database(opened.db.conn, tmp, opened.key)
        move_into_place(tmp, target)
        record_anchor(opened.db, opened.key, keys_path(opened.path))
        _copy_keyring(opened.path, folder)
    except (OSError, driver.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"De reservekopie in {folder} is niet gelukt ({_reason(exc)}). "
            "De database zelf is ongewijzigd."
        ) from None
    if rotate_after:
        rotate(folder)
    return target


def _remove_stale_parts(folder: Path, now: dt.datetime) -> None:
    """Half-written backups of an interrupted run (a crash, a pulled stick) are never whole."""
    cutoff = now.timestamp() - 3600
    for part in folder.glob(f".pgdesk-*{SUFFIX}.part"):
        try:
            if part.stat().st_mtime < cutoff or part.name.startswith(f".pgdesk-{now.strftime(STAMP)}"):
                part.unlink()
        except OSError:
            pass


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    if is_disk_full(exc) or "space" in text.lower():
        return "de schijf is vol"
    return text


def _copy_keyring(db_path: Path, folder: Path) -> None:
    """The wrapped keys travel with the backups, so a lost laptop's backup can still be opened."""
    from pgdesk.storage.keyring import Keyring

    keys = keys_path(db_path)
    if keys.exists():
        keyring = Keyring.load(keys)
        keyring.path = folder / keys.name
        keyring.save()  # atomic, private file mode


def rotate(folder: Path) -> list[Path]:
    """Delete backups outside the 7 daily / 4 weekly / 12 monthly window; returns what went."""
    backups = {_stamp_of(p): p for p in list_backups(folder)}
    keep = backups_to_keep(backups)
    removed = []
    for stamp, path in backups.items():
        if stamp not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def verify_backup(path: Path, key: bytes | None, *, db_id: str | None = None,
                  shown_as: str | None = None) -> BackupInfo:
    """Open a backup read-only and check it completely; raises BadBackup with the reason."""
    path = Path(path)
    bad = BadBackup(f"{shown_as or path.name} is geen bruikbare reservekopie van deze praktijk: "
                    "het bestand is beschadigd, onvolledig of van een andere praktijk. "
                    "Er is niets veranderd.")
    if not path.is_file() or path.stat().st_size == 0:
        raise bad
    if (key is None) != driver.is_plain_sqlite(path):
        raise bad
    try:
        conn = driver.connect(path, key, readonly=True)
    except driver.Error:
        raise bad from None
    try:
        db = FileDatabase(conn)
        try:
            check_integrity(db, path, encrypted=key is not None)
        except DatabaseCorrupt:
            raise bad from None
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise bad
        applied = {m.name for m in migrations.applied(db)}
        if applied - set(known_names()):
            raise NewerSchema(f"{path.name} is gemaakt met een nieuwere versie van pgdesk. "
                              "Werk pgdesk eerst bij.")
        row = conn.execute("SELECT value FROM settings WHERE key = 'db_id'").fetchone()
        if db_id is not None and (row is None or row[0] != db_id):
            raise bad
        patients = conn.execute("SELECT count(*) FROM patients").fetchone()[0]
        consultations = conn.execute("SELECT count(*) FROM consultations").fetchone()[0]
    except driver.Error:
        raise bad from None
    finally:
        conn.close()
    made = _stamp_of(path) or dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, made, patients, consultations)


def restore_backup(db_path: Path, backup: Path, key: bytes | None, *, db_id: str | None = None,
                   now: dt.datetime | None = None) -> Path | None:
    """Replace the (closed) database with a verified backup.

    What is restored is what was verified: the backup is read through SQLite (so a `-wal`
    beside it counts) into a private copy, that copy is verified, and only then does it replace
    the database. The current file, with its WAL, is kept as `<name>.voor-herstel-<stamp>`;
    returns that path (None when there was no database). The caller holds the database lock
    and has closed its connection. A crash at any moment is finished or undone by
    lifecycle.recover.
    """
    db_path, backup = Path(db_path), Path(backup)
    verify_backup(backup, key, db_id=db_id)
    incoming = lifecycle.restore_part(db_path)
    try:
        lifecycle.recover(db_path)  # an earlier restore that a crash interrupted comes first
        lifecycle.remove(*lifecycle.with_sidecars(incoming))
        _copy_verified_source(backup, incoming, key)
        # The copy, not only the source, must be sound.
        verify_backup(incoming, key, db_id=db_id, shown_as=backup.name)
        aside = lifecycle.aside_name(db_path, now or dt.datetime.now()) if db_path.exists() else None
        lifecycle.commit_restore(db_path, aside)
    except OSError as exc:
        lifecycle.recover(db_path)
        raise StorageError(f"Terugzetten is niet gelukt ({_reason(exc)}). "
                           "De database is ongewijzigd.") from None
    except BaseException:  # e.g. the copy failed its check: no half copy stays beside the database
        lifecycle.remove(*lifecycle.with_sidecars(incoming))
        raise
    return aside


def _copy_verified_source(source: Path, target: Path, key: bytes | None) -> None:
    """Through SQLite's backup API from a read-only connection: the source's WAL is included."""
    try:
        conn = driver.connect(source, key, readonly=True)
    except driver.Error:
        raise BadBackup(f"{source.name} kan niet worden gelezen. Er is niets veranderd.") from None
    try:
        driver.copy_database(conn, target, key)
    except driver.Error as exc:
        raise OSError(str(exc)) from None
    finally:
        conn.close()
    with target.open("rb") as fh:
        os.fsync(fh.fileno())
