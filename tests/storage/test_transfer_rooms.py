"""Home visits on a practice with several rooms (issue 13): every room sees who is on a laptop,
a bring-back raises the versions of the answers it replaces, and on the server the other rooms
hear of a take-along. On both engines, like test_transfer.py (the practice a file or the server,
the laptop always a file)."""

from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest

from pgdesk.storage import claims
from pgdesk.storage import transfer as tf
from pgdesk.storage.errors import WriteConflict
from pgdesk.storage.keyring import FAST_KDF
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.session import ConsultationSession
from tests.security_helpers import USER
from tests.storage.test_transfer import (
    TPW,
    Sites,
    bring_back,
    laptop_changes,
    make_sites,
    read_in,
    take_along,
)


@pytest.fixture
def sites(tmp_path, engine, request) -> Sites:
    server = request.getfixturevalue("server_url") if engine == "server" else None
    return make_sites(tmp_path / "sites", server)


def test_every_room_sees_who_is_on_a_laptop_until_the_bring_back_is_read(sites):
    with sites.open_practice() as p:
        tf.export_take_along(p, [sites.anna, sites.bert], TPW, sites.files / "mee.pgtransfer",
                             params=FAST_KDF, laptop="Huisbezoek 1")
    with sites.open_practice() as other_room:  # another connection: another room
        away = tf.taken_along(other_room, [sites.anna, sites.bert, sites.cees])
        assert set(away) == {sites.anna, sites.bert}
        assert (away[sites.anna].laptop, away[sites.anna].taken_by) == ("Huisbezoek 1", USER)
        assert dt.datetime.fromisoformat(away[sites.anna].taken_at) <= dt.datetime.now(dt.UTC)
    read_in(sites, sites.files / "mee.pgtransfer")
    laptop_changes(sites)  # Anna's records change on the laptop, Bert's do not
    back = bring_back(sites)
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, back, TPW)
        assert set(tf.taken_along(p, [sites.anna, sites.bert])) == {sites.anna, sites.bert}
        tf.apply_transfer(p, plan)
        # Anna is back; Bert, unchanged, is not in the bring-back: still on the laptop
        assert set(tf.taken_along(p, [sites.anna, sites.bert])) == {sites.bert}
        erase_patient(p, sites.bert)  # an erased patient leaves no mark behind
        assert p.db.execute("SELECT count(*) FROM taken_along").fetchone()[0] == 0


def test_a_room_holding_the_old_answers_is_refused_after_a_bring_back(sites, nl):
    """Two clients of one practice server: kamer 2 has Anna's conversation open while the
    laptop's bring-back is read in kamer 3; kamer 2's next write would overwrite the laptop's
    answers. On the file (one pgdesk at a time) the same pgdesk reads the bring-back."""
    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:
        lap.set_plan_field(sites.c1, "goal", "Fietsen naar de markt")
        lap.set_wheel_answer(sites.c1, "wens", "Weer zelf boodschappen doen.")
    back = bring_back(sites)
    room2 = sites.open_practice()
    try:
        assert claims.claim(room2, sites.c1) is None
        session = ConsultationSession(room2, nl, sites.c1)  # the practice's answers on screen
        with sites.open_practice() if sites.server else contextlib.nullcontext(room2) as room3:
            done = tf.apply_transfer(room3, tf.preview_transfer(room3, back, TPW))
            assert done.changed_consultations == 1
        for field, write, text in (("plan:goal", session.set_plan_field, "Zwemmen"),
                                   ("wheel:wens", session.set_wheel_answer, "Iets anders.")):
            with pytest.raises(WriteConflict, match="intussen in een andere kamer gewijzigd"):
                write(field.partition(":")[2], text)
        stored = room2.consultation(sites.c1)
        assert stored.plan.goal == "Fietsen naar de markt"
        assert stored.wheel_answers["wens"] == "Weer zelf boodschappen doen."
        session = ConsultationSession(room2, nl, sites.c1)  # opened again: the new versions
        session.set_plan_field("goal", "Zwemmen")
        assert room2.consultation(sites.c1).plan.goal == "Zwemmen"
    finally:
        room2.close()


def test_a_take_along_on_the_server_is_heard_in_every_room(sites):
    if not sites.server:
        pytest.skip("the file is polled (storage/changes.py): no notices to hear")
    from pgdesk.storage import server_link

    notices: list[str] = []
    with sites.open_practice() as other_room:
        listener = server_link.ServerListener(other_room, notices.append).start()
        try:
            assert listener.listening.wait(10)
            take_along(sites)
            end = time.monotonic() + 2
            while f"taken_along:{sites.anna}" not in notices and time.monotonic() < end:
                time.sleep(0.02)
            assert {f"taken_along:{sites.anna}", f"taken_along:{sites.bert}"} <= set(notices)
        finally:
            listener.stop()
