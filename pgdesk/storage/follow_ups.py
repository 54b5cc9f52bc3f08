"""Each trajectory's next follow-up (type and planned date), kept beside it so that the start
page's list of who is due reads one index range instead of testing every running trajectory.

The rule (Trajectory.next_due): an open trajectory's next follow-up is its tussen until a
tussen or eind is held, then its eind until that is held; a closed one has none. The columns
trajectories.next_type and next_planned (migration 0008) hold its answer. They are written
here only, in plain SQL that PostgreSQL runs as well, and storage calls `refresh` in the same
transaction as every change that can move them: a conversation added, retyped, redated,
completed or deleted, a planned date moved, a transfer applied (storage/trajectories.py,
repository.py, transfer/apply.py). This module imports nothing of storage, so the migration
can use it too.
"""

from __future__ import annotations

from sqlite_utils import Database

_HELD = ("EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = trajectories.id "
         "AND c.type = '{}')")
_NONE = f"closed_at IS NOT NULL OR {_HELD.format('eind')}"
REFRESH_SQL = f"""
    UPDATE trajectories SET
        next_type = CASE WHEN {_NONE} THEN NULL
                         WHEN {_HELD.format('tussen')} THEN 'eind' ELSE 'tussen' END,
        next_planned = CASE WHEN {_NONE} THEN NULL
                            WHEN {_HELD.format('tussen')} THEN eind_planned ELSE tussen_planned END"""


def refresh(db: Database, patient_id: str | None = None) -> None:
    """Recompute the next follow-up of one patient's trajectories (of all without a patient:
    the migration's backfill). Call inside the transaction of the change."""
    if patient_id is None:
        db.execute(REFRESH_SQL)
    else:
        db.execute(REFRESH_SQL + " WHERE patient_id = ?", [patient_id])
