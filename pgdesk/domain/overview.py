"""The practice overview (the "check" of plan-do-check-act): conversations held, completed
trajectories and referrals by status per service first (what a pilot's evaluation asks: more
referrals to, and use of, local help), then conversations per month and per role, and the mean
change per dimension last, over the last twelve months.

Pure Python over plain records, so it is tested by hand; reports collect the records from the
store and draw them. The numbers are a conversation aid for the team, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import ROLES
from pgdesk.domain.social_map import REFERRAL_STATUSES
from pgdesk.domain.trajectory import Trajectory, WebPoint

MONTHS = 12
UNKNOWN_ROLE = ""  # a conversation without a (known) professional


@dataclass(frozen=True)
class ConsultationFact:
    """One conversation, reduced to what the overview counts (no patient in it)."""

    date: str                      # ISO date
    type: str                      # start / tussen / eind / los
    professional_role: str | None  # role code; None or "" when nobody is recorded
    completed: bool


@dataclass(frozen=True)
class ReferralFact:
    """One referral, reduced to what the overview counts: the day, the service, its status."""

    date: str     # ISO date the referral was made
    service: str  # the service's name as it was when referred
    status: str   # voorgesteld / verwezen / gestart / afgerond / niet_doorgegaan


@dataclass(frozen=True)
class ServiceReferrals:
    service: str
    by_status: tuple[tuple[str, int], ...]  # (status, referrals) in REFERRAL_STATUSES order

    @property
    def total(self) -> int:
        return sum(n for _s, n in self.by_status)


@dataclass(frozen=True)
class DimensionChange:
    dimension_id: str
    name: str
    mean: float | None  # eind minus start, averaged over `count` trajectories; None if count is 0
    count: int


@dataclass(frozen=True)
class PracticeStats:
    period_start: str                    # ISO date: first day of the first month
    period_end: str                      # ISO date: last day of the last month
    months: tuple[tuple[str, int], ...]  # ("2025-03", conversations), oldest first, every month
    roles: tuple[tuple[str, int], ...]   # (role code, conversations), most first; "" = unknown
    conversations: int                   # in the period
    completed_conversations: int         # of those, finished (the summary step was reached)
    completed_trajectories: int          # start and eind held, the eind within the period
    changes: tuple[DimensionChange, ...]  # instrument order
    referrals: tuple[ServiceReferrals, ...] = ()  # most referred first

    @property
    def has_changes(self) -> bool:
        return any(c.count for c in self.changes)


def _month(day: dt.date, back: int) -> tuple[int, int]:
    """(year, month) `back` months before the month of `day`."""
    index = day.year * 12 + day.month - 1 - back
    return index // 12, index % 12 + 1


def month_keys(today: dt.date, months: int = MONTHS) -> list[str]:
    """'YYYY-MM' for the last `months` months up to and including today's, oldest first."""
    return [f"{y:04d}-{m:02d}" for y, m in (_month(today, b) for b in range(months - 1, -1, -1))]


def _period(today: dt.date, months: int) -> tuple[str, str]:
    y, m = _month(today, months - 1)
    first = dt.date(y, m, 1)
    ny, nm = _month(today, -1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return first.isoformat(), last.isoformat()


def _first(webs: Iterable[WebPoint], ctype: str) -> WebPoint | None:
    return next((w for w in webs if w.type == ctype), None)


def _last(webs: Sequence[WebPoint], ctype: str) -> WebPoint | None:
    return next((w for w in reversed(webs) if w.type == ctype), None)


def completed_pair(trajectory: Trajectory) -> tuple[WebPoint, WebPoint] | None:
    """(start web, eind web) of a trajectory that held both, else None."""
    start, end = _first(trajectory.webs, "start"), _last(trajectory.webs, "eind")
    return (start, end) if start is not None and end is not None else None


def _role_order(role: str) -> int:
    return ROLES.index(role) if role in ROLES else len(ROLES) + (role == UNKNOWN_ROLE)


def referrals_per_service(referrals: Iterable[ReferralFact], start: str, end: str
                          ) -> tuple[ServiceReferrals, ...]:
    """Referrals made between `start` and `end` (ISO dates), counted per service and status;
    the most referred service first (then by name)."""
    counts: dict[str, Counter[str]] = {}
    for r in referrals:
        if start <= r.date[:10] <= end:
            counts.setdefault(" ".join(r.service.split()) or "?", Counter())[r.status] += 1
    rows = [ServiceReferrals(name, tuple((s, c[s]) for s in REFERRAL_STATUSES))
            for name, c in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r.total, r.service.casefold())))


def practice_stats(facts: Iterable[ConsultationFact], trajectories: Iterable[Trajectory],
                   instrument: Instrument, *, today: dt.date | None = None,
                   months: int = MONTHS, referrals: Iterable[ReferralFact] = ()) -> PracticeStats:
    """Counts over the last `months` calendar months (today's month included).

    A trajectory counts as completed when it held a start and an eind conversation and the eind
    lies in the period; its change per dimension is the eind score minus the start score, where
    both were given. The mean is over the completed trajectories with both scores.
    """
    today = today or dt.date.today()
    start, end = _period(today, months)
    keys = month_keys(today, months)
    per_month: Counter[str] = Counter()
    per_role: Counter[str] = Counter()
    completed = 0
    for f in facts:
        if not (start <= f.date[:10] <= end):
            continue
        per_month[f.date[:7]] += 1
        per_role[f.professional_role or UNKNOWN_ROLE] += 1
        completed += bool(f.completed)

    n_dims = len(instrument.dimensions)
    sums = [0.0] * n_dims
    counts = [0] * n_dims
    n_completed = 0
    for t in trajectories:
        pair = completed_pair(t)
        if pair is None or not (start <= pair[1].date[:10] <= end):
            continue
        n_completed += 1
        first, last = pair
        for i in range(n_dims):
            a = first.scores[i] if i < len(first.scores) else None
            b = last.scores[i] if i < len(last.scores) else None
            if a is not None and b is not None:
                sums[i] += b - a
                counts[i] += 1

    changes = tuple(
        DimensionChange(d.id, d.name, round(sums[i] / counts[i], 2) if counts[i] else None, counts[i])
        for i, d in enumerate(instrument.dimensions))
    roles = sorted(per_role.items(), key=lambda kv: (-kv[1], _role_order(kv[0])))
    return PracticeStats(
        period_start=start,
        period_end=end,
        months=tuple((k, per_month[k]) for k in keys),
        roles=tuple(roles),
        conversations=sum(per_month.values()),
        completed_conversations=completed,
        completed_trajectories=n_completed,
        changes=changes,
        referrals=referrals_per_service(referrals, start, end),
    )
