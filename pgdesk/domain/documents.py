"""What each document shows, as plain data: storage gathers it once (pgdesk.storage.documents),
the screens and the command line hand it to the report that renders it (pgdesk.reports)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.domain.practice import PracticeDetails
from pgdesk.domain.social_map import Referral
from pgdesk.domain.validation import InputError

SOEP_PARTS = ("S", "O", "E", "P")


@dataclass(frozen=True)
class HandoutData:
    """One conversation's handout: the start conversation of its trajectory (an end conversation
    compares with it), the referrals under "Wie helpt mij?", the practice's details for the foot
    of every page and whether this patient's end handout says what changed."""

    view: ConsultationView
    start: Consultation | None = None
    referrals: Sequence[Referral] = ()
    practice: PracticeDetails | None = None
    show_changes: bool = True
    large_print: bool = False  # this patient's handout in large letters (migration 0011)


# "Aanwezig bij het gesprek": who else took part, as stored per conversation (migration 0011)
PRESENT = ("naaste", "tolk", "namens")


@dataclass(frozen=True)
class SoepData:
    """One conversation's journal text: its referrals (earlier ones followed up in it, then those
    made in it), the practice's parts, default ICPC code and where the professional's note goes."""

    view: ConsultationView
    referrals: Sequence[Referral] = ()
    parts: tuple[str, ...] = SOEP_PARTS
    icpc: str = ""
    note_part: str = "E"
    present: tuple[str, ...] = ()  # who else was there, codes of PRESENT
    width: int = 72  # the practice's HIS template (domain.his_templates): 0 is no wrapping
    letters: bool = True
    cp1252: bool = False  # only characters Windows-1252 has


# The evaluation export's columns (docs/evaluation-export.md); the dimensions' columns go between
# head and tail, in instrument order.
CONSULTATION_HEAD = ("patient_key", "birth_year_band", "professional_role", "type", "date",
                     "trajectory_key")
CONSULTATION_TAIL = ("web_area_pct", "focus", "referrals", *(f"present_{p}" for p in PRESENT))
TRAJECTORY_HEAD = ("patient_key", "trajectory_key", "start_date", "eind_date")
TRAJECTORY_PARTS = ("start", "eind", "change")  # per dimension
TRAJECTORY_TAIL = ("web_area_pct_start", "web_area_pct_eind", "web_area_pct_change")

Row = Sequence  # one row's values, in the order of its file's columns


@dataclass(frozen=True)
class EvaluationData:
    """The pseudonymised evaluation export, patient by patient in the order of the files: per
    patient its conversations' rows and its finished trajectories' rows, values in column order.

    One pass over the database gives both files' rows, so the export writes both as they come
    and never holds more than one patient's rows."""

    patients: Iterable[tuple[list[Row], list[Row]]] = field(default_factory=list)


def parse_soep_parts(value: Iterable[str] | str) -> tuple[str, ...]:
    """The SOEP parts in S, O, E, P order ("SOP" or ["S", "O", "P"]); InputError for none or an
    unknown letter."""
    letters = [str(p).strip().upper() for p in value if str(p).strip() not in ("", ",", ";")]
    unknown = [p for p in letters if p not in SOEP_PARTS]
    if unknown:
        raise InputError(f"Onbekend deel van de SOEP-tekst: {', '.join(unknown)}. Kies uit S, O, "
                         "E en P.")
    chosen = tuple(p for p in SOEP_PARTS if p in letters)
    if not chosen:
        raise InputError("Kies minstens één deel van de SOEP-tekst (S, O, E of P).")
    return chosen
