"""Opens (or creates) the pgdesk database file safely: key, checks, lock, pragmas, migrations.

A file that is not ours, damaged, read-only or in use is refused with a Dutch
message and never written to. With a key the file is SQLCipher-encrypted; without
one it is plain SQLite (only the demo database).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlite_utils import Database

from pgdesk.files import is_disk_full
from pgdesk.paths import data_dir
from pgdesk.storage import driver, lifecycle
from pgdesk.storage.engine import FileDatabase
from pgdesk.storage.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    NeedsKey,
    NewerSchema,
    NotAPgdeskDatabase,
    PlainDatabase,
    StorageError,
    WrongKeyring,
)
from pgdesk.storage.file_lock import FileLock, Locked
from pgdesk.storage.migrations import known_names, migrations

# PRAGMA application_id marks a file as ours ("PGDS"), so a foreign SQLite file is recognised.
APPLICATION_ID = 0x50474453


def _check_file(path: Path, key: bytes | None) -> bool:
    """True if the file exists with content; raises for files we must not touch."""
    if path.is_dir():
        raise NotAPgdeskDatabase(f"{path} is een map, geen databasebestand.")
    if not path.exists() or path.stat().st_size == 0:
        return False
    plain = driver.is_plain_sqlite(path)
    if key is None and not plain:
        raise NeedsKey(
            f"De database {path} is versleuteld of is geen pgdesk-database. "
            "Ontgrendel hem met uw naam en wachtwoord."
        )
    if key is not None and plain:
        raise PlainDatabase(f"De database {path} is nog niet versleuteld.")
    if not os.access(path, os.W_OK):
        raise DatabaseReadOnly(
            f"De database {path} is alleen-lezen. pgdesk kan er niets in opslaan; "
            "vraag de beheerder om schrijfrechten."
        )
    return True


def _corrupt(path: Path, detail: str = "") -> DatabaseCorrupt:
    detail = f" ({detail})" if detail else ""
    return DatabaseCorrupt(
        f"De database {path} is beschadigd{detail}. Er is niets aan veranderd; "
        "het bestand blijft bewaard voor onderzoek."
    )


def check_integrity(db: Database, path: Path, encrypted: bool, *, full: bool = True) -> None:
    """Raises DatabaseCorrupt for a damaged file.

    SQLCipher's cipher_integrity_check verifies every page's HMAC, which catches damaged
    pages that SQLite's own check cannot see (they would only fail when read later). It reads
    every page, so it grows with the database (seconds at a large practice); `full=False`
    reads only the schema, enough to open: SQLCipher authenticates every page it reads anyway,
    and the window runs the full check in the background (BackgroundCheck).
    """
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not full:
            return
        if encrypted:
            problems = db.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise _corrupt(path, f"{len(problems)} beschadigde blokken")
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
    except driver.DatabaseError as exc:
        if "not a database" in str(exc) and encrypted:
            raise DatabaseCorrupt(
                f"De database {path} kan niet worden gelezen: het bestand is beschadigd of hoort "
                "bij een ander sleutelbestand. Er is niets aan veranderd."
            ) from None
        raise _corrupt(path, str(exc)) from None
    if ok != "ok":
        raise _corrupt(path)


def _verify_existing(db: Database, path: Path, encrypted: bool, full_check: bool) -> None:
    check_integrity(db, path, encrypted, full=full_check)
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.table_names()
    except driver.DatabaseError as exc:
        raise _corrupt(path, str(exc)) from None
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


class BackgroundCheck:
    """The full integrity check on its own read-only connection, for a background thread while
    the window works; `cancel` (from any thread) stops it, e.g. when pgdesk closes."""

    def __init__(self, path: Path, key: bytes | None):
        self.path, self.key = Path(path), key
        self._guard = threading.Lock()
        self._conn: driver.Connection | None = None
        self.cancelled = False

    def run(self) -> DatabaseCorrupt | None:
        """The damage found, or None (also when cancelled or the file cannot be read now)."""
        try:
            conn = driver.connect(self.path, self.key, readonly=True)
        except driver.Error:
            return None
        with self._guard:
            if self.cancelled:
                conn.close()
                return None
            self._conn = conn
        try:
            found = None
            # Twice: a page being checkpointed while it is read can look damaged once; real
            # damage stays.
            for _attempt in range(2):
                try:
                    check_integrity(Database(conn), self.path, self.key is not None)
                    return None
                except DatabaseCorrupt as exc:
                    found = exc
                if self.cancelled:  # an interrupted check reads as damage: it is not
                    return None
            return found
        finally:
            with self._guard:
                self._conn = None
            conn.close()

    def cancel(self) -> None:
        with self._guard:
            self.cancelled = True
            if self._conn is not None:
                self._conn.interrupt()


def _backup_before_migrating(conn: driver.Connection, path: Path, version: int,
                             key: bytes | None) -> None:
    target = path.with_name(f"{path.name}.v{version}.bak")
    lifecycle.remove(target)  # a stale copy of an interrupted run is replaced, never reused
    driver.copy_database(conn, target, key)


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


class OpenDatabase:
    """A migrated sqlite-utils Database plus the lock that keeps it ours."""

    def __init__(self, path: Path, db: Database, lock: FileLock | None, key: bytes | None):
        self.path = path
        self.db = db
        self._lock = lock
        self.key = key

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def acquire_lock(path: Path) -> FileLock:
    """The lock that allows one running pgdesk per database file (whatever link leads to it)."""
    file_lock = FileLock(str(Path(path).resolve()) + ".lock")
    try:
        file_lock.acquire()
    except Locked:
        raise DatabaseLocked(
            f"De database {path} is al geopend in een ander pgdesk-venster. "
            "Sluit dat eerst, of kies een andere database."
        ) from None
    except OSError as exc:
        raise DatabaseReadOnly(
            f"In de map {path.parent} kan pgdesk niet schrijven ({exc.strerror})."
        ) from None
    return file_lock


def _make_folder(folder: Path) -> None:
    """The data folder holds patient data: the owner only, when pgdesk makes it or owns it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.resolve() == data_dir().resolve():
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise StorageError(f"De map {folder} kan niet worden gemaakt: {exc.strerror}.") from None


def recover(path: Path) -> None:
    """Finish or undo a set-up, conversion or restore that a crash interrupted (see lifecycle)."""
    if lifecycle.interrupted(path) or lifecycle.keys_of(path).exists():
        held = acquire_lock(path)
        try:
            lifecycle.recover(path)
        except OSError as exc:
            raise StorageError(f"De database {path} kan niet worden hersteld na een onderbreking "
                               f"({exc.strerror}). Er is niets verloren.") from None
        finally:
            held.release()


def open_database(path: str | os.PathLike, *, key: bytes | None = None,
                  lock: bool = True, full_check: bool = True) -> OpenDatabase:
    """Open, check and migrate. `full_check=False` skips reading every page (the window's
    start, which checks in the background afterwards); commands keep the full check."""
    path = Path(path).expanduser()
    if lifecycle.interrupted(path):
        recover(path)
    existed = _check_file(path, key)
    if not existed and key is not None:
        lifecycle.require_database(path)  # never a new, empty file where a database was
    _make_folder(path.parent)
    file_lock = acquire_lock(path) if lock else None
    conn = None
    try:
        conn = driver.connect(path, key)
        if not existed:
            os.chmod(path, 0o600)  # patient data: the owner only (SQLite gives WAL/SHM the same)
        db = FileDatabase(conn)
        if existed:
            _verify_existing(db, path, key is not None, full_check)
            lifecycle.private(path)
        pending = migrations.pending(db)
        if pending:
            if existed and schema_version(db) > 0:
                _backup_before_migrating(conn, path, schema_version(db), key)
            if not existed or not db.table_names():
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.apply(db)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        lifecycle.expire_copies(path)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if file_lock:
            file_lock.release()
        raise _explain_open_error(exc, path, key) from None
    return OpenDatabase(path, db, file_lock, key)


def _explain_open_error(exc: BaseException, path: Path, key: bytes | None) -> BaseException:
    if isinstance(exc, (driver.OperationalError, OSError)):
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return DatabaseLocked(f"De database {path} is bezet door een ander programma.")
        if "readonly" in msg or "unable to open" in msg:
            return DatabaseReadOnly(f"De database {path} kan niet worden geschreven ({msg}).")
        if is_disk_full(exc):
            return StorageError(f"De database {path} kan niet worden geopend: de schijf is vol. "
                                "Maak ruimte vrij en probeer het opnieuw; er is niets verloren.")
        if "disk i/o" in msg.lower():
            return StorageError(f"De database {path} kan niet worden geopend: de schijf gaf een fout "
                                "(is hij vol of verwijderd?). Er is niets verloren.")
        return StorageError(f"De database {path} kan niet worden geopend: {msg}")
    if isinstance(exc, driver.DatabaseError):
        if key is not None and "not a database" in str(exc) and driver.wrong_key(path, key):
            return foreign_keyring(path)
        return _corrupt(path, str(exc))
    return exc


def foreign_keyring(path: Path) -> WrongKeyring:
    return WrongKeyring(
        f"Het sleutelbestand {lifecycle.keys_of(path)} hoort niet bij de database {path}: het is "
        "van een andere praktijk of een andere database. Zet het sleutelbestand terug dat bij deze "
        "database hoort (het staat ook bij de reservekopieën). Er is niets veranderd.")
