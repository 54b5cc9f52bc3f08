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
import time

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
    outermost counts).

    One thread per connection waits for the deadline of the statement running now; entering
    and leaving only set and clear that deadline under a lock (a thread started per statement
    cost every keystroke's search several milliseconds). The thread starts with the first
    statement and ends with `close`."""

    def __init__(self, conn: psycopg.Connection, seconds: float = LINK_TIMEOUT_MS / 1000):
        self.conn = conn
        self.seconds = seconds
        self._cond = threading.Condition()
        self._depth = 0
        self._deadline: float | None = None  # while a statement runs
        self._round = 0  # which statement the deadline belongs to
        self._idle = False  # the thread waits for a deadline, not on one
        self._thread: threading.Thread | None = None
        self._closed = False

    @contextlib.contextmanager
    def __call__(self):
        with self._cond:
            self._depth += 1
            if self._depth == 1:
                self._round += 1
                self._deadline = time.monotonic() + self.seconds
                if self._thread is None and not self._closed:
                    self._thread = threading.Thread(target=self._run, name="pgdesk-link-watch",
                                                    daemon=True)
                    self._thread.start()
                elif self._idle:
                    self._cond.notify()
        try:
            yield
        finally:
            with self._cond:
                self._depth -= 1
                if self._depth == 0:
                    self._deadline = None  # the thread sees it when it wakes; no wake-up now

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                if self._deadline is None:
                    self._idle = True
                    self._cond.wait()
                    self._idle = False
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                watched = self._round
                self._cond.release()  # the statement may end while the server is asked
                try:
                    there = answers(self.conn)
                finally:
                    self._cond.acquire()
                if self._round != watched or self._deadline is None:
                    continue  # that statement ended meanwhile
                if there:  # busy, not gone: look again after another while
                    self._deadline = time.monotonic() + self.seconds
                else:
                    self._deadline = None
                    cut(self.conn)
