"""The waiting-room kiosk's one-time codes: prepared for one patient's conversation of today,
used once, of today only; a wrong code opens nothing."""

from __future__ import annotations

import pytest

from pgdesk.domain.validation import InputError
from pgdesk.storage import invitations as inv


def _prepared(store, professional):
    patient = store.add_patient("Petronella Testpersoon", "1950")
    return patient, inv.prepare_invitation(store, patient.id, professional.id)


def test_a_code_opens_todays_conversation_once(store, professional):
    patient, code = _prepared(store, professional)
    assert len(code) == inv.CODE_LENGTH and set(code) <= set(inv.CODE_ALPHABET)
    cid = inv.todays_conversation(store, patient.id)
    assert cid is not None
    assert inv.redeem_invitation(store, f" {code[:3].lower()}-{code[3:]} ") == cid  # as typed
    with pytest.raises(InputError, match="niet meer geldig"):
        inv.redeem_invitation(store, code)
    assert store.db.execute("SELECT count(*) FROM patient_invitations WHERE code_hash = ?",
                            [code]).fetchone()[0] == 0  # the code itself is never stored
    whats = [r[0] for r in store.db.execute(
        "SELECT what FROM access_log WHERE patient_id = ? ORDER BY rowid", [patient.id])]
    assert "invitation:waiting_room" in whats and "invitation:used" in whats


def test_a_code_of_yesterday_or_a_replaced_one_is_no_longer_valid(store, professional):
    patient, code = _prepared(store, professional)
    store.db.execute("UPDATE patient_invitations SET valid_on = '2000-01-01'")
    with pytest.raises(InputError, match="niet meer geldig"):
        inv.redeem_invitation(store, code)
    first = inv.prepare_invitation(store, patient.id, professional.id)
    second = inv.prepare_invitation(store, patient.id, professional.id)
    with pytest.raises(InputError, match="niet meer geldig"):
        inv.redeem_invitation(store, first)
    assert inv.redeem_invitation(store, second) == inv.todays_conversation(store, patient.id)


def test_a_wrong_code_opens_nothing(store, professional):
    _prepared(store, professional)
    with pytest.raises(InputError, match="kennen we niet"):
        inv.redeem_invitation(store, "AAAAAA")
    assert store.db.execute("SELECT count(*) FROM patient_invitations WHERE used_at IS NOT NULL"
                            ).fetchone()[0] == 0
