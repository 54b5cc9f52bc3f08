"""The full integrity check of every page, in the background once the window is up.

Opening reads only the schema (checking every page took seconds at a large practice, all on
the GUI thread); SQLCipher authenticates each page it reads, and this thread reads them all.
The user hears of it only when it finds damage; then the newest good backup is offered, as at
start.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, QTimer, Signal

from pgdesk.storage.database import BackgroundCheck
from pgdesk.storage.errors import DatabaseCorrupt
from pgdesk.storage.repository import Store


class IntegrityWatch(QThread):
    damaged = Signal(object)  # the DatabaseCorrupt found

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.check = BackgroundCheck(window.store.path, window.store.opened.key)
        self.found: DatabaseCorrupt | None = None
        self.damaged.connect(self._report)  # queued: runs on the GUI thread

    def run(self) -> None:  # on the background thread
        self.found = self.check.run()
        if self.found is not None:
            self.damaged.emit(self.found)

    def _report(self, error: DatabaseCorrupt) -> None:
        offer_backup_after_damage(self.window, error)

    def stop(self) -> None:
        """Stop the check (pgdesk closes, or the database is replaced) and wait for the thread."""
        self.check.cancel()
        self.wait()


def offer_backup_after_damage(window, error: DatabaseCorrupt) -> None:
    """Tell the user, offer the newest good backup, and reopen what is there afterwards."""
    from pgdesk.ui.backups import backup_folder, offer_restore
    from pgdesk.ui.messages import screen_text

    store = window.store
    if store.closed:
        return
    if window.locked:  # told after the unlock, never over the lock screen
        QTimer.singleShot(30_000, lambda: offer_backup_after_damage(window, error))
        return
    path, key = store.path, store.opened.key
    db_id, actor = store.setting("db_id"), store.actor
    window._drop_consultation()  # every answer is stored already; the file is about to close
    store.close()
    offer_restore(window, path, key, db_id, backup_folder(), screen_text(error))
    # Restored or not, work goes on with what is there now.
    window._replace_store(Store.open(path, key=key, actor=actor, full_check=False))
    window.show_list()


def start(window) -> IntegrityWatch:
    watch = IntegrityWatch(window)
    watch.start(QThread.Priority.LowPriority)
    return watch
