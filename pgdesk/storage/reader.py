"""A second, read-only connection to the open database, for long reads off the GUI thread.

The practice overview and the evaluation export run on a worker thread while the window keeps
working on its own connection; `interrupt` (from any thread) stops a statement mid-way, and
`Cancelled` is what a progress callback raises to stop between rows.
"""

from __future__ import annotations

from sqlite_utils import Database

from pgdesk.storage import driver
from pgdesk.storage.core import StoreCore
from pgdesk.storage.database import OpenDatabase


class Cancelled(Exception):
    """The user stopped the work; nothing was written."""


class Reader(StoreCore):
    """The store's database through its own read-only connection (SQLite or SQLCipher: with
    the store's key), in the store's actor's name; close it when done."""

    def interrupt(self) -> None:
        self.db.conn.interrupt()


def open_reader(store: StoreCore) -> Reader:
    conn = driver.connect(store.path, store.opened.key, readonly=True)
    opened = OpenDatabase(store.path, Database(conn), None, store.opened.key)
    return Reader(opened, store.actor)
