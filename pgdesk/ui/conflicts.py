"""Typed text that another room changed in the meantime: never overwritten, never lost.

A text write refused by the guard (storage/versions.py) leaves the typed text on screen and asks:
keep both (the other room's text, then this one, written as one; for a code or a date: keep this
one, having seen the other), or take the other text (this one goes to the clipboard first).
Closed without a choice, nothing is written and the typed text stays; the next save asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pgdesk.storage.errors import WriteConflict
from pgdesk.storage.session import ConsultationSession
from pgdesk.storage.versions import clock
from pgdesk.ui import clipboard, plain
from pgdesk.ui.feedback import attempt

KEEP_BOTH, TAKE_THEIRS = 0, 1


translate = QCoreApplication.translate


def save_text(parent, session: ConsultationSession, field: str, text: str,
              show: Callable[[str], None], join_with: str | None = "\n\n") -> bool:
    """Write `text` into `field` ("wheel:wens", "plan:goal"); True when it is stored (also after
    the user chose how to keep both). `show` puts a text into the field on screen; `join_with`
    joins two texts into one (None: a code or date, which cannot hold two)."""
    refused: list[WriteConflict] = []

    def write() -> None:
        try:
            session.set_text(field, text)
        except WriteConflict as exc:
            refused.append(exc)

    if not attempt(parent, write):
        return False
    if not refused:
        return True
    conflict = refused[0]
    theirs = session.stored_text(field)
    if theirs == text:  # both typed the same: nothing to choose
        session.adopt(conflict)
        return True
    question = (translate("Conflicts", "Dit antwoord is intussen in een andere kamer gewijzigd "
                          "door %1 (%2, om %3). Uw tekst staat nog op het scherm; er is niets "
                          "overschreven.")
                .replace("%1", conflict.by).replace("%2", conflict.room)
                .replace("%3", clock(conflict.at))
                + "\n\n" + translate("Conflicts", "Hun tekst:") + "\n" + theirs
                + "\n\n" + translate("Conflicts", "Uw tekst:") + "\n" + text)
    keep = (translate("Conflicts", "Beide bewaren") if join_with is not None
            else translate("Conflicts", "Mijn tekst bewaren"))
    choice = plain.choose(parent, translate("Conflicts", "Gewijzigd in een andere kamer"), question,
                          [keep, translate("Conflicts", "Hun tekst nemen (de mijne naar het klembord)")])
    if choice is None:
        return False
    session.adopt(conflict)
    if choice == TAKE_THEIRS:
        clipboard.copy_for_a_while(text)
        show(theirs)
        return True
    joined = text if join_with is None else join(theirs, text, join_with)
    if not attempt(parent, session.set_text, field, joined):
        return False
    show(joined)
    return True


def join(theirs: str, mine: str, separator: str) -> str:
    """Both texts as one: theirs first (it was stored first), then what was typed here."""
    if not theirs.strip():
        return mine
    if not mine.strip():
        return theirs
    return f"{theirs.rstrip()}{separator}{mine}"
