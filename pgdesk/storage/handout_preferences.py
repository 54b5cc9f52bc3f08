"""A patient's handout preferences: the language and paper of the take-home summary.

Part of the patient's personal details (a change is logged as one); kept apart from the
sociale kaart, which is the practice's.
"""

from __future__ import annotations

from pgdesk.domain.content import HANDOUT_LANGUAGES
from pgdesk.domain.validation import InputError
from pgdesk.storage.core import NotFound, StoreCore, now

HANDOUT_LANGS = HANDOUT_LANGUAGES
HANDOUT_PAPERS = ("A4", "A5")


def handout_preferences(store: StoreCore, patient_id: str) -> tuple[str, str]:
    """(language, paper) of this patient's handout: ("nl", "A4") unless chosen otherwise."""
    # handout_language (migration 0011) holds the longer list; handout_lang only nl and en
    row = store.db.execute("SELECT COALESCE(handout_language, handout_lang), handout_paper "
                           "FROM patients WHERE id = ?",
                           [patient_id]).fetchone()
    if row is None:
        raise NotFound("Deze patiënt bestaat niet (meer).")
    lang = row[0] if row[0] in HANDOUT_LANGS else HANDOUT_LANGS[0]
    paper = row[1] if row[1] in HANDOUT_PAPERS else HANDOUT_PAPERS[0]
    return lang, paper


def set_handout_preferences(store: StoreCore, patient_id: str, lang: str, paper: str) -> None:
    """Remember the handout's language (one of HANDOUT_LANGS) and paper ('A4'/'A5') for this patient
    (logged as a change of the personal details; nothing is written when nothing changes)."""
    lang = str(lang or "").strip().lower()
    paper = str(paper or "").strip().upper()
    if lang not in HANDOUT_LANGS:
        raise InputError(f"Onbekende taal voor de samenvatting: '{lang}'. Kies "
                         f"{', '.join(HANDOUT_LANGS)}.")
    if paper not in HANDOUT_PAPERS:
        raise InputError(f"Onbekend papierformaat: '{paper}'. Kies A4 of A5.")
    if handout_preferences(store, patient_id) == (lang, paper):
        return
    with store.db.atomic():
        # handout_lang too while it can hold the choice: a home-visit transfer carries that one
        store.db.execute("UPDATE patients SET handout_language = ?, handout_lang = ?, "
                         "handout_paper = ?, updated_at = ? WHERE id = ?",
                         [lang, lang if lang in ("nl", "en") else None, paper, now(), patient_id])
        store.log(patient_id, "U", "patient")
