"""The waiting-room kiosk's one-time codes (issue 17): the assistant or professional prepares an
invitation for a patient; the patient types its code at the kiosk and sees only their own
questions. A code is valid on the day it was made and used once; only its SHA-256 is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from pgdesk.domain.validation import InputError
from pgdesk.storage.core import StoreCore, now
from pgdesk.storage.repository import Store

# No letters or digits that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B): read aloud or typed, one way.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6

UNKNOWN_CODE = "Deze code kennen we niet. Kijk of u hem goed hebt getypt."
EXPIRED_CODE = "Deze code is niet meer geldig. Vraag de praktijk om een nieuwe code."


def normalize_code(text: str) -> str:
    """What the patient typed as the code: capitals, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _digest(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode("utf-8")).hexdigest()


def todays_conversation(store: StoreCore, patient_id: str) -> str | None:
    """The id of today's unfinished conversation with this patient, or None."""
    row = store.db.execute(
        "SELECT id FROM consultations WHERE patient_id = ? AND date = ? AND completed_at IS NULL "
        "ORDER BY created_at DESC LIMIT 1", [patient_id, dt.date.today().isoformat()]).fetchone()
    return row[0] if row else None


def conversation_for_today(store: Store, patient_id: str, professional_id: str | None) -> str:
    """Today's unfinished conversation with this patient, started if there is none."""
    return (todays_conversation(store, patient_id)
            or store.new_consultation(patient_id, professional_id).id)


def prepare_invitation(store: Store, patient_id: str, professional_id: str | None) -> str:
    """A new code for this patient's conversation of today; earlier unused codes for it stop."""
    cid = conversation_for_today(store, patient_id, professional_id)
    today = dt.date.today().isoformat()
    with store.db.atomic():
        for _ in range(20):  # a clash with a code of today is unlikely; never reuse one
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if store.db.execute("SELECT 1 FROM patient_invitations WHERE code_hash = ?",
                                [_digest(code)]).fetchone() is None:
                break
        else:
            raise InputError("Er kon geen nieuwe code worden gemaakt. Probeer het nog eens.")
        stamp = now()
        store.db.execute("UPDATE patient_invitations SET used_at = ? WHERE consultation_id = ? "
                         "AND used_at IS NULL", [stamp, cid])
        store.db.execute("INSERT INTO patient_invitations (code_hash, consultation_id, created_at, "
                         "valid_on) VALUES (?, ?, ?, ?)", [_digest(code), cid, stamp, today])
        store.touch(cid, "C", "invitation:waiting_room")
    return code


def redeem_invitation(store: StoreCore, code: str) -> str:
    """The conversation this code opens; the code is used up at once. InputError with a message
    for the patient when the code is unknown, of another day or used."""
    digest = _digest(code)
    with store.db.atomic():
        row = store.db.execute("SELECT consultation_id, valid_on, used_at FROM patient_invitations "
                               "WHERE code_hash = ?", [digest]).fetchone()
        if row is None:
            raise InputError(UNKNOWN_CODE)
        cid, valid_on, used_at = row
        if used_at is not None or valid_on != dt.date.today().isoformat():
            raise InputError(EXPIRED_CODE)
        store.db.execute("UPDATE patient_invitations SET used_at = ? WHERE code_hash = ?",
                         [now(), digest])
        store.touch(cid, "R", "invitation:used")
    return cid
