"""The practice server stopped answering in the middle of a consult: a banner, not a box.

What is typed stays on screen (its save failed and the step is not left); a plain-Dutch banner
says the server is unreachable and that pgdesk keeps trying; every few seconds pgdesk connects
again and writes what the open step holds. When that worked the banner says so and goes.
Nothing confirmed is lost: what the server confirmed is in its database; what it did not stays
on screen until it is.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from pgdesk.storage.errors import ConnectionLost, StorageError
from pgdesk.ui.plain import Label

RETRY_MS = 2000
_AWAY = object()  # what a retry that found no server hands over
BACK_MS = 4000  # how long "the connection is back" stays


translate = QCoreApplication.translate


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.text = Label()
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        self.hide()

    def say(self, text: str, *, problem: bool) -> None:
        colour = "#fde2e1; border: 1px solid #d9534f" if problem \
            else "#e3f4e1; border: 1px solid #5cb85c"
        self.setStyleSheet(f"#connectionBanner {{ background: {colour}; }}"
                           " #connectionBanner QLabel { color: #1d2b3a; }")
        self.text.setText(text)
        self.show()


class Outage(QObject):
    """The window's watch over its server connection: `lost` starts it, `retry` ends it."""

    connected = Signal(object, object)  # from the retry thread: the store, a connection

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.banner = Banner()
        self._trying = False
        self.connected.connect(self._connected)
        self.timer = QTimer(self, interval=RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self._hide = QTimer(self, singleShot=True, interval=BACK_MS)
        self._hide.timeout.connect(self.banner.hide)
        self.attempts = 0

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def lost(self) -> None:
        self._hide.stop()
        self.banner.say(translate("Connection", "De praktijkserver is niet bereikbaar. Wat u typt "
                                  "blijft op het scherm staan en wordt bewaard zodra de server "
                                  "terug is; pgdesk probeert het steeds opnieuw."), problem=True)
        if not self.timer.isActive():
            self.attempts = 0
            self.timer.start()

    def retry(self) -> None:
        """Try to connect again, on a thread (a server that is away answers only after the
        connect timeout, and typing goes on meanwhile); `_connected` continues on this one."""
        if self._trying:
            return
        self._trying = True
        self.attempts += 1
        store = self.window.store

        def attempt() -> None:
            from pgdesk.storage import server_link

            try:
                self.connected.emit(store, server_link.connect_again(store))
            except StorageError:
                self.connected.emit(store, _AWAY)

        threading.Thread(target=attempt, name="pgdesk-reconnect", daemon=True).start()

    def _connected(self, store, conn) -> None:
        """The connection is back: put it in place, then write what the open step holds."""
        from pgdesk.storage import server_link

        self._trying = False
        if conn is _AWAY or store is not self.window.store or store.closed:
            return  # still away: the next tick tries again
        server_link.use(store, conn)
        self.timer.stop()  # a failed save below starts it again (through feedback)
        page = self.window.consultation_page
        if page is not None and not page.leave_current():
            return
        if self.timer.isActive():
            return
        self.banner.say(translate("Connection", "De verbinding met de praktijkserver is terug; "
                                  "wat u typte is bewaard."), problem=False)
        self._hide.start()


def install(window, pages: QWidget) -> Outage:
    """The banner above the window's `pages` (and above the lock screen: it shows no patient),
    the two the window's central widget. Before the pages are filled: moving a built page into
    another parent styles all of it again."""
    outage = Outage(window)
    window.outage = outage
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(outage.banner)
    layout.addWidget(pages, 1)
    window.setCentralWidget(holder)
    return outage


def lost(parent: QWidget | None, exc: ConnectionLost) -> None:
    """From a failed save anywhere in the window: banner and retries (a box outside a window)."""
    window = parent.window() if parent is not None else None
    outage = getattr(window, "outage", None)
    if outage is None:
        from pgdesk.ui import plain

        plain.warning(parent, "pgdesk", str(exc))
        return
    outage.lost()
