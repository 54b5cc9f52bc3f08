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
    closed_at: str | None = None                # ISO date the trajectory ended; None while open
    webs: list[WebPoint] = field(default_factory=list)  # oldest first
    start_consultation_id: str | None = None

    @property
    def open(self) -> bool:
        return self.closed_at is None

    def held(self, ctype: str) -> bool:
        return any(w.type == ctype for w in self.webs)

    def next_type(self) -> str | None:
        """The follow-up to hold next: "tussen", then "eind"; None once the eind is held."""
        if self.held("eind"):
            return None
        return "eind" if self.held("tussen") else "tussen"

    def next_due(self) -> tuple[str, str] | None:
        """(type, planned date) of the next follow-up not yet held, if the trajectory is open."""
        ctype = self.next_type() if self.open else None
        return (ctype, self.planned[ctype]) if ctype else None

    def eind_proposal(self, defaults: TrajectoryDefaults) -> str | None:
        """After a tussen held late, a new date for the eind (ISO), or None when its plan still
        fits: the eind is offered for re-planning when it falls less than half the usual gap
        after the tussen (or before it). The proposal keeps the usual gap from the tussen."""
        if not self.open or self.next_type() != "eind":
            return None
        held = next(w.date for w in self.webs if w.type == "tussen")[:10]
        gap = max(defaults.eind_days - defaults.tussen_days, 1)
        soonest = dt.date.fromisoformat(held) + dt.timedelta(days=gap // 2)
        if self.planned["eind"] >= soonest.isoformat():
            return None
        return (dt.date.fromisoformat(held) + dt.timedelta(days=gap)).isoformat()


class TrajectoryOpen(InputError):
    """A new start while the patient's trajectory still runs; the caller may offer to close it."""

    def __init__(self, trajectory_id: str, start_date: str):
        self.trajectory_id = trajectory_id
        self.start_date = start_date
        super().__init__(
            f"Er loopt al een traject voor deze patiënt, begonnen op {dutch_date(start_date)}. "
            "Sluit dat eerst af om een nieuw startgesprek te beginnen, of kies een tussen-, "
            "eind- of los gesprek.")


def dutch_date(iso: str) -> str:
    """"2026-03-02" as "02-03-2026"."""
    return f"{dt.date.fromisoformat(iso[:10]):%d-%m-%Y}"


def type_noun(ctype: str) -> str:
    return {"start": "startgesprek", "tussen": "tussengesprek", "eind": "eindgesprek"}.get(
        ctype, "los gesprek")


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
            f"Een {type_noun(ctype)} kan niet vóór het startgesprek ({dutch_date(start_date)}) "
            "liggen.")


@dataclass(frozen=True)
class DueItem:
    patient_id: str
    display_name: str
    trajectory_id: str
    type: str          # "tussen" or "eind"
    planned: str       # ISO date
    overdue: bool


def birth_year_band(birth_date: str) -> str:
    """Five-year band of the birth year ("1950-1954"), or "" when unknown."""
    if not birth_date:
        return ""
    year = int(birth_date[:4])
    low = year - year % 5
    return f"{low}-{low + 4}"
