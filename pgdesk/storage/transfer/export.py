"""Writing transfer files: the take-along at the practice, the bring-back on the laptop."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pgdesk.domain.transfer import KIND_BRING_BACK, KIND_TAKE_ALONG, plural
from pgdesk.domain.validation import InputError
from pgdesk.storage.keyring import DEFAULT_KDF, KdfParams, check_passphrase
from pgdesk.storage.repository import Store, now
from pgdesk.storage.transfer.away import mark_taken_along
from pgdesk.storage.transfer.fileformat import ReservedFile, seal, target_path, write_errors
from pgdesk.storage.transfer.records import (
    TransferSummary,
    brought_along_marker,
    dump_payload,
    ensure_db_id,
    new_header,
    patient_entry,
    record_transfer,
    record_versions,
    referenced_rows,
    state_digest,
    stored_bases,
)
from pgdesk.storage.transfer.removal import SeveralPractices, practices_here

_NO_TAKE_ALONG = "Er is geen meeneembestand gemaakt."
_NO_BRING_BACK = "Er is geen terugbrengbestand gemaakt."


def _reserve_and_log(store: Store, path: Path, header: dict, entries: list[dict],
                     patient_ids: list[str], passphrase: str, params: KdfParams,
                     outcome: str) -> tuple[ReservedFile, bytes, list[dict]]:
    """In the caller's transaction: seal the file, reserve its room on disk, and write its access-log
    lines and its transfers row. Returns the room, the sealed bytes and the conversations in it."""
    consultations = [c for e in entries for c in e["consultations"]]
    pros, services = referenced_rows(store, consultations)
    payload = {"transfer": header, "professionals": pros, "services": services, "patients": entries}
    sealed = seal(dump_payload(payload), passphrase, params)
    room = ReservedFile(path, len(sealed), outcome)
    try:
        for pid in patient_ids:
            store.log(pid, "E", "transfer")
        record_transfer(store, header["id"], "out", header["kind"], header["origin_db_id"],
                        len(patient_ids))
    except BaseException:
        room.discard()
        raise
    return room, sealed, consultations


# --- take along -----------------------------------------------------------------------------------


def export_take_along(store: Store, patient_ids: Iterable[str], passphrase: str,
                      path: str | os.PathLike, *, params: KdfParams = DEFAULT_KDF,
                      laptop: str = "") -> TransferSummary:
    """Write the chosen patients' whole records to one encrypted transfer file (at the practice).

    The patients are marked as on the laptop named `laptop` (away.py) until their bring-back is
    read here.
    InputError for a short passphrase, no patients, or a patient that was itself brought along;
    NotFound for an unknown patient. One access-log line E "transfer" per patient, committed
    before the file appears (see ReservedFile); a full disk is found before anything is logged.
    """
    check_passphrase(passphrase)
    ids = list(dict.fromkeys([patient_ids] if isinstance(patient_ids, str) else patient_ids))
    if not ids:
        raise InputError("Kies minstens één patiënt om mee te nemen.")
    path = target_path(store, path)
    room = None
    try:
        with write_errors(outcome=_NO_TAKE_ALONG), store.db.atomic():
            entries = []
            for pid in ids:
                patient = store.patient(pid)  # NotFound
                if brought_along_marker(store, pid) is not None:
                    raise InputError(f"{patient.display_name} is zelf meegenomen uit een praktijk; "
                                     "neem deze patiënt mee vanuit die praktijk.")
                entries.append(patient_entry(store, pid))
            db_id = ensure_db_id(store)
            header = new_header(store, KIND_TAKE_ALONG, db_id, db_id)
            mark_taken_along(store, header["id"], ids, laptop)
            room, sealed, consultations = _reserve_and_log(store, path, header, entries, ids,
                                                           passphrase, params, _NO_TAKE_ALONG)
    except BaseException:
        if room is not None:
            room.discard()
        raise
    # Filled only now that its log lines are committed (see ReservedFile).
    room.fill(sealed)
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
    InputError when there is nothing to bring back; SeveralPractices (listing them) when patients
    of more than one practice are here and `origin_db_id` does not say which.
    """
    check_passphrase(passphrase)
    path = target_path(store, path)
    room = None
    try:
        with write_errors(outcome=_NO_BRING_BACK), store.db.atomic():
            markers = list(store.db.query("SELECT * FROM brought_along ORDER BY patient_id"))
            if origin_db_id is not None:
                markers = [m for m in markers if m["origin_db_id"] == origin_db_id]
            if not markers:
                raise InputError("Er zijn op deze computer geen meegenomen patiënten om terug te "
                                 "brengen.")
            if len({m["origin_db_id"] for m in markers}) > 1:
                raise SeveralPractices(practices_here(store))
            origin = markers[0]["origin_db_id"]
            header = new_header(store, KIND_BRING_BACK, origin, ensure_db_id(store))
            entries, states = [], {}
            for m in markers:
                pid = m["patient_id"]
                local = patient_entry(store, pid)
                if local is None:
                    continue
                out = _changes_since_take_along(store, local)
                if out is not None:
                    entries.append(out)
                    states[pid] = state_digest((k, v.digest) for k, v in record_versions(local).items())
            if not entries:
                raise InputError("Er is niets veranderd sinds het meenemen; er is geen "
                                 "terugbrengbestand gemaakt.")
            room, sealed, consultations = _reserve_and_log(store, path, header, entries, list(states),
                                                           passphrase, params, _NO_BRING_BACK)
    except BaseException:
        if room is not None:
            room.discard()
        raise
    # The file only after its log lines; the patients count as brought back only once the file
    # is in place, so a kill in between leaves them with unsent changes, never the reverse.
    room.fill(sealed)
    try:
        with write_errors(outcome=_NO_BRING_BACK), store.db.atomic():
            stamp = now()
            for pid, state in states.items():
                store.db.execute("UPDATE brought_along SET brought_back_at = ?, "
                                 "brought_back_digest = ? WHERE patient_id = ?", [stamp, state, pid])
    except BaseException:
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
    bases = stored_bases(store, pid)
    versions = record_versions(local)

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
