"""Plain records of patients, professionals and consultations, as the UI and reports see them."""

from __future__ import annotations

from dataclasses import dataclass, field

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.roles import ROLE_LABELS_NL, ROLES  # noqa: F401  (the records' roles, kept here too)
from pgdesk.domain.scores import DimensionScore, dimension_score, web_area_fraction

CONSULTATION_TYPES = ("start", "tussen", "eind", "los")

# The consultation's steps, in order; stored so an interrupted consult reopens where it stopped.
STEPS = ("web", "focus", "wheel", "plan", "summary")

PLAN_FIELDS = ("goal", "first_step", "helper", "when", "next_appointment")

# What a conversation records beside the wheel's six answers is stored with them, under these
# ids (table wheel_answers), so saving, the access log, the export and the transfer to a laptop
# treat them alike.
IMPORTANT = "belangrijk"  # "Wat is voor mij belangrijk?" in the patient's own words
PROFESSIONAL_NOTE = "notitie"  # the professional's note: in the HIS text, never on patient paper
ICPC = "icpc"  # the ICPC code for the HIS text's E line
STARTS_WITH = "begint_met"  # of several topics, the one (dimension id) the wheel starts with
NOTE_IDS = (IMPORTANT, PROFESSIONAL_NOTE, ICPC, STARTS_WITH)


@dataclass
class Patient:
    id: str
    display_name: str
    birth_date: str = ""  # "YYYY" or "YYYY-MM-DD"
    practice_number: str = ""


@dataclass
class Professional:
    id: str
    name: str
    role: str


@dataclass
class Plan:
    goal: str = ""
    first_step: str = ""
    helper: str = ""
    when: str = ""
    next_appointment: str = ""  # ISO date or date-time, or free text

    def is_empty(self) -> bool:
        return not any(getattr(self, f).strip() for f in PLAN_FIELDS)


@dataclass
class Consultation:
    """Everything recorded in one conversation, keyed by instrument ids."""

    id: str
    patient_id: str
    professional_id: str | None
    date: str
    type: str
    step: str = "web"
    wheel_index: int = 0
    manual_scores: dict[str, int] = field(default_factory=dict)
    aspect_scores: dict[str, dict[str, int]] = field(default_factory=dict)
    talk: set[tuple[str, str]] = field(default_factory=set)  # (dimension_id, aspect_id or "")
    focus: set[tuple[str, str]] = field(default_factory=set)
    wheel_answers: dict[str, str] = field(default_factory=dict)
    plan: Plan = field(default_factory=Plan)
    completed_at: str | None = None

    def dimension_score(self, instrument: Instrument, dimension_id: str) -> DimensionScore:
        dim = instrument.dimension(dimension_id)
        aspects = self.aspect_scores.get(dimension_id, {})
        return dimension_score(self.manual_scores.get(dimension_id),
                               [aspects.get(a.id) for a in dim.aspects])

    def wheel_answer(self, instrument: Instrument, role: str) -> str:
        """The answer to the wheel step with this role (instrument.WHEEL_ROLES); "" if none."""
        step_id = instrument.wheel_step_id(role)
        return self.wheel_answers.get(step_id, "") if step_id else ""

    def scores(self, instrument: Instrument) -> list[float | None]:
        """Effective score per dimension, in instrument order."""
        return [self.dimension_score(instrument, d.id).value for d in instrument.dimensions]

    def area_fraction(self, instrument: Instrument) -> float:
        return web_area_fraction(self.scores(instrument))

    def is_scored(self, instrument: Instrument) -> bool:
        return all(s is not None for s in self.scores(instrument))


@dataclass
class ConsultationView:
    """A consultation with the people around it: what a handout or summary needs."""

    consultation: Consultation
    patient: Patient
    professional: Professional | None
    previous: Consultation | None = None
