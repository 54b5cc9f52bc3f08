"""Several rooms on a practice server (issue 13): change notices by NOTIFY, and the server going
away in the middle of work. A server of its own (tests/pg_cluster.py), since these tests stop it;
with synchronous_commit on, as a practice server runs, so "confirmed" means on disk."""

from __future__ import annotations

import time

import pytest

from pgdesk.storage import server_link
from pgdesk.storage.access_log import Actor
from pgdesk.storage.changes import ANY
from pgdesk.storage.errors import ConnectionLost, StorageError
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession


@pytest.fixture(scope="module")
def cluster():
    from pg_cluster import own_cluster

    with own_cluster() as server:
        yield server


@pytest.fixture
def url(cluster):
    from pg_cluster import durable_database

    with durable_database(cluster) as url:
        yield url


def _room(url, name, room):
    return Store.open_server(url, actor=Actor(name, workstation=room))


def _heard(notices, wanted, within=1.0) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end:
        if wanted in notices:
            return True
        time.sleep(0.01)
    return wanted in notices


def test_a_change_is_heard_in_the_other_room_at_commit_and_only_then(url, nl):
    first, second = _room(url, "Dr. A. de Vries", "kamer 2"), _room(url, "B. Jansen", "kamer 3")
    notices: list[str] = []
    listener = server_link.ServerListener(second, notices.append).start()
    try:
        assert listener.listening.wait(10)
        with pytest.raises(RuntimeError), first.db.atomic():
            patient = first.add_patient("Fictief, Teruggedraaid")
            raise RuntimeError  # rolled back: nothing to hear
        assert not _heard(notices, f"patients:{patient.id}", within=0.5)
        patient = first.add_patient("Fictief, Gerrit")
        assert _heard(notices, f"patients:{patient.id}")
        cid = first.new_consultation(patient.id, None, "start").id
        assert _heard(notices, f"trajectories:{patient.id}")
        notices.clear()
        ConsultationSession(first, nl, cid).set_wheel_answer("nu", "Het gaat wel.")
        assert _heard(notices, f"consultations:{patient.id}")
    finally:
        listener.stop()
        first.close()
        second.close()


def test_the_server_killed_mid_typing_loses_nothing_confirmed(cluster, url, nl):
    room = _room(url, "Dr. A. de Vries", "kamer 2")
    patient = room.add_patient("Fictief, Gerrit")
    cid = room.new_consultation(patient.id, None, "start").id
    session = ConsultationSession(room, nl, cid)
    confirmed = {"nu": "Het gaat redelijk.", "wens": "Weer naar de markt lopen."}
    for step, text in confirmed.items():
        session.set_wheel_answer(step, text)
    session.set_score(nl.dimensions[0].id, 6)
    cluster.kill()
    typed = "Mijn dochter helpt"
    with pytest.raises(ConnectionLost):
        session.set_wheel_answer("nodig", typed)
    assert "nodig" not in session.c.wheel_answers  # not taken as stored
    with pytest.raises(StorageError):
        server_link.connect_again(room)  # still away
    cluster.start_again()
    server_link.use(room, server_link.connect_again(room))
    assert server_link.connect_again(room) is None  # the new one answers
    session.set_wheel_answer("nodig", typed)  # the retry writes what was typed
    room.close()
    again = _room(url, "Dr. A. de Vries", "kamer 2")
    try:
        stored = again.consultation(cid)
        assert stored.wheel_answers == confirmed | {"nodig": typed}
        assert stored.manual_scores == {nl.dimensions[0].id: 6}
    finally:
        again.close()


def test_the_listener_listens_again_after_a_restart(cluster, url):
    room = _room(url, "B. Jansen", "kamer 3")
    notices: list[str] = []
    listener = server_link.ServerListener(room, notices.append).start()
    try:
        assert listener.listening.wait(10)
        cluster.kill()
        cluster.start_again()
        assert _heard(notices, ANY, within=15)  # what changed meanwhile was not heard: all
        other = _room(url, "Dr. A. de Vries", "kamer 2")
        patient = other.add_patient("Fictief, Na de herstart")
        assert _heard(notices, f"patients:{patient.id}")
        other.close()
    finally:
        listener.stop()
        room.close()
