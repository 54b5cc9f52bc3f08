"""Translatable names for domain codes (conversation types, steps, roles)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pgdesk.domain.models import ROLE_LABELS_NL

TYPE_LABELS = {
    "start": QT_TRANSLATE_NOOP("Labels", "Startgesprek"),
    "tussen": QT_TRANSLATE_NOOP("Labels", "Tussengesprek"),
    "eind": QT_TRANSLATE_NOOP("Labels", "Eindgesprek"),
    "los": QT_TRANSLATE_NOOP("Labels", "Los gesprek"),
}
STEP_LABELS = {
    "web": QT_TRANSLATE_NOOP("Labels", "Spinnenweb"),
    "focus": QT_TRANSLATE_NOOP("Labels", "Wat is belangrijk?"),
    "wheel": QT_TRANSLATE_NOOP("Labels", "Actiewiel"),
    "plan": QT_TRANSLATE_NOOP("Labels", "Plan"),
    "summary": QT_TRANSLATE_NOOP("Labels", "Samenvatting"),
}
# The role names live in the domain (models.ROLE_LABELS_NL, marked there for lupdate).


def label(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def type_label(code: str) -> str:
    return label(TYPE_LABELS.get(code, code))


def step_label(code: str) -> str:
    return label(STEP_LABELS.get(code, code))


def role_label(code: str) -> str:
    return label(ROLE_LABELS_NL.get(code, code))


def away_label(taken) -> str:
    """A patient on a laptop for a home visit (storage.transfer.TakenAlong), as every room
    shows it: "meegenomen op laptop X sinds 02-12-2026 10:15 (Dr. A. de Vries)"."""
    from pgdesk.storage.transfer.records import local_time

    text = (QCoreApplication.translate("Labels", "meegenomen op laptop %1 sinds %2 (%3)")
            .replace("%1", taken.laptop) if taken.laptop else
            QCoreApplication.translate("Labels", "meegenomen op een laptop sinds %2 (%3)"))
    return text.replace("%2", local_time(taken.taken_at)).replace("%3", taken.taken_by)
