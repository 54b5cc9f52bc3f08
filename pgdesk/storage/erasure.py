"""Making an erasure physically complete, also when pgdesk is killed halfway.

The rows and the search index go in one transaction (patient_rights.erase_patient), which
also sets the marker below. What that transaction left behind outside SQL — the earlier page
images in the database file, which only a WAL checkpoint overwrites — is dealt with after the
commit; a crash before that is finished at the next open, because the marker is still there.
"""

from __future__ import annotations

from sqlite_utils import Database

ERASE_PENDING = "erase_pending"


def mark_erase_pending(db: Database) -> None:
    """Inside the erasing transaction: remember that the file still has to be scrubbed."""
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [ERASE_PENDING])


def scrub_search_index(db: Database) -> None:
    """Rewrite the search index as one segment: a deleted name stays in the older segments
    (next to a delete marker) until they are merged; secure_delete then zeroes the old ones."""
    db.execute("INSERT INTO patients_fts (patients_fts) VALUES ('optimize')")


def _checkpoint(db: Database) -> bool:
    """Copy every WAL page into the file (overwriting the page images that held erased data)
    and empty the WAL; False when another reader kept part of it in use."""
    busy, log_pages, done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy and log_pages == done


def finish_erase(db: Database) -> None:
    """After an erasure committed (or at open, when one was interrupted): checkpoint, then
    clear the marker. It stays when the checkpoint could not complete, so the next open retries."""
    if db.execute("SELECT 1 FROM settings WHERE key = ?", [ERASE_PENDING]).fetchone() is None:
        return
    if not _checkpoint(db):
        return
    with db.atomic():
        db.execute("DELETE FROM settings WHERE key = ?", [ERASE_PENDING])
    _checkpoint(db)
