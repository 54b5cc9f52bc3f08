"""What the patient filled in themselves (patient mode, issue 17), beside what was agreed.

The conversation's own tables (aspect_scores, marks, wheel_answers) hold the current answers,
which the professional may change with the patient in the consult. `patient_answers` keeps each
answer as the patient gave it, written in the same transaction, so both stay: the step-1 web
marks what came from the patient and shows where the agreed number differs. `patient_mode_runs`
holds the screen the patient was on, so the mode reopens there after a crash or power cut.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import IMPORTANT
from pgdesk.domain.scores import aspect_mean
from pgdesk.storage.core import StoreCore, now
from pgdesk.storage.session import ConsultationSession


@dataclass
class PatientAnswers:
    """The patient's own answers in one conversation; empty when the patient filled in nothing."""

    aspect_scores: dict[str, dict[str, int | None]] = field(default_factory=dict)  # None: skipped
    talk: set[tuple[str, str]] = field(default_factory=set)
    important: str | None = None

    @property
    def any(self) -> bool:
        return bool(self.aspect_scores or self.talk or self.important)

    def dimension_score(self, instrument: Instrument, dimension_id: str) -> float | None:
        """The score the patient's own aspect numbers give this dimension (their mean)."""
        given = self.aspect_scores.get(dimension_id, {})
        return aspect_mean([given.get(a.id) for a in instrument.dimension(dimension_id).aspects])

    def skipped(self, dimension_id: str) -> set[str]:
        """The aspects the patient answered "weet ik niet"."""
        return {a for a, v in self.aspect_scores.get(dimension_id, {}).items() if v is None}


def patient_answers(store: StoreCore, consultation_id: str) -> PatientAnswers:
    out = PatientAnswers()
    for kind, dim, aspect, score, answer in store.db.execute(
        "SELECT kind, dimension_id, aspect_id, score, answer FROM patient_answers "
        "WHERE consultation_id = ?", [consultation_id]
    ):
        if kind == "aspect":
            out.aspect_scores.setdefault(dim, {})[aspect] = score
        elif kind == "talk":
            out.talk.add((dim, aspect))
        elif kind == "important":
            out.important = answer
    return out


def _record(store: StoreCore, consultation_id: str, kind: str, dimension_id: str = "",
            aspect_id: str = "", score: int | None = None, answer: str | None = None) -> None:
    """Inside the answer's own transaction: the patient's copy, and its access-log line."""
    key = [consultation_id, kind, dimension_id, aspect_id]
    store.db.execute("DELETE FROM patient_answers WHERE consultation_id = ? AND kind = ? AND "
                     "dimension_id = ? AND aspect_id = ?", key)
    store.db.execute("INSERT INTO patient_answers (consultation_id, kind, dimension_id, aspect_id, "
                     "score, answer, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [*key, score, answer, now()])


def _forget(store: StoreCore, consultation_id: str, kind: str, dimension_id: str,
            aspect_id: str) -> None:
    store.db.execute("DELETE FROM patient_answers WHERE consultation_id = ? AND kind = ? AND "
                     "dimension_id = ? AND aspect_id = ?",
                     [consultation_id, kind, dimension_id, aspect_id])


class PatientSession(ConsultationSession):
    """The session the patient mode writes through: each answer goes into the conversation and
    into the patient's copy in one transaction, so a crash keeps both or neither."""

    def __init__(self, store, instrument: Instrument, consultation_id: str):
        super().__init__(store, instrument, consultation_id)
        self.own = patient_answers(store, consultation_id)

    def set_aspect_score(self, dimension_id: str, aspect_id: str, value: int | None) -> None:
        with self.store.db.atomic():
            super().set_aspect_score(dimension_id, aspect_id, value)
            _record(self.store, self.id, "aspect", dimension_id, aspect_id, score=value)
            self.store.log(self.patient.id, "U",
                           f"patient_answer:aspect:{dimension_id}/{aspect_id}")
        self.own.aspect_scores.setdefault(dimension_id, {})[aspect_id] = value

    def set_mark(self, kind: str, dimension_id: str, aspect_id: str, on: bool) -> None:
        with self.store.db.atomic():
            super().set_mark(kind, dimension_id, aspect_id, on)
            if kind == "talk":
                (_record if on else _forget)(self.store, self.id, "talk", dimension_id,
                                             aspect_id or "")
                self.store.log(self.patient.id, "C" if on else "D",
                               f"patient_answer:talk:{dimension_id}/{aspect_id or ''}")
        if kind == "talk":
            (self.own.talk.add if on else self.own.talk.discard)((dimension_id, aspect_id or ""))

    def set_wheel_answer(self, step_id: str, text: str) -> None:
        if step_id != IMPORTANT:
            super().set_wheel_answer(step_id, text)
            return
        if self.own.important == text and self.c.wheel_answers.get(step_id, "") == text:
            return
        with self.store.db.atomic():
            super().set_wheel_answer(step_id, text)
            _record(self.store, self.id, "important", answer=text)
            self.store.log(self.patient.id, "U", "patient_answer:important")
        self.own.important = text


# -- where the patient was --------------------------------------------------
# A run left open this long ago (a kiosk switched off mid-way) no longer keeps the consult room
# looking on: the patient is not filling in any more.
FILLING_IN_STALE = dt.timedelta(hours=1)


def filling_in_elsewhere(store: StoreCore, consultation_id: str) -> bool:
    """True while the patient fills this conversation in at the kiosk or on another workstation
    (a run open and used within the last hour). The consult room then looks on instead of claiming
    the conversation, which would refuse the patient's next answer."""
    since = (dt.datetime.now(dt.UTC) - FILLING_IN_STALE).isoformat(timespec="seconds")
    return store.db.execute(
        "SELECT 1 FROM patient_mode_runs WHERE consultation_id = ? AND ended_at IS NULL "
        "AND (kiosk = 1 OR workstation != ?) AND updated_at > ?",
        [consultation_id, store.actor.workstation, since]).fetchone() is not None


def start_run(store: StoreCore, consultation_id: str, kiosk: bool = False) -> int:
    """Open (or reopen) the patient mode for this conversation, here (this workstation, or the
    waiting-room kiosk); the screen to start on: where the patient was if it never ended."""
    row = store.db.execute("SELECT screen, ended_at FROM patient_mode_runs WHERE "
                           "consultation_id = ?", [consultation_id]).fetchone()
    stamp, here = now(), [store.actor.workstation, int(kiosk)]
    with store.db.atomic():
        if row is None:
            store.db.execute("INSERT INTO patient_mode_runs (consultation_id, screen, workstation, "
                             "kiosk, started_at, updated_at) VALUES (?, 0, ?, ?, ?, ?)",
                             [consultation_id, *here, stamp, stamp])
        else:
            store.db.execute("UPDATE patient_mode_runs SET ended_at = NULL, workstation = ?, "
                             "kiosk = ?, updated_at = ? WHERE consultation_id = ?",
                             [*here, stamp, consultation_id])
    return 0 if row is None or row[1] is not None else row[0]


def set_screen(store: StoreCore, consultation_id: str, screen: int) -> None:
    with store.db.atomic():
        store.db.execute("UPDATE patient_mode_runs SET screen = ?, updated_at = ? "
                         "WHERE consultation_id = ?", [screen, now(), consultation_id])


def end_run(store: StoreCore, consultation_id: str) -> None:
    """The professional took the screen back: nothing to reopen at the next start."""
    with store.db.atomic():
        store.db.execute("UPDATE patient_mode_runs SET ended_at = ?, updated_at = ? "
                         "WHERE consultation_id = ? AND ended_at IS NULL",
                         [now(), now(), consultation_id])


def open_run(store: StoreCore) -> tuple[str, str, int] | None:
    """(consultation id, patient id, screen) of the patient mode that was open on this workstation
    when pgdesk stopped without the professional taking the screen back; None if there is none.
    One the kiosk left open, or another workstation on a shared file, is not this one's to open."""
    row = store.db.execute(
        "SELECT r.consultation_id, c.patient_id, r.screen FROM patient_mode_runs r "
        "JOIN consultations c ON c.id = r.consultation_id "
        "WHERE r.ended_at IS NULL AND r.kiosk = 0 AND r.workstation = ? "
        "AND c.completed_at IS NULL ORDER BY r.updated_at DESC LIMIT 1",
        [store.actor.workstation]).fetchone()
    return (row[0], row[1], row[2]) if row else None
