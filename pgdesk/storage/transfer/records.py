"""One patient's records in the shape of a transfer file, their versions, and the bookkeeping
tables (brought_along, transfer_base, transfers) that every transfer step shares."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pgdesk import __version__
from pgdesk.domain import transfer as rules
from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.domain.transfer import Version
from pgdesk.storage.repository import Store, now
from pgdesk.storage.transfer.fileformat import FORMAT, VERSION

# Ids of the copies kept for a conflict derive from the original id and the copied version, so
# reading the same file twice finds the copy it made the first time instead of adding another.
COPY_NAMESPACE = uuid.UUID("0c6f1e4a-93b2-4d57-8a1e-6b2f7d3c9e15")


# Columns a file of version 1 does not have (migration 0011), with what its records get here.
V1_PATIENT_DEFAULTS = {"handout_language": None, "instrument_variant": "volwassenen",
                       "handout_large_print": 0}
V1_CONSULTATION_DEFAULTS = {"present": "", "patient_answers": ()}


# --- reading records ------------------------------------------------------------------------------

PATIENT_COLS = ("id", "display_name", "birth_date", "practice_number", "handout_lang",
                "handout_paper", "created_at", "updated_at", "handout_language", "instrument_variant",
                "handout_large_print")
TRAJECTORY_COLS = ("id", "start_consultation_id", "start_date", "tussen_planned", "eind_planned",
                   "closed_at", "created_at", "updated_at")
CONSULTATION_COLS = ("id", "professional_id", "date", "type", "step", "wheel_index", "created_at",
                     "updated_at", "completed_at", "trajectory_id", "conflict_of", "present")
CHILD_KEYS = ("dimension_scores", "aspect_scores", "marks", "wheel_answers", "plan", "referrals",
              "patient_answers")
# what the patient filled in themselves (migration 0010): [kind, dimension, aspect, score, answer,
# answered_at] each
PATIENT_ANSWER_COLS = ("kind", "dimension_id", "aspect_id", "score", "answer", "answered_at")
REFERRAL_COLS = ("id", "service_id", "service_snapshot", "status", "note", "followed_up_in",
                 "created_at", "updated_at")
PROFESSIONAL_COLS = ("id", "name", "role", "created_at")
SERVICE_COLS = ("id", "name", "organisation", "offer", "dimensions", "phone", "email", "website",
                "address", "referral_route", "notes", "created_at", "updated_at", "deleted_at")


def column_list(cols: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _patient_row(store: Store, patient_id: str) -> dict | None:
    rows = list(store.db.query(f"SELECT {column_list(PATIENT_COLS)} FROM patients WHERE id = ?",
                               [patient_id]))
    return rows[0] if rows else None


def patient_entry(store: Store, patient_id: str) -> dict | None:
    """Everything of one patient, in the shape of the file (see docs/transfer-format.md)."""
    patient = _patient_row(store, patient_id)
    if patient is None:
        return None
    db = store.db
    trajectories = list(db.query(
        f"SELECT {column_list(TRAJECTORY_COLS)} FROM trajectories WHERE patient_id = ? "
        "ORDER BY start_date, created_at, id", [patient_id]))
    consultations = {r["id"]: {**r, "dimension_scores": {}, "aspect_scores": {}, "marks": [],
                               "wheel_answers": {}, "plan": None, "referrals": [],
                               "patient_answers": []}
                     for r in db.query(f"SELECT {column_list(CONSULTATION_COLS)} FROM consultations "
                                       "WHERE patient_id = ? ORDER BY date, created_at, id",
                                       [patient_id])}
    mine = "consultation_id IN (SELECT id FROM consultations WHERE patient_id = ?)"
    q = [patient_id]
    for cid, dim, score in db.execute(f"SELECT consultation_id, dimension_id, score FROM "
                                      f"dimension_scores WHERE {mine} ORDER BY 1, 2", q):
        consultations[cid]["dimension_scores"][dim] = score
    for cid, dim, aspect, score in db.execute(
            f"SELECT consultation_id, dimension_id, aspect_id, score FROM aspect_scores WHERE {mine} "
            "ORDER BY 1, 2, 3", q):
        consultations[cid]["aspect_scores"].setdefault(dim, {})[aspect] = score
    for cid, kind, dim, aspect in db.execute(
            f"SELECT consultation_id, kind, dimension_id, aspect_id FROM marks WHERE {mine} "
            "ORDER BY 1, 2, 3, 4", q):
        consultations[cid]["marks"].append([kind, dim, aspect or ""])
    for cid, step, answer in db.execute(f"SELECT consultation_id, step_id, answer FROM wheel_answers "
                                        f"WHERE {mine} ORDER BY 1, 2", q):
        consultations[cid]["wheel_answers"][step] = answer
    for row in db.query(f"SELECT consultation_id, {column_list(PLAN_FIELDS)} FROM plans WHERE {mine}", q):
        consultations[row.pop("consultation_id")]["plan"] = row
    for row in db.query(f"SELECT consultation_id, {column_list(REFERRAL_COLS)} FROM referrals "
                        f"WHERE {mine} ORDER BY created_at, rowid", q):
        consultations[row.pop("consultation_id")]["referrals"].append(row)
    for row in db.execute(f"SELECT consultation_id, {column_list(PATIENT_ANSWER_COLS)} FROM "
                          f"patient_answers WHERE {mine} ORDER BY 1, 2, 3, 4", q):
        consultations[row[0]]["patient_answers"].append(list(row[1:]))
    return {"patient": patient, "trajectories": trajectories,
            "consultations": list(consultations.values())}


def record_versions(entry: Mapping) -> dict[tuple[str, str], Version]:
    """The version of every record of one patient entry, by (kind, id)."""
    p = entry["patient"]
    out = {("patient", p["id"]): Version.of(rules.patient_fields(p), p["updated_at"])}
    for t in entry["trajectories"]:
        out[("trajectory", t["id"])] = Version.of(rules.trajectory_fields(t), t["updated_at"])
    for c in entry["consultations"]:
        out[("consultation", c["id"])] = Version.of(rules.consultation_fields(c), c["updated_at"])
    return out


def state_digest(digests: Iterable[tuple[tuple[str, str], str]]) -> str:
    return rules.digest({f"{k}:{i}": d for (k, i), d in digests})


def stored_bases(store: Store, patient_id: str) -> dict[tuple[str, str], Version]:
    return {(r["kind"], r["record_id"]): Version(r["digest"], json.loads(r["fields"]), r["updated_at"])
            for r in store.db.query("SELECT * FROM transfer_base WHERE patient_id = ?", [patient_id])}


def brought_along_marker(store: Store, patient_id: str) -> dict | None:
    rows = list(store.db.query("SELECT * FROM brought_along WHERE patient_id = ?", [patient_id]))
    return rows[0] if rows else None


def database_identity(store: Store) -> str:
    """Which database a preview was made on, so that its plan is applied there only: the
    file's resolved path, or the practice server's host and database."""
    if store.path is None:
        return f"server {store.opened.label}"
    return str(Path(store.path).resolve())


def ensure_db_id(store: Store) -> str:
    """This database's id (set at encryption); a plain database gets one at its first transfer."""
    db_id = store.setting("db_id")
    if not db_id:
        db_id = str(uuid.uuid4())
        store.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('db_id', ?)", [db_id])
    return db_id


def _by_ids(store: Store, table: str, cols: tuple[str, ...], ids: Iterable[str]) -> list[dict]:
    wanted = sorted({i for i in ids if i})
    out: list[dict] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += store.db.query(f"SELECT {column_list(cols)} FROM {table} WHERE id IN ({marks}) ORDER BY id",
                              chunk)
    return out


def referenced_rows(store: Store, consultations: Iterable[Mapping]) -> tuple[list[dict], list[dict]]:
    """The professionals and services these conversations point to."""
    consultations = list(consultations)
    pros = _by_ids(store, "professionals", PROFESSIONAL_COLS,
                   (c["professional_id"] for c in consultations))
    services = _by_ids(store, "services", SERVICE_COLS,
                       (r["service_id"] for c in consultations for r in c["referrals"]))
    return pros, services


def record_transfer(store: Store, transfer_id: str, direction: str, kind: str, origin: str,
                    patients: int) -> None:
    store.db.execute("INSERT OR IGNORE INTO transfers (id, direction, kind, origin_db_id, at, "
                     "patients) VALUES (?, ?, ?, ?, ?, ?)",
                     [transfer_id, direction, kind, origin, now(), patients])


def newest_bring_back_setting(source_db_id: str) -> str:
    """The settings key under which the practice keeps the creation time of the newest bring-back
    file it read from one laptop: an older one from that laptop holds nothing newer."""
    return f"bring_back_from:{source_db_id}"


def new_header(store: Store, kind: str, origin: str, source: str) -> dict:
    return {"format": FORMAT, "version": VERSION, "kind": kind, "id": str(uuid.uuid4()),
            "origin_db_id": origin, "source_db_id": source, "created_at": now(),
            "created_by": store.actor.name, "pgdesk_version": __version__}


def dump_payload(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- summaries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TransferSummary:
    """What a transfer did. kind: "take-along", "bring-back" or "remove".

    For a file written: path, and `consultations` the number of conversations in it. For a file
    read: the counts of what was written (new_consultations, changed_consultations, conflicts,
    referrals). lines: the same in Dutch, for the screen or the command line.
    """

    kind: str
    transfer_id: str
    path: Path | None
    patient_ids: tuple[str, ...]
    consultations: int = 0
    new_consultations: int = 0
    changed_consultations: int = 0
    conflicts: int = 0
    referrals: int = 0
    lines: tuple[str, ...] = ()

    @property
    def patients(self) -> int:
        return len(self.patient_ids)


def local_time(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%d-%m-%Y %H:%M}"
