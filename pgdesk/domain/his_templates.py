"""How the practice's HIS wants the journal text: the line width, whether the S, O, E and P
letters lead their lines, and whether only Windows-1252 characters may appear (older HIS store
nothing else). A template is a named choice of width and letters; the practice picks one in
Praktijk → HIS-tekst, and the cp1252 choice apart."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pgdesk.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class HisTemplate:
    key: str
    label: str  # Dutch, marked for translation in the "HisTemplates" context
    width: int  # characters per line; 0: no wrapping (the HIS field wraps itself)
    letters: bool  # "S: " before the first line of a part, the rest indented


TEMPLATES = (
    HisTemplate("standaard", QT_TRANSLATE_NOOP(
        "HisTemplates", "Journaal, 72 tekens per regel, S/O/E/P vooraan (standaard)"), 72, True),
    HisTemplate("smal", QT_TRANSLATE_NOOP(
        "HisTemplates", "Smal journaal, 60 tekens per regel, S/O/E/P vooraan"), 60, True),
    HisTemplate("breed", QT_TRANSLATE_NOOP(
        "HisTemplates", "Breed journaal, 100 tekens per regel, S/O/E/P vooraan"), 100, True),
    HisTemplate("velden", QT_TRANSLATE_NOOP(
        "HisTemplates", "Aparte S-, O-, E- en P-velden: geen letters, niet afgebroken (kopieer "
                        "per deel)"), 0, False),
)
DEFAULT = TEMPLATES[0]
_SPELLED = {"ĳ": "ij", "Ĳ": "IJ", "ŀ": "l", "Ŀ": "L", "ı": "i", "−": "-", "‐": "-",
            "‑": "-", "‒": "-", "―": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "}


def template(key: str | None) -> HisTemplate:
    """The template with this key; the standard one for an unknown or empty key."""
    return next((t for t in TEMPLATES if t.key == key), DEFAULT)


def cp1252_safe(text: str) -> str:
    """Every character Windows-1252 has stays; others become their plain letters (ş -> s,
    ĳ -> ij) or, with no such letter, '?'. Line breaks stay."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        if ch in _SPELLED:
            out.append(_SPELLED[ch])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                       if not unicodedata.combining(c))
        try:
            base.encode("cp1252")
            out.append(base or "?")
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)
