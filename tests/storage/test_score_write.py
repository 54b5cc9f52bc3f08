"""A score typed in a consultation (issue 16): one short transaction with its access-log line and
its version guard, on the file and on the practice server; two rooms writing in turns keep one
unbroken chain."""

from __future__ import annotations

import pytest

from pgdesk.storage import access_log, claims
from pgdesk.storage.access_log import Actor
from pgdesk.storage.errors import TakenOver
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession

ROOM_A = Actor("Dr. A. de Vries", workstation="kamer 2")
ROOM_B = Actor("B. Jansen (POH)", workstation="kamer 3")
# What a score typed asks of the database through storage's `execute`, per engine: on the
# file the conversation's update reads the log's last line too, and the hold is checked in the
# version's update; on the server the log's chain takes its own lock and is read after it.
EXECUTES = {"file": 4, "server": 6}


@pytest.fixture(params=["file", "server"])
def rooms(request, tmp_path):
    """Two rooms on one database: two Stores on the practice server, or on the file (the second
    without the one-window lock, as a second workstation)."""
    if request.param == "server":
        url = request.getfixturevalue("server_url")
        a, b = Store.open_server(url, actor=ROOM_A), Store.open_server(url, actor=ROOM_B)
    else:
        path = tmp_path / "praktijk.sqlite"
        a, b = Store.open(path, actor=ROOM_A), Store.open(path, actor=ROOM_B, lock=False)
    yield request.param, a, b
    b.close()
    a.close()


@pytest.fixture
def consultation_id(rooms):
    _engine, a, _b = rooms
    patient = a.add_patient("Fictief, Gerrit", "1950-03-04")
    return a.new_consultation(patient.id, None, "start").id


def _counted(store, fn, *args) -> int:
    calls = []
    execute = store.db.execute

    def counting(sql, *rest, **kw):
        calls.append(sql)
        return execute(sql, *rest, **kw)

    store.db.execute = counting
    try:
        fn(*args)
    finally:
        del store.db.execute
    return len(calls)


def test_a_score_typed_costs_a_fixed_number_of_statements(rooms, consultation_id, nl):
    engine, a, _b = rooms
    session = ConsultationSession(a, nl, consultation_id)
    claims.claim(a, consultation_id)
    dim = nl.dimensions[0].id
    lines = access_log.count(a.db)
    # the first number (a new version row), a changed one, and one taken back
    assert [_counted(a, session.set_score, dim, v) for v in (7, 8, None)] == [EXECUTES[engine]] * 3
    assert access_log.count(a.db) == lines + 3
    assert access_log.verify_chain(a.db) == []
    assert a.consultation(consultation_id).manual_scores == {}
    assert session.versions[f"score:{dim}"] == 3


@pytest.mark.file_only
def test_on_the_file_a_score_is_six_statements_with_its_log_line_inside(tmp_path, nl):
    """SQLite's own trace: what runs between BEGIN and COMMIT, nothing before or after."""
    store = Store.open(tmp_path / "praktijk.sqlite", actor=ROOM_A)
    patient = store.add_patient("Fictief, Gerrit", "1950-03-04")
    cid = store.new_consultation(patient.id, None, "start").id
    session = ConsultationSession(store, nl, cid)
    session.set_score(nl.dimensions[0].id, 4)
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        session.set_score(nl.dimensions[0].id, 6)
    finally:
        store.db.conn.set_trace_callback(None)
        store.close()
    assert [s.split()[0] for s in seen] == ["BEGIN", "UPDATE", "INSERT", "UPDATE", "INSERT",
                                           "COMMIT"]
    assert "access_log" in seen[1] and seen[2].startswith("INSERT INTO access_log")
    assert "consultation_claims" in seen[3]  # the hold, checked in the version's own update


def test_two_rooms_scoring_in_turns_keep_one_chain(rooms, nl):
    """Each line follows the one written last, by whichever room: the chain's last line is read
    inside the writing transaction, never remembered between writes."""
    _engine, a, b = rooms
    patient = a.add_patient("Fictief, Gerrit", "1950-03-04")
    first = a.new_consultation(patient.id, None, "start").id
    second = a.new_consultation(patient.id, None, "tussen").id
    sessions = (ConsultationSession(a, nl, first), ConsultationSession(b, nl, second))
    lines = access_log.count(a.db)
    for i in range(12):
        sessions[i % 2].set_score(nl.dimensions[i % 6].id, i % 11)
    assert access_log.count(b.db) == lines + 12
    assert access_log.verify_chain(a.db) == []
    tail = access_log.lines_for(a.db, patient.id)[-12:]
    assert [line["user"] for line in tail] == [ROOM_A.name, ROOM_B.name] * 6


def test_a_first_score_in_a_conversation_taken_over_is_refused_and_leaves_nothing(
        rooms, consultation_id, nl):
    _engine, a, b = rooms
    session = ConsultationSession(a, nl, consultation_id)
    claims.claim(a, consultation_id)
    assert claims.claim(b, consultation_id, take_over=True) is None
    lines = access_log.count(a.db)
    with pytest.raises(TakenOver, match="overgenomen door B. Jansen"):
        session.set_score(nl.dimensions[0].id, 5)  # no version yet: the first write's path
    assert a.consultation(consultation_id).manual_scores == {}
    assert access_log.count(a.db) == lines
    assert a.db.execute("SELECT count(*) FROM answer_versions").fetchone()[0] == 0
