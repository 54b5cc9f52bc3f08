"""At the practice: which patients are on a laptop for a home visit now.

A take-along marks its patients (table taken_along, migration 0014) in the transaction of its
log lines; reading their bring-back here removes the mark. Every room reads the marks, so the
patient page, the patient list and the due list say "meegenomen op laptop X sinds …" (on the
server the table's NOTIFY refreshes them, as for any other change).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pgdesk.storage.repository import Store, now

_CHUNK = 500  # ids per query: SQLite's limit on parameters is far above it


@dataclass(frozen=True)
class TakenAlong:
    patient_id: str
    laptop: str  # the name given at the take-along; '' when none was given
    taken_by: str
    taken_at: str  # ISO, UTC


def mark_taken_along(store: Store, transfer_id: str, patient_ids: Iterable[str], laptop: str) -> None:
    """Inside the take-along's transaction: these patients are on a laptop from now on (a newer
    take-along of a patient replaces the older mark)."""
    stamp = now()
    for pid in patient_ids:
        store.db.execute("INSERT OR REPLACE INTO taken_along (patient_id, transfer_id, laptop, "
                         "taken_by, taken_at) VALUES (?, ?, ?, ?, ?)",
                         [pid, transfer_id, laptop.strip(), store.actor.name, stamp])


def unmark_taken_along(store: Store, patient_ids: Iterable[str]) -> None:
    """Inside the bring-back's transaction: these patients are back."""
    ids = list(patient_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        store.db.execute(f"DELETE FROM taken_along WHERE patient_id IN ({', '.join('?' * len(chunk))})",
                         chunk)


def _mark(r: dict) -> TakenAlong:
    return TakenAlong(r["patient_id"], r["laptop"], r["taken_by"], r["taken_at"])


def all_taken_along(store: Store) -> dict[str, TakenAlong]:
    """Every patient on a laptop now, in one query: the patient list holds these marks and reads
    them again only when a take-along or a bring-back changed them, not per keystroke."""
    return {r["patient_id"]: _mark(r)
            for r in store.db.query("SELECT patient_id, laptop, taken_by, taken_at FROM taken_along")}


def taken_along(store: Store, patient_ids: Iterable[str]) -> dict[str, TakenAlong]:
    """Of these patients, those on a laptop now (one query per 500 ids)."""
    ids = sorted(set(patient_ids))
    out: dict[str, TakenAlong] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        for r in store.db.query("SELECT patient_id, laptop, taken_by, taken_at FROM taken_along "
                                f"WHERE patient_id IN ({', '.join('?' * len(chunk))})", chunk):
            out[r["patient_id"]] = _mark(r)
    return out
