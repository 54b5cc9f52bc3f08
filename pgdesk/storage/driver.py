"""The one DB-API module pgdesk talks to: SQLCipher, which is SQLite plus page encryption.

Without a key a connection is plain SQLite (the demo database); with a key every page of
the database and its WAL is encrypted. Everything in pgdesk connects through here, so
the exception classes below are the ones to catch (not the stdlib sqlite3 ones).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

Connection = sqlite.Connection
Error = sqlite.Error
DatabaseError = sqlite.DatabaseError
OperationalError = sqlite.OperationalError
IntegrityError = sqlite.IntegrityError

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: str | os.PathLike, key: bytes | None = None, *,
            readonly: bool = False) -> Connection:
    """A connection in driver-level autocommit; every write runs in an explicit transaction."""
    target = Path(path)
    if readonly:
        conn = sqlite.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True,
                              isolation_level=None, timeout=3.0, check_same_thread=False)
    else:
        conn = sqlite.connect(str(target), isolation_level=None, timeout=3.0,
                              check_same_thread=False)
    if key is not None:
        # A raw 256-bit key (x'…') skips SQLCipher's own passphrase KDF: the key is already
        # random, and pgdesk's keyring does the slow passphrase derivation once per unlock.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted content is overwritten, not merely unlinked (AVG erasure), and temporary
    # tables and sorts never touch the disk unencrypted.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # Decrypting a page costs more than reading it: a 16 MB page cache keeps type-ahead search
    # on a large encrypted practice database well under 20 ms per keystroke (bench/).
    conn.execute("PRAGMA cache_size = -16384")
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """An unencrypted SQLite file starts with the SQLite header; a SQLCipher one with random salt."""
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def copy_database(conn: Connection, target: Path, key: bytes | None) -> None:
    """Copy a live database with SQLite's online backup API into `target`, keyed like the source.

    The copy is left in rollback-journal mode, so it is one self-contained file that can
    be verified read-only later.
    """
    create_private(target)
    dest = connect(target, key)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def create_private(path: Path) -> None:
    """An empty file only the owner can read, for SQLite to fill (it keeps the mode)."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)  # also when it already existed


def wrong_key(path: Path, key: bytes) -> bool:
    """True when no page of an encrypted file authenticates with `key`: the key is another
    database's (a damaged file fails on some pages only)."""
    conn = sqlite.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        failed = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlite.Error:
        return False
    finally:
        conn.close()
    pages = Path(path).stat().st_size // 4096  # SQLCipher 4's page size
    return pages > 0 and len(failed) >= pages
