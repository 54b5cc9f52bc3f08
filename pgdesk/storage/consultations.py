"""Reading one consultation with everything recorded in it, for the repository and for the
feature modules (trajectories) that need whole conversations without importing the repository."""

from __future__ import annotations

from sqlite_utils.db import NotFoundError

from pgdesk.domain.models import Consultation, Plan
from pgdesk.storage.core import NotFound, StoreCore


def consultation(store: StoreCore, consultation_id: str) -> Consultation:
    db = store.db
    try:
        r = db["consultations"].get(consultation_id)
    except NotFoundError:
        raise NotFound("Dit gesprek bestaat niet (meer).") from None
    c = Consultation(r["id"], r["patient_id"], r["professional_id"], r["date"], r["type"],
                     r["step"] or "web", r["wheel_index"] or 0,
                     completed_at=r["completed_at"])
    q = [consultation_id]
    for row in db.execute(
        "SELECT dimension_id, score FROM dimension_scores WHERE consultation_id = ?", q
    ):
        c.manual_scores[row[0]] = row[1]
    for d, a, s in db.execute(
        "SELECT dimension_id, aspect_id, score FROM aspect_scores WHERE consultation_id = ?", q
    ):
        c.aspect_scores.setdefault(d, {})[a] = s
    for kind, d, a in db.execute(
        "SELECT kind, dimension_id, aspect_id FROM marks WHERE consultation_id = ?", q
    ):
        (c.talk if kind == "talk" else c.focus).add((d, a))
    for step_id, answer in db.execute(
        "SELECT step_id, answer FROM wheel_answers WHERE consultation_id = ?", q
    ):
        c.wheel_answers[step_id] = answer
    plan = db.execute("SELECT * FROM plans WHERE consultation_id = ?", q).fetchone()
    if plan:
        c.plan = Plan(*[v or "" for v in plan[1:]])
    return c
