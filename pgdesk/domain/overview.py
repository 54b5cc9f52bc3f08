"""The practice overview (the "check" of plan-do-check-act): conversations held, completed
trajectories and referrals by status per service first (what a pilot's evaluation asks: more
referrals to, and use of, local help), then conversations per month and per role, and the mean
change per dimension last, over the last twelve months.

`practice_stats` defines the numbers in pure Python over plain records, so it is tested by hand;
the store counts the same in SQL (pgdesk.storage.overview_sql) and hands the counts to
`assemble_stats`; reports draw the result. The numbers are a conversation aid for the team, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
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


def _service_name(name: str) -> str:
    return " ".join(name.split()) or "?"


def referrals_per_service(referrals: Iterable[ReferralFact], start: str, end: str
                          ) -> tuple[ServiceReferrals, ...]:
    """Referrals made between `start` and `end` (ISO dates), counted per service and status;
    the most referred service first (then by name)."""
    counts: Counter[tuple[str, str]] = Counter()
    for r in referrals:
        if start <= r.date[:10] <= end:
            counts[(r.service, r.status)] += 1
    return service_rows((service, status, n) for (service, status), n in counts.items())


def service_rows(counts: Iterable[tuple[str, str, int]]) -> tuple[ServiceReferrals, ...]:
    """(service as referred, status, referrals) counted elsewhere (e.g. GROUP BY in SQL), per
    service with its name's spacing tidied; the most referred service first (then by name)."""
    per: dict[str, Counter[str]] = {}
    for service, status, n in counts:
        per.setdefault(_service_name(service), Counter())[status] += n
    rows = [ServiceReferrals(name, tuple((s, c[s]) for s in REFERRAL_STATUSES))
            for name, c in per.items()]
    return tuple(sorted(rows, key=lambda r: (-r.total, r.service.casefold())))


def period(today: dt.date, months: int = MONTHS) -> tuple[str, str]:
    """(first day, last day) as ISO dates of the last `months` calendar months up to today's."""
    return _period(today, months)


@dataclass
class ChangeSums:
    """Per dimension (instrument order) the sum of eind minus start over the completed
    trajectories that have both scores, and how many those are."""

    sums: list[float]
    counts: list[int]
    trajectories: int = 0  # completed trajectories counted, with or without scores

    @classmethod
    def empty(cls, instrument: Instrument) -> ChangeSums:
        n = len(instrument.dimensions)
        return cls([0.0] * n, [0] * n)

    def add(self, first: Sequence[float | None], last: Sequence[float | None]) -> None:
        """One completed trajectory: its start and eind scores in instrument order."""
        self.trajectories += 1
        for i in range(len(self.sums)):
            a = first[i] if i < len(first) else None
            b = last[i] if i < len(last) else None
            if a is not None and b is not None:
                self.sums[i] += b - a
                self.counts[i] += 1


def assemble_stats(instrument: Instrument, today: dt.date, months: int, *,
                   per_month: Mapping[str, int], per_role: Mapping[str, int],
                   completed_conversations: int, changes: ChangeSums,
                   referrals: tuple[ServiceReferrals, ...] = ()) -> PracticeStats:
    """The overview from numbers counted over the period of `period(today, months)` (by
    `practice_stats` from records, or by the store in SQL)."""
    start, end = _period(today, months)
    keys = month_keys(today, months)
    means = tuple(
        DimensionChange(d.id, d.name,
                        round(changes.sums[i] / changes.counts[i], 2) if changes.counts[i] else None,
                        changes.counts[i])
        for i, d in enumerate(instrument.dimensions))
    roles = sorted(((r, n) for r, n in per_role.items() if n),
                   key=lambda kv: (-kv[1], _role_order(kv[0])))
    return PracticeStats(
        period_start=start,
        period_end=end,
        months=tuple((k, per_month.get(k, 0)) for k in keys),
        roles=tuple(roles),
        conversations=sum(per_month.get(k, 0) for k in keys),
        completed_conversations=completed_conversations,
        completed_trajectories=changes.trajectories,
        changes=means,
        referrals=referrals,
    )


def practice_stats(facts: Iterable[ConsultationFact], trajectories: Iterable[Trajectory],
                   instrument: Instrument, *, today: dt.date | None = None,
                   months: int = MONTHS, referrals: Iterable[ReferralFact] = ()) -> PracticeStats:
    """Counts over the last `months` calendar months (today's month included), from plain
    records: the definition of the overview, which the store computes the same in SQL.

    A trajectory counts as completed when it held a start and an eind conversation and the eind
    lies in the period; its change per dimension is the eind score minus the start score, where
    both were given. The mean is over the completed trajectories with both scores.
    """
    today = today or dt.date.today()
    start, end = _period(today, months)
    per_month: Counter[str] = Counter()
    per_role: Counter[str] = Counter()
    completed = 0
    for f in facts:
        if not (start <= f.date[:10] <= end):
            continue
        per_month[f.date[:7]] += 1
        per_role[f.professional_role or UNKNOWN_ROLE] += 1
        completed += bool(f.completed)
    changes = ChangeSums.empty(instrument)
    for t in trajectories:
        pair = completed_pair(t)
        if pair is not None and start <= pair[1].date[:10] <= end:
            changes.add(pair[0].scores, pair[1].scores)
    return assemble_stats(instrument, today, months, per_month=per_month, per_role=per_role,
                          completed_conversations=completed, changes=changes,
                          referrals=referrals_per_service(referrals, start, end))
