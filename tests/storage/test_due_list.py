"""The due list at practice scale: one query whatever the number of patients, the same answer
as the trajectory rule, and read again only when something it shows changed."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pgdesk.storage import trajectories as tr

TODAY = dt.date(2026, 11, 26)


def _practice(store, pro, patients: int, seed: int) -> None:
    """Patients in every state: no trajectory, start only, start and tussen, closed, `los`."""
    rng = random.Random(seed)
    for i in range(patients):
        p = store.add_patient(f"Patiënt {i:03d} Testpersoon", "1960")
        start = (TODAY - dt.timedelta(days=rng.randint(0, 300))).isoformat()
        state = i % 5
        if state == 0:
            continue
        if state == 4:
            store.new_consultation(p.id, pro.id, "los", start)
            continue
        store.new_consultation(p.id, pro.id, "start", start)
        if state >= 2:
            store.new_consultation(p.id, pro.id, "tussen", start)
        if state == 3:
            store.complete(store.new_consultation(p.id, pro.id, "eind", start).id)


def _by_the_rule(store, today: dt.date, within_days: int = 14) -> list[tuple]:
    """What Trajectory.next_due says, patient by patient (the slow way, as the oracle)."""
    horizon = (today + dt.timedelta(days=within_days)).isoformat()
    found = []
    for (pid,) in store.db.execute("SELECT id FROM patients").fetchall():
        t = tr.open_trajectory(store, pid)
        nxt = t.next_due() if t else None
        if nxt and nxt[1] <= horizon:
            found.append((pid, t.id, nxt[0], nxt[1], nxt[1] < today.isoformat()))
    return sorted(found, key=lambda x: (x[3], x[0]))


def _statements(store, fn, *args) -> tuple[list[str], object]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        result = fn(*args)
    finally:
        store.db.conn.set_trace_callback(None)
    return seen, result


@pytest.mark.file_only  # counts statements with SQLite's trace hook
def test_due_list_is_one_query_whatever_the_number_of_patients(store, professional):
    _practice(store, professional, 10, seed=1)
    few, _ = _statements(store, tr.due, store, TODAY)
    _practice(store, professional, 90, seed=2)
    many, items = _statements(store, tr.due, store, TODAY)
    assert len(few) == len(many) == 1  # not one per patient or per trajectory
    assert len(items) > 10


def test_due_list_says_what_the_trajectory_rule_says(store, professional):
    _practice(store, professional, 60, seed=3)
    # a planned date moved, so the list does not simply follow the start dates
    t = tr.open_trajectory(store, store.db.execute(
        "SELECT patient_id FROM trajectories WHERE closed_at IS NULL LIMIT 1").fetchone()[0])
    tr.set_planned(store, t.id, "eind" if t.held("tussen") else "tussen",
                   TODAY.isoformat())
    for within in (0, 14, 120):
        items = tr.due(store, TODAY, within)
        got = sorted(((d.patient_id, d.trajectory_id, d.type, d.planned, d.overdue)
                      for d in items), key=lambda x: (x[3], x[0]))
        assert got == _by_the_rule(store, TODAY, within)
        assert [d.planned for d in items] == sorted(d.planned for d in items)


@pytest.mark.file_only  # SQLite's query plan; the server's: test_postgres_engine.py
def test_due_list_uses_the_planned_date_indexes(store):
    plan = " ".join(str(r[-1]) for r in store.db.execute(
        "EXPLAIN QUERY PLAN " + tr.DUE_SQL, {"horizon": "2026-12-10"}).fetchall())
    assert "trajectories_open_tussen" in plan and "trajectories_open_eind" in plan


def test_due_list_is_read_again_only_after_a_change(window, store, professional, monkeypatch):
    _practice(store, professional, 10, seed=4)
    reads = []
    real = tr.due
    monkeypatch.setattr(tr, "due", lambda *a, **k: reads.append(1) or real(*a, **k))
    window.show_list()
    window.show_list()
    assert len(reads) == 1  # back on the start page, nothing changed: not read again
    p = store.add_patient("Nieuw Testpersoon", "1970")
    c = store.new_consultation(p.id, professional.id, "start", TODAY.isoformat())
    window.show_list()
    assert len(reads) == 2  # a new trajectory
    store.set_score(c.id, window.instrument.dimensions[0].id, 7)
    store.record_opened(p.id)
    window.show_list()
    assert len(reads) == 2  # a score and a look at the record change nothing on the list
    tr.set_planned(store, tr.open_trajectory(store, p.id).id, "tussen", TODAY.isoformat())
    window.show_list()
    assert len(reads) == 3
    assert any(d.patient_id == p.id for d in window.list_page.due.items)
