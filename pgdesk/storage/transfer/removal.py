"""The brought-along patients on the laptop: which are here, and erasing them afterwards."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pgdesk.domain import transfer as rules
from pgdesk.domain.transfer import plural
from pgdesk.domain.validation import InputError
from pgdesk.storage.errors import StorageError
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.repository import Store
from pgdesk.storage.transfer.fileformat import write_errors
from pgdesk.storage.transfer.records import (
    TransferSummary,
    brought_along_marker,
    local_time,
    patient_entry,
    record_versions,
    state_digest,
    stored_bases,
)


class UnsentChanges(InputError):
    """remove_brought_along: some patients changed since their last bring-back file."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            f"{rules.join_labels(names)} {'heeft' if len(names) == 1 else 'hebben'} wijzigingen die nog "
            "niet in een terugbrengbestand staan. Maak eerst een terugbrengbestand, of kies "
            "uitdrukkelijk voor verwijderen. Er is niets verwijderd.")
        self.names = names


@dataclass(frozen=True)
class PracticeHere:
    """A practice whose patients were brought along to this computer. code: the start of its
    database id, enough to tell it from the others here (the laptop knows no practice names)."""

    origin_db_id: str
    code: str
    names: tuple[str, ...]
    taken_at: str  # the newest take-along from it

    def label(self) -> str:
        return (f"praktijk {self.code}: {rules.join_labels(list(self.names))} (meegenomen op "
                f"{local_time(self.taken_at)})")


class SeveralPractices(InputError):
    """A bring-back without a choice while patients of more than one practice are here."""

    def __init__(self, practices: list[PracticeHere]) -> None:
        super().__init__(
            "Op deze computer staan patiënten uit meer dan één praktijk; kies voor welke praktijk "
            "het terugbrengbestand is:\n" + "\n".join(f"  {p.label()}" for p in practices)
            + "\nEr is geen terugbrengbestand gemaakt.")
        self.practices = practices


def practices_here(store: Store) -> list[PracticeHere]:
    """The practices whose patients are on this computer, the most recently taken along first."""
    rows = store.db.query("SELECT b.origin_db_id, b.taken_at, p.display_name FROM brought_along b "
                          "JOIN patients p ON p.id = b.patient_id "
                          "ORDER BY p.display_name COLLATE NOCASE")
    names: dict[str, list[str]] = {}
    taken: dict[str, str] = {}
    for r in rows:
        names.setdefault(r["origin_db_id"], []).append(r["display_name"])
        taken[r["origin_db_id"]] = max(taken.get(r["origin_db_id"], ""), r["taken_at"])
    width = 8
    while len({o[:width] for o in names}) < len(names):
        width += 4
    return sorted((PracticeHere(o, o[:width], tuple(n), taken[o]) for o, n in names.items()),
                  key=lambda p: p.taken_at, reverse=True)


def find_practice(store: Store, code: str) -> str:
    """The database id of the practice here whose id starts with `code` (as shown by label)."""
    practices = practices_here(store)
    found = [p for p in practices if code.strip() and p.origin_db_id.startswith(code.strip())]
    if len(found) == 1:
        return found[0].origin_db_id
    listed = "\n".join(f"  {p.label()}" for p in practices) or "  (geen)"
    raise InputError(f"Praktijk '{code}' staat niet (eenduidig) op deze computer. Meegenomen "
                     f"patiënten komen uit:\n{listed}")


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
    entry = patient_entry(store, pid)
    if entry is None:
        return False
    state = state_digest((k, v.digest) for k, v in record_versions(entry).items())
    if marker["brought_back_digest"]:
        return state != marker["brought_back_digest"]
    return state != state_digest((k, v.digest) for k, v in stored_bases(store, pid).items())


def brought_along(store: Store) -> list[BroughtAlong]:
    """The brought-along patients on this computer, by name."""
    rows = store.db.query("SELECT b.*, p.display_name FROM brought_along b JOIN patients p "
                          "ON p.id = b.patient_id ORDER BY p.display_name COLLATE NOCASE")
    return [BroughtAlong(r["patient_id"], r["display_name"], r["origin_db_id"], r["transfer_id"],
                         r["taken_at"], r["imported_at"], r["brought_back_at"],
                         _unsent(store, r["patient_id"], r)) for r in rows]


def is_brought_along(store: Store, patient_id: str) -> bool:
    return brought_along_marker(store, patient_id) is not None


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
    try:
        with write_errors():
            for pid in ids:
                erase_patient(store, pid)  # the trigger clears brought_along and transfer_base
                with store.db.atomic():
                    store.db.execute("DELETE FROM brought_along WHERE patient_id = ?", [pid])
                    store.db.execute("DELETE FROM transfer_base WHERE patient_id = ?", [pid])
                    store.log(pid, "D", "transfer")
            if ids:
                store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except StorageError as exc:
        # Each patient is erased in one transaction, so the rest are still whole.
        removed = sum(not store.db.execute("SELECT 1 FROM patients WHERE id = ?", [pid]).fetchone()
                      for pid in ids)
        done = ("Er is niets verwijderd." if not removed else
                f"{removed} van de {len(ids)} meegenomen patiënten zijn verwijderd; de andere "
                "staan er nog.")
        raise StorageError(f"{exc} {done}") from None
    n = len(ids)
    return TransferSummary("remove", "", None, tuple(ids),
                           lines=(f"{plural(n, 'meegenomen patiënt', 'meegenomen patiënten')} "
                                  "van deze computer verwijderd.",))
