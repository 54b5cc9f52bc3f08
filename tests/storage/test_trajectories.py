"""Trajectories over time: grouping, backfill, planned dates, due list, changes, refusals.

All people and answers are fictitious.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from sqlite_utils import Database

from pgdesk.domain.trajectory import (
    TrajectoryDefaults,
    TrajectoryOpen,
    WebPoint,
    change_table,
)
from pgdesk.domain.validation import InputError
from pgdesk.storage import access_log, driver
from pgdesk.storage import trajectories as tr
from pgdesk.storage.database import APPLICATION_ID, schema_version
from pgdesk.storage.migrations import known_names, migrations
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.repository import Store

TODAY = dt.date(2026, 11, 26)


def days(iso: str, n: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=n)).isoformat()


def held(store, patient, pro, ctype, date, scores=None, *, complete=True, **kw):
    c = store.new_consultation(patient.id, pro.id, ctype, date, **kw)
    for dim, value in (scores or {}).items():
        store.set_score(c.id, dim, value)
    if complete:
        store.complete(c.id)
    return c


def snapshot(store: Store) -> dict:
    """Everything a refused change must leave as it was."""
    tables = ("consultations", "trajectories", "dimension_scores", "plans", "marks")
    out = {t: sorted(map(tuple, store.db.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    out["log"] = access_log.count(store.db)
    return out


def scores_of(instrument, *values):
    return dict(zip(instrument.dimension_ids, values, strict=True))


# -- grouping and reading ----------------------------------------------------------------------

def test_conversations_group_into_trajectories_oldest_first(store, professional, instrument):
    anna = store.add_patient("Anna Testpersoon", "1956")
    bram = store.add_patient("Bram Testpersoon", "1971")
    s1 = held(store, anna, professional, "start", "2025-01-10", scores_of(instrument, 4, 5, 6, 5, 4, 5))
    t1 = held(store, anna, professional, "tussen", "2025-04-11", scores_of(instrument, 5, 5, 6, 6, 5, 5))
    los = held(store, anna, professional, "los", "2025-05-01")
    e1 = held(store, anna, professional, "eind", "2025-07-12", scores_of(instrument, 6, 6, 7, 6, 6, 6))
    s2 = held(store, anna, professional, "start", "2026-02-01")
    b1 = held(store, bram, professional, "start", "2026-10-01", complete=False)

    got = tr.trajectories_for(store, anna.id, instrument)
    assert [t.start_date for t in got] == ["2025-01-10", "2026-02-01"]
    first, second = got
    assert [w.consultation_id for w in first.webs] == [s1.id, t1.id, e1.id]
    assert [w.type for w in first.webs] == ["start", "tussen", "eind"]
    assert first.webs[0].scores == (4.0, 5.0, 6.0, 5.0, 4.0, 5.0)
    assert first.start_consultation_id == s1.id
    assert not first.open and first.closed_at == dt.date.today().isoformat()
    assert second.open and [w.consultation_id for w in second.webs] == [s2.id]

    assert tr.trajectory_of(store, t1.id, instrument).id == first.id
    assert tr.trajectory_of(store, los.id, instrument) is None
    assert tr.trajectory_of(store, b1.id, instrument).patient_id == bram.id
    assert [t.id for t in tr.trajectories_for(store, bram.id, instrument)] == [
        tr.trajectory_of(store, b1.id, instrument).id]


def test_eind_closes_when_completed_not_when_created(store, professional, instrument):
    p = store.add_patient("Carla Testpersoon")
    held(store, p, professional, "start", "2026-01-05")
    assert store.suggest_type(p.id) == "tussen"
    held(store, p, professional, "tussen", "2026-04-06")
    assert store.suggest_type(p.id) == "eind"
    e = held(store, p, professional, "eind", "2026-07-06", complete=False)
    (t,) = tr.trajectories_for(store, p.id, instrument)
    assert t.open and t.next_due() is None  # the eind is being held: nothing more is due
    assert store.suggest_type(p.id) == "los"
    store.complete(e.id)
    (t,) = tr.trajectories_for(store, p.id, instrument)
    assert not t.open
    assert store.suggest_type(p.id) == "start"


def test_new_consultation_without_type_follows_the_trajectory(store, professional):
    p = store.add_patient("Dirk Testpersoon")
    types = []
    for date in ("2026-01-05", "2026-04-06", "2026-07-06"):
        c = store.new_consultation(p.id, professional.id, date=date)
        store.complete(c.id)
        types.append(c.type)
    assert types == ["start", "tussen", "eind"]
    assert store.new_consultation(p.id, professional.id).type == "start"


# -- planned dates -----------------------------------------------------------------------------

def test_planned_dates_follow_defaults_and_can_be_edited(store, professional, instrument):
    assert tr.defaults(store) == TrajectoryDefaults(91, 182)
    p = store.add_patient("Els Testpersoon")
    held(store, p, professional, "start", "2026-01-05")
    (t,) = tr.trajectories_for(store, p.id, instrument)
    assert t.planned == {"tussen": "2026-04-06", "eind": "2026-07-06"}

    tr.set_defaults(store, TrajectoryDefaults(tussen_days=60, eind_days=120))
    assert tr.defaults(store) == TrajectoryDefaults(60, 120)
    q = store.add_patient("Fred Testpersoon")
    held(store, q, professional, "start", "2026-01-05")
    (u,) = tr.trajectories_for(store, q.id, instrument)
    assert u.planned == {"tussen": days("2026-01-05", 60), "eind": days("2026-01-05", 120)}
    # the trajectory that already ran keeps its dates
    assert tr.trajectories_for(store, p.id, instrument)[0].planned["tussen"] == "2026-04-06"

    before = access_log.count(store.db)
    tr.set_planned(store, t.id, "tussen", "2026-05-01")
    assert tr.trajectories_for(store, p.id, instrument)[0].planned == {
        "tussen": "2026-05-01", "eind": "2026-07-06"}
    line = access_log.lines_for(store.db, p.id)[-1]
    assert (line["action"], line["what"]) == ("U", "trajectory")
    assert access_log.count(store.db) == before + 1


@pytest.mark.parametrize("ctype, date, words", [
    ("tussen", "2026-01-04", "vóór het startgesprek \\(05-01-2026\\)"),
    ("eind", "2025-12-31", "vóór het startgesprek \\(05-01-2026\\)"),
    ("tussen", "5 mei", "geen geldige datum"),
    ("start", "2026-03-01", "Alleen een tussen- of eindgesprek"),
])
def test_planned_date_refusals_change_nothing(store, professional, instrument, ctype, date, words):
    p = store.add_patient("Gea Testpersoon")
    held(store, p, professional, "start", "2026-01-05")
    (t,) = tr.trajectories_for(store, p.id, instrument)
    before = snapshot(store)
    with pytest.raises(InputError, match=words):
        tr.set_planned(store, t.id, ctype, date)
    assert snapshot(store) == before


@pytest.mark.parametrize("t, e", [(0, 10), (100, 90), (90, 90), (10, 5000)])
def test_impossible_defaults_are_refused(store, t, e):
    with pytest.raises(InputError, match="aantal dagen"):
        tr.set_defaults(store, TrajectoryDefaults(t, e))
    assert tr.defaults(store) == TrajectoryDefaults()


# -- due list ----------------------------------------------------------------------------------

def test_due_list_shows_due_and_overdue_soonest_first(store, professional, instrument):
    late = store.add_patient("Hanna Laat")            # tussen planned 2026-11-16: overdue
    soon = store.add_patient("Ivo Binnenkort")        # tussen planned 2026-12-06: in 10 days
    today = store.add_patient("Jet Vandaag")          # eind planned today (tussen held)
    later = store.add_patient("Kees Later")           # tussen planned in 20 days: not yet
    closed = store.add_patient("Lies Klaar")          # trajectory ended
    held(store, late, professional, "start", days("2026-11-16", -91))
    held(store, soon, professional, "start", days("2026-12-06", -91))
    held(store, today, professional, "start", days(TODAY.isoformat(), -182))
    held(store, today, professional, "tussen", days(TODAY.isoformat(), -90))
    held(store, later, professional, "start", days("2026-12-16", -91))
    held(store, closed, professional, "start", "2026-01-05")
    held(store, closed, professional, "eind", "2026-07-06")
    held(store, store.add_patient("Mo Los"), professional, "los", "2026-11-01")

    items = tr.due(store, TODAY)
    assert [(d.display_name, d.type, d.planned, d.overdue) for d in items] == [
        ("Hanna Laat", "tussen", "2026-11-16", True),
        ("Jet Vandaag", "eind", "2026-11-26", False),
        ("Ivo Binnenkort", "tussen", "2026-12-06", False),
    ]
    assert items[0].patient_id == late.id
    assert [d.display_name for d in tr.due(store, TODAY, within_days=30)][-1] == "Kees Later"
    # the planned date moved out of the window: off the list
    t = tr.trajectories_for(store, soon.id, instrument)[0]
    tr.set_planned(store, t.id, "tussen", "2027-01-15")
    assert "Ivo Binnenkort" not in [d.display_name for d in tr.due(store, TODAY)]


def test_demo_has_open_trajectories_with_due_and_overdue_follow_ups(tmp_path, instrument):
    from pgdesk.storage.demo import write_demo

    path = write_demo(tmp_path / "demo.sqlite", instrument, today=TODAY)
    with Store.open(path) as s:
        items = tr.due(s, TODAY)
        assert any(d.overdue for d in items) and any(not d.overdue for d in items)
        closed = s.db.execute("SELECT count(*) FROM trajectories WHERE closed_at IS NOT NULL")
        assert closed.fetchone()[0] > 0
        unattached = s.db.execute("SELECT count(*) FROM consultations WHERE type != 'los' "
                                  "AND trajectory_id IS NULL").fetchone()[0]
        assert unattached == 0


# -- change table and web areas ----------------------------------------------------------------

def test_change_table_over_a_trajectory(store, professional, instrument):
    p = store.add_patient("Nina Testpersoon")
    ids = instrument.dimension_ids
    held(store, p, professional, "start", "2026-01-05", scores_of(instrument, 4, 5, 6, 5, 4, 5))
    held(store, p, professional, "tussen", "2026-04-06", {ids[0]: 6})
    # at the eind the second dimension is scored per aspect: the mean counts
    e = store.new_consultation(p.id, professional.id, "eind", "2026-07-06")
    for dim, value in zip(ids[2:], (8, 5, 7, 5), strict=True):
        store.set_score(e.id, dim, value)
    store.set_score(e.id, ids[0], 7)
    aspects = instrument.dimension(ids[1]).aspects
    store.set_aspect_score(e.id, ids[1], aspects[0].id, 6)
    store.set_aspect_score(e.id, ids[1], aspects[1].id, 9)
    store.complete(e.id)

    (traj,) = tr.trajectories_for(store, p.id, instrument)
    rows = change_table(traj.webs, instrument)
    assert [r.dimension_id for r in rows] == list(ids)
    assert rows[0].scores == (4.0, 6.0, 7.0) and rows[0].change == 3.0
    assert rows[1].scores == (5.0, None, 7.5) and rows[1].change == 2.5
    assert rows[2].change == 2.0 and rows[3].change == 0.0
    assert rows[4].change == 3.0 and rows[5].change == 0.0
    only_tussen = change_table(traj.webs[1:2], instrument)
    assert all(r.change is None for r in only_tussen)


def test_web_areas_match_hand_computed_polygons(store, professional, instrument):
    p = store.add_patient("Olaf Testpersoon")
    fives = held(store, p, professional, "start", "2026-01-05", scores_of(instrument, *[5] * 6))
    mixed = held(store, p, professional, "tussen", "2026-04-06",
                 scores_of(instrument, 2, 4, 6, 8, 10, 0))
    spokes = held(store, p, professional, "eind", "2026-07-06",
                  scores_of(instrument, 10, 0, 10, 0, 10, 0))
    webs = {w.consultation_id: w for w in tr.trajectories_for(store, p.id, instrument)[0].webs}
    sin60 = math.sin(math.radians(60))
    # six triangles between neighbouring axes, each 1/2 * r1 * r2 * sin(60°)
    assert webs[fives.id].area == pytest.approx(6 * 0.5 * 5 * 5 * sin60)
    assert webs[fives.id].area_fraction == pytest.approx(0.25)
    assert webs[mixed.id].area == pytest.approx(0.5 * sin60 * (2 * 4 + 4 * 6 + 6 * 8 + 8 * 10))
    assert webs[mixed.id].area_fraction == pytest.approx(160 / 600)
    assert webs[spokes.id].area == pytest.approx(0.0)
    full = WebPoint.of(store.consultation(fives.id), instrument)
    assert full == webs[fives.id]


# -- refusals ----------------------------------------------------------------------------------

def test_second_start_is_refused_unless_the_open_one_is_closed(store, professional, instrument):
    p = store.add_patient("Piet Testpersoon")
    first = held(store, p, professional, "start", "2026-03-02")
    before = snapshot(store)
    with pytest.raises(TrajectoryOpen) as caught:
        store.new_consultation(p.id, professional.id, "start", "2026-09-01")
    assert "Er loopt al een traject" in str(caught.value) and "02-03-2026" in str(caught.value)
    assert isinstance(caught.value, InputError)
    assert caught.value.start_date == "2026-03-02"
    assert snapshot(store) == before

    second = store.new_consultation(p.id, professional.id, "start", "2026-09-01", close_open=True)
    old, new = tr.trajectories_for(store, p.id, instrument)
    assert old.closed_at == dt.date.today().isoformat() and old.webs[0].consultation_id == first.id
    assert new.open and new.webs[0].consultation_id == second.id
    assert ("U", "trajectory") in [(x["action"], x["what"]) for x in access_log.lines_for(store.db, p.id)]


@pytest.mark.parametrize("setup, ctype, date, words", [
    ((), "tussen", "2026-04-01", "Er loopt geen traject; begin met een startgesprek of kies 'los gesprek'."),
    ((), "eind", "2026-04-01", "Er loopt geen traject"),
    (("start",), "tussen", "2026-03-01", "Een tussengesprek kan niet vóór het startgesprek \\(02-03-2026\\)"),
    (("start",), "eind", "2026-01-01", "Een eindgesprek kan niet vóór het startgesprek"),
    (("start", "tussen"), "tussen", "2026-08-01", "al een tussengesprek \\(01-06-2026\\)"),
    (("start", "tussen", "eind_open"), "eind", "2026-10-01", "al een eindgesprek \\(01-09-2026\\)"),
    (("start", "eind"), "tussen", "2026-10-01", "Er loopt geen traject"),  # the eind closed it
])
def test_follow_up_refusals_are_dutch_and_change_nothing(store, professional, setup, ctype, date,
                                                         words):
    p = store.add_patient("Quinty Testpersoon")
    plan = {"start": ("start", "2026-03-02", True), "tussen": ("tussen", "2026-06-01", True),
            "eind": ("eind", "2026-09-01", True), "eind_open": ("eind", "2026-09-01", False)}
    for step in setup:
        kind, when, complete = plan[step]
        held(store, p, professional, kind, when, complete=complete)
    before = snapshot(store)
    with pytest.raises(InputError, match=words):
        store.new_consultation(p.id, professional.id, ctype, date)
    assert snapshot(store) == before


def test_los_needs_no_trajectory_and_joins_none(store, professional, instrument):
    p = store.add_patient("Ruud Testpersoon")
    c = held(store, p, professional, "los", "2026-03-02")
    held(store, p, professional, "start", "2026-03-03")
    d = held(store, p, professional, "los", "2026-03-04")
    assert tr.trajectory_of(store, c.id, instrument) is None
    assert tr.trajectory_of(store, d.id, instrument) is None
    assert [w.type for w in tr.trajectories_for(store, p.id, instrument)[0].webs] == ["start"]


# -- changing type and date --------------------------------------------------------------------

def test_moving_a_follow_up_before_its_start_is_refused(store, professional):
    p = store.add_patient("Sanne Testpersoon")
    held(store, p, professional, "start", "2026-03-02")
    t = held(store, p, professional, "tussen", "2026-06-01")
    before = snapshot(store)
    with pytest.raises(InputError, match="vóór het startgesprek"):
        store.set_consultation_info(t.id, date="2026-03-01")
    assert snapshot(store) == before
    store.set_consultation_info(t.id, date="2026-05-15")
    assert store.consultation(t.id).date == "2026-05-15"


def test_moving_the_start_keeps_its_follow_ups_after_it_and_moves_the_plan(store, professional,
                                                                          instrument):
    p = store.add_patient("Tom Testpersoon")
    s = held(store, p, professional, "start", "2026-03-02")
    store.set_consultation_info(s.id, date="2026-03-12")
    (t,) = tr.trajectories_for(store, p.id, instrument)
    assert t.start_date == "2026-03-12"
    assert t.planned == {"tussen": days("2026-03-12", 91), "eind": days("2026-03-12", 182)}
    held(store, p, professional, "tussen", "2026-06-01")
    before = snapshot(store)
    with pytest.raises(InputError, match="startgesprek kan niet na het tussengesprek"):
        store.set_consultation_info(s.id, date="2026-06-02")
    assert snapshot(store) == before


def test_changing_the_type_reattaches_or_refuses(store, professional, instrument):
    p = store.add_patient("Ulla Testpersoon")
    s = held(store, p, professional, "start", "2026-03-02")
    t = held(store, p, professional, "tussen", "2026-06-01")
    los = held(store, p, professional, "los", "2026-07-01")

    before = snapshot(store)
    with pytest.raises(InputError, match="al een tussengesprek"):
        store.set_consultation_info(los.id, ctype="tussen")
    with pytest.raises(InputError, match="traject met latere gesprekken"):
        store.set_consultation_info(s.id, ctype="los")
    with pytest.raises(TrajectoryOpen, match="02-03-2026"):
        store.set_consultation_info(los.id, ctype="start")
    assert snapshot(store) == before

    store.set_consultation_info(t.id, ctype="los")               # leaves the trajectory
    assert tr.trajectory_of(store, t.id, instrument) is None
    store.set_consultation_info(los.id, ctype="tussen")          # joins it
    assert tr.trajectory_of(store, los.id, instrument).start_consultation_id == s.id
    store.set_consultation_info(los.id, ctype="eind")            # completed: closes it
    (traj,) = tr.trajectories_for(store, p.id, instrument)
    assert not traj.open and [w.type for w in traj.webs] == ["start", "eind"]
    store.set_consultation_info(los.id, ctype="los")             # reopens it
    assert tr.trajectories_for(store, p.id, instrument)[0].open


def test_a_lone_start_can_become_los_and_back(store, professional, instrument):
    p = store.add_patient("Vera Testpersoon")
    s = held(store, p, professional, "start", "2026-03-02")
    store.set_consultation_info(s.id, ctype="los")
    assert tr.trajectories_for(store, p.id, instrument) == []
    assert store.suggest_type(p.id) == "start"
    store.set_consultation_info(s.id, ctype="start")
    (t,) = tr.trajectories_for(store, p.id, instrument)
    assert t.open and t.start_consultation_id == s.id and t.start_date == "2026-03-02"


# -- deleting a conversation -------------------------------------------------------------------

def test_deleting_a_start_with_later_conversations_is_refused(store, professional):
    p = store.add_patient("Wout Testpersoon")
    s = held(store, p, professional, "start", "2026-03-02", {"meedoen": 6})
    held(store, p, professional, "tussen", "2026-06-01")
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        tr.delete_consultation(store, s.id)
    assert str(caught.value) == ("Dit startgesprek hoort bij een traject met latere gesprekken; "
                                 "verwijder die eerst.")
    assert snapshot(store) == before


def test_deleting_removes_every_row_and_an_eind_reopens(store, professional, instrument):
    p = store.add_patient("Xandra Testpersoon")
    s = held(store, p, professional, "start", "2026-03-02")
    t = held(store, p, professional, "tussen", "2026-06-01", {"meedoen": 6})
    e = held(store, p, professional, "eind", "2026-09-01", {"meedoen": 7})
    store.set_aspect_score(e.id, "zingeving", "levenslust", 8)
    store.set_mark(e.id, "focus", "meedoen", "", True)
    store.set_wheel_answer(e.id, "nu", "Het gaat beter met wandelen.")
    store.set_plan_field(e.id, "goal", "Elke dag naar buiten")
    assert not tr.trajectories_for(store, p.id, instrument)[0].open

    tr.delete_consultation(store, e.id)
    for table in ("dimension_scores", "aspect_scores", "marks", "wheel_answers", "plans"):
        n = store.db.execute(f"SELECT count(*) FROM {table} WHERE consultation_id = ?", [e.id])
        assert n.fetchone()[0] == 0, table
    (traj,) = tr.trajectories_for(store, p.id, instrument)
    assert traj.open and [w.type for w in traj.webs] == ["start", "tussen"]
    assert traj.next_due() == ("eind", traj.planned["eind"])
    line = access_log.lines_for(store.db, p.id)[-1]
    assert (line["action"], line["what"]) == ("D", "consultation")
    assert access_log.verify_chain(store.db) == []

    tr.delete_consultation(store, t.id)
    tr.delete_consultation(store, s.id)  # now alone: it goes, and its trajectory with it
    assert tr.trajectories_for(store, p.id, instrument) == []
    assert store.consultations_for(p.id) == []


def test_deleting_an_old_eind_does_not_reopen_behind_a_newer_trajectory(store, professional,
                                                                        instrument):
    p = store.add_patient("Yvonne Testpersoon")
    held(store, p, professional, "start", "2025-01-06")
    e = held(store, p, professional, "eind", "2025-07-07")
    held(store, p, professional, "start", "2026-01-05")
    tr.delete_consultation(store, e.id)
    old, new = tr.trajectories_for(store, p.id, instrument)
    assert not old.open and new.open


def test_erasing_a_patient_takes_the_trajectories(store, professional, instrument):
    p = store.add_patient("Zeger Testpersoon")
    held(store, p, professional, "start", "2026-03-02")
    held(store, p, professional, "tussen", "2026-06-01")
    erase_patient(store, p.id)
    assert store.db["trajectories"].count == 0


# -- the migration: grouping what was recorded before trajectories ------------------------------

def _pre_trajectory_db(path) -> Database:
    db = Database(driver.connect(path))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="0003_trajectories")
    assert "trajectory_id" not in db["consultations"].columns_dict
    return db


def _fill_old(db: Database) -> dict:
    """Conversations as an older pgdesk stored them (ids and times fixed, all fictitious)."""
    db["professionals"].insert({"id": "pro", "name": "Test Huisarts", "role": "huisarts",
                                "created_at": "2025-01-01T08:00:00+00:00"})
    for pid in ("p1", "p2", "p3", "p4"):
        db["patients"].insert({"id": pid, "display_name": f"Oud {pid}", "birth_date": "1960",
                               "practice_number": "", "search_name": f"Oud {pid}",
                               "created_at": "2025-01-01T08:00:00+00:00",
                               "updated_at": "2025-01-01T08:00:00+00:00"})
    rows = [  # id, patient, date, type, completed_at
        ("a-start", "p1", "2025-01-10", "start", "2025-01-10T10:00:00+00:00"),
        ("a-tussen", "p1", "2025-04-10", "tussen", "2025-04-10T10:00:00+00:00"),
        ("a-los", "p1", "2025-05-01", "los", None),
        ("a-eind", "p1", "2025-07-10", "eind", "2025-07-11T09:00:00+00:00"),
        ("a-tussen2", "p1", "2025-08-01", "tussen", None),     # after the eind: stays alone
        ("b-start", "p2", "2025-02-01", "start", None),
        ("b-tussen", "p2", "2025-05-01", "tussen", None),
        ("b-tussen2", "p2", "2025-06-01", "tussen", None),     # a second tussen: stays alone
        ("b-start2", "p2", "2025-09-01", "start", None),       # closes the first on its date
        ("b-eind", "p2", "2026-03-01", "eind", None),          # not completed: closed on its date
        ("c-tussen", "p3", "2025-03-01", "tussen", None),      # no start: stays alone
        ("c-start", "p3", "2025-04-01", "start", None),        # still open
    ]
    for n, (cid, pid, date, ctype, done) in enumerate(rows):
        db["consultations"].insert({
            "id": cid, "patient_id": pid, "professional_id": "pro", "date": date, "type": ctype,
            "step": "summary", "wheel_index": 0, "created_at": f"2025-01-01T08:{n:02d}:00+00:00",
            "updated_at": f"2025-01-01T08:{n:02d}:00+00:00", "completed_at": done})
    db["dimension_scores"].insert({"consultation_id": "a-start", "dimension_id": "meedoen", "score": 4})
    return {r[0]: r for r in rows}


def test_migration_groups_existing_conversations(tmp_path, instrument):
    path = tmp_path / "oud.sqlite"
    db = _pre_trajectory_db(path)
    _fill_old(db)
    db.conn.close()

    with Store.open(path) as s:
        assert schema_version(s.db) == len(known_names())
        assert path.with_name(path.name + ".v2.bak").exists()  # backed up before migrating
        p1 = tr.trajectories_for(s, "p1", instrument)
        assert len(p1) == 1
        assert [w.consultation_id for w in p1[0].webs] == ["a-start", "a-tussen", "a-eind"]
        assert p1[0].closed_at == "2025-07-11"
        assert p1[0].planned == {"tussen": days("2025-01-10", 91), "eind": days("2025-01-10", 182)}
        assert p1[0].webs[0].scores[instrument.dimension_ids.index("meedoen")] == 4.0
        for alone in ("a-los", "a-tussen2", "b-tussen2", "c-tussen"):
            assert tr.trajectory_of(s, alone, instrument) is None, alone

        first, second = tr.trajectories_for(s, "p2", instrument)
        assert [w.consultation_id for w in first.webs] == ["b-start", "b-tussen"]
        assert first.closed_at == "2025-09-01"
        assert [w.consultation_id for w in second.webs] == ["b-start2", "b-eind"]
        assert second.closed_at == "2026-03-01"

        (p3,) = tr.trajectories_for(s, "p3", instrument)
        assert p3.open and p3.start_consultation_id == "c-start"
        assert tr.trajectories_for(s, "p4", instrument) == []
        assert s.suggest_type("p3") == "tussen" and s.suggest_type("p1") == "start"
        ids = sorted(r[0] for r in s.db.execute("SELECT id FROM trajectories"))

    # the same data gives the same trajectories, ids included
    again = tmp_path / "nogmaals.sqlite"
    db = _pre_trajectory_db(again)
    _fill_old(db)
    db.conn.close()
    with Store.open(again) as s:
        assert sorted(r[0] for r in s.db.execute("SELECT id FROM trajectories")) == ids


def test_migration_of_an_empty_old_database(tmp_path):
    path = tmp_path / "leeg.sqlite"
    _pre_trajectory_db(path).conn.close()
    with Store.open(path) as s:
        assert s.db["trajectories"].count == 0
        assert "trajectory_id" in s.db["consultations"].columns_dict
