"""One consultation being held: writes each answer at once and keeps the in-memory copy in step.

Each write carries the version of the answer this screen last saw (storage/versions.py), so a
newer answer from another room is never overwritten: the write is refused (WriteConflict). A
refused score or mark shows the other room's choice at once (`c` follows it); refused text stays
on screen until the user chooses (`adopt`, then write again)."""

from __future__ import annotations

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.domain.scores import DimensionScore, validate_score
from pgdesk.storage import versions
from pgdesk.storage.errors import TakenOver, WriteConflict
from pgdesk.storage.repository import Store


class ConsultationSession:
    def __init__(self, store: Store, instrument: Instrument, consultation_id: str):
        self.store = store
        self.instrument = instrument
        self.c: Consultation = store.consultation(consultation_id)
        self.patient = store.patient(self.c.patient_id)
        self.professional = store.professional(self.c.professional_id)
        self.previous = store.previous_consultation(self.c)
        self.versions: dict[str, int] = versions.seen(store, consultation_id)
        # Open in another room (storage/claims.py): the screen shows it, nothing is written,
        # not even where the conversation stands.
        self.read_only = False
        self.refused: dict[str, str] = {}  # text refused because another room took it over

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
        self._guarded(f"score:{dimension_id}", self.store.set_score, dimension_id, value)
        if value is None:
            self.c.manual_scores.pop(dimension_id, None)
        else:
            self.c.manual_scores[dimension_id] = value

    def set_aspect_score(self, dimension_id: str, aspect_id: str, value: int | None) -> None:
        if value is not None:
            value = validate_score(value)
        self._guarded(f"aspect_score:{dimension_id}/{aspect_id}", self.store.set_aspect_score,
                      dimension_id, aspect_id, value)
        aspects = self.c.aspect_scores.setdefault(dimension_id, {})
        if value is None:
            aspects.pop(aspect_id, None)
        else:
            aspects[aspect_id] = value

    def set_mark(self, kind: str, dimension_id: str, aspect_id: str, on: bool) -> None:
        self._guarded(f"mark:{kind}:{dimension_id}/{aspect_id or ''}", self.store.set_mark,
                      kind, dimension_id, aspect_id, on)
        marks = self.c.talk if kind == "talk" else self.c.focus
        (marks.add if on else marks.discard)((dimension_id, aspect_id or ""))

    def set_wheel_answer(self, step_id: str, text: str) -> None:
        if self.c.wheel_answers.get(step_id, "") == text:
            return
        self._guarded(f"wheel:{step_id}", self.store.set_wheel_answer, step_id, text)
        self.c.wheel_answers[step_id] = text

    def set_plan_field(self, field: str, text: str) -> None:
        if getattr(self.c.plan, field) == text:
            return
        self._guarded(f"plan:{field}", self.store.set_plan_field, field, text)
        setattr(self.c.plan, field, text)

    def set_progress(self, step: str, wheel_index: int = 0) -> None:
        if (self.c.step, self.c.wheel_index) == (step, wheel_index) or self.read_only:
            return
        self.store.set_progress(self.c.id, step, wheel_index)
        self.c.step, self.c.wheel_index = step, wheel_index

    def set_type(self, ctype: str) -> None:
        self.store.set_consultation_info(self.c.id, ctype=ctype)
        self.c.type = ctype

    def complete(self) -> None:
        if not self.c.completed_at and not self.read_only:
            self.store.complete(self.c.id)
            self.c.completed_at = "done"

    def set_text(self, field: str, text: str) -> None:
        """A wheel or plan text by its field name ("wheel:wens", "plan:goal")."""
        kind, _, key = field.partition(":")
        (self.set_wheel_answer if kind == "wheel" else self.set_plan_field)(key, text)

    # -- guarded writes -----------------------------------------------------------------
    def _guarded(self, field: str, write, *args) -> None:
        try:
            self.versions[field] = write(self.c.id, *args, seen=self.versions.get(field, 0))
            self.refused.pop(field, None)
        except TakenOver:
            if versions.is_text(field):
                self.refused[field] = args[-1]
            raise
        except WriteConflict as exc:
            if not versions.is_text(field):  # nothing typed to keep: show their choice
                self.adopt(exc)
            raise

    def follow_stored(self) -> None:
        """Take in the scores and marks stored since this screen read them (the patient filling
        in on a screen of their own). Typed text and its versions stay as they are, so a newer
        text from elsewhere still asks before it is replaced. Changed in place: the steps keep
        references to these sets and dicts."""
        fresh, c = self.store.consultation(self.c.id), self.c
        for mine, stored in ((c.manual_scores, fresh.manual_scores),
                             (c.aspect_scores, fresh.aspect_scores), (c.talk, fresh.talk),
                             (c.focus, fresh.focus)):
            mine.clear()
            mine.update(stored)
        self.versions.update({f: v for f, v in versions.seen(self.store, self.c.id).items()
                              if not versions.is_text(f)})

    def stored_text(self, field: str) -> str:
        """The text stored now for a wheel or plan field (another room's, after a conflict)."""
        fresh = self.store.consultation(self.c.id)
        kind, _, key = field.partition(":")
        return fresh.wheel_answers.get(key, "") if kind == "wheel" else getattr(fresh.plan, key)

    def adopt(self, conflict: WriteConflict) -> None:
        """Take the other room's answer as what this screen has seen: its value into `c`, its
        version for the next write (which then replaces it, as the user chose)."""
        fresh = self.store.consultation(self.c.id)
        kind, _, key = conflict.field.partition(":")
        c = self.c
        if kind == "wheel":
            c.wheel_answers[key] = fresh.wheel_answers.get(key, "")
        elif kind == "plan":
            setattr(c.plan, key, getattr(fresh.plan, key))
        elif kind == "score":
            if key in fresh.manual_scores:
                c.manual_scores[key] = fresh.manual_scores[key]
            else:
                c.manual_scores.pop(key, None)
        elif kind == "aspect_score":
            dim = key.split("/")[0]
            c.aspect_scores[dim] = fresh.aspect_scores.get(dim, {})
        elif kind == "mark":
            mark_kind, _, where = key.partition(":")
            d, _, a = where.partition("/")
            marks = c.talk if mark_kind == "talk" else c.focus
            fresh_marks = fresh.talk if mark_kind == "talk" else fresh.focus
            (marks.add if (d, a) in fresh_marks else marks.discard)((d, a))
        self.versions[conflict.field] = conflict.version
