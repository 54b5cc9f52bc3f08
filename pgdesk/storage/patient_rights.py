"""AVG and WGBO: everything held about one patient, erasure on request, and the 20-year review.

The export's shape is documented in docs/export-format.md.
"""

from __future__ import annotations

import datetime as dt

from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.storage import access_log
from pgdesk.storage.core import CONSULTATION_TABLES
from pgdesk.storage.erasure import finish_erase, mark_erase_pending, scrub_search_index
from pgdesk.storage.handout_preferences import handout_preferences
from pgdesk.storage.repository import Store
from pgdesk.storage.social_map import referrals_for_consultation

EXPORT_FORMAT = "pgdesk-patient-export"
EXPORT_VERSION = 1
RETENTION_YEARS = 20  # WGBO: medical records are kept twenty years after the last change

def _consultation_dict(store: Store, row: dict) -> dict:
    c = store.consultation(row["id"])
    pro = store.professional(c.professional_id)
    return {
        "id": c.id, "date": c.date, "type": c.type,
        "professional": {"name": pro.name, "role": pro.role} if pro else None,
        "step": c.step, "created_at": row["created_at"], "updated_at": row["updated_at"],
        "completed_at": c.completed_at,
        "dimension_scores": dict(c.manual_scores),
        "aspect_scores": {d: dict(a) for d, a in c.aspect_scores.items()},
        "talk": sorted([d, a] for d, a in c.talk),
        "focus": sorted([d, a] for d, a in c.focus),
        "wheel_answers": dict(c.wheel_answers),
        "plan": {f: getattr(c.plan, f) for f in PLAN_FIELDS},
        "referrals": [_referral_dict(r) for r in referrals_for_consultation(store, c.id)],
    }


def _referral_dict(r) -> dict:
    return {"id": r.id, "service": dict(r.snapshot), "status": r.status, "note": r.note,
            "created_at": r.created_at, "updated_at": r.updated_at,
            "followed_up_in": r.followed_up_in}


def export_patient(store: Store, patient_id: str) -> dict:
    """Everything pgdesk holds about one patient; the export itself is logged first."""
    store.record_exported(patient_id, "export")
    row = store.db["patients"].get(patient_id)
    lang, paper = handout_preferences(store, patient_id)
    consultations = store.db.query(
        "SELECT id, created_at, updated_at FROM consultations WHERE patient_id = ? "
        "ORDER BY date, created_at", [patient_id])
    return {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION,
        "exported_at": access_log.utc_now(), "exported_by": store.actor.name,
        "patient": {k: row[k] or "" for k in ("id", "display_name", "birth_date",
                                              "practice_number", "created_at", "updated_at")}
        | {"handout_language": lang, "handout_paper": paper,
           # whether the end handout says in words what changed (migration 0006)
           "handout_changes": bool(row.get("handout_changes", 1))},
        "consultations": [_consultation_dict(store, r) for r in consultations],
        "trajectories": [
            {"id": t["id"], "start_date": t["start_date"], "tussen_planned": t["tussen_planned"],
             "eind_planned": t["eind_planned"], "closed_at": t["closed_at"],
             "consultation_ids": [r[0] for r in store.db.execute(
                 "SELECT id FROM consultations WHERE trajectory_id = ? ORDER BY date, created_at",
                 [t["id"]]).fetchall()]}
            for t in store.db.query("SELECT * FROM trajectories WHERE patient_id = ? "
                                    "ORDER BY start_date", [patient_id])],
        "access_log": access_log.lines_for(store.db, patient_id),
    }


def erase_patient(store: Store, patient_id: str) -> None:
    """Remove every row of the patient and overwrite what they left in the file.

    One transaction removes the rows, rewrites the search index without the name (the
    deleted name otherwise lingers in its older segments), writes the one log line that
    records the erasure, without any of the erased content, and marks the erasure pending.
    secure_delete (set on every connection) zeroes the freed content. The WAL checkpoint
    after the commit overwrites the earlier page images in the file; a kill before that
    leaves the marker, and the next open finishes it (storage/erasure.py).
    """
    store.patient(patient_id)  # NotFound for an unknown id
    db = store.db
    with db.atomic():
        for table in CONSULTATION_TABLES:
            db.execute(f"DELETE FROM {table} WHERE consultation_id IN "
                       "(SELECT id FROM consultations WHERE patient_id = ?)", [patient_id])
        db.execute("DELETE FROM referrals WHERE patient_id = ?", [patient_id])
        db.execute("DELETE FROM consultations WHERE patient_id = ?", [patient_id])
        db.execute("DELETE FROM trajectories WHERE patient_id = ?", [patient_id])
        db.execute("DELETE FROM patients WHERE id = ?", [patient_id])
        scrub_search_index(db)
        mark_erase_pending(db)
        access_log.append(db, store.actor, patient_id, "D", "erase")
    finish_erase(db)


def stale_patients(store: Store, *, today: dt.date | None = None,
                   years: int = RETENTION_YEARS) -> list[dict]:
    """Patients whose record has not changed for `years`, oldest first, for the practice to review."""
    today = today or dt.date.today()
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    # Portable SQL (file and server): the later of two values by CASE, and the alias filtered
    # outside the grouping.
    rows = store.db.query(
        "SELECT * FROM (SELECT p.id, p.display_name, p.birth_date, p.practice_number, "
        "CASE WHEN p.updated_at > coalesce(max(c.updated_at), '') THEN p.updated_at "
        "ELSE coalesce(max(c.updated_at), '') END AS last_change "
        "FROM patients p LEFT JOIN consultations c ON c.patient_id = p.id "
        "GROUP BY p.id, p.display_name, p.birth_date, p.practice_number, p.updated_at) stale "
        "WHERE last_change < ? ORDER BY last_change", [cutoff.isoformat()])
    return list(rows)


