"""Webs of many conversations at once, for the practice overview and the evaluation export.

One SQL statement carries each conversation's scores, focus marks and referral count (as JSON
aggregates in correlated subqueries over the primary keys), streamed row by row: no query per
conversation and no table-metadata lookups in a loop, so both stay quick at 50,000 patients.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation
from pgdesk.domain.trajectory import Trajectory, WebPoint
from pgdesk.storage.core import StoreCore


def recorded(alias: str) -> str:
    """SQL columns with what is scored in conversation `alias` (see `web`), then focus and
    referrals."""
    return (
        f"(SELECT json_group_object(dimension_id, score) FROM dimension_scores "
        f" WHERE consultation_id = {alias}.id), "
        f"(SELECT json_group_array(json_array(dimension_id, aspect_id, score)) FROM aspect_scores "
        f" WHERE consultation_id = {alias}.id), "
        f"(SELECT json_group_array(dimension_id) FROM marks "
        f" WHERE consultation_id = {alias}.id AND kind = 'focus'), "
        f"(SELECT count(*) FROM referrals WHERE consultation_id = {alias}.id)")


RECORDED_COLUMNS = 4


def web(cid: str, date: str, ctype: str, manual: str | None, aspects: str | None,
        instrument: Instrument) -> WebPoint:
    """A WebPoint from the first two columns of `recorded`."""
    c = Consultation(cid, "", None, date, ctype)
    c.manual_scores = json.loads(manual) if manual else {}
    for d, a, s in json.loads(aspects) if aspects else ():
        c.aspect_scores.setdefault(d, {})[a] = s
    return WebPoint.of(c, instrument)


def focus(marks: str | None) -> set[str]:
    """The dimensions marked as focus, from the third column of `recorded`."""
    return set(json.loads(marks)) if marks else set()


def completed_trajectories(store: StoreCore, instrument: Instrument, *,
                           order_by: str = "") -> Iterator[Trajectory]:
    """Every trajectory that held a start and an eind, with those two webs, in one streamed
    query, in no particular order unless `order_by` (SQL) says. A trajectory has one start (the
    conversation that opened it) and at most one eind (storage.trajectories refuses a second)."""
    sql = (
        "SELECT t.id, t.patient_id, t.start_date, t.tussen_planned, t.eind_planned, t.closed_at, "
        "t.start_consultation_id, "
        f"s.id, s.date, s.type, {recorded('s')}, e.id, e.date, e.type, {recorded('e')} "
        "FROM trajectories t "
        "JOIN consultations s ON s.id = t.start_consultation_id AND s.type = 'start' "
        "JOIN consultations e ON e.trajectory_id = t.id AND e.type = 'eind' "
        + (f"ORDER BY {order_by}" if order_by else ""))
    n = 3 + RECORDED_COLUMNS
    for row in store.db.execute(sql):
        start, eind = row[7:7 + n], row[7 + n:7 + 2 * n]
        yield Trajectory(row[0], row[1], row[2], {"tussen": row[3], "eind": row[4]}, row[5],
                         [web(*start[:5], instrument), web(*eind[:5], instrument)], row[6])
