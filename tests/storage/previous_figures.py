"""The practice overview and the evaluation export as pgdesk computed them before they moved into
SQL (issue 16): every conversation and trajectory read into Python, webs built one by one. Kept
only as the oracle the set-based versions are compared with (tests/storage/test_figures_same.py).
"""

from __future__ import annotations

import json

from pgdesk.domain.documents import PRESENT
from pgdesk.domain.models import CONSULTATION_TYPES, Consultation
from pgdesk.domain.overview import UNKNOWN_ROLE, ConsultationFact, ReferralFact, practice_stats
from pgdesk.domain.trajectory import Trajectory, WebPoint, birth_year_band, change_table
from pgdesk.storage.evaluation_sql import pseudonym

FOCUS_JOIN = ";"


def recorded(alias: str) -> str:
    return (
        f"(SELECT json_group_object(dimension_id, score) FROM dimension_scores "
        f" WHERE consultation_id = {alias}.id), "
        f"(SELECT json_group_array(json_array(dimension_id, aspect_id, score)) FROM aspect_scores "
        f" WHERE consultation_id = {alias}.id), "
        f"(SELECT json_group_array(dimension_id) FROM marks "
        f" WHERE consultation_id = {alias}.id AND kind = 'focus'), "
        f"(SELECT count(*) FROM referrals WHERE consultation_id = {alias}.id)")


def web(cid, date, ctype, manual, aspects, instrument) -> WebPoint:
    c = Consultation(cid, "", None, date, ctype)
    c.manual_scores = json.loads(manual) if manual else {}
    for d, a, s in json.loads(aspects) if aspects else ():
        c.aspect_scores.setdefault(d, {})[a] = s
    return WebPoint.of(c, instrument)


def completed_trajectories(store, instrument, *, order_by: str = ""):
    sql = (
        "SELECT t.id, t.patient_id, t.start_date, t.tussen_planned, t.eind_planned, t.closed_at, "
        "t.start_consultation_id, "
        f"s.id, s.date, s.type, {recorded('s')}, e.id, e.date, e.type, {recorded('e')} "
        "FROM trajectories t "
        "JOIN consultations s ON s.id = t.start_consultation_id AND s.type = 'start' "
        "JOIN consultations e ON e.trajectory_id = t.id AND e.type = 'eind' "
        + (f"ORDER BY {order_by}" if order_by else ""))
    n = 7
    for row in store.db.execute(sql):
        start, eind = row[7:7 + n], row[7 + n:7 + 2 * n]
        yield Trajectory(row[0], row[1], row[2], {"tussen": row[3], "eind": row[4]}, row[5],
                         [web(*start[:5], instrument), web(*eind[:5], instrument)], row[6])


def practice_overview(store, instrument, *, today=None):
    facts = [
        ConsultationFact(str(date or ""), str(ctype or ""), role or UNKNOWN_ROLE, bool(completed))
        for date, ctype, completed, role in store.db.execute(
            "SELECT c.date, c.type, c.completed_at, p.role FROM consultations c "
            "LEFT JOIN professionals p ON p.id = c.professional_id")]
    referrals = [ReferralFact(str(r["date"] or ""), str(r["service"] or ""), str(r["status"]))
                 for r in store.db.query(
                     "SELECT c.date, json_extract(r.service_snapshot, '$.name') AS service, "
                     "r.status FROM referrals r JOIN consultations c ON c.id = r.consultation_id")]
    return practice_stats(facts, list(completed_trajectories(store, instrument)), instrument,
                          today=today, referrals=referrals)


def _pct(w: WebPoint) -> float:
    return round(w.area_fraction * 100, 1)


def _keyed(store, key_salt: bytes) -> str:
    store.db.conn.create_function("pgdesk_key", 1, lambda value: pseudonym(key_salt, value),
                                  deterministic=True)
    return "pgdesk_key"


def consultation_rows(store, instrument, *, key_salt: bytes):
    key = _keyed(store, key_salt)
    order = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CONSULTATION_TYPES))
    query = store.db.execute(
        f"SELECT {key}(c.patient_id), c.id, c.date, c.type, {recorded('c')}, "
        "p.birth_date, pr.role, c.trajectory_id, c.present FROM consultations c "
        "JOIN patients p ON p.id = c.patient_id "
        "LEFT JOIN professionals pr ON pr.id = c.professional_id "
        f"ORDER BY 1, c.date, CASE c.type {order} ELSE 9 END")
    for (patient_key, cid, date, ctype, manual, aspects, marks, referrals, birth_date, role,
         trajectory_id, present_codes) in query:
        w = web(cid, date, ctype, manual, aspects, instrument)
        focus = set(json.loads(marks)) if marks else set()
        row = {"patient_key": patient_key, "birth_year_band": birth_year_band(birth_date or ""),
               "professional_role": role or "", "type": ctype, "date": date,
               "trajectory_key": pseudonym(key_salt, trajectory_id) if trajectory_id else ""}
        row.update(zip(instrument.dimension_ids, w.scores, strict=True))
        row["web_area_pct"] = _pct(w)
        row["focus"] = FOCUS_JOIN.join(d for d in instrument.dimension_ids if d in focus)
        row["referrals"] = referrals
        given = (present_codes or "").split(",")
        row.update((f"present_{p}", int(p in given)) for p in PRESENT)
        yield row


def trajectory_rows(store, instrument, *, key_salt: bytes):
    key = _keyed(store, key_salt)
    for t in completed_trajectories(store, instrument, order_by=f"{key}(t.patient_id), s.date"):
        start, eind = t.webs
        row = {"patient_key": pseudonym(key_salt, t.patient_id),
               "trajectory_key": pseudonym(key_salt, t.id),
               "start_date": start.date, "eind_date": eind.date}
        for ch in change_table([start, eind], instrument):
            first, last = ch.scores
            row[f"{ch.dimension_id}_start"] = first
            row[f"{ch.dimension_id}_eind"] = last
            row[f"{ch.dimension_id}_change"] = ch.change
        row["web_area_pct_start"] = _pct(start)
        row["web_area_pct_eind"] = _pct(eind)
        row["web_area_pct_change"] = round(_pct(eind) - _pct(start), 1)
        yield row
