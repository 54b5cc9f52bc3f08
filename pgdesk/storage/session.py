"""One consultation being held: writes each answer at once and keeps the in-memory copy in step."""

from __future__ import annotations

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.domain.scores import DimensionScore, validate_score
from pgdesk.storage.repository import Store


class ConsultationSession:
    def __init__(self, store: Store, instrument: Instrument, consultation_id: str):
        self.store = store
        self.instrument = instrument
        self.c: Consultation = store.consultation(consultation_id)
        self.patient = store.patient(self.c.patient_id)
        self.professional = store.professional(self.c.professional_id)
        self.previous = store.previous_consultation(self.c)

    @property
    def id(self) -> str:
        return self.c.id

    def view(self) -> ConsultationView:
        return ConsultationView(self.c, self.patient, self.professional, self.previous)

    def score(self, dimension_id: str) -> DimensionScore:
        return self.c.dimension_score(self.instrument, dimension_id)

    def set_score(self, dimension_id: str, value: int | None) -> None:
        if value is not None:
            value = validate_score(value)
        self.store.set_score(self.c.id, dimension_id, value)
        if value is None:
            self.c.manual_scores.pop(dimension_id, None)
        else:
            self.c.manual_scores[dimension_id] = value

    def set_aspect_score(self, dimension_id: str, aspect_id: str, value: int | None) -> None:
        if value is not None:
            value = validate_score(value)
        self.store.set_aspect_score(self.c.id, dimension_id, aspect_id, value)
        aspects = self.c.aspect_scores.setdefault(dimension_id, {})
        if value is None:
            aspects.pop(aspect_id, None)
        else:
            aspects[aspect_id] = value

    def set_mark(self, kind: str, dimension_id: str, aspect_id: str, on: bool) -> None:
        self.store.set_mark(self.c.id, kind, dimension_id, aspect_id, on)
        marks = self.c.talk if kind == "talk" else self.c.focus
        (marks.add if on else marks.discard)((dimension_id, aspect_id or ""))

    def set_wheel_answer(self, step_id: str, text: str) -> None:
        if self.c.wheel_answers.get(step_id, "") == text:
            return
        self.store.set_wheel_answer(self.c.id, step_id, text)
        self.c.wheel_answers[step_id] = text

    def set_plan_field(self, field: str, text: str) -> None:
        if getattr(self.c.plan, field) == text:
            return
        self.store.set_plan_field(self.c.id, field, text)
        setattr(self.c.plan, field, text)

    def set_progress(self, step: str, wheel_index: int = 0) -> None:
        if (self.c.step, self.c.wheel_index) == (step, wheel_index):
            return
        self.store.set_progress(self.c.id, step, wheel_index)
        self.c.step, self.c.wheel_index = step, wheel_index

    def set_type(self, ctype: str) -> None:
        self.store.set_consultation_info(self.c.id, ctype=ctype)
        self.c.type = ctype

    def complete(self) -> None:
        if not self.c.completed_at:
            self.store.complete(self.c.id)
            self.c.completed_at = "done"
