"""The strict check of a decrypted payload: anything not of the documented shape is refused
before a single record is looked at (docs/transfer-format.md)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

from pgdesk.domain import transfer as rules
from pgdesk.domain.documents import PRESENT
from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN
from pgdesk.domain.languages import HANDOUT_LANGUAGES
from pgdesk.domain.models import CONSULTATION_TYPES, PLAN_FIELDS, ROLES, STEPS
from pgdesk.domain.social_map import MAX_NOTE, REFERRAL_ROUTES, REFERRAL_STATUSES
from pgdesk.domain.transfer import KIND_BRING_BACK, Version
from pgdesk.storage.repository import MAX_ANSWER
from pgdesk.storage.transfer.fileformat import (
    FORMAT,
    NOTHING_READ,
    VERSION,
    Malformed,
    NewerTransferVersion,
    TransferDamaged,
    TransferError,
    bounded_int,
    want,
)
from pgdesk.storage.transfer.records import (
    CHILD_KEYS,
    CONSULTATION_COLS,
    PATIENT_COLS,
    PROFESSIONAL_COLS,
    REFERRAL_COLS,
    SERVICE_COLS,
    TRAJECTORY_COLS,
    V1_CONSULTATION_DEFAULTS,
    V1_PATIENT_DEFAULTS,
)

# --- validating a payload -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _text(value: object, limit: int, *, optional: bool = False, where: str = "") -> str | None:
    if value is None and optional:
        return None
    want(isinstance(value, str) and len(value) <= limit, where)
    return value  # type: ignore[return-value]


def _ident(value: object, *, optional: bool = False, where: str = "id") -> str | None:
    if value is None and optional:
        return None
    want(isinstance(value, str) and 0 < len(value) <= 100 and not _CONTROL.search(value)
         and value.strip() == value, where)
    return value  # type: ignore[return-value]


def _date(value: object, *, optional: bool = False, where: str = "date") -> None:
    if value is None and optional:
        return
    want(isinstance(value, str) and _DATE.fullmatch(value) is not None, where)
    try:
        dt.date.fromisoformat(value)  # type: ignore[arg-type]
    except ValueError:
        raise Malformed(where) from None


def _stamp(value: object, *, optional: bool = True) -> None:
    _text(value, 40, optional=optional, where="timestamp")


def _keys(obj: object, keys: Iterable[str], where: str) -> dict:
    want(isinstance(obj, dict) and set(obj) == set(keys), where)
    return obj  # type: ignore[return-value]


def _list(value: object, where: str, limit: int = 100_000) -> list:
    want(isinstance(value, list) and len(value) <= limit, where)
    return value  # type: ignore[return-value]


def _score(value: object) -> None:
    bounded_int(value, SCALE_MIN, SCALE_MAX, "score")


def check_version(raw: object) -> Version | None:
    if raw is None:
        return None
    v = _keys(raw, ("digest", "fields", "updated_at"), "base")
    want(isinstance(v["digest"], str) and re.fullmatch(r"[0-9a-f]{64}", v["digest"]) is not None,
         "base digest")
    fields = v["fields"]
    want(isinstance(fields, dict) and len(fields) <= 100_000, "base fields")
    for k, d in fields.items():
        want(isinstance(k, str) and len(k) <= 300 and isinstance(d, str)
             and re.fullmatch(r"[0-9a-f]{32}", d) is not None, "base field")
    _stamp(v["updated_at"])
    return Version(v["digest"], dict(fields), v["updated_at"])


def _check_consultation(c: object, pros: set[str], services: set[str], trajectories: set[str],
                        old: bool) -> None:
    """old: a file of version 1, without the columns of migration 0011 (filled in here)."""
    keys = [k for k in (*CONSULTATION_COLS, *CHILD_KEYS) if not (old and k in V1_CONSULTATION_DEFAULTS)]
    c = _keys(c, keys, "consultation")
    if old:
        c.update(present="", patient_answers=[])
    seen_own = set()
    for own in _list(c["patient_answers"], "patient answers", 1000):
        want(isinstance(own, list) and len(own) == 6 and own[0] in ("aspect", "talk", "important"),
             "patient answer")
        kind, dim, aspect, score, answer, answered = own
        want(dim == "" or _ident(dim) is not None, "patient answer dimension")
        want(aspect == "" or _ident(aspect) is not None, "patient answer aspect")
        want(score is None or bounded_int(score, SCALE_MIN, SCALE_MAX) is not None, "score")
        _text(answer, MAX_ANSWER, optional=True, where="patient answer")
        _stamp(answered, optional=False)
        want((kind, dim, aspect) not in seen_own, "patient answer twice")
        seen_own.add((kind, dim, aspect))
    want(isinstance(c["present"], str)
         and (c["present"] == "" or set(c["present"].split(",")) <= set(PRESENT)), "present")
    _ident(c["id"])
    want(_ident(c["professional_id"], optional=True) is None or c["professional_id"] in pros,
         "professional")
    _date(c["date"])
    want(c["type"] in CONSULTATION_TYPES and c["step"] in STEPS, "type/step")
    bounded_int(c["wheel_index"], 0, 1000, "wheel_index")
    for k in ("created_at", "updated_at", "completed_at"):
        _stamp(c[k])
    want(_ident(c["trajectory_id"], optional=True) is None or c["trajectory_id"] in trajectories,
         "trajectory")
    _ident(c["conflict_of"], optional=True)
    scores = c["dimension_scores"]
    want(isinstance(scores, dict) and len(scores) <= 100, "scores")
    for dim, s in scores.items():
        _ident(dim)
        _score(s)
    aspects = c["aspect_scores"]
    want(isinstance(aspects, dict) and len(aspects) <= 100, "aspect scores")
    for dim, per in aspects.items():
        _ident(dim)
        want(isinstance(per, dict) and len(per) <= 100, "aspect scores")
        for aspect, s in per.items():
            _ident(aspect)
            _score(s)
    seen_marks = set()
    for mark in _list(c["marks"], "marks", 1000):
        want(isinstance(mark, list) and len(mark) == 3 and mark[0] in ("talk", "focus"), "mark")
        _ident(mark[1])
        want(mark[2] == "" or _ident(mark[2]) is not None, "mark aspect")
        want(tuple(mark) not in seen_marks, "mark twice")
        seen_marks.add(tuple(mark))
    answers = c["wheel_answers"]
    want(isinstance(answers, dict) and len(answers) <= 100, "answers")
    for step, answer in answers.items():
        _ident(step)
        _text(answer, MAX_ANSWER, where="answer")
    if c["plan"] is not None:
        plan = _keys(c["plan"], PLAN_FIELDS, "plan")
        for f in PLAN_FIELDS:
            _text(plan[f], MAX_ANSWER, optional=True, where="plan")
    for r in _list(c["referrals"], "referrals", 1000):
        r = _keys(r, REFERRAL_COLS, "referral")
        _ident(r["id"])
        want(_ident(r["service_id"], optional=True) is None or r["service_id"] in services,
             "referral service")
        snapshot = _text(r["service_snapshot"], 20_000, where="snapshot")
        try:
            want(isinstance(json.loads(snapshot), dict), "snapshot")
        except ValueError:
            raise Malformed("snapshot") from None
        want(r["status"] in REFERRAL_STATUSES, "status")
        _text(r["note"], MAX_NOTE, where="note")
        _ident(r["followed_up_in"], optional=True)
        _stamp(r["created_at"], optional=False)
        _stamp(r["updated_at"], optional=False)


def check_payload(raw: bytes) -> dict:
    """The decrypted payload, checked strictly; TransferDamaged for anything unexpected."""
    try:
        payload = json.loads(raw.decode("utf-8"))
        _keys(payload, ("transfer", "professionals", "services", "patients"), "top")
        t = payload["transfer"]
        want(isinstance(t, dict) and t.get("format") == FORMAT, "transfer")
        if type(t.get("version")) is int and t["version"] > VERSION:
            raise NewerTransferVersion()
        _keys(t, ("format", "version", "kind", "id", "origin_db_id", "source_db_id", "created_at",
                  "created_by", "pgdesk_version"), "transfer")
        want(t["version"] in (1, VERSION) and t["kind"] in rules.KINDS, "transfer kind")
        old = t["version"] < VERSION
        patient_cols = [k for k in PATIENT_COLS if not (old and k in V1_PATIENT_DEFAULTS)]
        for k in ("id", "origin_db_id", "source_db_id"):
            _ident(t[k])
        _stamp(t["created_at"], optional=False)
        _text(t["created_by"], 200, where="created_by")
        _text(t["pgdesk_version"], 40, where="pgdesk_version")
        bring_back = t["kind"] == KIND_BRING_BACK

        pros = set()
        for p in _list(payload["professionals"], "professionals"):
            p = _keys(p, PROFESSIONAL_COLS, "professional")
            _ident(p["id"])
            want(isinstance(p["name"], str) and 0 < len(p["name"].strip()) <= 200, "name")
            want(p["role"] in ROLES, "role")
            _stamp(p["created_at"])
            pros.add(p["id"])
        services = set()
        for s in _list(payload["services"], "services"):
            s = _keys(s, SERVICE_COLS, "service")
            _ident(s["id"])
            want(isinstance(s["name"], str) and 0 < len(s["name"].strip()) <= 200, "service name")
            for f in ("organisation", "offer", "dimensions", "phone", "email", "website", "address",
                      "notes"):
                _text(s[f], 5000, where=f)
            want(s["referral_route"] in ("", *REFERRAL_ROUTES), "route")
            _stamp(s["created_at"], optional=False)
            _stamp(s["updated_at"], optional=False)
            _stamp(s["deleted_at"])
            services.add(s["id"])
        want(len(pros) == len(payload["professionals"])
             and len(services) == len(payload["services"]), "duplicate professional/service")

        seen: dict[str, set] = {"patient": set(), "trajectory": set(), "consultation": set(),
                                "referral": set()}

        def unique(kind: str, ident: str) -> None:
            want(ident not in seen[kind], f"{kind} twice")
            seen[kind].add(ident)

        entries = _list(payload["patients"], "patients", 10_000)
        want(len(entries) > 0, "no patients")
        for e in entries:
            keys = ("patient", "trajectories", "consultations") + (("base", "deleted") if bring_back
                                                                    else ())
            _keys(e, keys, "entry")
            p = _keys(e["patient"], patient_cols, "patient")
            if old:  # the language it has is the only one it knows (see plan.py)
                p.update(V1_PATIENT_DEFAULTS, handout_language=p.get("handout_lang"))
            unique("patient", _ident(p["id"]))
            want(isinstance(p["display_name"], str) and 0 < len(p["display_name"].strip()) <= 200,
                 "display_name")
            _text(p["birth_date"], 10, optional=True, where="birth_date")
            _text(p["practice_number"], 100, optional=True, where="practice_number")
            want(p["handout_lang"] in (None, "nl", "en") and p["handout_paper"] in (None, "A4", "A5"),
                 "handout")
            want(p["handout_language"] in (None, *HANDOUT_LANGUAGES), "handout_language")
            _ident(p["instrument_variant"], where="instrument_variant")
            bounded_int(p["handout_large_print"], 0, 1, "handout_large_print")
            _stamp(p["created_at"])
            _stamp(p["updated_at"])
            trajectories = set()
            for tr in _list(e["trajectories"], "trajectories", 1000):
                tr = _keys(tr, TRAJECTORY_COLS, "trajectory")
                unique("trajectory", _ident(tr["id"]))
                _ident(tr["start_consultation_id"], optional=True)
                for k in ("start_date", "tussen_planned", "eind_planned"):
                    _date(tr[k])
                _stamp(tr["closed_at"])
                _stamp(tr["created_at"])
                _stamp(tr["updated_at"])
                trajectories.add(tr["id"])
            for c in _list(e["consultations"], "consultations", 10_000):
                _check_consultation(c, pros, services, trajectories, old)
                unique("consultation", c["id"])
                for r in c["referrals"]:
                    unique("referral", r["id"])
            if bring_back:
                b = _keys(e["base"], ("patient", "trajectories", "consultations"), "base")
                check_version(b["patient"])
                want(isinstance(b["trajectories"], dict) and set(b["trajectories"]) == trajectories,
                     "base trajectories")
                want(isinstance(b["consultations"], dict) and set(b["consultations"])
                     == {c["id"] for c in e["consultations"]}, "base consultations")
                for v in (*b["trajectories"].values(), *b["consultations"].values()):
                    check_version(v)
                d = _keys(e["deleted"], ("consultations",), "deleted")
                for i in _list(d["consultations"], "deleted"):
                    _ident(i)
        return payload
    except TransferError:
        raise
    except (Malformed, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise TransferDamaged(
            "Het transferbestand is goed ontsleuteld, maar de inhoud is niet wat pgdesk verwacht "
            "(beschadigd of door een ander programma gemaakt). " + NOTHING_READ,
            detail=str(exc)) from None
