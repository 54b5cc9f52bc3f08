"""Step 1 after the patient mode: which numbers and marks came from the patient, and where the
number agreed in the consult differs from what the patient filled in (both are kept)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pgdesk.domain.numbers import format_number
from pgdesk.storage.patient_answers import PatientAnswers
from pgdesk.storage.session import ConsultationSession

translate = QCoreApplication.translate  # module functions: explicit context


def _number(value: float | None) -> str:
    return "–" if value is None else format_number(value)


def patient_note(session: ConsultationSession, own: PatientAnswers, row: int) -> str:
    """Plain text for dimension `row`; "" when the patient filled in nothing of it."""
    instrument = session.instrument
    dim = instrument.dimensions[row]
    given = own.aspect_scores.get(dim.id, {})
    talks = sorted((a for d, a in own.talk if d == dim.id), key=lambda a: (a != "", a))
    if not given and not talks:
        return ""
    lines = []
    if given:
        theirs = own.dimension_score(instrument, dim.id)
        now = session.score(dim.id).value
        line = translate("PatientNote", "Ingevuld door de patiënt: %1").replace("%1", _number(theirs))
        if now != theirs:
            line += " · " + translate("PatientNote", "nu: %1").replace("%1", _number(now))
        lines.append(line)
        agreed = session.c.aspect_scores.get(dim.id, {})
        changed = [f"{a.name} {_number(given[a.id])} → {_number(agreed.get(a.id))}"
                   for a in dim.aspects if a.id in given and given[a.id] != agreed.get(a.id)]
        if changed:
            lines.append(translate("PatientNote", "Gewijzigd (patiënt → nu): %1")
                         .replace("%1", "; ".join(changed)))
        skipped = [a.name for a in dim.aspects if a.id in given and given[a.id] is None]
        if skipped:
            lines.append(translate("PatientNote", "\"Weet ik niet\": %1").replace("%1", ", ".join(skipped)))
    if talks:
        names = {a.id: a.name for a in dim.aspects}
        what = [names.get(a, a) if a else translate("PatientNote", "het hele onderwerp") for a in talks]
        lines.append(translate("PatientNote", "De patiënt wil praten over: %1")
                     .replace("%1", ", ".join(what)))
    return "\n".join(lines)
