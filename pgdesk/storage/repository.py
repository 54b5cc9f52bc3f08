"""Reads and writes patients, professionals and consultations.

Every answer is written in its own short transaction the moment it is given, so
there is no Save button and an interrupted consultation reopens where it stopped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlite_utils.db import NotFoundError

from pgdesk.domain.models import (
    CONSULTATION_TYPES,
    PLAN_FIELDS,
    ROLES,
    STEPS,
    Consultation,
    ConsultationView,
    Patient,
    Professional,
)
from pgdesk.domain.scores import validate_score
from pgdesk.domain.trajectory import TrajectoryOpen as TrajectoryOpen  # raised by new_consultation
from pgdesk.domain.validation import InputError, normalize_birth_date, require_name
from pgdesk.storage import consultations, driver, trajectories, versions
from pgdesk.storage.access_log import Actor
from pgdesk.storage.core import NotFound as NotFound  # raised by every reader
from pgdesk.storage.core import StoreCore, new_id, now
from pgdesk.storage.database import open_database
from pgdesk.storage.erasure import finish_erase

MAX_ANSWER = 20_000


def search_form(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(str(text).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"'{text}' is geen geldige datum (jjjj-mm-dd).") from None


class Store(StoreCore):
    """The repository over one open database: patients, professionals and consultations.

    Every change to a patient's record writes its access-log line in the same
    transaction, in the name of `actor` (see StoreCore).
    """

    @classmethod
    def open(cls, path, *, key: bytes | None = None, actor: Actor | None = None, **kw) -> Store:
        store = cls(open_database(path, key=key, **kw), actor)
        try:
            finish_erase(store.db)  # an erasure a crash interrupted is completed first
        except driver.Error:
            pass  # the rows are gone already; the marker stays and the next open tries again
        return store

    @classmethod
    def open_server(cls, address: str, *, actor: Actor | None = None, user: str | None = None,
                    password: str | None = None, migrate: bool = True) -> Store:
        """The same store on a practice server (a postgresql:// URL or a libpq service name);
        Dutch StorageErrors when it cannot be reached, logged into or trusted (see
        storage/postgres/connection.py)."""
        from pgdesk.storage.postgres.opened import open_server  # psycopg only when asked for

        store = cls(open_server(address, user=user, password=password, migrate=migrate), actor)
        try:
            finish_erase(store.db)
        except driver.Error:
            pass  # as for the file: the next open tries again
        return store

    @classmethod
    def open_practice(cls, address: str, user: str | None, ask_password) -> Store:
        """The practice server as `user` (their login role there), the way the app and every
        command open it: the password from the address, PGPASSWORD or a password file, else
        `ask_password(prompt)` once; log lines in the name of the professional of that name."""
        from pgdesk.storage.postgres.connection import ServerPasswordNeeded

        try:
            store = cls.open_server(address, user=user)
        except ServerPasswordNeeded:
            store = cls.open_server(address, user=user, password=ask_password(
                f"Wachtwoord van {user} op de praktijkserver: "))
        name = store.opened.params.get("user") or user or ""  # the login the server knows
        pro = next((p for p in store.professionals() if p.name == name), None)
        store.set_actor(Actor(name, pro.id if pro else None))
        return store

    # -- professionals ----------------------------------------------------
    def add_professional(self, name: str, role: str, *,
                         professional_id: str | None = None) -> Professional:
        name = require_name(name)
        if role not in ROLES:
            raise InputError(f"Onbekende functie: {role}")
        pro = Professional(professional_id or new_id(), name, role)
        with self.db.atomic():
            self.db["professionals"].insert(
                {"id": pro.id, "name": name, "role": role, "created_at": now()}
            )
        return pro

    def professionals(self) -> list[Professional]:
        return [Professional(r["id"], r["name"], r["role"])
                for r in self.db["professionals"].rows_where(order_by="name")]

    def professional(self, pro_id: str | None) -> Professional | None:
        if not pro_id:
            return None
        try:
            r = self.db["professionals"].get(pro_id)
        except NotFoundError:
            return None
        return Professional(r["id"], r["name"], r["role"])

    def current_professional(self) -> Professional | None:
        """The unlocked user's professional; with a shared passphrase, the one chosen last."""
        return (self.professional(self.actor.professional_id)
                or self.professional(self.setting("current_professional")))

    def set_current_professional(self, pro_id: str) -> None:
        self.set_setting("current_professional", pro_id)

    # -- patients ---------------------------------------------------------
    @staticmethod
    def _patient(r: dict) -> Patient:
        return Patient(r["id"], r["display_name"], r["birth_date"] or "", r["practice_number"] or "")

    def patient_by_number(self, practice_number: str) -> Patient | None:
        """The patient with this HIS number, or None (a number belongs to one patient)."""
        number = practice_number.strip()
        rows = list(self.db["patients"].rows_where("practice_number = ?", [number], limit=1)) \
            if number else []
        return self._patient(rows[0]) if rows else None

    def _require_free_number(self, number: str, patient_id: str) -> None:
        other = self.patient_by_number(number)
        if other is not None and other.id != patient_id:
            raise InputError(f"Er is al een patiënt met nummer {number} ({other.display_name}).")

    def add_patient(self, display_name: str, birth_date: str = "", practice_number: str = "",
                    *, patient_id: str | None = None) -> Patient:
        p = Patient(patient_id or new_id(), require_name(display_name),
                    normalize_birth_date(birth_date), practice_number.strip())
        with self.db.atomic():
            self._require_free_number(p.practice_number, p.id)
            self.db["patients"].insert({
                "id": p.id, "display_name": p.display_name, "birth_date": p.birth_date,
                "practice_number": p.practice_number, "search_name": search_form(p.display_name),
                "created_at": now(), "updated_at": now(),
            })
            self.log(p.id, "C", "patient")
        return p

    def update_patient(self, patient_id: str, display_name: str, birth_date: str,
                       practice_number: str) -> Patient:
        p = Patient(patient_id, require_name(display_name), normalize_birth_date(birth_date),
                    practice_number.strip())
        with self.db.atomic():
            if p.practice_number != self.patient(patient_id).practice_number:
                # checked only when it changes: a number two patients shared before this rule
                # existed must not stop editing their names
                self._require_free_number(p.practice_number, patient_id)
            self.db["patients"].update(patient_id, {
                "display_name": p.display_name, "birth_date": p.birth_date,
                "practice_number": p.practice_number, "search_name": search_form(p.display_name),
                "updated_at": now(),
            })
            self.log(patient_id, "U", "patient")
        return p

    def patient(self, patient_id: str) -> Patient:
        try:
            return self._patient(self.db["patients"].get(patient_id))
        except NotFoundError:
            raise NotFound("Deze patiënt bestaat niet (meer).") from None

    def record_opened(self, patient_id: str) -> None:
        """Log that someone looked at this patient's record (NEN 7513 logs reading too)."""
        with self.db.atomic():
            self.log(patient_id, "R", "record")

    def record_exported(self, patient_id: str, what: str) -> None:
        """Log a print, saved PDF or export of this patient's data."""
        with self.db.atomic():
            self.log(patient_id, "E", what)

    def search_patients(self, text: str = "", limit: int = 200) -> list[Patient]:
        """Type-ahead search on name and practice number (full-text, prefix per word)."""
        # words as the file's full-text tokenizer splits them (letters and digits; "_" too
        # separates), so both engines find by the same words
        words = re.findall(r"[^\W_]+", search_form(text))
        rows = self.db.search_patients(words, limit)  # each engine its own index (engine.py)
        return [Patient(pid, name, birth or "", number or "")  # engine.SEARCH_COLUMNS
                for pid, name, birth, number in rows.fetchall()]

    def patient_count(self) -> int:
        return self.db["patients"].count

    # -- consultations ----------------------------------------------------
    def new_consultation(self, patient_id: str, professional_id: str | None,
                         ctype: str | None = None, date: str | None = None,
                         *, consultation_id: str | None = None,
                         close_open: bool = False) -> Consultation:
        """A new conversation, placed in the patient's trajectory (see storage.trajectories).

        A `start` while a trajectory runs raises TrajectoryOpen (an InputError naming its
        start date); ask the user, then call again with close_open=True to close it today.
        """
        self.patient(patient_id)
        if ctype is None:
            ctype = self.suggest_type(patient_id)
        if ctype not in CONSULTATION_TYPES:
            raise InputError(f"Onbekend soort gesprek: {ctype}")
        c = Consultation(consultation_id or new_id(), patient_id, professional_id,
                         _iso_date(date) if date else dt.date.today().isoformat(), ctype)
        with self.db.atomic():
            trajectory_id = trajectories.place_new(self, patient_id, c.id, ctype, c.date,
                                                   close_open=close_open)
            self.db["consultations"].insert({
                "id": c.id, "patient_id": patient_id, "professional_id": professional_id,
                "date": c.date, "type": ctype, "step": "web", "wheel_index": 0,
                "created_at": now(), "updated_at": now(), "completed_at": None,
                "trajectory_id": trajectory_id,
            })
            trajectories.follow_ups_changed(self, patient_id)
            self.log(patient_id, "C", "consultation")
        return c

    def suggest_type(self, patient_id: str) -> str:
        """The running trajectory's next follow-up ("tussen", then "eind"); else "start"."""
        return trajectories.suggest_type(self, patient_id)

    def consultations_for(self, patient_id: str) -> list[dict]:
        """Newest first, with the professional's name and trajectory id, for the patient page."""
        return list(self.db.query(
            "SELECT c.id, c.date, c.type, c.step, c.completed_at, c.trajectory_id, "
            "p.name AS professional, "
            "p.role AS role FROM consultations c LEFT JOIN professionals p "
            "ON p.id = c.professional_id WHERE c.patient_id = ? "
            "ORDER BY c.date DESC, c.created_at DESC",
            [patient_id],
        ))

    def latest_consultation_id(self) -> str | None:
        row = self.db.execute(
            "SELECT id FROM consultations ORDER BY date DESC, created_at DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else None

    def consultation(self, consultation_id: str) -> Consultation:
        return consultations.consultation(self, consultation_id)

    def previous_consultation(self, c: Consultation) -> Consultation | None:
        row = self.db.execute(
            "SELECT id FROM consultations WHERE patient_id = ? AND id != ? "
            "AND (date < ? OR (date = ? AND created_at < "
            "(SELECT created_at FROM consultations WHERE id = ?))) "
            "ORDER BY date DESC, created_at DESC LIMIT 1",
            [c.patient_id, c.id, c.date, c.date, c.id],
        ).fetchone()
        return self.consultation(row[0]) if row else None

    def view(self, consultation_id: str) -> ConsultationView:
        c = self.consultation(consultation_id)
        return ConsultationView(c, self.patient(c.patient_id), self.professional(c.professional_id),
                                self.previous_consultation(c))

    # -- answers: one short transaction each --------------------------------
    # Each returns the answer's new version; `seen` is the version the editor last saw, and a
    # write over a newer answer from another room is refused (storage/versions.py).
    def set_score(self, consultation_id: str, dimension_id: str, value: int | None, *,
                  seen: int | None = None) -> int:
        with self.db.atomic():
            self.touch(consultation_id, "D" if value is None else "U", f"score:{dimension_id}")
            version = versions.bump(self, consultation_id, f"score:{dimension_id}", seen)
            if value is None:
                self.db.execute("DELETE FROM dimension_scores WHERE consultation_id = ? "
                                "AND dimension_id = ?", [consultation_id, dimension_id])
            else:  # plain SQL: an upsert through sqlite-utils reads the table layout each time
                self.db.execute(
                    "INSERT INTO dimension_scores (consultation_id, dimension_id, score) "
                    "VALUES (?, ?, ?) ON CONFLICT (consultation_id, dimension_id) "
                    "DO UPDATE SET score = excluded.score",
                    [consultation_id, dimension_id, validate_score(value)])
        return version

    def set_aspect_score(self, consultation_id: str, dimension_id: str, aspect_id: str,
                         value: int | None, *, seen: int | None = None) -> int:
        field = f"aspect_score:{dimension_id}/{aspect_id}"
        with self.db.atomic():
            self.touch(consultation_id, "D" if value is None else "U", field)
            version = versions.bump(self, consultation_id, field, seen)
            if value is None:
                self.db.execute("DELETE FROM aspect_scores WHERE consultation_id = ? AND "
                                "dimension_id = ? AND aspect_id = ?",
                                [consultation_id, dimension_id, aspect_id])
            else:
                self.db.execute(
                    "INSERT INTO aspect_scores (consultation_id, dimension_id, aspect_id, score) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (consultation_id, dimension_id, aspect_id) "
                    "DO UPDATE SET score = excluded.score",
                    [consultation_id, dimension_id, aspect_id, validate_score(value)])
        return version

    def set_mark(self, consultation_id: str, kind: str, dimension_id: str, aspect_id: str,
                 on: bool, *, seen: int | None = None) -> int:
        if kind not in ("talk", "focus"):
            raise ValueError(kind)
        field = f"mark:{kind}:{dimension_id}/{aspect_id or ''}"
        with self.db.atomic():
            self.touch(consultation_id, "C" if on else "D", field)
            version = versions.bump(self, consultation_id, field, seen)
            key = [consultation_id, kind, dimension_id, aspect_id or ""]
            if on:
                self.db.execute("INSERT OR IGNORE INTO marks VALUES (?, ?, ?, ?)", key)
            else:
                self.db.execute("DELETE FROM marks WHERE consultation_id = ? AND kind = ? AND "
                                "dimension_id = ? AND aspect_id = ?", key)
        return version

    def set_wheel_answer(self, consultation_id: str, step_id: str, answer: str, *,
                         seen: int | None = None) -> int:
        if len(answer) > MAX_ANSWER:
            raise InputError("Dit antwoord is te lang om op te slaan.")
        with self.db.atomic():
            self.touch(consultation_id, "U", f"wheel:{step_id}")
            version = versions.bump(self, consultation_id, f"wheel:{step_id}", seen)
            self.db.execute(
                "INSERT INTO wheel_answers (consultation_id, step_id, answer) VALUES (?, ?, ?) "
                "ON CONFLICT (consultation_id, step_id) DO UPDATE SET answer = excluded.answer",
                [consultation_id, step_id, answer])
        return version

    def set_plan_field(self, consultation_id: str, field: str, value: str, *,
                       seen: int | None = None) -> int:
        if field not in PLAN_FIELDS:
            raise ValueError(field)
        if len(value) > MAX_ANSWER:
            raise InputError("Deze tekst is te lang om op te slaan.")
        with self.db.atomic():
            self.touch(consultation_id, "U", f"plan:{field}")
            version = versions.bump(self, consultation_id, f"plan:{field}", seen)
            self.db.execute("INSERT OR IGNORE INTO plans (consultation_id) VALUES (?)",
                            [consultation_id])
            self.db.execute(f'UPDATE plans SET "{field}" = ? WHERE consultation_id = ?',
                            [value, consultation_id])
        return version

    def set_progress(self, consultation_id: str, step: str, wheel_index: int = 0) -> None:
        if step not in STEPS:
            raise ValueError(step)
        with self.db.atomic():
            # Where the conversation stands is navigation, not record content: not logged.
            self.touch(consultation_id)
            self.db["consultations"].update(consultation_id,
                                            {"step": step, "wheel_index": wheel_index})

    def set_consultation_info(self, consultation_id: str, *, ctype: str | None = None,
                              date: str | None = None) -> None:
        """Change type or date; the trajectory rules hold (InputError, nothing changed, if not)."""
        changes = {}
        if ctype is not None:
            if ctype not in CONSULTATION_TYPES:
                raise InputError(f"Onbekend soort gesprek: {ctype}")
            changes["type"] = ctype
        if date is not None:
            changes["date"] = _iso_date(date)
        with self.db.atomic():
            patient_id = self.touch(consultation_id, "U", "consultation")
            row = self.db["consultations"].get(consultation_id)
            trajectories.change_info(self, consultation_id, changes.get("type", row["type"]),
                                     changes.get("date", row["date"]))
            self.db["consultations"].update(consultation_id, changes)
            trajectories.follow_ups_changed(self, patient_id)

    def complete(self, consultation_id: str) -> None:
        """Mark the conversation held; a completed eind closes its trajectory."""
        with self.db.atomic():
            patient_id = self.touch(consultation_id, "U", "consultation")
            self.db.execute("UPDATE consultations SET completed_at = coalesce(completed_at, ?) "
                            "WHERE id = ?", [now(), consultation_id])
            trajectories.close_if_eind(self, consultation_id)
            trajectories.follow_ups_changed(self, patient_id)

    def save_consultation(self, c: Consultation) -> None:
        """Write a whole consultation at once (demo data, imports), in one transaction."""
        with self.db.atomic():
            for d, s in c.manual_scores.items():
                self.set_score(c.id, d, s)
            for d, aspects in c.aspect_scores.items():
                for a, s in aspects.items():
                    self.set_aspect_score(c.id, d, a, s)
            for kind, marks in (("talk", c.talk), ("focus", c.focus)):
                for d, a in marks:
                    self.set_mark(c.id, kind, d, a, True)
            for step_id, answer in c.wheel_answers.items():
                self.set_wheel_answer(c.id, step_id, answer)
            for field in PLAN_FIELDS:
                self.set_plan_field(c.id, field, getattr(c.plan, field))
            self.set_progress(c.id, c.step, c.wheel_index)
            if c.completed_at:
                self.db["consultations"].update(c.id, {"completed_at": c.completed_at})
                trajectories.close_if_eind(self, c.id)
                trajectories.follow_ups_changed(self, c.patient_id)
