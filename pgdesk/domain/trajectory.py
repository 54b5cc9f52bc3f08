"""Trajectories: a start conversation, an intermediate ("tussen") and an end ("eind") one,
about three and six months apart; the webs over time, the change table and who is due.

Pure Python: storage builds these from its rows, the screens and reports draw them.
The numbers are a conversation aid, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation
from pgdesk.domain.scores import web_area, web_area_fraction
from pgdesk.domain.validation import InputError

FOLLOW_UPS = ("tussen", "eind")


@dataclass(frozen=True)
class TrajectoryDefaults:
    """Days from the start to the planned tussen and eind conversations (the practice may change them)."""

    tussen_days: int = 91
    eind_days: int = 182

    def planned(self, start: str) -> dict[str, str]:
        day = dt.date.fromisoformat(start)
        return {"tussen": (day + dt.timedelta(days=self.tussen_days)).isoformat(),
                "eind": (day + dt.timedelta(days=self.eind_days)).isoformat()}


@dataclass(frozen=True)
class WebPoint:
    """One conversation's web: effective score per dimension (instrument order) and its area."""

    consultation_id: str
    date: str
    type: str
    scores: tuple[float | None, ...]
    area: float
    area_fraction: float

    @classmethod
    def of(cls, c: Consultation, instrument: Instrument) -> WebPoint:
        scores = tuple(c.scores(instrument))
        return cls(c.id, c.date, c.type, scores, web_area(scores), web_area_fraction(scores))


@dataclass
class Trajectory:
    id: str
    patient_id: str
    start_date: str
    planned: dict[str, str]                     # "tussen"/"eind" -> ISO date
    closed_at: str | None = None
    webs: list[WebPoint] = field(default_factory=list)  # oldest first

    @property
    def open(self) -> bool:
        return self.closed_at is None

    def held(self, ctype: str) -> bool:
        return any(w.type == ctype for w in self.webs)

    def next_due(self) -> tuple[str, str] | None:
        """(type, planned date) of the next follow-up not yet held, if the trajectory is open."""
        if not self.open:
            return None
        for ctype in FOLLOW_UPS:
            if not self.held(ctype):
                return ctype, self.planned[ctype]
        return None


@dataclass(frozen=True)
class ChangeRow:
    dimension_id: str
    name: str
    scores: tuple[float | None, ...]   # one per web, oldest first
    change: float | None               # last scored minus first scored (None if fewer than two)


def change_table(webs: Sequence[WebPoint], instrument: Instrument) -> list[ChangeRow]:
    rows = []
    for i, dim in enumerate(instrument.dimensions):
        scores = tuple(w.scores[i] if i < len(w.scores) else None for w in webs)
        given = [s for s in scores if s is not None]
        change = round(given[-1] - given[0], 1) if len(given) >= 2 else None
        rows.append(ChangeRow(dim.id, dim.name, scores, change))
    return rows


def check_follow_up_date(start_date: str, ctype: str, date: str) -> None:
    """A tussen or eind conversation cannot come before its start."""
    if ctype in FOLLOW_UPS and date < start_date:
        raise InputError(
            f"Een {'tussengesprek' if ctype == 'tussen' else 'eindgesprek'} kan niet vóór het "
            f"startgesprek ({dt.date.fromisoformat(start_date):%d-%m-%Y}) liggen.")


@dataclass(frozen=True)
class DueItem:
    patient_id: str
    display_name: str
    trajectory_id: str
    type: str          # "tussen" or "eind"
    planned: str       # ISO date
    overdue: bool


def due_items(trajectories: Sequence[tuple[str, Trajectory]], today: dt.date,
              within_days: int = 14) -> list[DueItem]:
    """Follow-ups due within `within_days` or overdue, soonest first. Input: (name, trajectory)."""
    horizon = (today + dt.timedelta(days=within_days)).isoformat()
    items = []
    for name, t in trajectories:
        nxt = t.next_due()
        if nxt and nxt[1] <= horizon:
            items.append(DueItem(t.patient_id, name, t.id, nxt[0], nxt[1],
                                 nxt[1] < today.isoformat()))
    return sorted(items, key=lambda d: (d.planned, d.display_name))


def birth_year_band(birth_date: str) -> str:
    """Five-year band of the birth year ("1950-1954"), or "" when unknown."""
    if not birth_date:
        return ""
    year = int(birth_date[:4])
    low = year - year % 5
    return f"{low}-{low + 4}"
