"""A room's link to the practice server: connecting again after the connection dropped, and
hearing other rooms' changes (LISTEN/NOTIFY, sent by the triggers of migration 0009 in the
transaction of each change).

Only used for a store on a server; psycopg is imported only then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from pgdesk.storage.changes import ANY
from pgdesk.storage.core import StoreCore
from pgdesk.storage.engine import SERVER, dialect_of
from pgdesk.storage.errors import StorageError

CHANNEL = "pgdesk_changes"
WAIT = 2.0  # seconds between tries while the server is away


def is_server(store: StoreCore) -> bool:
    return dialect_of(store.db) == SERVER


def _address(store: StoreCore) -> str:
    """The store's connection again, password included (the open connection knows it)."""
    from psycopg.conninfo import make_conninfo

    params = dict(store.opened.params)
    password = store.db.conn.info.password
    if password:
        params["password"] = password
    return make_conninfo(**params)


def connect_again(store: StoreCore):
    """A new connection with the store's parameters, or None when the old one still answers;
    ServerUnreachable (a StorageError) while the server is away. May run on another thread
    (it can take up to the connect timeout); `use` then puts it in place."""
    import psycopg

    from pgdesk.storage.postgres import connection

    if not is_server(store):
        return None
    old = store.db.conn
    try:
        if not old.broken and not old.closed:
            old.execute("SELECT 1")
            return None
    except psycopg.Error:
        pass
    return connection.connect(_address(store))[0]


def use(store: StoreCore, conn) -> None:
    """Put a connection from `connect_again` in place of the dropped one (on the thread that
    uses the store)."""
    import psycopg

    from pgdesk.storage.postgres.database import PgDatabase

    if conn is None:
        return
    old = store.db.conn
    store.db = store.opened.db = PgDatabase(conn)
    try:
        old.close()
    except psycopg.Error:
        pass


class ServerListener:
    """Hears the NOTIFYs of every room on a connection of its own, in a daemon thread, and
    hands each payload ("table:patient id") to `notify` (from that thread). When its connection
    drops it connects again, then hands over ANY: changes made meanwhile were not heard."""

    def __init__(self, store: StoreCore, notify: Callable[[str], None]):
        self.address = _address(store)
        self.notify = notify
        self._stop = threading.Event()
        self.listening = threading.Event()
        self.thread = threading.Thread(target=self._run, name="pgdesk-listen", daemon=True)

    def start(self) -> ServerListener:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        from pgdesk.storage.postgres import connection

        heard_before = False
        while not self._stop.is_set():
            try:
                conn, _params = connection.connect(self.address)
            except StorageError:
                self._stop.wait(WAIT)
                continue
            try:
                with conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if heard_before:
                        self.notify(ANY)
                    heard_before = True
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=0.5):
                            self.notify(notice.payload)
            except psycopg.Error:
                self.listening.clear()
                self._stop.wait(WAIT)
