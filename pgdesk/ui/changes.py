"""Screens follow what other rooms change: the due list, the patient page, the sociale kaart and
a conversation shown read-only refresh within a second (storage/changes.py polls the file,
storage/server_link.py listens to the server's NOTIFYs).

Notices are gathered for a moment and handled together, so a burst of changes (a whole consult
saved answer by answer in another room) costs one refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from pgdesk.storage import changes, server_link
from pgdesk.ui.due_panel import DueCache

POLL_MS = 400  # the file: how often data_version is read (one cheap PRAGMA)
GATHER_MS = 150  # notices within this are handled together


class ChangeWatcher(QObject):
    """Turns the store's change notices into `changed` (a set of "table:patient id", or
    {changes.ANY}) on the GUI thread."""

    changed = Signal(object)
    arrived = Signal(str)  # from any thread: Qt queues it to this object's thread

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._pending: set[str] = set()
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self._emit)
        self.arrived.connect(self._note)
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self._check_file)
        self._poll = self._listener = None
        if server_link.is_server(window.store):  # every room's NOTIFYs, on a thread
            self._listener = server_link.ServerListener(window.store, self.arrived.emit).start()
        else:
            self._poll = changes.FilePoll(window.store)
            self._poll_timer.start()

    def _check_file(self) -> None:
        store = self.window.store
        if store.closed:
            return
        if self._poll is None or self._poll.store is not store:
            self._poll = changes.FilePoll(store)  # a new store (restored backup): from now on
            return
        try:
            if self._poll.changed():
                self._note(changes.ANY)
        except Exception:  # noqa: BLE001  # a busy or closing file: the next poll tries again
            pass

    def _note(self, payload: str) -> None:
        self._pending.add(payload)
        if not self._gather.isActive():
            self._gather.start()

    def _emit(self) -> None:
        pending, self._pending = self._pending, set()
        self.changed.emit(pending)

    def stop(self) -> None:
        self._poll_timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None


def _about(payloads: set[str], tables: tuple[str, ...], patient_id: str | None = None) -> bool:
    if changes.ANY in payloads:
        return True
    for payload in payloads:
        table, _, key = payload.partition(":")
        if table in tables and (patient_id is None or not key or key == patient_id):
            return True
    return False


def refresh(window, payloads: set[str]) -> None:
    """Show what changed on the screens that show it now."""
    if window.locked or window.store.closed:
        return
    if _about(payloads, ("taken_along",)):  # "meegenomen op laptop …" beside the names found
        window.list_page.away_changed()  # and read again before the due list below shows them
    if _about(payloads, ("trajectories", "consultations", "patients", "taken_along")):
        # the file counts its due-list changes per connection: another room's are not in it
        window.due_cache = DueCache(window)
        if window.stack.currentWidget() is window.list_page:
            window.list_page.refresh_due()
    page = window.patient_page if window.on_patient_page() else None
    if (window.consultation_page is None and page is not None
            and _about(payloads, ("patients", "consultations", "trajectories", "referrals",
                                  "consultation_claims", "taken_along"), page.patient_id)):
        selected = page.selected_consultation_id()
        page.show_patient(page.patient_id)
        page.select_consultation(selected)
    if _about(payloads, ("services",)):
        from pgdesk.ui.social_map_dialog import SocialMapDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SocialMapDialog) and widget.isVisible():
                widget.reload()
    consultation = window.consultation_page
    if consultation is not None and consultation.hold is not None:
        from pgdesk.ui import rooms

        rooms.follow(window, payloads)


def watch(window) -> ChangeWatcher:
    watcher = ChangeWatcher(window)
    watcher.changed.connect(lambda payloads: refresh(window, payloads))
    return watcher
