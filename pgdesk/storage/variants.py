"""Per patient, how the conversation reaches them: the instrument variant (volwassenen, eenvoudig,
jongeren, kind or a practice's own) and a large-print handout; per conversation, who else was
there (a relative, an interpreter, or filled in on the patient's behalf). Migration 0011."""

from __future__ import annotations

from pgdesk.domain.content import ADULT, variant_names
from pgdesk.domain.documents import PRESENT
from pgdesk.domain.validation import InputError
from pgdesk.storage.core import NotFound, StoreCore, now


def _patient_value(store: StoreCore, column: str, patient_id: str):
    row = store.db.execute(f"SELECT {column} FROM patients WHERE id = ?", [patient_id]).fetchone()
    if row is None:
        raise NotFound("Deze patiënt bestaat niet (meer).")
    return row[0]


def instrument_variant(store: StoreCore, patient_id: str) -> str:
    """This patient's variant; one no longer there (a practice removed its file) reads as adult."""
    value = _patient_value(store, "instrument_variant", patient_id)
    return value if value in variant_names() else ADULT


def set_instrument_variant(store: StoreCore, patient_id: str, variant: str) -> None:
    """Remember the variant for this patient (logged as a change of the personal details)."""
    variant = str(variant or "").strip().lower()
    if variant not in variant_names():
        raise InputError(f"Onbekende variant: '{variant}'. Kies {', '.join(variant_names())}.")
    if instrument_variant(store, patient_id) == variant:
        return
    with store.db.atomic():
        store.db.execute("UPDATE patients SET instrument_variant = ?, updated_at = ? WHERE id = ?",
                         [variant, now(), patient_id])
        store.log(patient_id, "U", "patient")


def large_print(store: StoreCore, patient_id: str) -> bool:
    return bool(_patient_value(store, "handout_large_print", patient_id))


def set_large_print(store: StoreCore, patient_id: str, on: bool) -> None:
    if large_print(store, patient_id) == bool(on):
        return
    with store.db.atomic():
        store.db.execute("UPDATE patients SET handout_large_print = ?, updated_at = ? WHERE id = ?",
                         [1 if on else 0, now(), patient_id])
        store.log(patient_id, "U", "patient")


def present(store: StoreCore, consultation_id: str) -> tuple[str, ...]:
    """Who else was at this conversation, in PRESENT order; () for no one."""
    row = store.db.execute("SELECT present FROM consultations WHERE id = ?",
                           [consultation_id]).fetchone()
    if row is None:
        raise NotFound("Dit gesprek bestaat niet (meer).")
    given = set((row[0] or "").split(","))
    return tuple(p for p in PRESENT if p in given)


def set_present(store: StoreCore, consultation_id: str, who: tuple[str, ...] | list[str]) -> None:
    unknown = [w for w in who if w not in PRESENT]
    if unknown:
        raise InputError(f"Onbekend bij 'Aanwezig bij het gesprek': {', '.join(unknown)}. "
                         f"Kies uit {', '.join(PRESENT)}.")
    value = ",".join(p for p in PRESENT if p in who)
    with store.db.atomic():
        store.db.execute("UPDATE consultations SET present = ? WHERE id = ?", [value, consultation_id])
        store.touch(consultation_id, "U", "consultation")
