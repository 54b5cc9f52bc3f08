"""Making an erasure physically complete, also when pgdesk is killed halfway.

The rows and the search index go in one transaction (patient_rights.erase_patient), which
also sets the marker below. What that transaction left behind outside SQL — the earlier page
images in the database file, which only a WAL checkpoint overwrites — is dealt with after the
commit; a crash before that is finished at the next open, because the marker is still there.
"""

from __future__ import annotations

from pgdesk.storage.engine import SqlEngine

ERASE_PENDING = "erase_pending"


def mark_erase_pending(db: SqlEngine) -> None:
    """Inside the erasing transaction: remember that the file still has to be scrubbed."""
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [ERASE_PENDING])


def scrub_search_index(db: SqlEngine) -> None:
    """Rewrite the search index without the erased names (see the engine)."""
    db.scrub_search_index()


def _checkpoint(db: SqlEngine) -> bool:
    """Overwrite what the erased rows left behind (the file: a WAL checkpoint; see the engine);
    False when that could not complete now."""
    return db.checkpoint()


def finish_erase(db: SqlEngine) -> None:
    """After an erasure committed (or at open, when one was interrupted): checkpoint, then
    clear the marker. It stays when the checkpoint could not complete, so the next open retries."""
    if db.execute("SELECT 1 FROM settings WHERE key = ?", [ERASE_PENDING]).fetchone() is None:
        return
    if not _checkpoint(db):
        return
    with db.atomic():
        db.execute("DELETE FROM settings WHERE key = ?", [ERASE_PENDING])
    _checkpoint(db)
