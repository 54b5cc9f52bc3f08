"""The next follow-up kept beside each trajectory (storage/follow_ups.py, migration 0008) gives
the due list exactly what the earlier query over every trajectory and its conversations gave,
after every kind of write that changes a follow-up, on random data (fixed seeds); and each such
write marks the window's due list stale."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pgdesk.domain.validation import InputError
from pgdesk.storage import follow_ups, migrations
from pgdesk.storage import trajectories as tr
from pgdesk.storage import transfer as tf
from pgdesk.storage.patient_rights import erase_patient
from tests.storage.test_transfer import TPW, bring_back, make_sites, take_along

TODAY = dt.date(2026, 11, 26)
HORIZONS = (0, 14, 120, 4000)

# The due list's query before migration 0008 (issue 16): the oracle.
_HELD = "EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = t.id AND c.type = '{}')"
EARLIER_DUE_SQL = f"""
    SELECT t.patient_id, p.display_name, t.id AS trajectory_id, 'tussen' AS type,
           t.tussen_planned AS planned
    FROM trajectories t JOIN patients p ON p.id = t.patient_id
    WHERE t.closed_at IS NULL AND t.tussen_planned <= :horizon
      AND NOT {_HELD.format('tussen')} AND NOT {_HELD.format('eind')}
    UNION ALL
    SELECT t.patient_id, p.display_name, t.id, 'eind', t.eind_planned
    FROM trajectories t JOIN patients p ON p.id = t.patient_id
    WHERE t.closed_at IS NULL AND t.eind_planned <= :horizon
      AND {_HELD.format('tussen')} AND NOT {_HELD.format('eind')}
    ORDER BY planned, display_name, trajectory_id"""


def _earlier(store, within: int) -> list[tuple]:
    horizon = (TODAY + dt.timedelta(days=within)).isoformat()
    return [tuple(r) for r in store.db.execute(EARLIER_DUE_SQL, {"horizon": horizon}).fetchall()]


def _now(store, within: int) -> list[tuple]:
    return [(d.patient_id, d.display_name, d.trajectory_id, d.type, d.planned)
            for d in tr.due(store, TODAY, within)]


def _same(store) -> list[tuple]:
    for within in HORIZONS:
        assert _now(store, within) == _earlier(store, within), within
    return _earlier(store, HORIZONS[-1])


def _day(rng: random.Random) -> str:
    return (TODAY - dt.timedelta(days=rng.randint(-60, 400))).isoformat()


def _random_write(store, pro, rng: random.Random, patients: list[str]) -> str:
    """One random write that can change a follow-up; returns its name (refusals included)."""
    cons = [r[0] for r in store.db.execute("SELECT id FROM consultations").fetchall()]
    opens = [r[0] for r in store.db.execute(
        "SELECT id FROM trajectories WHERE closed_at IS NULL").fetchall()]
    kind = rng.choice(("new", "new", "new", "complete", "info", "planned", "delete", "rename",
                       "save", "erase"))
    if kind in ("complete", "info", "delete", "save") and not cons:
        kind = "new"
    if kind == "planned" and not opens:
        kind = "new"
    if kind == "erase" and len(patients) < 4:
        kind = "new"
    if kind == "new":
        store.new_consultation(rng.choice(patients), pro.id,
                               rng.choice(("start", "start", "tussen", "eind", "los")),
                               _day(rng), close_open=rng.random() < 0.5)
    elif kind == "complete":
        store.complete(rng.choice(cons))
    elif kind == "info":
        cid = rng.choice(cons)
        if rng.random() < 0.5:
            store.set_consultation_info(cid, ctype=rng.choice(("start", "tussen", "eind", "los")))
        else:
            store.set_consultation_info(cid, date=_day(rng))
    elif kind == "planned":
        tr.set_planned(store, rng.choice(opens), rng.choice(("tussen", "eind")), _day(rng))
    elif kind == "delete":
        tr.delete_consultation(store, rng.choice(cons))
    elif kind == "rename":
        pid = rng.choice(patients)
        store.update_patient(pid, f"Hernoemd {rng.randint(0, 999)} Testpersoon", "1960", "")
    elif kind == "save":
        c = store.consultation(rng.choice(cons))
        c.completed_at = f"{_day(rng)}T10:00:00+00:00"
        store.save_consultation(c)
    else:
        pid = rng.choice(patients)
        erase_patient(store, pid)
        patients.remove(pid)
    return kind


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_write_keeps_the_due_list_as_the_earlier_query_had_it(store, professional, seed):
    rng = random.Random(seed)
    patients = [store.add_patient(f"Patiënt {i:02d} Testpersoon", "1950").id for i in range(12)]
    before = _same(store)
    done: dict[str, int] = {}
    for _ in range(250):
        version = tr.due_version(store)
        try:
            kind = _random_write(store, professional, rng, patients)
        except InputError:  # a refusal changes nothing, the columns included
            kind = "refused"
        done[kind] = done.get(kind, 0) + 1
        after = _same(store)
        if after != before:  # the window reads the list again only when the version moved
            assert tr.due_version(store) != version, kind
        before = after
    assert len(done) == 9 and min(done.values()) >= 3, sorted(done.items())  # every kind of write was tried
    assert before  # and something was due at the end


def test_a_transfer_brings_the_next_follow_ups_along_and_back(tmp_path):
    s = make_sites(tmp_path / "sites")
    path = take_along(s)
    with s.open_laptop() as lap:
        version = tr.due_version(lap)
        tf.apply_transfer(lap, tf.preview_transfer(lap, path, TPW))
        assert tr.due_version(lap) != version
        assert _same(lap) and [d[0] for d in _now(lap, 4000)] == [s.anna]
        pro = lap.actor.professional_id
        lap.new_consultation(s.anna, pro, "tussen", "2026-04-10")  # the tussen held at home
        lap.new_consultation(s.bert, pro, "start", "2026-04-11")
        assert {d[0]: d[3] for d in _now(lap, 4000)} == {s.anna: "eind", s.bert: "tussen"}
    back = bring_back(s)
    with s.open_practice() as practice:
        assert [d[3] for d in _now(practice, 4000)] == ["tussen"]  # Anna, before reading it in
        version = tr.due_version(practice)
        tf.apply_transfer(practice, tf.preview_transfer(practice, back, TPW))
        assert tr.due_version(practice) != version
        assert {d[0]: d[3] for d in _same(practice)} == {s.anna: "eind", s.bert: "tussen"}


def test_the_migration_fills_the_next_follow_up_of_existing_trajectories(store, professional):
    rng = random.Random(7)
    patients = [store.add_patient(f"Patiënt {i:02d} Testpersoon", "1950").id for i in range(15)]
    for _ in range(120):
        try:
            _random_write(store, professional, rng, patients)
        except InputError:
            pass
    expected = _same(store)
    db = store.db
    with db.atomic():  # back to the schema before 0008, then that migration again
        db.execute("DROP INDEX trajectories_next_planned")
        db.execute("ALTER TABLE trajectories DROP COLUMN next_type")
        db.execute("ALTER TABLE trajectories DROP COLUMN next_planned")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_next_follow_up'")
    migrations.migrations.apply(db)
    assert expected and _same(store) == expected


def test_refresh_is_plain_sql_over_one_patient(store, professional):
    """Written as one UPDATE over the patient's trajectories: no trigger, nothing SQLite-only."""
    p = store.add_patient("Anna Testpersoon", "1950")
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        follow_ups.refresh(store.db, p.id)
    finally:
        store.db.conn.set_trace_callback(None)
    assert len(seen) == 1 and seen[0].lstrip().startswith("UPDATE trajectories SET")
    assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                            "AND sql LIKE '%next_%'").fetchone()[0] == 0
