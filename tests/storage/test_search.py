"""Patient search on both engines: one rule for names and practice numbers, the list by name,
and a keystroke that reads a bounded number of matches from an index, never the practice."""

from __future__ import annotations

import pytest

from pgdesk.storage import engine as file_engine
from pgdesk.storage.engine import SERVER, dialect_of
from pgdesk.storage.postgres import database as server_engine


def names(store, text, limit=200):
    return [p.display_name for p in store.search_patients(text, limit)]


def test_a_practice_number_is_found_by_each_of_its_words(store):
    store.add_patient("Anna Jansen", "1980", "P-4711")
    store.add_patient("Bram Bos", "1970", "104711")
    assert names(store, "4711") == ["Anna Jansen"]  # a word of the number, as of a name
    assert names(store, "p") == names(store, "P-47") == names(store, "jans 4711 p") == ["Anna Jansen"]
    assert names(store, "1047") == names(store, "bos 10") == ["Bram Bos"]
    assert names(store, "711") == names(store, "bos 4711") == []  # a word's start, not any part
    assert names(store, "10_") == ["Bram Bos"]  # "_" separates words, as the file's index does


def test_names_accents_and_ij_on_both_engines(store):
    store.add_patient("Ĳsbrand Ĳzerman", "1950", "900001")
    store.add_patient("José Pérez-de Vries", "1960", "900002")
    assert names(store, "ijzer") == names(store, "IJSBRAND ij") == ["Ĳsbrand Ĳzerman"]
    assert names(store, "perez de vr") == names(store, "jose") == ["José Pérez-de Vries"]
    assert names(store, "zerman") == []
    assert names(store, "9000") == ["José Pérez-de Vries", "Ĳsbrand Ĳzerman"]


def test_the_list_is_the_first_by_name_of_all_matches(store):
    for name in ("Vos, Pieter", "Bos, Anna", "Kok, Bas", "bos, Carla", "Aalders, Bas"):
        store.add_patient(name, "", "")
    assert names(store, "bo") == ["Bos, Anna", "bos, Carla"]  # by name, case ignored
    assert names(store, "bas", limit=1) == ["Aalders, Bas"]  # the first, not any
    assert names(store, "", limit=2) == ["Aalders, Bas", "Bos, Anna"]


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(file_engine, "SEARCH_CAP", 4)
    monkeypatch.setattr(server_engine, "SEARCH_CAP", 4)
    return 4


def test_a_keystroke_reads_at_most_the_cap_of_matches(store, small_cap):
    """More matches than the cap: only `cap` leave the index to be sorted (then the user types
    on); by name among them. Fewer: all, as before."""
    for i in range(10):
        store.add_patient(f"Bos {i:02d}", "", f"55{i:02d}")
    for text in ("bos", "55", "bos 5"):
        found = names(store, text)
        assert len(found) == small_cap and found == sorted(found), text
    assert names(store, "bos 5507") == ["Bos 07"]
    assert len(names(store, "")) == 10  # the whole list by name reads its index, no cap needed


def _recorded_search(store, text):
    """The statements (SQL, parameters) the engine runs for `text`: one per keystroke."""
    seen = []
    execute = store.db.execute

    def record(sql, params=None, **options):
        seen.append((sql, params))
        return execute(sql, params, **options)

    store.db.execute = record
    try:
        store.search_patients(text)
    finally:
        del store.db.execute
    return seen


def _plan(store, sql, params):
    return "\n".join(r[-1] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))


def _server_reads(store, text):
    """What the server's search for `text` read: {table or index: rows or entries returned}
    (the backend's counts not yet sent to the statistics, before and after)."""
    def counts():
        return dict(store.db.execute(
            "SELECT relname, pg_stat_get_xact_tuples_returned(oid) FROM pg_class "
            "WHERE relnamespace = current_schema()::regnamespace").fetchall())

    with store.db.atomic():  # (sent at a transaction's end at the earliest)
        before = counts()
        store.search_patients(text)
        return {k: n - before[k] for k, n in counts().items() if n != before[k]}


def test_search_reads_its_indexes_and_caps_before_sorting(store, small_cap):
    for i in range(30):
        store.add_patient(f"Jansen {i}", "", f"1{i:05d}")
    for text in ("1", "jan", "jan 10"):
        statements = _recorded_search(store, text)
        assert len(statements) == 1, statements  # each round trip counts on a keystroke
        if dialect_of(store.db) == SERVER:
            # one range of the words' btree (the longest word typed; the other words tested on
            # its rows), read in order until the cap is found, then sorted: no GIN bitmap or
            # table scan that collects every match first, not even the patients' table
            reads = _server_reads(store, text)
            if text != "jan 10":  # ("jansen" has no word "10...": the range is read on)
                assert reads == {"patient_words_word": small_cap}, reads
            assert set(reads) == {"patient_words_word"}, reads
        else:
            plan = _plan(store, *statements[0])
            # the full-text matches (capped: a subquery with LIMIT) joined by rowid, then sorted
            assert "SCAN patients_fts VIRTUAL TABLE" in plan, plan
            assert "SEARCH patients USING INTEGER PRIMARY KEY" in plan, plan
            assert "SCAN patients\n" not in plan + "\n", plan
    if dialect_of(store.db) != SERVER:
        plan = _plan(store, *_recorded_search(store, "")[0])
        assert "patients_name" in plan and "TEMP B-TREE" not in plan and "Sort" not in plan, plan


def test_the_search_follows_a_patients_changes(store):
    """Renamed, renumbered, erased: found by the new words only, and then not at all (on the
    server the words are rows of their own, kept by a trigger)."""
    from pgdesk.storage.patient_rights import erase_patient

    p = store.add_patient("Ĳsbrand Ĳzerman", "1950-01-02", "P-4711")
    store.update_patient(p.id, "Anna de Vries", "1950-01-03", "104711")
    assert names(store, "ijz") == names(store, "p") == names(store, "4711") == []
    assert names(store, "vries 1047") == ["Anna de Vries"]
    assert [q.birth_date for q in store.search_patients("anna")] == ["1950-01-03"]
    erase_patient(store, p.id)
    assert names(store, "anna") == names(store, "1047") == []
    if dialect_of(store.db) == SERVER:
        assert store.db.execute("SELECT count(*) FROM patient_words").fetchone()[0] == 0


def test_short_prefixes_read_prefix_indexes_also_in_a_file_made_before(db_path):
    """The file's first one to three letters or digits typed ("1", "de v") read the full-text
    prefix indexes (migration 0016: "1" merged the entries of every number otherwise), in a
    file made before them too, which finds what it found."""
    from pgdesk.storage import migrations as m
    from pgdesk.storage.repository import Store

    known = m.migrations._migrations
    at = next(i for i, mig in enumerate(known) if mig.name == "0016_search_prefixes")
    prefixes = known.pop(at)
    try:
        with Store.open(db_path) as s:  # a file of the version before
            s.add_patient("Anna de Vries", "1950", "104711")
            s.add_patient("Bram Bos", "1970", "P-2001")
    finally:
        known.insert(at, prefixes)
    with Store.open(db_path) as s:
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name = 'patients_fts'").fetchone()[0]
        assert "prefix='1 2 3'" in sql
        assert names(s, "1") == names(s, "de v") == names(s, "AN") == ["Anna de Vries"]
        assert names(s, "p") == names(s, "20") == names(s, "bos 2") == ["Bram Bos"]
        s.add_patient("Cees Bosman", "1980", "1002")  # the index follows new patients
        assert names(s, "bo") == ["Bram Bos", "Cees Bosman"]
