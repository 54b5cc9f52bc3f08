"""Storage: round trip, migrations, and refusal of files that are not ours."""

from __future__ import annotations

import os
import sqlite3

import pytest

from pgdesk.domain.errors import ScoreError
from pgdesk.storage.database import schema_version
from pgdesk.storage.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    NewerSchema,
    NotAPgdeskDatabase,
)
from pgdesk.storage.migrations import known_names
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession


def test_empty_file_is_migrated_to_current_schema(db_path):
    db_path.write_bytes(b"")
    with Store.open(db_path) as s:
        assert schema_version(s.db) == len(known_names())
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert {"patients", "consultations", "plans", "wheel_answers"} <= set(s.db.table_names())


def test_round_trip_of_a_whole_consultation(store, professional, db_path, instrument):
    p = store.add_patient("Zoë van den Bërg", "14-03-1956", "H123")
    c = store.new_consultation(p.id, professional.id)
    assert c.type == "start"
    s = ConsultationSession(store, instrument, c.id)
    s.set_score("lichaamsfuncties", 7)
    s.set_score("meedoen", 10)
    s.set_aspect_score("zingeving", "levenslust", 6)
    s.set_aspect_score("zingeving", "dankbaarheid", 9)
    s.set_mark("talk", "meedoen", "", True)
    s.set_mark("focus", "zingeving", "levenslust", True)
    s.set_wheel_answer("nu", "Het gaat wel, maar ik ben moe.")
    s.set_plan_field("first_step", "Maandag bellen met het buurthuis")
    s.set_plan_field("next_appointment", "2027-02-01T09:30")
    s.set_progress("wheel", 3)
    store.close()

    with Store.open(db_path) as again:
        got = again.consultation(c.id)
        assert got.manual_scores == {"lichaamsfuncties": 7, "meedoen": 10}
        assert got.aspect_scores == {"zingeving": {"levenslust": 6, "dankbaarheid": 9}}
        assert got.dimension_score(instrument, "zingeving").value == 7.5
        assert got.talk == {("meedoen", "")}
        assert got.focus == {("zingeving", "levenslust")}
        assert got.wheel_answers == {"nu": "Het gaat wel, maar ik ben moe."}
        assert got.plan.first_step == "Maandag bellen met het buurthuis"
        assert got.plan.next_appointment == "2027-02-01T09:30"
        assert (got.step, got.wheel_index) == ("wheel", 3)
        assert again.patient(p.id).birth_date == "1956-03-14"
        assert again.suggest_type(p.id) == "tussen"


def test_ids_are_uuids(store, professional):
    p = store.add_patient("Bram Test")
    assert len(p.id) == 36 and p.id.count("-") == 4


def test_score_off_scale_is_refused_and_nothing_stored(store, professional):
    p = store.add_patient("Bram Test")
    c = store.new_consultation(p.id, professional.id)
    with pytest.raises(ScoreError):
        store.set_score(c.id, "meedoen", 11)
    assert store.consultation(c.id).manual_scores == {}


def test_search_by_name_prefix_number_and_without_accents(store):
    store.add_patient("José Pérez de Vries", "1970", "555123")
    store.add_patient("Anna Jansen", "1980", "777000")
    assert [p.display_name for p in store.search_patients("jos")] == ["José Pérez de Vries"]
    assert [p.display_name for p in store.search_patients("perez vr")] == ["José Pérez de Vries"]
    assert [p.display_name for p in store.search_patients("7770")] == ["Anna Jansen"]
    assert store.search_patients("xyz") == []
    store.add_patient("Ĳsbrand Ĳzerman")
    assert [p.display_name for p in store.search_patients("ijzer")] == ["Ĳsbrand Ĳzerman"]
    assert len(store.search_patients("")) == 3
    # search text that is FTS syntax must not break the query
    assert store.search_patients('"ann* OR') is not None


def test_foreign_sqlite_file_is_refused_and_untouched(foreign_db):
    path = foreign_db
    before = path.read_bytes()
    with pytest.raises(NotAPgdeskDatabase, match="ander programma"):
        Store.open(path)
    assert path.read_bytes() == before


def test_non_database_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "brief.sqlite"
    path.write_text("Beste dokter, dit is een brief.", encoding="utf-8")
    with pytest.raises(NotAPgdeskDatabase, match="geen pgdesk-database"):
        Store.open(path)
    assert path.read_text(encoding="utf-8") == "Beste dokter, dit is een brief."


def test_corrupt_database_is_refused_and_untouched(db_path):
    s = Store.open(db_path)
    for i in range(200):
        s.add_patient(f"Patiënt {i}")
    root = s.db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'patients'").fetchone()[0]
    page_size = s.db.execute("PRAGMA page_size").fetchone()[0]
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size  # trash the patients table's root page
    data[start: start + page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="beschadigd"):
        Store.open(db_path)
    assert db_path.read_bytes() == bytes(data)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_database_is_refused(db_path):
    Store.open(db_path).close()
    db_path.chmod(0o444)
    with pytest.raises(DatabaseReadOnly, match="alleen-lezen"):
        Store.open(db_path)


def test_read_only_database_is_refused_even_for_root(db_path, monkeypatch):
    Store.open(db_path).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK
                        else real_access(p, mode))
    with pytest.raises(DatabaseReadOnly, match="alleen-lezen"):
        Store.open(db_path)


def test_second_pgdesk_on_same_database_is_refused(store, db_path):
    with pytest.raises(DatabaseLocked, match="al geopend"):
        Store.open(db_path)


def test_newer_schema_is_refused(db_path):
    s = Store.open(db_path)
    s.db["_sqlite_migrations"].insert({"migration_set": "pgdesk", "name": "9999_future",
                                       "applied_at": "2030-01-01"})
    s.close()
    with pytest.raises(NewerSchema, match="nieuwere versie"):
        Store.open(db_path)


def test_migration_backs_up_the_file_first(db_path, monkeypatch):
    from pgdesk.storage import migrations as m

    Store.open(db_path).close()

    @m.migrations(name="9998_test_only")
    def _add_column(db):
        db["patients"].add_column("nickname", str)

    try:
        s = Store.open(db_path)
        assert "nickname" in s.db["patients"].columns_dict
        s.close()
        backup = db_path.with_name(db_path.name + f".v{len(m.known_names()) - 1}.bak")
        assert backup.exists()
        conn = sqlite3.connect(backup)
        assert "nickname" not in [r[1] for r in conn.execute("PRAGMA table_info(patients)")]
        conn.close()
    finally:
        m.migrations._migrations.pop()


def test_failed_migration_changes_nothing(db_path):
    from pgdesk.storage import migrations as m

    Store.open(db_path).close()

    @m.migrations(name="9999_broken")
    def _broken(db):
        db["patients"].add_column("half", str)
        raise RuntimeError("stuk")

    try:
        with pytest.raises(RuntimeError):
            Store.open(db_path)
    finally:
        m.migrations._migrations.pop()
    with Store.open(db_path) as s:
        assert "half" not in s.db["patients"].columns_dict
        assert schema_version(s.db) == len(m.known_names())


def test_demo_database_has_about_twenty_filled_patients(tmp_path, instrument):
    from pgdesk.storage.demo import write_demo

    path = write_demo(tmp_path / "demo.sqlite", instrument)
    with Store.open(path) as s:
        assert 15 <= s.patient_count() <= 25
        cid = s.latest_consultation_id()
        v = s.view(cid)
        assert v.consultation.is_scored(instrument)
        assert v.consultation.plan.first_step
        assert s.setting("demo") == "1"


def test_new_demo_never_replaces_a_demo_that_is_open(tmp_path, instrument):
    from pgdesk.storage.demo import write_demo

    path = write_demo(tmp_path / "demo.sqlite", instrument)
    with Store.open(path) as running:
        with pytest.raises(DatabaseLocked, match="al geopend in een ander pgdesk-venster"):
            write_demo(path, instrument)
        assert running.patient_count() > 0
    write_demo(path, instrument)  # once closed, a fresh demo is fine
