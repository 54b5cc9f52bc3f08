"""Learning that another room changed the practice's data, so the screens can show it.

On the file a cheap poll is enough: SQLite's `PRAGMA data_version` changes when another
connection committed (never for this connection's own writes, which the screens show already).
On the practice server every change sends a NOTIFY in its own transaction (triggers of
migration 0009, payload "table:patient id"), and `ServerListener` hears them on a connection of
its own, in a thread of the caller's choosing.
"""

from __future__ import annotations

from pgdesk.storage.core import StoreCore

ANY = "*"  # a change of anything: the file does not say what changed


class FilePoll:
    """`changed()` is true once after another connection committed to the file."""

    def __init__(self, store: StoreCore):
        self.store = store
        self._seen = self._version()

    def _version(self) -> int:
        return self.store.db.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        now = self._version()
        changed, self._seen = now != self._seen, now
        return changed
