"""Several rooms on one database (issue 13): guarded writes and claims, two Store instances as
two rooms, on the practice server and on the file."""

from __future__ import annotations

import pytest

from pgdesk.storage import claims, versions
from pgdesk.storage.access_log import Actor
from pgdesk.storage.errors import TakenOver, WriteConflict
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.storage.trajectories import delete_consultation

ROOM_A = Actor("Dr. A. de Vries", workstation="kamer 2")
ROOM_B = Actor("B. Jansen (POH)", workstation="kamer 3")


@pytest.fixture(params=["file", "server"])
def rooms(request, tmp_path):
    """Two rooms on one practice server, and the same on the file: there the second opens it
    without the one-window lock, as a second workstation would."""
    if request.param == "server":
        url = request.getfixturevalue("server_url")

        def room(actor, first=False):
            return Store.open_server(url, actor=actor)
    else:
        def room(actor, first=False):
            return Store.open(tmp_path / "praktijk.sqlite", actor=actor, lock=first)
    a, b = room(ROOM_A, first=True), room(ROOM_B)
    yield Rooms((a, b), room)
    b.close()
    a.close()


class Rooms(tuple):
    """The two rooms, and `open(actor)` for one more pgdesk on the same database."""

    def __new__(cls, stores, opener):
        made = super().__new__(cls, stores)
        made.open = opener
        return made


@pytest.fixture
def consultation_id(rooms):
    a, _b = rooms
    patient = a.add_patient("Fictief, Gerrit", "1950-03-04")
    return a.new_consultation(patient.id, None, "start").id


def test_the_later_write_is_refused_and_the_earlier_text_stays(rooms, consultation_id, nl):
    a, b = rooms
    first, second = (ConsultationSession(s, nl, consultation_id) for s in rooms)
    first.set_wheel_answer("wens", "Weer elke dag naar de markt lopen.")
    with pytest.raises(WriteConflict) as refused:
        second.set_wheel_answer("wens", "Minder pijn in de knie.")
    message = str(refused.value)
    assert "Dr. A. de Vries" in message and "kamer 2" in message
    assert "uw tekst staat nog op het scherm" in message
    assert refused.value.field == "wheel:wens" and refused.value.version == 1
    for store in rooms:
        assert store.consultation(consultation_id).wheel_answers["wens"] == \
            "Weer elke dag naar de markt lopen."
    # the refused session did not take the other text as its own
    assert second.c.wheel_answers.get("wens", "") == ""
    assert second.stored_text("wheel:wens") == "Weer elke dag naar de markt lopen."
    # once the user chose (here: keep both), the write goes through on the version now seen
    second.adopt(refused.value)
    second.set_wheel_answer("wens", "Weer elke dag naar de markt lopen.\n\nMinder pijn in de knie.")
    assert a.consultation(consultation_id).wheel_answers["wens"].endswith("Minder pijn in de knie.")
    # and now the first room is the one that is behind
    with pytest.raises(WriteConflict, match="B. Jansen"):
        first.set_wheel_answer("wens", "iets anders")


def test_each_answer_has_its_own_version(rooms, consultation_id, nl):
    first, second = (ConsultationSession(s, nl, consultation_id) for s in rooms)
    first.set_plan_field("goal", "Weer wandelen")
    first.set_plan_field("goal", "Weer elke dag wandelen")  # its own writes never conflict
    second.set_plan_field("first_step", "Maandag een rondje om het huis")  # another answer
    with pytest.raises(WriteConflict):
        second.set_plan_field("goal", "Iets anders")
    plan = rooms[0].consultation(consultation_id).plan
    assert (plan.goal, plan.first_step) == ("Weer elke dag wandelen",
                                            "Maandag een rondje om het huis")


def test_a_refused_score_shows_the_other_rooms_choice(rooms, consultation_id, nl):
    first, second = (ConsultationSession(s, nl, consultation_id) for s in rooms)
    dim = nl.dimensions[0].id
    first.set_score(dim, 6)
    with pytest.raises(WriteConflict, match="Deze score"):
        second.set_score(dim, 8)
    assert second.c.manual_scores[dim] == 6  # the screen follows the stored choice
    assert rooms[1].consultation(consultation_id).manual_scores[dim] == 6
    second.set_score(dim, 8)  # chosen again after seeing theirs: written
    assert rooms[0].consultation(consultation_id).manual_scores[dim] == 8


def test_a_refused_mark_shows_the_other_rooms_choice(rooms, consultation_id, nl):
    first, second = (ConsultationSession(s, nl, consultation_id) for s in rooms)
    dim = nl.dimensions[1].id
    first.set_mark("focus", dim, "", True)
    with pytest.raises(WriteConflict, match="Deze keuze"):
        second.set_mark("focus", dim, "", False)
    assert (dim, "") in second.c.focus
    assert (dim, "") in rooms[0].consultation(consultation_id).focus


def test_writes_without_an_editor_raise_the_version(rooms, consultation_id, nl):
    """Demo data and imports are not refused, but an open screen learns its copy is old."""
    a, _b = rooms
    screen = ConsultationSession(a, nl, consultation_id)
    c = a.consultation(consultation_id)
    c.wheel_answers["nu"] = "Geïmporteerd"
    a.save_consultation(c)
    assert versions.seen(a, consultation_id)["wheel:nu"] == 1
    with pytest.raises(WriteConflict):
        screen.set_wheel_answer("nu", "Getypt")


def test_two_sessions_in_one_transaction_race_cannot_both_win(rooms, consultation_id):
    """The compare-and-set is one statement: of two writes that saw version 0, one passes."""
    a, b = rooms
    assert a.set_wheel_answer(consultation_id, "nu", "eerst", seen=0) == 1
    with pytest.raises(WriteConflict):
        b.set_wheel_answer(consultation_id, "nu", "ook eerst", seen=0)
    with pytest.raises(WriteConflict):
        b.set_wheel_answer(consultation_id, "nu", "te oud", seen=7)


# -- claims: "Open bij Dr. A. de Vries (kamer 2)" ------------------------------------------------
def test_a_claimed_conversation_is_held_by_one_room(rooms, consultation_id):
    a, b = rooms
    assert claims.claim(a, consultation_id) is None
    assert claims.claim(a, consultation_id) is None  # again: still ours
    other = claims.claim(b, consultation_id)
    assert (other.who, other.room) == ("Dr. A. de Vries", "kamer 2")
    assert claims.holder(b, consultation_id) == other
    assert claims.holder(a, consultation_id) is None  # ours is no other room's
    assert claims.heartbeat(a, consultation_id)


def test_taking_over_moves_the_hold_and_refuses_the_first_rooms_writes(rooms, consultation_id,
                                                                        nl):
    a, b = rooms
    first = ConsultationSession(a, nl, consultation_id)
    claims.claim(a, consultation_id)
    first.set_wheel_answer("nu", "Het gaat redelijk.")
    assert claims.claim(b, consultation_id, take_over=True) is None
    assert not claims.heartbeat(a, consultation_id)  # the first room learns it lost the hold
    assert claims.holder(a, consultation_id).room == "kamer 3"
    with pytest.raises(TakenOver, match="overgenomen door B. Jansen \\(POH\\) \\(kamer 3\\)"):
        first.set_wheel_answer("nu", "Het gaat redelijk, behalve de knie.")
    assert b.consultation(consultation_id).wheel_answers["nu"] == "Het gaat redelijk."
    claims.release(a, consultation_id)  # closing the first room leaves the new hold alone
    assert claims.holder(a, consultation_id).room == "kamer 3"
    claims.release(b, consultation_id)
    assert claims.holder(a, consultation_id) is None


def test_a_stale_claim_expires(rooms, consultation_id, monkeypatch):
    a, b = rooms
    claims.claim(a, consultation_id)
    a.db.execute("UPDATE consultation_claims SET heartbeat = '2026-01-01T08:00:00+00:00'")
    assert claims.holder(b, consultation_id) is None
    assert claims.claim(b, consultation_id) is None  # taken without asking
    assert claims.holder(a, consultation_id).room == "kamer 3"


def test_the_same_person_in_the_same_room_gets_it_back_after_a_restart(rooms, consultation_id):
    a, _b = rooms
    claims.claim(a, consultation_id)
    again = rooms.open(ROOM_A)  # pgdesk started again in kamer 2
    try:
        assert claims.claim(again, consultation_id) is None
    finally:
        again.close()


def test_deleting_or_erasing_a_conversation_takes_its_versions_and_claims(rooms, consultation_id,
                                                                          nl):
    from pgdesk.storage.patient_rights import erase_patient

    a, _b = rooms
    ConsultationSession(a, nl, consultation_id).set_wheel_answer("nu", "x")
    claims.claim(a, consultation_id)
    delete_consultation(a, consultation_id)
    assert a.db.execute("SELECT count(*) FROM answer_versions").fetchone()[0] == 0
    patient = a.add_patient("Fictief, Truus")
    cid = a.new_consultation(patient.id, None, "start").id
    ConsultationSession(a, nl, cid).set_plan_field("goal", "x")
    claims.claim(a, cid)
    erase_patient(a, patient.id)
    assert a.db.execute("SELECT count(*) FROM consultation_claims").fetchone()[0] == 0
