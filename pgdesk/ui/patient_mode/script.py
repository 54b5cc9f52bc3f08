"""A font that can show the patient's script. Qt shapes Arabic itself (joined letters, right to
left), but only with a font that has the letters; where the desktop's font lacks Arabic or
Cyrillic, the patient's screens use the DejaVu Sans that pgdesk ships (the handouts' font)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QWidget

from pgdesk.domain.instrument import Instrument
from pgdesk.paths import resource

BUNDLED = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_SCRIPTS = ((QFontDatabase.WritingSystem.Arabic, "\u0600", "\u06ff"),
            (QFontDatabase.WritingSystem.Cyrillic, "\u0400", "\u04ff"))


def patient_texts(instrument: Instrument) -> list[str]:
    """Every text of the instrument a patient reads on the screens."""
    texts = list(instrument.screens.values())
    for d in instrument.dimensions:
        texts += [d.everyday, d.explanation, *(a.name for a in d.aspects)]
    return texts


@cache
def bundled_family() -> str:
    """Register the shipped font with Qt (once); its family name."""
    family = ""
    for name in BUNDLED:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        family = family or next(iter(QFontDatabase.applicationFontFamilies(font_id)), "")
    return family


def needs_bundled_font(font: QFont, instrument: Instrument) -> bool:
    """True if the instrument's texts need a writing system the font's family lacks."""
    text = "".join(patient_texts(instrument))
    have = set(QFontDatabase.writingSystems(QFontInfo(font).family()))
    return any(system not in have for system, low, high in _SCRIPTS
               if any(low <= ch <= high for ch in text))


def use_font_for(widget: QWidget, instrument: Instrument) -> None:
    if needs_bundled_font(widget.font(), instrument):
        font = QFont(widget.font())
        font.setFamily(bundled_family())
        widget.setFont(font)
