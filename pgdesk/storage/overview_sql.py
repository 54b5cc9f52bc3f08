"""The practice overview counted in SQL: three GROUP BY queries over the last twelve months,
whatever the number of patients, instead of every conversation and trajectory read into Python.

Only the completed trajectories whose eind lies in the period come back row by row (a few
thousand at a large practice), because a score derived from aspects is rounded as the domain
rounds it. Portable SQL (no engine-specific functions), so PostgreSQL runs it as SQLite does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.overview import MONTHS, ChangeSums, PracticeStats, assemble_stats, period, service_rows
from pgdesk.storage.core import StoreCore
from pgdesk.storage.webs import Pivot

Progress = Callable[[int, int], None]  # (done, of); may raise to stop the work
STEPS = 3


def _after(last_day: str) -> str:
    """The day after an ISO date: dates (with or without a time) in the period are >= the first
    day and < this, so an index on the date bounds the read on both sides."""
    return (dt.date.fromisoformat(last_day) + dt.timedelta(days=1)).isoformat()


def _conversations(store: StoreCore, start: str, after: str
                   ) -> tuple[Counter[str], Counter[str], int]:
    per_month: Counter[str] = Counter()
    per_role: Counter[str] = Counter()
    completed = 0
    for month, role, n, done in store.db.execute(
            "SELECT substr(c.date, 1, 7), COALESCE(p.role, ''), COUNT(*), "
            "SUM(CASE WHEN c.completed_at IS NOT NULL AND c.completed_at <> '' THEN 1 ELSE 0 END) "
            "FROM consultations c LEFT JOIN professionals p ON p.id = c.professional_id "
            "WHERE c.date >= ? AND c.date < ? GROUP BY substr(c.date, 1, 7), COALESCE(p.role, '')",
            [start, after]):
        per_month[month] += n
        per_role[role] += n
        completed += done or 0
    return per_month, per_role, completed


def _changes(store: StoreCore, instrument: Instrument, start: str, after: str) -> ChangeSums:
    """Start and eind scores of every trajectory that held both, the eind in the period: the
    pairs found once (MATERIALIZED: both engines would otherwise repeat the joins per use),
    then only their conversations' scores pivoted (through the covering indexes, in id
    order)."""
    pivot = Pivot(instrument)
    pairs = ("pairs AS MATERIALIZED (SELECT s.id AS start_id, e.id AS eind_id FROM consultations e "
             "JOIN trajectories t ON t.id = e.trajectory_id "
             "JOIN consultations s ON s.id = t.start_consultation_id AND s.type = 'start' "
             "WHERE e.type = 'eind' AND e.date >= ? AND e.date < ?)")
    tables, params = pivot.tables(
        where="consultation_id IN (SELECT start_id FROM pairs UNION ALL SELECT eind_id FROM pairs)")
    sums = ChangeSums.empty(instrument)
    rows = store.db.execute(
        f"WITH {pairs}, {tables} SELECT {pivot.columns('ps')}, {pivot.columns('pe')} FROM pairs p "
        f"{pivot.joins('p.start_id', 'ps')}{pivot.joins('p.eind_id', 'pe')}", [start, after, *params])
    for row in rows:
        sums.add(pivot.scores(row, 0), pivot.scores(row, pivot.width))
    return sums


def _referrals(store: StoreCore, start: str, after: str) -> list[tuple[str, str, int]]:
    """(service name as referred, status, referrals): grouped on the service's stored copy in
    SQL (few distinct copies however many referrals), its name read from the copy here."""
    out = []
    for snapshot, status, n in store.db.execute(
            "SELECT r.service_snapshot, r.status, COUNT(*) FROM referrals r "
            "JOIN consultations c ON c.id = r.consultation_id "
            "WHERE c.date >= ? AND c.date < ? GROUP BY r.service_snapshot, r.status",
            [start, after]):
        try:
            name = json.loads(snapshot).get("name")
        except (TypeError, ValueError, AttributeError):
            name = None
        out.append((str(name or ""), str(status), n))
    return out


def overview_stats(store: StoreCore, instrument: Instrument, *, today: dt.date | None = None,
                   months: int = MONTHS, progress: Progress | None = None) -> PracticeStats:
    """The overview's numbers, counted by the database; `progress(done, STEPS)` after each
    query (it may raise to stop)."""
    today = today or dt.date.today()
    start, end = period(today, months)
    after = _after(end)
    step = progress or (lambda done, of: None)
    per_month, per_role, completed = _conversations(store, start, after)
    step(1, STEPS)
    changes = _changes(store, instrument, start, after)
    step(2, STEPS)
    referrals = service_rows(_referrals(store, start, after))
    step(3, STEPS)
    return assemble_stats(instrument, today, months, per_month=per_month, per_role=per_role,
                          completed_conversations=completed, changes=changes, referrals=referrals)
