"""A link to the practice server that stops carrying packets in the middle of a statement (a
cable out, a switch or VPN that hangs): noticed within seconds, not TCP's minutes.

libpq's tcp_user_timeout ends a write whose packets nobody acknowledges, but not the wait for
an answer once something on the way acknowledged them (a router, a proxy, a VPN box), and that
same box answers the keepalives. So a statement that has not returned after LINK_TIMEOUT_MS
makes pgdesk ask the server, on a new connection, whether it is there. Any answer (even a
refusal) means it is busy (a lock, a long query) and the wait goes on; no answer within
PROBE_SECONDS means the link is gone: the statement's socket is shut, the statement fails at
once with ConnectionLost, and the window keeps the text and retries (ui/connection.py).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading

import psycopg

from pgdesk.storage.postgres.connection import LINK_TIMEOUT_MS

PROBE_SECONDS = 3  # libpq's connect_timeout counts whole seconds, at least 2


def answers(conn: psycopg.Connection) -> bool:
    """Whether the server of `conn` answers a new connection within PROBE_SECONDS."""
    try:
        with psycopg.connect(conn.info.dsn, password=conn.info.password or None,
                             connect_timeout=PROBE_SECONDS, autocommit=True) as probe:
            probe.execute("SELECT 1")
        return True
    except psycopg.OperationalError as exc:
        return exc.sqlstate is not None  # the server itself said no: it is there
    except psycopg.Error:
        return True


def cut(conn: psycopg.Connection) -> None:
    """Shut the connection's socket, so that a statement waiting on it fails at once."""
    try:
        duplicate = socket.socket(fileno=os.dup(conn.pgconn.socket))
    except (OSError, psycopg.Error):
        return  # already closed
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


class LinkWatch:
    """`with watch():` around statements and transactions of one connection (nested: the
    outermost counts)."""

    def __init__(self, conn: psycopg.Connection, seconds: float = LINK_TIMEOUT_MS / 1000):
        self.conn = conn
        self.seconds = seconds
        self._lock = threading.Lock()
        self._depth = 0
        self._timer: threading.Timer | None = None

    @contextlib.contextmanager
    def __call__(self):
        with self._lock:
            self._depth += 1
            if self._depth == 1:
                self._arm()
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._timer is not None:
                    self._timer.cancel()
                    self._timer = None

    def _arm(self) -> None:
        self._timer = threading.Timer(self.seconds, self._check)
        self._timer.daemon = True
        self._timer.start()

    def _check(self) -> None:
        me = threading.current_thread()
        if answers(self.conn):
            with self._lock:
                if self._timer is me:  # still waiting: look again after another while
                    self._arm()
            return
        with self._lock:
            if self._timer is me:
                self._timer = None
                cut(self.conn)
