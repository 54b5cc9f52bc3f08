"""Home visits: take patients along on a laptop, and bring what changed back to the practice.

Functions over a Store, like patient_rights and social_map. The file format is described in
docs/transfer-format.md; the merge rules live in pgdesk.domain.transfer.

- ``export_take_along`` (practice): the chosen patients' whole records in one encrypted file.
- ``preview_transfer`` + ``apply_transfer`` (laptop and practice): read a file, show what would
  change (``ImportPlan.summary_lines``), let the user resolve conflicts, then write it all or
  nothing. A preview never writes.
- ``export_bring_back`` (laptop): what changed since the take-along, for the practice it came from.
- ``remove_brought_along`` (laptop): erase the brought-along patients securely afterwards.

A transfer file is sealed with AES-256-GCM under a key derived by Argon2id from a passphrase
chosen for the transfer (the KDF of keyring.py). Its clear header (magic, version, KDF
parameters, salt, nonce, length) is the associated data, so any change to any byte is detected.
The file is written whole beside its target and renamed into place; nothing is written in clear.

Every transfer writes access-log lines (what ``transfer``): E per patient when a file is made,
C/U per patient when one is read, D when a brought-along patient is removed.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
import struct
import uuid
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pgdesk import __version__
from pgdesk.domain import transfer as rules
from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN, Instrument
from pgdesk.domain.models import CONSULTATION_TYPES, PLAN_FIELDS, ROLES, STEPS
from pgdesk.domain.social_map import MAX_NOTE, REFERRAL_ROUTES, REFERRAL_STATUSES
from pgdesk.domain.trajectory import FOLLOW_UPS, type_noun
from pgdesk.domain.transfer import (
    CONFLICT,
    KEEP,
    KEEP_BOTH,
    KEEP_LOCAL,
    KIND_BRING_BACK,
    KIND_TAKE_ALONG,
    LATER_WINS,
    NEW,
    RESOLUTIONS,
    RESTORE,
    RULES,
    SAME,
    STAYS_DELETED,
    TAKE,
    TAKE_INCOMING,
    Conflict,
    Version,
    plural,
)
from pgdesk.domain.validation import InputError
from pgdesk.files import write_atomically
from pgdesk.storage.errors import StorageError, explain_write_error
from pgdesk.storage.keyring import (
    DEFAULT_KDF,
    KdfParams,
    _derive,
    check_passphrase,
    keyring_path,
)
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.repository import MAX_ANSWER, Store, now, search_form

__all__ = [
    "FORMAT", "VERSION", "MAGIC", "BroughtAlong", "ImportPlan", "NewerTransferVersion",
    "NotATransferFile", "PatientPlan", "TransferChanged", "TransferDamaged", "TransferError",
    "TransferSummary", "UnsentChanges", "WrongPractice", "WrongTransferPassphrase",
    "apply_transfer", "brought_along", "conflict_copies", "export_bring_back", "export_take_along",
    "is_brought_along", "preview_transfer", "remove_brought_along",
]

FORMAT = "pgdesk-transfer"
VERSION = 1
MAGIC = b"pgdesk-transfer\n"  # 16 bytes
_PREFIX = struct.Struct(">16sHI")  # magic, format version, length of the header JSON
_MAX_HEADER = 4096
_SALT_BYTES = 16
_NONCE_BYTES = 12
_TAG_BYTES = 16
MAX_FILE_BYTES = 256 << 20
MAX_PAYLOAD_BYTES = 512 << 20
# Bounds on the KDF parameters read from a file, so a crafted file cannot make reading it eat the
# machine (the keyring's bounds are wider).
_MAX_MEMORY_KIB = 1 << 20
_MAX_ITERATIONS = 16

_NOTHING_READ = "Er is niets ingelezen."
# Ids of the copies kept for a conflict derive from the original id and the copied version, so
# reading the same file twice finds the copy it made the first time instead of adding another.
COPY_NAMESPACE = uuid.UUID("0c6f1e4a-93b2-4d57-8a1e-6b2f7d3c9e15")
SIDES = {KIND_TAKE_ALONG: ("de laptop", "de praktijk"), KIND_BRING_BACK: ("de praktijk", "de laptop")}


# --- errors ---------------------------------------------------------------------------------------


class TransferError(StorageError):
    """A transfer file that is refused, with a Dutch message; nothing was changed."""


class NotATransferFile(TransferError):
    pass


class TransferDamaged(TransferError):
    """Truncated, damaged, or (after decryption) not of the expected shape."""

    def __init__(self, message: str = "", detail: str = "") -> None:
        super().__init__(message or ("Het transferbestand is beschadigd of onvolledig (afgekapt). "
                                     + _NOTHING_READ))
        self.detail = detail


class WrongTransferPassphrase(TransferError):
    def __init__(self) -> None:
        super().__init__(
            "De transferwachtwoordzin klopt niet of het bestand is gewijzigd. (Een verkeerde "
            "wachtwoordzin en een gewijzigd bestand zijn niet van elkaar te onderscheiden.) "
            + _NOTHING_READ)


class NewerTransferVersion(TransferError):
    def __init__(self) -> None:
        super().__init__("Dit transferbestand is gemaakt met een nieuwere versie van pgdesk. Werk "
                         "pgdesk bij om het in te lezen. " + _NOTHING_READ)


class WrongPractice(TransferError):
    """A bring-back for another practice, a take-along read into its own practice, or a patient
    that is already here in another way."""


class TransferChanged(TransferError):
    def __init__(self) -> None:
        super().__init__("De database is veranderd sinds het overzicht van dit bestand is gemaakt. "
                         "Lees het bestand opnieuw in; er is niets veranderd.")


class UnsentChanges(InputError):
    """remove_brought_along: some patients changed since their last bring-back file."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            f"{rules.join_labels(names)} {'heeft' if len(names) == 1 else 'hebben'} wijzigingen die nog "
            "niet in een terugbrengbestand staan. Maak eerst een terugbrengbestand, of kies "
            "uitdrukkelijk voor verwijderen. Er is niets verwijderd.")
        self.names = names


# --- sealing and opening the file -----------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(payload: bytes, passphrase: str, params: KdfParams = DEFAULT_KDF) -> bytes:
    """The bytes of a transfer file holding `payload` (JSON), encrypted with the passphrase."""
    salt = secrets.token_bytes(_SALT_BYTES)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    body = zlib.compress(payload, 6)
    header = {
        "format": FORMAT, "version": VERSION, "cipher": "aes-256-gcm", "compression": "zlib",
        "kdf": {"alg": "argon2id", "memory_kib": params.memory_kib,
                "iterations": params.iterations, "lanes": params.lanes, "salt": _b64(salt)},
        "nonce": _b64(nonce), "length": len(body) + _TAG_BYTES,
    }
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
    aad = _PREFIX.pack(MAGIC, VERSION, len(head)) + head
    return aad + AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, body, aad)


class _Malformed(Exception):
    """Internal: not of the expected shape (the message says where, for debugging)."""


def _want(cond: bool, where: str = "") -> None:
    if not cond:
        raise _Malformed(where)


def _b64_exact(value: object, length: int) -> bytes:
    _want(isinstance(value, str), "base64")
    try:
        data = base64.b64decode(value, validate=True)  # type: ignore[arg-type]
    except ValueError:
        raise _Malformed("base64") from None
    _want(len(data) == length, "base64 length")
    return data


def _int(value: object, low: int, high: int, where: str = "") -> int:
    _want(type(value) is int and low <= value <= high, where)  # not bool
    return value  # type: ignore[return-value]


def unseal(data: bytes, passphrase: str) -> bytes:
    """The payload of a transfer file, or a TransferError saying why not."""
    if len(data) < len(MAGIC) or data[:len(MAGIC)] != MAGIC:
        raise NotATransferFile("Dit is geen transferbestand van pgdesk. " + _NOTHING_READ)
    if len(data) < _PREFIX.size:
        raise TransferDamaged(detail="prefix")
    _magic, version, head_len = _PREFIX.unpack_from(data)
    if version > VERSION:
        raise NewerTransferVersion()
    if version != VERSION or head_len > _MAX_HEADER:
        raise TransferDamaged(detail="version/header length")
    aad_end = _PREFIX.size + head_len
    if len(data) < aad_end:
        raise TransferDamaged(detail="header truncated")
    try:
        header = json.loads(data[_PREFIX.size:aad_end].decode("ascii"))
        _want(isinstance(header, dict) and set(header) == {
            "format", "version", "cipher", "compression", "kdf", "nonce", "length"}, "header keys")
        _want(header["format"] == FORMAT and header["version"] == VERSION, "header format")
        _want(header["cipher"] == "aes-256-gcm" and header["compression"] == "zlib", "cipher")
        kdf = header["kdf"]
        _want(isinstance(kdf, dict) and set(kdf) == {"alg", "memory_kib", "iterations", "lanes",
                                                     "salt"} and kdf["alg"] == "argon2id", "kdf")
        params = KdfParams(_int(kdf["memory_kib"], 8, _MAX_MEMORY_KIB),
                           _int(kdf["iterations"], 1, _MAX_ITERATIONS), _int(kdf["lanes"], 1, 64))
        salt = _b64_exact(kdf["salt"], _SALT_BYTES)
        nonce = _b64_exact(header["nonce"], _NONCE_BYTES)
        length = _int(header["length"], _TAG_BYTES, MAX_FILE_BYTES, "length")
    except (_Malformed, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise TransferDamaged(detail=f"header: {exc}") from None
    if len(data) - aad_end != length:
        raise TransferDamaged(detail="length")
    try:
        body = AESGCM(_derive(passphrase, salt, params)).decrypt(nonce, data[aad_end:],
                                                                   data[:aad_end])
    except InvalidTag:
        raise WrongTransferPassphrase() from None
    inflate = zlib.decompressobj()
    try:
        payload = inflate.decompress(body, MAX_PAYLOAD_BYTES)
    except zlib.error:
        raise TransferDamaged(detail="zlib") from None
    if inflate.unconsumed_tail or not inflate.eof:
        raise TransferDamaged("Het transferbestand is te groot om in te lezen. " + _NOTHING_READ)
    return payload


def _read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise NotATransferFile(f"{path} is een map, geen transferbestand. {_NOTHING_READ}")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + _PREFIX.size + _MAX_HEADER + 1)
    except FileNotFoundError:
        raise TransferError(f"Het bestand {path} bestaat niet.") from None
    except PermissionError:
        raise TransferError(f"Het bestand {path} kan niet worden gelezen: geen toegang.") from None
    except OSError as exc:
        raise TransferError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from None
    if len(data) > MAX_FILE_BYTES + _PREFIX.size + _MAX_HEADER:
        raise TransferDamaged("Het transferbestand is te groot om in te lezen. " + _NOTHING_READ)
    return data


def _write_file(store: Store, path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise StorageError(f"De map {path.parent} bestaat niet.")
    try:
        write_atomically(path, data)
    except PermissionError:
        raise StorageError(f"Het bestand {path} kan niet worden geschreven: geen schrijfrechten "
                           "in deze map.") from None
    except OSError as exc:
        raise StorageError(explain_write_error(exc)) from None


def _target(store: Store, path: str | os.PathLike) -> Path:
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is een map; geef de naam van het transferbestand.")
    db = Path(store.path).resolve()
    ours = {db, keyring_path(db), db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")}
    if path.resolve() in ours:
        raise InputError("Kies een andere bestandsnaam: dit is de database zelf.")
    return path


# --- reading records ------------------------------------------------------------------------------

_PATIENT_COLS = ("id", "display_name", "birth_date", "practice_number", "handout_lang",
                 "handout_paper", "created_at", "updated_at")
_TRAJECTORY_COLS = ("id", "start_consultation_id", "start_date", "tussen_planned", "eind_planned",
                    "closed_at", "created_at", "updated_at")
_CONSULTATION_COLS = ("id", "professional_id", "date", "type", "step", "wheel_index", "created_at",
                      "updated_at", "completed_at", "trajectory_id", "conflict_of")
_CHILD_KEYS = ("dimension_scores", "aspect_scores", "marks", "wheel_answers", "plan", "referrals")
_REFERRAL_COLS = ("id", "service_id", "service_snapshot", "status", "note", "followed_up_in",
                  "created_at", "updated_at")
_PROFESSIONAL_COLS = ("id", "name", "role", "created_at")
_SERVICE_COLS = ("id", "name", "organisation", "offer", "dimensions", "phone", "email", "website",
                 "address", "referral_route", "notes", "created_at", "updated_at", "deleted_at")


def _cols(cols: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _patient_row(store: Store, patient_id: str) -> dict | None:
    rows = list(store.db.query(f"SELECT {_cols(_PATIENT_COLS)} FROM patients WHERE id = ?",
                               [patient_id]))
    return rows[0] if rows else None


def _patient_entry(store: Store, patient_id: str) -> dict | None:
    """Everything of one patient, in the shape of the file (see docs/transfer-format.md)."""
    patient = _patient_row(store, patient_id)
    if patient is None:
        return None
    db = store.db
    trajectories = list(db.query(
        f"SELECT {_cols(_TRAJECTORY_COLS)} FROM trajectories WHERE patient_id = ? "
        "ORDER BY start_date, created_at, id", [patient_id]))
    consultations = {r["id"]: {**r, "dimension_scores": {}, "aspect_scores": {}, "marks": [],
                               "wheel_answers": {}, "plan": None, "referrals": []}
                     for r in db.query(f"SELECT {_cols(_CONSULTATION_COLS)} FROM consultations "
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
    for row in db.query(f"SELECT consultation_id, {_cols(PLAN_FIELDS)} FROM plans WHERE {mine}", q):
        consultations[row.pop("consultation_id")]["plan"] = row
    for row in db.query(f"SELECT consultation_id, {_cols(_REFERRAL_COLS)} FROM referrals "
                        f"WHERE {mine} ORDER BY created_at, rowid", q):
        consultations[row.pop("consultation_id")]["referrals"].append(row)
    return {"patient": patient, "trajectories": trajectories,
            "consultations": list(consultations.values())}


def _versions(entry: Mapping) -> dict[tuple[str, str], Version]:
    """The version of every record of one patient entry, by (kind, id)."""
    p = entry["patient"]
    out = {("patient", p["id"]): Version.of(rules.patient_fields(p), p["updated_at"])}
    for t in entry["trajectories"]:
        out[("trajectory", t["id"])] = Version.of(rules.trajectory_fields(t), t["updated_at"])
    for c in entry["consultations"]:
        out[("consultation", c["id"])] = Version.of(rules.consultation_fields(c), c["updated_at"])
    return out


def _state_digest(digests: Iterable[tuple[tuple[str, str], str]]) -> str:
    return rules.digest({f"{k}:{i}": d for (k, i), d in digests})


def _stored_bases(store: Store, patient_id: str) -> dict[tuple[str, str], Version]:
    return {(r["kind"], r["record_id"]): Version(r["digest"], json.loads(r["fields"]), r["updated_at"])
            for r in store.db.query("SELECT * FROM transfer_base WHERE patient_id = ?", [patient_id])}


def _marker(store: Store, patient_id: str) -> dict | None:
    rows = list(store.db.query("SELECT * FROM brought_along WHERE patient_id = ?", [patient_id]))
    return rows[0] if rows else None


def _ensure_db_id(store: Store) -> str:
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
        out += store.db.query(f"SELECT {_cols(cols)} FROM {table} WHERE id IN ({marks}) ORDER BY id",
                              chunk)
    return out


def _referenced(store: Store, consultations: Iterable[Mapping]) -> tuple[list[dict], list[dict]]:
    """The professionals and services these conversations point to."""
    consultations = list(consultations)
    pros = _by_ids(store, "professionals", _PROFESSIONAL_COLS,
                   (c["professional_id"] for c in consultations))
    services = _by_ids(store, "services", _SERVICE_COLS,
                       (r["service_id"] for c in consultations for r in c["referrals"]))
    return pros, services


def _record_transfer(store: Store, transfer_id: str, direction: str, kind: str, origin: str,
                     patients: int) -> None:
    store.db.execute("INSERT OR IGNORE INTO transfers (id, direction, kind, origin_db_id, at, "
                     "patients) VALUES (?, ?, ?, ?, ?, ?)",
                     [transfer_id, direction, kind, origin, now(), patients])


def _header(store: Store, kind: str, origin: str, source: str) -> dict:
    return {"format": FORMAT, "version": VERSION, "kind": kind, "id": str(uuid.uuid4()),
            "origin_db_id": origin, "source_db_id": source, "created_at": now(),
            "created_by": store.actor.name, "pgdesk_version": __version__}


def _dump(payload: dict) -> bytes:
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


def _when(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%d-%m-%Y %H:%M}"


# --- take along -----------------------------------------------------------------------------------


def export_take_along(store: Store, patient_ids: Iterable[str], passphrase: str,
                      path: str | os.PathLike, *, params: KdfParams = DEFAULT_KDF) -> TransferSummary:
    """Write the chosen patients' whole records to one encrypted transfer file (at the practice).

    InputError for a short passphrase, no patients, or a patient that was itself brought along;
    NotFound for an unknown patient. One access-log line E "transfer" per patient, in the same
    transaction; if the file cannot be written, nothing is logged.
    """
    check_passphrase(passphrase)
    ids = list(dict.fromkeys([patient_ids] if isinstance(patient_ids, str) else patient_ids))
    if not ids:
        raise InputError("Kies minstens één patiënt om mee te nemen.")
    path = _target(store, path)
    written = False
    try:
        with store.db.atomic():
            entries = []
            for pid in ids:
                patient = store.patient(pid)  # NotFound
                if _marker(store, pid) is not None:
                    raise InputError(f"{patient.display_name} is zelf meegenomen uit een praktijk; "
                                     "neem deze patiënt mee vanuit die praktijk.")
                entries.append(_patient_entry(store, pid))
            db_id = _ensure_db_id(store)
            header = _header(store, KIND_TAKE_ALONG, db_id, db_id)
            consultations = [c for e in entries for c in e["consultations"]]
            pros, services = _referenced(store, consultations)
            payload = {"transfer": header, "professionals": pros, "services": services,
                       "patients": entries}
            for pid in ids:
                store._log(pid, "E", "transfer")
            _record_transfer(store, header["id"], "out", KIND_TAKE_ALONG, db_id, len(ids))
            _write_file(store, path, seal(_dump(payload), passphrase, params))
            written = True
    except BaseException:
        if written:
            path.unlink(missing_ok=True)
        raise
    n = len(consultations)
    refs = sum(len(c["referrals"]) for c in consultations)
    return TransferSummary(
        KIND_TAKE_ALONG, header["id"], path, tuple(ids), consultations=n, referrals=refs,
        lines=(f"Meeneembestand geschreven: {path}",
               f"{plural(len(ids), 'patiënt', 'patiënten')}, "
               f"{plural(n, 'gesprek', 'gesprekken')}, {plural(refs, 'verwijzing', 'verwijzingen')}."))


# --- bring back -----------------------------------------------------------------------------------


def export_bring_back(store: Store, passphrase: str, path: str | os.PathLike, *,
                      params: KdfParams = DEFAULT_KDF,
                      origin_db_id: str | None = None) -> TransferSummary:
    """Write what changed since the take-along, for the practice it came from (on the laptop).

    Per brought-along patient with changes: the patient row, all trajectories, every new or
    changed conversation (with everything recorded in it), the version each had at the take-along
    (its base, to detect changes on both sides) and the ids of conversations deleted here.
    InputError when there is nothing to bring back, or when patients of more than one practice are
    here and `origin_db_id` does not say which.
    """
    check_passphrase(passphrase)
    path = _target(store, path)
    written = False
    try:
        with store.db.atomic():
            markers = list(store.db.query("SELECT * FROM brought_along ORDER BY patient_id"))
            if origin_db_id is not None:
                markers = [m for m in markers if m["origin_db_id"] == origin_db_id]
            if not markers:
                raise InputError("Er zijn op deze computer geen meegenomen patiënten om terug te "
                                 "brengen.")
            origins = sorted({m["origin_db_id"] for m in markers})
            if len(origins) > 1:
                raise InputError("Op deze computer staan patiënten uit meer dan één praktijk; kies "
                                 "voor welke praktijk het terugbrengbestand is.")
            source = _ensure_db_id(store)
            header = _header(store, KIND_BRING_BACK, origins[0], source)
            entries, states = [], {}
            for m in markers:
                pid = m["patient_id"]
                local = _patient_entry(store, pid)
                if local is None:
                    continue
                out = _changes_since_take_along(store, local)
                if out is not None:
                    entries.append(out)
                    states[pid] = _state_digest((k, v.digest) for k, v in _versions(local).items())
            if not entries:
                raise InputError("Er is niets veranderd sinds het meenemen; er is geen "
                                 "terugbrengbestand gemaakt.")
            consultations = [c for e in entries for c in e["consultations"]]
            pros, services = _referenced(store, consultations)
            payload = {"transfer": header, "professionals": pros, "services": services,
                       "patients": entries}
            stamp = now()
            for pid, state in states.items():
                store._log(pid, "E", "transfer")
                store.db.execute("UPDATE brought_along SET brought_back_at = ?, "
                                 "brought_back_digest = ? WHERE patient_id = ?", [stamp, state, pid])
            _record_transfer(store, header["id"], "out", KIND_BRING_BACK, origins[0], len(entries))
            _write_file(store, path, seal(_dump(payload), passphrase, params))
            written = True
    except BaseException:
        if written:
            path.unlink(missing_ok=True)
        raise
    n = len(consultations)
    refs = sum(len(c["referrals"]) for c in consultations)
    return TransferSummary(
        KIND_BRING_BACK, header["id"], path, tuple(states), consultations=n, referrals=refs,
        lines=(f"Terugbrengbestand geschreven: {path}",
               f"{plural(len(states), 'patiënt', 'patiënten')} met wijzigingen, "
               f"{plural(n, 'nieuw of gewijzigd gesprek', 'nieuwe of gewijzigde gesprekken')}."))


def _changes_since_take_along(store: Store, local: dict) -> dict | None:
    pid = local["patient"]["id"]
    bases = _stored_bases(store, pid)
    versions = _versions(local)

    def changed(key: tuple[str, str]) -> bool:
        base = bases.get(key)
        return base is None or base.digest != versions[key].digest

    consultations = [c for c in local["consultations"] if changed(("consultation", c["id"]))]
    here = {c["id"] for c in local["consultations"]}
    deleted = sorted(i for (k, i) in bases if k == "consultation" and i not in here)
    if not (consultations or deleted or changed(("patient", pid))
            or any(changed(("trajectory", t["id"])) for t in local["trajectories"])):
        return None

    def base_json(key: tuple[str, str]) -> dict | None:
        return bases[key].to_json() if key in bases else None

    return {
        "patient": local["patient"], "trajectories": local["trajectories"],
        "consultations": consultations,
        "base": {"patient": base_json(("patient", pid)),
                 "trajectories": {t["id"]: base_json(("trajectory", t["id"]))
                                  for t in local["trajectories"]},
                 "consultations": {c["id"]: base_json(("consultation", c["id"]))
                                   for c in consultations}},
        "deleted": {"consultations": deleted},
    }


# --- validating a payload -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _text(value: object, limit: int, *, optional: bool = False, where: str = "") -> str | None:
    if value is None and optional:
        return None
    _want(isinstance(value, str) and len(value) <= limit, where)
    return value  # type: ignore[return-value]


def _ident(value: object, *, optional: bool = False, where: str = "id") -> str | None:
    if value is None and optional:
        return None
    _want(isinstance(value, str) and 0 < len(value) <= 100 and not _CONTROL.search(value)
          and value.strip() == value, where)
    return value  # type: ignore[return-value]


def _date(value: object, *, optional: bool = False, where: str = "date") -> None:
    if value is None and optional:
        return
    _want(isinstance(value, str) and _DATE.fullmatch(value) is not None, where)
    try:
        dt.date.fromisoformat(value)  # type: ignore[arg-type]
    except ValueError:
        raise _Malformed(where) from None


def _stamp(value: object, *, optional: bool = True) -> None:
    _text(value, 40, optional=optional, where="timestamp")


def _keys(obj: object, keys: Iterable[str], where: str) -> dict:
    _want(isinstance(obj, dict) and set(obj) == set(keys), where)
    return obj  # type: ignore[return-value]


def _list(value: object, where: str, limit: int = 100_000) -> list:
    _want(isinstance(value, list) and len(value) <= limit, where)
    return value  # type: ignore[return-value]


def _score(value: object) -> None:
    _int(value, SCALE_MIN, SCALE_MAX, "score")


def _check_version(raw: object) -> Version | None:
    if raw is None:
        return None
    v = _keys(raw, ("digest", "fields", "updated_at"), "base")
    _want(isinstance(v["digest"], str) and re.fullmatch(r"[0-9a-f]{64}", v["digest"]) is not None,
          "base digest")
    fields = v["fields"]
    _want(isinstance(fields, dict) and len(fields) <= 100_000, "base fields")
    for k, d in fields.items():
        _want(isinstance(k, str) and len(k) <= 300 and isinstance(d, str)
              and re.fullmatch(r"[0-9a-f]{32}", d) is not None, "base field")
    _stamp(v["updated_at"])
    return Version(v["digest"], dict(fields), v["updated_at"])


def _check_consultation(c: object, pros: set[str], services: set[str], trajectories: set[str]) -> None:
    c = _keys(c, (*_CONSULTATION_COLS, *_CHILD_KEYS), "consultation")
    _ident(c["id"])
    _want(_ident(c["professional_id"], optional=True) is None or c["professional_id"] in pros,
          "professional")
    _date(c["date"])
    _want(c["type"] in CONSULTATION_TYPES and c["step"] in STEPS, "type/step")
    _int(c["wheel_index"], 0, 1000, "wheel_index")
    for k in ("created_at", "updated_at", "completed_at"):
        _stamp(c[k])
    _want(_ident(c["trajectory_id"], optional=True) is None or c["trajectory_id"] in trajectories,
          "trajectory")
    _ident(c["conflict_of"], optional=True)
    scores = c["dimension_scores"]
    _want(isinstance(scores, dict) and len(scores) <= 100, "scores")
    for dim, s in scores.items():
        _ident(dim)
        _score(s)
    aspects = c["aspect_scores"]
    _want(isinstance(aspects, dict) and len(aspects) <= 100, "aspect scores")
    for dim, per in aspects.items():
        _ident(dim)
        _want(isinstance(per, dict) and len(per) <= 100, "aspect scores")
        for aspect, s in per.items():
            _ident(aspect)
            _score(s)
    seen_marks = set()
    for mark in _list(c["marks"], "marks", 1000):
        _want(isinstance(mark, list) and len(mark) == 3 and mark[0] in ("talk", "focus"), "mark")
        _ident(mark[1])
        _want(mark[2] == "" or _ident(mark[2]) is not None, "mark aspect")
        _want(tuple(mark) not in seen_marks, "mark twice")
        seen_marks.add(tuple(mark))
    answers = c["wheel_answers"]
    _want(isinstance(answers, dict) and len(answers) <= 100, "answers")
    for step, answer in answers.items():
        _ident(step)
        _text(answer, MAX_ANSWER, where="answer")
    if c["plan"] is not None:
        plan = _keys(c["plan"], PLAN_FIELDS, "plan")
        for f in PLAN_FIELDS:
            _text(plan[f], MAX_ANSWER, optional=True, where="plan")
    for r in _list(c["referrals"], "referrals", 1000):
        r = _keys(r, _REFERRAL_COLS, "referral")
        _ident(r["id"])
        _want(_ident(r["service_id"], optional=True) is None or r["service_id"] in services,
              "referral service")
        snapshot = _text(r["service_snapshot"], 20_000, where="snapshot")
        try:
            _want(isinstance(json.loads(snapshot), dict), "snapshot")
        except ValueError:
            raise _Malformed("snapshot") from None
        _want(r["status"] in REFERRAL_STATUSES, "status")
        _text(r["note"], MAX_NOTE, where="note")
        _ident(r["followed_up_in"], optional=True)
        _stamp(r["created_at"], optional=False)
        _stamp(r["updated_at"], optional=False)


def _check_payload(raw: bytes) -> dict:
    """The decrypted payload, checked strictly; TransferDamaged for anything unexpected."""
    try:
        payload = json.loads(raw.decode("utf-8"))
        _keys(payload, ("transfer", "professionals", "services", "patients"), "top")
        t = payload["transfer"]
        _want(isinstance(t, dict) and t.get("format") == FORMAT, "transfer")
        if type(t.get("version")) is int and t["version"] > VERSION:
            raise NewerTransferVersion()
        _keys(t, ("format", "version", "kind", "id", "origin_db_id", "source_db_id", "created_at",
                  "created_by", "pgdesk_version"), "transfer")
        _want(t["version"] == VERSION and t["kind"] in rules.KINDS, "transfer kind")
        for k in ("id", "origin_db_id", "source_db_id"):
            _ident(t[k])
        _stamp(t["created_at"], optional=False)
        _text(t["created_by"], 200, where="created_by")
        _text(t["pgdesk_version"], 40, where="pgdesk_version")
        bring_back = t["kind"] == KIND_BRING_BACK

        pros = set()
        for p in _list(payload["professionals"], "professionals"):
            p = _keys(p, _PROFESSIONAL_COLS, "professional")
            _ident(p["id"])
            _want(isinstance(p["name"], str) and 0 < len(p["name"].strip()) <= 200, "name")
            _want(p["role"] in ROLES, "role")
            _stamp(p["created_at"])
            pros.add(p["id"])
        services = set()
        for s in _list(payload["services"], "services"):
            s = _keys(s, _SERVICE_COLS, "service")
            _ident(s["id"])
            _want(isinstance(s["name"], str) and 0 < len(s["name"].strip()) <= 200, "service name")
            for f in ("organisation", "offer", "dimensions", "phone", "email", "website", "address",
                      "notes"):
                _text(s[f], 5000, where=f)
            _want(s["referral_route"] in ("", *REFERRAL_ROUTES), "route")
            _stamp(s["created_at"], optional=False)
            _stamp(s["updated_at"], optional=False)
            _stamp(s["deleted_at"])
            services.add(s["id"])
        _want(len(pros) == len(payload["professionals"])
              and len(services) == len(payload["services"]), "duplicate professional/service")

        seen: dict[str, set] = {"patient": set(), "trajectory": set(), "consultation": set(),
                                "referral": set()}

        def unique(kind: str, ident: str) -> None:
            _want(ident not in seen[kind], f"{kind} twice")
            seen[kind].add(ident)

        entries = _list(payload["patients"], "patients", 10_000)
        _want(len(entries) > 0, "no patients")
        for e in entries:
            keys = ("patient", "trajectories", "consultations") + (("base", "deleted") if bring_back
                                                                    else ())
            _keys(e, keys, "entry")
            p = _keys(e["patient"], _PATIENT_COLS, "patient")
            unique("patient", _ident(p["id"]))
            _want(isinstance(p["display_name"], str) and 0 < len(p["display_name"].strip()) <= 200,
                  "display_name")
            _text(p["birth_date"], 10, optional=True, where="birth_date")
            _text(p["practice_number"], 100, optional=True, where="practice_number")
            _want(p["handout_lang"] in (None, "nl", "en") and p["handout_paper"] in (None, "A4", "A5"),
                  "handout")
            _stamp(p["created_at"])
            _stamp(p["updated_at"])
            trajectories = set()
            for tr in _list(e["trajectories"], "trajectories", 1000):
                tr = _keys(tr, _TRAJECTORY_COLS, "trajectory")
                unique("trajectory", _ident(tr["id"]))
                _ident(tr["start_consultation_id"], optional=True)
                for k in ("start_date", "tussen_planned", "eind_planned"):
                    _date(tr[k])
                _stamp(tr["closed_at"])
                _stamp(tr["created_at"])
                _stamp(tr["updated_at"])
                trajectories.add(tr["id"])
            for c in _list(e["consultations"], "consultations", 10_000):
                _check_consultation(c, pros, services, trajectories)
                unique("consultation", c["id"])
                for r in c["referrals"]:
                    unique("referral", r["id"])
            if bring_back:
                b = _keys(e["base"], ("patient", "trajectories", "consultations"), "base")
                _check_version(b["patient"])
                _want(isinstance(b["trajectories"], dict) and set(b["trajectories"]) == trajectories,
                      "base trajectories")
                _want(isinstance(b["consultations"], dict) and set(b["consultations"])
                      == {c["id"] for c in e["consultations"]}, "base consultations")
                for v in (*b["trajectories"].values(), *b["consultations"].values()):
                    _check_version(v)
                d = _keys(e["deleted"], ("consultations",), "deleted")
                for i in _list(d["consultations"], "deleted"):
                    _ident(i)
        return payload
    except TransferError:
        raise
    except (_Malformed, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise TransferDamaged(
            "Het transferbestand is goed ontsleuteld, maar de inhoud is niet wat pgdesk verwacht "
            "(beschadigd of door een ander programma gemaakt). " + _NOTHING_READ,
            detail=str(exc)) from None


# --- the import plan ------------------------------------------------------------------------------


@dataclass
class _Item:
    """One trajectory or conversation of the file and what to do with it."""

    kind: str
    incoming: dict
    local: dict | None
    base: Version | None
    decision: str
    fields_in: dict[str, str]
    fields_local: dict[str, str]
    take: dict[str, str] = field(default_factory=dict)   # field -> side (trajectories)
    conflict: Conflict | None = None
    copy_id: str = ""                                      # conversations: id of a kept copy

    @property
    def id(self) -> str:
        return self.incoming["id"]


@dataclass
class _Work:
    """One patient of the file."""

    patient_id: str
    name: str
    incoming: dict
    local: dict | None          # the local entry (None: not here)
    skip: str = ""              # why this patient is left out (bring-back only)
    patient_take: dict[str, str] = field(default_factory=dict)
    patient_conflict: Conflict | None = None
    trajectories: list[_Item] = field(default_factory=list)
    consultations: list[_Item] = field(default_factory=list)
    deleted_elsewhere: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PatientPlan:
    """One patient of an import, for a list on screen. status: "new" (not yet in this database),
    "update" (something will be written), "same" (nothing to write) or "skip" (left out, see
    ImportPlan.notes)."""

    patient_id: str
    display_name: str
    status: str
    new_consultations: int
    changed_consultations: int
    conflicts: int


@dataclass
class ImportPlan:
    """What reading a transfer file would change; made by preview_transfer, which writes nothing.

    Resolve conflicts with `resolve` or `resolve_all`, show `summary_lines()`, then call
    apply_transfer. kind: "take-along" (on the laptop) or "bring-back" (at the practice).
    local_side / incoming_side: who holds this database's and the file's versions.
    """

    kind: str
    transfer_id: str
    origin_db_id: str
    source_db_id: str
    created_at: str
    created_by: str
    path: Path
    local_side: str
    incoming_side: str
    patients: list[PatientPlan]
    conflicts: list[Conflict]
    notes: list[str]
    applied: bool = False
    _work: list[_Work] = field(default_factory=list, repr=False)
    _payload: dict = field(default_factory=dict, repr=False)
    _snapshot: dict = field(default_factory=dict, repr=False)
    _db_path: Path | None = field(default=None, repr=False)

    # -- resolving
    def resolve(self, conflict: Conflict | str, resolution: str) -> None:
        """Choose for one conflict (the Conflict or its key): keep_both, take_incoming, keep_local."""
        c = conflict if isinstance(conflict, Conflict) else self._conflict(conflict)
        if not any(c is mine for mine in self.conflicts):
            raise ValueError("conflict of another plan")
        if resolution == LATER_WINS:
            resolution = c.later()
        if resolution not in c.choices:
            raise InputError(f"Voor {c.title.lower()} kan niet gekozen worden voor "
                             f"'{rules.RESOLUTION_LABELS.get(resolution, resolution)}'.")
        c.resolution = resolution

    def resolve_all(self, rule: str) -> None:
        """One choice for every conflict: keep_both, take_incoming, keep_local or later_wins.

        later_wins: per conflict the version changed last wins (equal times: as by default).
        keep_both applies to conversations; personal details and trajectory dates, which cannot
        be kept twice, then keep their default (the practice's value).
        """
        if rule not in RULES:
            raise ValueError(rule)
        for c in self.conflicts:
            if rule == LATER_WINS:
                c.resolution = c.later()
            elif rule in c.choices:
                c.resolution = rule
            else:
                c.resolution = c.default

    def _conflict(self, key: str) -> Conflict:
        for c in self.conflicts:
            if c.key == key:
                return c
        raise KeyError(key)

    # -- counting
    def _writes_incoming(self, item: _Item) -> bool:
        if item.decision in (NEW, RESTORE, TAKE):
            return True
        return item.decision == CONFLICT and item.conflict.resolution in (TAKE_INCOMING, KEEP_BOTH)

    def _active(self) -> list[_Work]:
        return [w for w in self._work if not w.skip]

    @property
    def new_consultations(self) -> int:
        return sum(i.decision in (NEW, RESTORE) for w in self._active() for i in w.consultations)

    @property
    def changed_consultations(self) -> int:
        return sum(i.decision == TAKE for w in self._active() for i in w.consultations)

    @property
    def referrals(self) -> int:
        """Referrals that will be added or changed (in new, changed or kept-both conversations)."""
        n = 0
        for w in self._active():
            for i in w.consultations:
                if self._writes_incoming(i):
                    n += sum(1 for k, v in i.fields_in.items()
                             if k.startswith("referral:") and i.fields_local.get(k) != v)
        return n

    def _details_changed(self) -> int:
        return sum(1 for w in self._active() if w.local is not None and (
            any(s == "incoming" for s in w.patient_take.values())
            or (w.patient_conflict is not None and w.patient_conflict.resolution == TAKE_INCOMING)))

    def _trajectories_changed(self) -> int:
        return sum(1 for w in self._active() for i in w.trajectories
                   if i.decision in (NEW, RESTORE) or any(s == "incoming" for s in i.take.values())
                   or (i.conflict is not None and i.conflict.resolution == TAKE_INCOMING))

    def summary_lines(self) -> list[str]:
        """In Dutch, before anything is written: where the file comes from, then N patients,
        N new conversations, N changed, N conflicts, N referrals, each conflict with the current
        choice, and notes."""
        active = self._active()
        if self.kind == KIND_TAKE_ALONG:
            title = (f"Meeneembestand uit de praktijk, gemaakt op {_when(self.created_at)} door "
                     f"{self.created_by}.")
        else:
            title = (f"Terugbrengbestand van de laptop, gemaakt op {_when(self.created_at)} door "
                     f"{self.created_by}.")
        new_patients = sum(1 for w in active if w.local is None)
        lines = [title,
                 plural(len(active), "patiënt", "patiënten")
                 + (f" ({new_patients} nieuw op deze computer)" if new_patients else ""),
                 plural(self.new_consultations, "nieuw gesprek", "nieuwe gesprekken"),
                 plural(self.changed_consultations, "gewijzigd gesprek", "gewijzigde gesprekken"),
                 plural(len(self.conflicts), "conflict", "conflicten")
                 + (" (aan beide kanten gewijzigd)" if self.conflicts else ""),
                 plural(self.referrals, "verwijzing", "verwijzingen") + " (nieuw of gewijzigd)"]
        if details := self._details_changed():
            lines.append(f"Persoonsgegevens bijgewerkt bij {plural(details, 'patiënt', 'patiënten')}")
        if trajectories := self._trajectories_changed():
            lines.append(plural(trajectories, "traject", "trajecten") + " nieuw of bijgewerkt")
        lines += [c.line() for c in self.conflicts]
        lines += self.notes
        return lines


def _conflict(plan_kind: str, kind: str, record_id: str, work: _Work, title: str,
              local_updated: str | None, incoming_updated: str | None,
              diffs: tuple[rules.Difference, ...], *, whole: bool) -> Conflict:
    local_side, incoming_side = SIDES[plan_kind]
    practice = KEEP_LOCAL if plan_kind == KIND_BRING_BACK else TAKE_INCOMING
    default = KEEP_BOTH if whole else practice
    choices = RESOLUTIONS if whole else (TAKE_INCOMING, KEEP_LOCAL)
    return Conflict(kind, record_id, work.patient_id, work.name, title, local_side, incoming_side,
                    local_updated or "", incoming_updated or "", diffs, choices, default, default)


def _check_ownership(store: Store, work: _Work) -> None:
    """Ids in the file that exist here must belong to the same patient (and conversation)."""
    pid = work.patient_id

    def owners(table: str, col: str, ids: list[str]) -> dict[str, str]:
        out = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update(store.db.execute(f"SELECT id, {col} FROM {table} WHERE id IN ({marks})",
                                        chunk).fetchall())
        return out

    cons = work.incoming["consultations"]
    for table, ids in (("consultations", [c["id"] for c in cons]),
                       ("trajectories", [t["id"] for t in work.incoming["trajectories"]])):
        if any(owner != pid for owner in owners(table, "patient_id", ids).values()):
            raise WrongPractice(f"Het bestand bevat gegevens van {work.name} die in deze database bij "
                                f"een andere patiënt horen. {_NOTHING_READ}")
    parent = {r["id"]: c["id"] for c in cons for r in c["referrals"]}
    for rid, cid in owners("referrals", "consultation_id", list(parent)).items():
        if parent[rid] != cid:
            raise WrongPractice(f"Het bestand bevat een verwijzing van {work.name} die in deze "
                                f"database bij een ander gesprek hoort. {_NOTHING_READ}")


def _plan_patient(store: Store, kind: str, entry: dict, instrument: Instrument | None,
                  origin: str, notes: list[str]) -> _Work:
    p = entry["patient"]
    pid = p["id"]
    local = _patient_entry(store, pid)
    work = _Work(pid, p["display_name"], entry, local)
    if kind == KIND_TAKE_ALONG:
        marker = _marker(store, pid)
        if local is not None and marker is None:
            raise WrongPractice(f"{p['display_name']} staat al in deze database, maar is niet met een "
                                f"meeneembestand binnengekomen. {_NOTHING_READ}")
        if marker is not None and marker["origin_db_id"] != origin:
            raise WrongPractice(f"{p['display_name']} is al meegenomen uit een andere praktijk. "
                                + _NOTHING_READ)
        bases = _stored_bases(store, pid) if marker else {}
    else:
        if local is None:
            work.skip = "missing"
            notes.append(f"{p['display_name']} staat niet (meer) in deze database; de wijzigingen "
                         "van deze patiënt zijn niet ingelezen.")
            return work
        b = entry["base"]
        bases = {("patient", pid): _check_version(b["patient"])}
        bases |= {("trajectory", i): _check_version(v) for i, v in b["trajectories"].items()}
        bases |= {("consultation", i): _check_version(v) for i, v in b["consultations"].items()}
        bases = {k: v for k, v in bases.items() if v is not None}
    _check_ownership(store, work)

    local_side, incoming_side = SIDES[kind]
    if local is not None:
        lp, ip = rules.patient_fields(local["patient"]), rules.patient_fields(p)
        base = bases.get(("patient", pid))
        work.patient_take, conflicting = rules.merge_fields(rules.PATIENT_FIELDS, base, lp, ip)
        if conflicting:
            work.patient_conflict = _conflict(
                kind, "patient", pid, work, "Persoonsgegevens", local["patient"]["updated_at"],
                p["updated_at"], rules.differences(lp, ip, base, instrument, only=conflicting),
                whole=False)

    local_t = {t["id"]: t for t in (local or {}).get("trajectories", [])}
    for t in entry["trajectories"]:
        lt = local_t.get(t["id"])
        fi = rules.trajectory_fields(t)
        fl = rules.trajectory_fields(lt) if lt else {}
        base = bases.get(("trajectory", t["id"]))
        decision = rules.decide(base.digest if base else None,
                                rules.digest(fl) if lt else None, rules.digest(fi))
        item = _Item("trajectory", t, lt, base, decision, fi, fl)
        if lt is not None and decision != SAME:
            item.take, conflicting = rules.merge_fields(rules.TRAJECTORY_FIELDS, base, fl, fi)
            if conflicting:
                item.conflict = _conflict(
                    kind, "trajectory", t["id"], work, rules.trajectory_title(t), lt["updated_at"],
                    t["updated_at"], rules.differences(fl, fi, base, instrument, only=conflicting),
                    whole=False)
        work.trajectories.append(item)

    local_c = {c["id"]: c for c in (local or {}).get("consultations", [])}
    for c in entry["consultations"]:
        lc = local_c.get(c["id"])
        fi = rules.consultation_fields(c)
        fl = rules.consultation_fields(lc) if lc else {}
        base = bases.get(("consultation", c["id"]))
        decision = rules.decide(base.digest if base else None,
                                rules.digest(fl) if lc else None, rules.digest(fi))
        item = _Item("consultation", c, lc, base, decision, fi, fl)
        if decision == CONFLICT:
            # The laptop's version becomes the copy: the file's at the practice, ours on the laptop.
            copied = fi if kind == KIND_BRING_BACK else fl
            item.copy_id = str(uuid.uuid5(COPY_NAMESPACE, f"{c['id']}/{rules.digest(copied)}"))
            if item.copy_id in local_c:
                item.decision = decision = SAME  # kept as a copy when this file was read before
        if decision == CONFLICT:
            item.conflict = _conflict(kind, "consultation", c["id"], work,
                                      rules.consultation_title(lc), lc["updated_at"],
                                      c["updated_at"], rules.differences(fl, fi, base, instrument),
                                      whole=True)
        elif decision == RESTORE:
            notes.append(f"{p['display_name']}: het {rules.consultation_title(c).lower()} was hier "
                         f"verwijderd, maar is bij {incoming_side} gewijzigd; het komt terug.")
        work.consultations.append(item)

    if kind == KIND_BRING_BACK:
        here = set(local_c)
        work.deleted_elsewhere = [i for i in entry["deleted"]["consultations"] if i in here]
        if work.deleted_elsewhere:
            n = len(work.deleted_elsewhere)
            notes.append(f"{p['display_name']}: {plural(n, 'gesprek is', 'gesprekken zijn')} op de "
                         "laptop verwijderd; in de praktijk blijven ze bewaard (verwijder ze hier "
                         "zelf als dat de bedoeling was).")
    return work


def _snapshot(store: Store, patient_ids: Iterable[str]) -> dict:
    """What the plan was computed from, to see at apply time that nothing changed since."""
    out: dict = {"db_id": store.setting("db_id")}
    for pid in sorted(set(patient_ids)):
        entry = _patient_entry(store, pid)
        marker = _marker(store, pid)
        out[pid] = (None if entry is None else
                    {f"{k}:{i}": v.digest for (k, i), v in _versions(entry).items()},
                    None if marker is None else (marker["transfer_id"], marker["origin_db_id"]),
                    sorted(store.db.execute("SELECT kind, record_id, digest FROM transfer_base "
                                            "WHERE patient_id = ?", [pid]).fetchall()))
    return out


def preview_transfer(store: Store, path: str | os.PathLike, passphrase: str, *,
                     instrument: Instrument | None = None) -> ImportPlan:
    """Decrypt and check a transfer file and work out what reading it would change. Writes nothing.

    Raises (Dutch messages, nothing changed): NotATransferFile, TransferDamaged (truncated,
    damaged, unexpected content), WrongTransferPassphrase (wrong passphrase or changed file: the
    two cannot be told apart), NewerTransferVersion, WrongPractice (a bring-back for another
    practice, a take-along read into the practice it came from, a patient already here in
    another way).
    """
    path = Path(path)
    payload = _check_payload(unseal(_read_file(path), passphrase))
    t = payload["transfer"]
    kind, origin = t["kind"], t["origin_db_id"]
    db_id = store.setting("db_id")
    instrument = instrument or shipped_instrument("nl")
    if kind == KIND_TAKE_ALONG and db_id == origin:
        raise WrongPractice("Dit meeneembestand komt uit deze database zelf. Lees het in op de "
                            "computer die meegaat (de laptop), niet in de praktijk. " + _NOTHING_READ)
    if kind == KIND_BRING_BACK and db_id != origin:
        if db_id is not None and db_id == t["source_db_id"]:
            raise WrongPractice("Dit terugbrengbestand is op deze computer gemaakt; lees het in bij "
                                "de praktijk waar de patiënten vandaan komen. " + _NOTHING_READ)
        raise WrongPractice("Dit terugbrengbestand is bedoeld voor een andere praktijk (een andere "
                            "database). " + _NOTHING_READ)
    notes: list[str] = []
    if kind == KIND_TAKE_ALONG and not store.encrypted:
        notes.append("Let op: deze database is niet versleuteld. Neem patiënten alleen mee in een "
                     "versleutelde database.")
    if store.db.execute("SELECT 1 FROM transfers WHERE id = ? AND direction = 'in'",
                        [t["id"]]).fetchone():
        notes.append("Dit bestand is hier al eerder ingelezen; wat al gelijk is, blijft zoals het is.")
    work = [_plan_patient(store, kind, e, instrument, origin, notes) for e in payload["patients"]]
    local_side, incoming_side = SIDES[kind]
    conflicts = []
    for w in work:
        if w.patient_conflict:
            conflicts.append(w.patient_conflict)
        conflicts += [i.conflict for i in (*w.trajectories, *w.consultations) if i.conflict]
    patients = []
    for w in work:
        status = ("skip" if w.skip else "new" if w.local is None else
                  "update" if _has_writes(w) else "same")
        patients.append(PatientPlan(
            w.patient_id, w.name, status,
            sum(i.decision in (NEW, RESTORE) for i in w.consultations),
            sum(i.decision == TAKE for i in w.consultations),
            sum(1 for c in conflicts if c.patient_id == w.patient_id)))
    return ImportPlan(kind, t["id"], origin, t["source_db_id"], t["created_at"], t["created_by"],
                      path, local_side, incoming_side, patients, conflicts, notes,
                      _work=work, _payload=payload,
                      _snapshot=_snapshot(store, [w.patient_id for w in work]),
                      _db_path=Path(store.path).resolve())


def _has_writes(w: _Work) -> bool:
    return bool(w.patient_conflict or any(s == "incoming" for s in w.patient_take.values())
                or any(i.decision not in (SAME, KEEP, STAYS_DELETED) or i.conflict
                       or any(s == "incoming" for s in i.take.values())
                       for i in (*w.trajectories, *w.consultations)))


# --- applying -------------------------------------------------------------------------------------


def _insert_missing(store: Store, table: str, rows: Iterable[dict], wanted: set[str]) -> None:
    for row in rows:
        if row["id"] in wanted:
            store.db.execute(f"INSERT OR IGNORE INTO {table} ({_cols(row)}) VALUES "
                             f"({', '.join('?' for _ in row)})", list(row.values()))


def _insert_children(store: Store, pid: str, cid: str, rec: dict, *, copy: bool) -> None:
    db = store.db
    for dim, score in rec["dimension_scores"].items():
        db.execute("INSERT INTO dimension_scores (consultation_id, dimension_id, score) "
                   "VALUES (?, ?, ?)", [cid, dim, score])
    for dim, aspects in rec["aspect_scores"].items():
        for aspect, score in aspects.items():
            db.execute("INSERT INTO aspect_scores (consultation_id, dimension_id, aspect_id, score) "
                       "VALUES (?, ?, ?, ?)", [cid, dim, aspect, score])
    for kind, dim, aspect in rec["marks"]:
        db.execute("INSERT INTO marks (consultation_id, kind, dimension_id, aspect_id) "
                   "VALUES (?, ?, ?, ?)", [cid, kind, dim, aspect])
    for step, answer in rec["wheel_answers"].items():
        db.execute("INSERT INTO wheel_answers (consultation_id, step_id, answer) VALUES (?, ?, ?)",
                   [cid, step, answer])
    if rec["plan"] is not None:
        db.execute(f"INSERT INTO plans (consultation_id, {_cols(PLAN_FIELDS)}) VALUES "
                   f"(?, {', '.join('?' for _ in PLAN_FIELDS)})",
                   [cid, *(rec["plan"][f] for f in PLAN_FIELDS)])
    for r in rec["referrals"]:
        rid = str(uuid.uuid5(COPY_NAMESPACE, f"{cid}/{r['id']}")) if copy else r["id"]
        row = {**r, "id": rid, "consultation_id": cid, "patient_id": pid}
        db.execute(f"INSERT INTO referrals ({_cols(row)}) VALUES ({', '.join('?' for _ in row)})",
                   list(row.values()))


def _consultation_row(pid: str, rec: dict, trajectory_id: str | None, **over) -> dict:
    row = {c: rec[c] for c in _CONSULTATION_COLS}
    row.update(patient_id=pid, trajectory_id=trajectory_id, **over)
    return row


def _insert_consultation(store: Store, pid: str, rec: dict, trajectory_id: str | None, *,
                         copy_of: str | None = None, copy_id: str = "") -> None:
    """Add a conversation with everything in it; with copy_of, as the copy kept for a conflict
    (id copy_id, its referrals new ids too, conflict_of the original's id)."""
    over = {"id": copy_id, "conflict_of": copy_of} if copy_of else {}
    row = _consultation_row(pid, rec, trajectory_id, **over)
    store.db.execute(f"INSERT INTO consultations ({_cols(row)}) VALUES "
                     f"({', '.join('?' for _ in row)})", list(row.values()))
    _insert_children(store, pid, row["id"], rec, copy=copy_of is not None)


def _replace_consultation(store: Store, pid: str, rec: dict, trajectory_id: str | None) -> None:
    cid = rec["id"]
    for table in ("referrals", "marks", "wheel_answers", "plans", "aspect_scores",
                  "dimension_scores"):
        store.db.execute(f"DELETE FROM {table} WHERE consultation_id = ?", [cid])
    row = _consultation_row(pid, rec, trajectory_id)
    del row["id"]
    store.db.execute(f"UPDATE consultations SET {', '.join(f'{_cols([c])} = ?' for c in row)} "
                     "WHERE id = ?", [*row.values(), cid])
    _insert_children(store, pid, cid, rec, copy=False)


def _update(store: Store, table: str, ident: str, values: dict) -> None:
    store.db.execute(f"UPDATE {table} SET {', '.join(f'{_cols([c])} = ?' for c in values)} "
                     "WHERE id = ?", [*values.values(), ident])


def _merged(take: Mapping[str, str], conflict: Conflict | None, incoming: dict) -> dict:
    """The fields to write from the incoming record after a field-by-field merge."""
    out = {f: incoming[f] for f, side in take.items() if side == "incoming"}
    if conflict is not None and conflict.resolution == TAKE_INCOMING:
        out |= {d.key: incoming[d.key] for d in conflict.differences}
    return out


def _apply_patient(store: Store, plan: ImportPlan, work: _Work, notes: list[str]) -> dict:
    """Write one patient's part of the plan; returns counts of what was written."""
    pid = work.patient_id
    p = work.incoming["patient"]
    counts = {"written": False, "new": 0, "changed": 0, "conflicts": 0}
    payload = plan._payload
    to_write = [i for i in work.consultations
                if plan._writes_incoming(i)]
    pros = {i.incoming["professional_id"] for i in to_write}
    services = {r["service_id"] for i in to_write for r in i.incoming["referrals"]}
    _insert_missing(store, "professionals", payload["professionals"], pros)
    _insert_missing(store, "services", payload["services"], services)

    if work.local is None:
        row = {c: p[c] for c in _PATIENT_COLS} | {"search_name": search_form(p["display_name"])}
        store.db.execute(f"INSERT INTO patients ({_cols(row)}) VALUES ({', '.join('?' for _ in row)})",
                         list(row.values()))
        counts["written"] = True
    else:
        values = _merged(work.patient_take, work.patient_conflict, p)
        if values:
            if "display_name" in values:
                values["search_name"] = search_form(values["display_name"])
            values["updated_at"] = max(work.local["patient"]["updated_at"] or "",
                                       p["updated_at"] or "") or now()
            _update(store, "patients", pid, values)
            counts["written"] = True

    for item in work.trajectories:
        t = item.incoming
        if item.decision in (NEW, RESTORE):
            row = {c: t[c] for c in _TRAJECTORY_COLS} | {"patient_id": pid}
            store.db.execute(f"INSERT INTO trajectories ({_cols(row)}) VALUES "
                             f"({', '.join('?' for _ in row)})", list(row.values()))
            counts["written"] = True
        elif item.local is not None:
            values = _merged(item.take, item.conflict, t)
            if values:
                values["updated_at"] = max(item.local["updated_at"] or "",
                                           t["updated_at"] or "") or now()
                _update(store, "trajectories", t["id"], values)
                counts["written"] = True
    here = {r[0] for r in store.db.execute("SELECT id FROM trajectories WHERE patient_id = ?", [pid])}

    def trajectory_of(rec: dict) -> str | None:
        """The conversation's trajectory, unless that is gone here or already has a follow-up
        of its type (at most one tussen and one eind); then it is kept unattached."""
        tid = rec["trajectory_id"]
        title = rules.consultation_title(rec)
        if tid and tid not in here:
            notes.append(f"{work.name}: het {title.lower()} hoorde bij een traject dat hier niet "
                         "meer bestaat; het staat nu los.")
            return None
        if tid and rec["type"] in FOLLOW_UPS and store.db.execute(
                "SELECT 1 FROM consultations WHERE trajectory_id = ? AND type = ? AND id != ?",
                [tid, rec["type"], rec["id"]]).fetchone():
            notes.append(f"{work.name}: het traject had hier al een {type_noun(rec['type'])}; het "
                         f"{title.lower()} staat nu los van het traject.")
            return None
        return tid

    for item in work.consultations:
        rec, d = item.incoming, item.decision
        resolution = item.conflict.resolution if item.conflict else None
        if d in (NEW, RESTORE):
            _insert_consultation(store, pid, rec, trajectory_of(rec))
            counts["new"] += 1
        elif d == TAKE or resolution == TAKE_INCOMING:
            _replace_consultation(store, pid, rec, trajectory_of(rec))
            counts["changed" if d == TAKE else "conflicts"] += 1
        elif resolution == KEEP_BOTH:
            if plan.kind == KIND_BRING_BACK:
                # The practice's version keeps the id; the laptop's becomes a marked copy.
                _insert_consultation(store, pid, rec, None, copy_of=rec["id"], copy_id=item.copy_id)
            else:
                # On the laptop the practice's version takes the id and the laptop's own version
                # becomes the copy, so bringing it back later adds it as a new conversation.
                _replace_consultation(store, pid, rec, trajectory_of(rec))
                _insert_consultation(store, pid, item.local, None, copy_of=rec["id"],
                                     copy_id=item.copy_id)
            counts["conflicts"] += 1
        else:
            if d == CONFLICT:
                counts["conflicts"] += 1
            continue
        counts["written"] = True

    open_ones = store.db.execute(
        "SELECT id, start_date FROM trajectories WHERE patient_id = ? AND closed_at IS NULL "
        "ORDER BY start_date DESC, created_at DESC, id DESC", [pid]).fetchall()
    if len(open_ones) > 1:
        newest_start = open_ones[0][1]
        for tid, _start in open_ones[1:]:
            _update(store, "trajectories", tid, {"closed_at": newest_start, "updated_at": now()})
        notes.append(f"{work.name}: er liepen twee trajecten tegelijk; het oudste is gesloten op "
                     f"{rules.dutch_date(newest_start)}.")
    return counts


def _remember_base(store: Store, plan: ImportPlan, work: _Work) -> None:
    """On the laptop: mark the patient brought along and remember the practice's versions."""
    pid = work.patient_id
    store.db.execute(
        "INSERT OR REPLACE INTO brought_along (patient_id, transfer_id, origin_db_id, taken_at, "
        "imported_at, brought_back_at, brought_back_digest) VALUES (?, ?, ?, ?, ?, NULL, NULL)",
        [pid, plan.transfer_id, plan.origin_db_id, plan.created_at, now()])
    for (kind, ident), v in _versions(work.incoming).items():
        store.db.execute(
            "INSERT OR REPLACE INTO transfer_base (kind, record_id, patient_id, digest, fields, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [kind, ident, pid, v.digest, json.dumps(dict(sorted(v.fields.items()))), v.updated_at])


def apply_transfer(store: Store, plan: ImportPlan) -> TransferSummary:
    """Write a previewed plan, all or nothing in one transaction, with the chosen resolutions.

    TransferChanged (nothing written) when this database changed since the preview in a way that
    touches the plan; TransferError for a plan already applied or made for another database.
    """
    if plan.applied:
        raise TransferError("Dit bestand is al ingelezen.")
    if plan._db_path != Path(store.path).resolve():
        raise TransferError("Dit overzicht hoort bij een andere database; lees het bestand opnieuw in.")
    for c in plan.conflicts:
        if c.resolution not in c.choices:
            raise InputError(f"Kies wat er moet gebeuren met {c.title.lower()}.")
    notes: list[str] = []
    lines = plan.summary_lines()
    totals = {"new": 0, "changed": 0, "conflicts": 0}
    referrals = plan.referrals
    done: list[str] = []
    with store.db.atomic():
        if _snapshot(store, [w.patient_id for w in plan._work]) != plan._snapshot:
            raise TransferChanged()
        for work in plan._work:
            if work.skip:
                continue
            counts = _apply_patient(store, plan, work, notes)
            for k in totals:
                totals[k] += counts[k]
            if plan.kind == KIND_TAKE_ALONG:
                _remember_base(store, plan, work)
            if counts["written"]:
                store._log(work.patient_id, "C" if work.local is None else "U", "transfer")
            done.append(work.patient_id)
        _record_transfer(store, plan.transfer_id, "in", plan.kind, plan.origin_db_id, len(done))
    plan.applied = True
    return TransferSummary(plan.kind, plan.transfer_id, plan.path, tuple(done),
                           consultations=totals["new"] + totals["changed"],
                           new_consultations=totals["new"], changed_consultations=totals["changed"],
                           conflicts=totals["conflicts"], referrals=referrals,
                           lines=("Ingelezen.", *lines[1:], *notes))


# --- the brought-along patients on the laptop -----------------------------------------------------


@dataclass(frozen=True)
class BroughtAlong:
    """A patient brought along on this computer. unsent_changes: changed since the take-along
    (or since the last bring-back file that held this patient)."""

    patient_id: str
    display_name: str
    origin_db_id: str
    transfer_id: str
    taken_at: str
    imported_at: str
    brought_back_at: str | None
    unsent_changes: bool


def _unsent(store: Store, pid: str, marker: Mapping) -> bool:
    entry = _patient_entry(store, pid)
    if entry is None:
        return False
    state = _state_digest((k, v.digest) for k, v in _versions(entry).items())
    if marker["brought_back_digest"]:
        return state != marker["brought_back_digest"]
    return state != _state_digest((k, v.digest) for k, v in _stored_bases(store, pid).items())


def brought_along(store: Store) -> list[BroughtAlong]:
    """The brought-along patients on this computer, by name."""
    rows = store.db.query("SELECT b.*, p.display_name FROM brought_along b JOIN patients p "
                          "ON p.id = b.patient_id ORDER BY p.display_name COLLATE NOCASE")
    return [BroughtAlong(r["patient_id"], r["display_name"], r["origin_db_id"], r["transfer_id"],
                         r["taken_at"], r["imported_at"], r["brought_back_at"],
                         _unsent(store, r["patient_id"], r)) for r in rows]


def is_brought_along(store: Store, patient_id: str) -> bool:
    return _marker(store, patient_id) is not None


def conflict_copies(store: Store, patient_id: str) -> dict[str, str]:
    """The patient's conversations kept as the second version of a conflict: copy id -> id of the
    conversation it is a version of (which may have been deleted since)."""
    return dict(store.db.execute(
        "SELECT id, conflict_of FROM consultations WHERE patient_id = ? AND conflict_of IS NOT NULL "
        "ORDER BY date, created_at, id", [patient_id]).fetchall())


def remove_brought_along(store: Store, patient_ids: Iterable[str] | None = None, *,
                         force: bool = False) -> TransferSummary:
    """Erase brought-along patients from this computer (all of them when patient_ids is None),
    securely as patient_rights.erase_patient does, markers and remembered versions included.

    UnsentChanges (nothing removed) when one changed since its last bring-back file, unless
    force. InputError for a patient that was not brought along. Logs D "erase" (by
    erase_patient) and D "transfer" per patient.
    """
    present = {b.patient_id: b for b in brought_along(store)}
    ids = list(present) if patient_ids is None else list(dict.fromkeys(patient_ids))
    for pid in ids:
        if pid not in present:
            raise InputError("Deze patiënt is niet meegenomen; verwijder een eigen patiënt via "
                             "Patiënt → verwijderen. Er is niets verwijderd.")
    if not force:
        unsent = [present[pid].display_name for pid in ids if present[pid].unsent_changes]
        if unsent:
            raise UnsentChanges(unsent)
    for pid in ids:
        erase_patient(store, pid)  # the trigger clears brought_along and transfer_base
        with store.db.atomic():
            store.db.execute("DELETE FROM brought_along WHERE patient_id = ?", [pid])
            store.db.execute("DELETE FROM transfer_base WHERE patient_id = ?", [pid])
            store._log(pid, "D", "transfer")
    if ids:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    n = len(ids)
    return TransferSummary("remove", "", None, tuple(ids),
                           lines=(f"{plural(n, 'meegenomen patiënt', 'meegenomen patiënten')} "
                                  "van deze computer verwijderd.",))
