"""A second, read-only connection to the open database, for long reads off the GUI thread.

The practice overview and the evaluation export run on a worker thread while the window keeps
working on its own connection; `interrupt` (from any thread) stops a statement mid-way, and
`Cancelled` is what a progress callback raises to stop between rows.
"""

from __future__ import annotations

from pgdesk.storage import driver
from pgdesk.storage.core import StoreCore
from pgdesk.storage.database import OpenDatabase
from pgdesk.storage.engine import FileDatabase


class Cancelled(Exception):
    """The user stopped the work; nothing was written."""


class Reader(StoreCore):
    """The store's database through its own read-only connection (SQLite or SQLCipher: with
    the store's key), in the store's actor's name; close it when done."""

    def interrupt(self) -> None:
        self.db.interrupt()


class _Lent:
    """The practice server's connection lent to the worker (psycopg serialises its use and the
    password is not kept for a second one); the reader's close leaves it open."""

    path = key = None

    def __init__(self, opened) -> None:
        self.db, self.encrypted = opened.db, opened.encrypted

    def close(self) -> None:
        pass


READER_CACHE_KIB = 65536  # the long reads touch whole score indexes: each page decrypted once


def open_reader(store: StoreCore) -> Reader:
    if store.path is None:  # the practice server
        return Reader(_Lent(store.opened), store.actor)
    conn = driver.connect(store.path, store.opened.key, readonly=True)
    conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
    opened = OpenDatabase(store.path, FileDatabase(conn), None, store.opened.key)
    return Reader(opened, store.actor)
