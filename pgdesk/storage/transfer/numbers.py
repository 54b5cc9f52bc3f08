"""One HIS number, one patient, also through a transfer: the store refuses a second patient with
a number (Store.add_patient / update_patient), but a transfer writes its rows directly, so it
checks the numbers it would write itself, before writing anything."""

from __future__ import annotations

from collections.abc import Iterable

from pgdesk.domain.transfer import TAKE_INCOMING
from pgdesk.storage.repository import Store
from pgdesk.storage.transfer.fileformat import NOTHING_READ, TransferError
from pgdesk.storage.transfer.plan import PatientWork


class NumberTaken(TransferError):
    """A patient of the file would get a HIS number that another patient here already has."""


def _number_written(work: PatientWork) -> str | None:
    """The HIS number applying this patient's part would write, or None when it stays as it is."""
    incoming = (work.incoming["patient"]["practice_number"] or "").strip()
    if work.local is None:
        return incoming
    conflict = work.patient_conflict
    if work.patient_take.get("practice_number") == "incoming" or (
            conflict is not None and conflict.resolution == TAKE_INCOMING
            and any(d.key == "practice_number" for d in conflict.differences)):
        return incoming
    return None


def refuse_taken_numbers(store: Store, works: Iterable[PatientWork]) -> None:
    """NumberTaken (nothing written) when a patient of the file would get a HIS number that
    another patient in this database, or another patient of the same file, has. The message
    names the number and both patients, so the professional can correct one and read again."""
    claimed: dict[str, tuple[str, str]] = {}   # number -> (patient id, name) of the file
    for work in works:
        number = None if work.skip else _number_written(work)
        if not number:
            continue
        holder = claimed.get(number)
        if holder is None:
            row = store.db.execute("SELECT id, display_name FROM patients WHERE practice_number = ? "
                                   "AND id != ? LIMIT 1", [number, work.patient_id]).fetchone()
            holder = (row[0], row[1]) if row else None
        if holder is not None and holder[0] != work.patient_id:
            raise NumberTaken(
                f"{work.name} in het bestand heeft HIS-nummer {number}, maar dat nummer hoort hier "
                f"al bij {holder[1]}. Eén nummer hoort bij één patiënt: pas het nummer van een van "
                f"beiden aan en lees het bestand daarna opnieuw in. {NOTHING_READ}")
        claimed[number] = (work.patient_id, work.name)
