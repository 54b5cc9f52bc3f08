"""Opens (or creates) the pgdesk database file safely: checks, lock, pragmas, migrations.

A file that is not ours, damaged, read-only or in use is refused with a Dutch
message and never written to.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from pgdesk.storage.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    NewerSchema,
    NotAPgdeskDatabase,
    StorageError,
)
from pgdesk.storage.migrations import known_names, migrations

# PRAGMA application_id marks a file as ours ("PGDS"), so a foreign SQLite file is recognised.
APPLICATION_ID = 0x50474453
SQLITE_HEADER = b"SQLite format 3\x00"


def _check_file(path: Path) -> bool:
    """True if the file exists with content; raises for files we must not touch."""
    if path.is_dir():
        raise NotAPgdeskDatabase(f"{path} is een map, geen databasebestand.")
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise NotAPgdeskDatabase(
            f"Het bestand {path} is geen pgdesk-database. Er is niets aan veranderd."
        )
    if not os.access(path, os.W_OK):
        raise DatabaseReadOnly(
            f"De database {path} is alleen-lezen. pgdesk kan er niets in opslaan; "
            "vraag de beheerder om schrijfrechten."
        )
    return True


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit at the driver level: every write runs in an explicit db.atomic() block.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=3.0, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _verify_existing(db: Database, path: Path) -> None:
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.table_names()
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(
            f"De database {path} is beschadigd ({exc}). Er is niets aan veranderd."
        ) from None
    if ok != "ok":
        raise DatabaseCorrupt(f"De database {path} is beschadigd. Er is niets aan veranderd.")
    if app_id != APPLICATION_ID and tables:
        raise NotAPgdeskDatabase(
            f"Het bestand {path} is een database van een ander programma, geen pgdesk-database. "
            "Er is niets aan veranderd."
        )
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - set(known_names())
    if unknown:
        raise NewerSchema(
            f"De database {path} is gemaakt met een nieuwere versie van pgdesk. "
            "Werk pgdesk bij om hem te openen."
        )


def _backup_before_migrating(conn: sqlite3.Connection, path: Path, version: int) -> None:
    target = path.with_name(f"{path.name}.v{version}.bak")
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


class OpenDatabase:
    """A migrated sqlite-utils Database plus the lock that keeps it ours."""

    def __init__(self, path: Path, db: Database, lock: FileLock | None):
        self.path = path
        self.db = db
        self._lock = lock

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def acquire_lock(path: Path) -> FileLock:
    """The lock that allows one running pgdesk per database file."""
    file_lock = FileLock(str(path) + ".lock")
    try:
        file_lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseLocked(
            f"De database {path} is al geopend in een ander pgdesk-venster. "
            "Sluit dat eerst, of kies een andere database."
        ) from None
    except OSError as exc:
        raise DatabaseReadOnly(
            f"In de map {path.parent} kan pgdesk niet schrijven ({exc.strerror})."
        ) from None
    return file_lock


def open_database(path: str | os.PathLike, *, lock: bool = True) -> OpenDatabase:
    path = Path(path).expanduser()
    existed = _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"De map {path.parent} kan niet worden gemaakt: {exc.strerror}.") from None
    file_lock = acquire_lock(path) if lock else None
    try:
        conn = _connect(path)
        db = Database(conn)
        if existed:
            _verify_existing(db, path)
        pending = migrations.pending(db)
        if pending:
            if existed and schema_version(db) > 0:
                _backup_before_migrating(conn, path, schema_version(db))
            if not existed or not db.table_names():
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.apply(db)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as exc:
        if file_lock:
            file_lock.release()
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            raise DatabaseLocked(f"De database {path} is bezet door een ander programma.") from None
        if "readonly" in msg or "unable to open" in msg:
            raise DatabaseReadOnly(f"De database {path} kan niet worden geschreven ({msg}).") from None
        raise StorageError(f"De database {path} kan niet worden geopend: {msg}") from None
    except sqlite3.DatabaseError as exc:
        if file_lock:
            file_lock.release()
        raise DatabaseCorrupt(
            f"De database {path} is beschadigd ({exc}). Er is niets aan veranderd."
        ) from None
    except BaseException:
        if file_lock:
            file_lock.release()
        raise
    return OpenDatabase(path, db, file_lock)

