"""The sociale kaart and the referrals made in conversations.

Functions over the storage core (any Store), like patient_rights and trajectories.

- Services (the map) are the practice's, not a patient's: changing them writes no access-log
  line. They are never removed, only marked deleted, so a referral can still point at one.
- Referrals are patient data: adding, changing and deleting one writes an access-log line
  (C/U/D, what ``referral:<id>``) in the same transaction, and marks its conversation changed.
  A referral keeps a copy of its service as it was (``Referral.snapshot``).
- Reading and writing the map as CSV is social_map_csv's.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.social_map import (
    OPEN_STATUSES,
    SNAPSHOT_FIELDS,
    Referral,
    Service,
    check_note,
    check_status,
    validate_service,
)
from pgdesk.domain.validation import InputError, require_name
from pgdesk.storage.consultations import consultation
from pgdesk.storage.core import NotFound, StoreCore, new_id, now

__all__ = [
    "add_referral", "add_service", "delete_referral", "delete_service", "follow_ups",
    "insert_service", "open_referrals", "referral", "referrals_for_consultation", "service",
    "services", "services_for", "set_referral_status", "update_service",
]

DIMENSION_JOIN = ";"  # how the services table joins dimension ids
SERVICE_FIELDS = ("name", "organisation", "offer", "phone", "email", "website", "address",
                  "referral_route", "notes")


# --- services -----------------------------------------------------------------------------------


def _sort_key(s: Service) -> tuple[str, str]:
    def fold(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()

    return fold(s.name), fold(s.organisation)


def _service(row: dict) -> Service:
    dims = tuple(d for d in (row["dimensions"] or "").split(DIMENSION_JOIN) if d)
    return Service(id=row["id"], dimensions=dims, created_at=row["created_at"] or "",
                   updated_at=row["updated_at"] or "", deleted_at=row["deleted_at"],
                   **{f: row[f] or "" for f in SERVICE_FIELDS})


def _row(s: Service) -> dict:
    return {"id": s.id, "dimensions": DIMENSION_JOIN.join(s.dimensions),
            "created_at": s.created_at, "updated_at": s.updated_at, "deleted_at": s.deleted_at,
            **{f: getattr(s, f) for f in SERVICE_FIELDS}}


def services(store: StoreCore, *, include_deleted: bool = False) -> list[Service]:
    """The map, alphabetical by name (then organisation); deleted entries only on request."""
    where = "" if include_deleted else " WHERE deleted_at IS NULL"
    found = [_service(r) for r in store.db.query(f"SELECT * FROM services{where}")]
    return sorted(found, key=_sort_key)


def service(store: StoreCore, service_id: str) -> Service:
    """One entry, also when it was deleted (NotFound if it never existed)."""
    rows = list(store.db.query("SELECT * FROM services WHERE id = ?", [service_id]))
    if not rows:
        raise NotFound("Dit hulpaanbod staat niet in de sociale kaart.")
    return _service(rows[0])


def services_for(store: StoreCore, dimension_ids: Iterable[str]) -> list[Service]:
    """Services that help with any of these dimensions first, then the rest; alphabetical within
    each group; deleted ones left out."""
    wanted = set(dimension_ids)
    everything = services(store)
    return ([s for s in everything if s.helps_with(wanted)]
            + [s for s in everything if not s.helps_with(wanted)])


def _instrument(instrument: Instrument | None) -> Instrument:
    return instrument or shipped_instrument("nl")


def _check_unique(store: StoreCore, s: Service) -> None:
    for other in services(store):
        if other.id != s.id and other.key() == s.key():
            raise InputError(f"'{s.title}' staat al in de sociale kaart.")


def add_service(store: StoreCore, s: Service, *, instrument: Instrument | None = None) -> Service:
    """Add an entry (checked; InputError in Dutch); returns it with its new id and times (an id
    already on `s` is not used)."""
    s = validate_service(s, _instrument(instrument))
    with store.db.atomic():
        _check_unique(store, s)
        return insert_service(store, s)


def insert_service(store: StoreCore, s: Service) -> Service:
    """Store an already checked service under a new id; the caller checks that it is new."""
    stamp = now()
    s = replace(s, id=new_id(), created_at=stamp, updated_at=stamp, deleted_at=None)
    store.db["services"].insert(_row(s))
    return s


def update_service(store: StoreCore, s: Service, *, instrument: Instrument | None = None) -> Service:
    """Change an entry (found by s.id); referrals made earlier keep their copy as it was."""
    old = service(store, s.id)
    if old.deleted:
        raise InputError("Dit hulpaanbod is uit de sociale kaart verwijderd en kan niet meer "
                         "worden gewijzigd.")
    s = replace(validate_service(s, _instrument(instrument)), created_at=old.created_at,
                updated_at=now(), deleted_at=None)
    with store.db.atomic():
        _check_unique(store, s)
        store.db["services"].update(s.id, _row(s))
    return s


def delete_service(store: StoreCore, service_id: str) -> None:
    """Take an entry off the map. It is only marked deleted: referrals to it stay readable."""
    service(store, service_id)
    with store.db.atomic():
        store.db.execute("UPDATE services SET deleted_at = coalesce(deleted_at, ?), updated_at = ? "
                         "WHERE id = ?", [now(), now(), service_id])


# --- referrals ----------------------------------------------------------------------------------


def _referral(row: dict) -> Referral:
    try:
        snapshot = json.loads(row["service_snapshot"] or "{}")
    except ValueError:
        snapshot = {}
    if not isinstance(snapshot, dict):
        snapshot = {}
    return Referral(
        id=row["id"], consultation_id=row["consultation_id"], patient_id=row["patient_id"],
        service_id=row["service_id"],
        snapshot={f: str(snapshot.get(f) or "") for f in SNAPSHOT_FIELDS},
        status=row["status"], note=row["note"] or "", created_at=row["created_at"] or "",
        updated_at=row["updated_at"] or "", consultation_date=row.get("consultation_date") or "",
        followed_up_in=row["followed_up_in"])


_SELECT = ("SELECT r.*, c.date AS consultation_date FROM referrals r "
           "JOIN consultations c ON c.id = r.consultation_id ")
_ORDER = " ORDER BY c.date, c.created_at, r.created_at, r.rowid"


def referral(store: StoreCore, referral_id: str) -> Referral:
    rows = list(store.db.query(_SELECT + "WHERE r.id = ?", [referral_id]))
    if not rows:
        raise NotFound("Deze verwijzing bestaat niet (meer).")
    return _referral(rows[0])


def add_referral(store: StoreCore, consultation_id: str, service_id: str | None, *,
                 name: str | None = None, status: str = "voorgesteld", note: str = "") -> Referral:
    """A referral in this conversation: to a service of the map (its details are copied), or,
    with service_id None, to someone not on the map by `name` alone.

    InputError (Dutch) for an unknown status, a too long note, a missing name or a service that
    was deleted; NotFound for an unknown conversation or service.
    """
    check_status(status)
    note = check_note(note)
    if service_id is None:
        snapshot = {f: "" for f in SNAPSHOT_FIELDS}
        snapshot["name"] = require_name(name or "")
    else:
        if name is not None:
            raise ValueError("give a service_id or a name, not both")
        chosen = service(store, service_id)
        if chosen.deleted:
            raise InputError(f"'{chosen.title}' is uit de sociale kaart verwijderd; kies een "
                             "ander hulpaanbod.")
        snapshot = chosen.snapshot()
    rid = new_id()
    stamp = now()
    with store.db.atomic():
        patient_id = store.touch(consultation_id, "C", f"referral:{rid}")
        store.db["referrals"].insert({
            "id": rid, "consultation_id": consultation_id, "patient_id": patient_id,
            "service_id": service_id, "service_snapshot": json.dumps(snapshot, ensure_ascii=False),
            "status": status, "note": note, "followed_up_in": None, "created_at": stamp,
            "updated_at": stamp,
        })
    return referral(store, rid)


def set_referral_status(store: StoreCore, referral_id: str, status: str, note: str | None = None, *,
                        consultation_id: str | None = None) -> Referral:
    """New status (and note, unless None). `consultation_id`: the later conversation in which it
    was followed up, so that conversation's SOEP text and handout show it (see follow_ups)."""
    check_status(status)
    if note is not None:
        note = check_note(note)
    r = referral(store, referral_id)
    followed = r.followed_up_in
    if consultation_id and consultation_id != r.consultation_id:
        later = consultation(store, consultation_id)  # NotFound if unknown
        if later.patient_id != r.patient_id:
            raise InputError("Deze verwijzing hoort bij een andere patiënt.")
        followed = consultation_id
    with store.db.atomic():
        store.touch(r.consultation_id, "U", f"referral:{referral_id}")
        store.db.execute(
            "UPDATE referrals SET status = ?, note = coalesce(?, note), followed_up_in = ?, "
            "updated_at = ? WHERE id = ?", [status, note, followed, now(), referral_id])
    return referral(store, referral_id)


def delete_referral(store: StoreCore, referral_id: str) -> None:
    r = referral(store, referral_id)
    with store.db.atomic():
        store.touch(r.consultation_id, "D", f"referral:{referral_id}")
        store.db.execute("DELETE FROM referrals WHERE id = ?", [referral_id])


def referrals_for_consultation(store: StoreCore, consultation_id: str) -> list[Referral]:
    """The referrals made in this conversation, in the order they were added."""
    return [_referral(r) for r in store.db.query(
        _SELECT + "WHERE r.consultation_id = ?" + _ORDER, [consultation_id])]


def _before(store: StoreCore, consultation_id: str) -> tuple[str, list, str]:
    """SQL for 'held before this conversation' (as Store.previous_consultation orders them),
    its parameters, and the conversation's patient."""
    c = store.db.execute("SELECT date, created_at, patient_id FROM consultations WHERE id = ?",
                         [consultation_id]).fetchone()
    if c is None:
        raise NotFound("Dit gesprek bestaat niet (meer).")
    return "(c.date < ? OR (c.date = ? AND c.created_at < ?))", [c[0], c[0], c[1]], c[2]


def open_referrals(store: StoreCore, patient_id: str, *,
                   before_consultation_id: str | None = None) -> list[Referral]:
    """The patient's referrals that are still open (voorgesteld, verwezen, gestart), oldest
    first; with before_consultation_id only those made in earlier conversations, to follow up
    in that one."""
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    sql = _SELECT + f"WHERE r.patient_id = ? AND r.status IN ({marks})"
    params: list = [patient_id, *OPEN_STATUSES]
    if before_consultation_id:
        cond, more, _patient = _before(store, before_consultation_id)
        sql += f" AND {cond}"
        params += more
    return [_referral(r) for r in store.db.query(sql + _ORDER, params)]


def follow_ups(store: StoreCore, consultation_id: str) -> list[Referral]:
    """Referrals from earlier conversations that belong to this one's follow-up: those still
    open, and those whose status was changed in this conversation (set_referral_status with
    consultation_id), oldest first."""
    cond, params, patient_id = _before(store, consultation_id)
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    sql = (_SELECT + f"WHERE r.patient_id = ? AND {cond} "
           f"AND (r.status IN ({marks}) OR r.followed_up_in = ?)")
    return [_referral(r) for r in store.db.query(
        sql + _ORDER, [patient_id, *params, *OPEN_STATUSES, consultation_id])]
