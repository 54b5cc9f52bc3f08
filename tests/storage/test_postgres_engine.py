"""What is particular to the practice server engine: the SQL it is given is SQLite's, the
connection refuses what is not safe with a Dutch message, its schema is pgdesk's and not newer,
each migration is all or nothing, search and the due list use their indexes, and the access
log stays one chain when several rooms write at once."""

from __future__ import annotations

import threading

import psycopg
import pytest

from pgdesk.storage import access_log
from pgdesk.storage import trajectories as tr
from pgdesk.storage.errors import NewerSchema, NotAPgdeskDatabase, StorageError
from pgdesk.storage.postgres import migrations
from pgdesk.storage.postgres.connection import (
    ServerAddressInvalid,
    ServerInsecure,
    ServerLoginFailed,
    ServerUnreachable,
    secured,
)
from pgdesk.storage.postgres.dialect import translate
from pgdesk.storage.repository import Store


def _pk(table):
    return {"settings": ("key",), "transfer_base": ("kind", "record_id")}[table]


@pytest.mark.parametrize(("sqlite", "postgres"), [
    ("SELECT * FROM t WHERE a = ? AND b LIKE 'x%' AND c = ?",
     "SELECT * FROM t WHERE a = %s AND b LIKE 'x%%' AND c = %s"),
    ("SELECT 'a?b' AS q WHERE x <= :horizon", "SELECT 'a?b' AS q WHERE x <= %(horizon)s"),
    ("INSERT OR IGNORE INTO marks VALUES (?, ?)", "INSERT INTO marks VALUES (%s, %s) ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')",
     "INSERT INTO settings (key, value) VALUES (%s, '1') "
     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
    ("INSERT OR REPLACE INTO transfer_base (kind, record_id, digest) VALUES (?, ?, ?)",
     "INSERT INTO transfer_base (kind, record_id, digest) VALUES (%s, %s, %s) "
     "ON CONFLICT (kind, record_id) DO UPDATE SET digest = EXCLUDED.digest"),
    ("SELECT * FROM p ORDER BY p.display_name COLLATE NOCASE",
     "SELECT * FROM p ORDER BY lower(p.display_name)"),
    ("SELECT json_extract(r.snap, '$.name') FROM r", "SELECT (r.snap::jsonb ->> 'name') FROM r"),
    ("SELECT json_group_array(json_array(a, b)), json_group_object(k, v) FROM t",
     "SELECT json_agg(json_build_array(a, b)), json_object_agg(k, v) FROM t"),
    ('UPDATE plans SET "when" = ? WHERE x = ?', 'UPDATE plans SET "when" = %s WHERE x = %s'),
])
def test_sqlite_sql_is_said_the_postgresql_way(sqlite, postgres):
    assert translate(sqlite, _pk) == postgres


@pytest.mark.parametrize("address", [
    "postgresql://a@praktijk.example/pgdesk?sslmode=disable",
    "postgresql://a@10.0.0.5/pgdesk?sslmode=require",
    "postgresql://a@localhost/pgdesk?sslmode=prefer",
])
def test_unverified_connections_are_refused_before_connecting(address):
    from pgdesk.storage.postgres.connection import parse

    with pytest.raises(ServerInsecure, match="pgdesk|controleert"):
        secured(parse(address))


def test_tls_is_verified_by_default_and_plain_only_to_this_computer_on_request():
    from pgdesk.storage.postgres.connection import parse

    assert secured(parse("postgresql://a@praktijk.example/pgdesk"))["sslmode"] == "verify-full"
    assert secured(parse("postgresql://a@127.0.0.1/p?sslmode=disable"))["sslmode"] == "disable"
    assert secured(parse("praktijk"))["service"] == "praktijk"  # a libpq service name


def test_bad_addresses_wrong_passwords_and_unreachable_servers_are_said_in_dutch(pg_cluster,
                                                                                  server_url):
    with pytest.raises(ServerAddressInvalid, match="postgresql://"):
        Store.open_server("http://praktijk.example/pgdesk")
    with pytest.raises(ServerLoginFailed, match="wachtwoord"):
        Store.open_server(server_url.replace(f":{pg_cluster.password}@", ":fout@"))
    port = pg_cluster.port
    with pytest.raises(ServerUnreachable, match="niet bereikbaar"):
        Store.open_server(server_url.replace(f":{port}/", ":1/"))
    with pytest.raises(NotAPgdeskDatabase, match="bestaat deze database niet"):
        Store.open_server(pg_cluster.url("bestaat_niet"))


def test_a_server_without_tls_is_refused_when_tls_is_required(pg_cluster, server_url):
    with pytest.raises(ServerInsecure, match="versleuteling"):
        Store.open_server(server_url.replace("sslmode=disable", "sslmode=verify-full"))


def test_tls_verified_against_the_servers_certificate(pg_tls_cluster):
    name = pg_tls_cluster.create_database()
    with Store.open_server(pg_tls_cluster.url(name)) as store:
        assert store.encrypted
        store.add_patient("Veilig Verbonden")
    wrong_name = pg_tls_cluster.url(name, hostaddr="127.0.0.1").replace("@127.0.0.1:",
                                                                        "@praktijk.example:")
    with pytest.raises(ServerInsecure):
        Store.open_server(wrong_name)


def test_a_newer_schema_on_the_server_is_refused_and_left_alone(server_url):
    with Store.open_server(server_url) as s:
        s.db.execute("INSERT INTO pgdesk_migrations VALUES ('pgdesk', '9999_future', 'x')")
    with pytest.raises(NewerSchema, match="nieuwere versie van pgdesk"):
        Store.open_server(server_url)
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT count(*) FROM pgdesk_migrations").fetchone()[0] == \
            len(migrations.known_names()) + 1


def test_another_programs_database_is_refused_untouched(pg_cluster):
    name = pg_cluster.create_database()
    with psycopg.connect(pg_cluster.url(name), autocommit=True) as conn:
        conn.execute("CREATE TABLE boekhouding (x int)")
    with pytest.raises(NotAPgdeskDatabase, match="ander programma"):
        Store.open_server(pg_cluster.url(name))
    with psycopg.connect(pg_cluster.url(name)) as conn:
        assert [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE "
                                           "schemaname = 'public'")] == ["boekhouding"]


def test_a_failing_migration_changes_nothing(pg_cluster, monkeypatch):
    name = pg_cluster.create_database()
    real = migrations.migrations()
    broken = real[:1] + [("0002_access_log", "CREATE TABLE half (x int); SELECT 1/0;")]
    monkeypatch.setattr(migrations, "migrations", lambda: broken)
    with pytest.raises(StorageError):
        Store.open_server(pg_cluster.url(name))
    with psycopg.connect(pg_cluster.url(name)) as conn:
        assert conn.execute("SELECT to_regclass('half')").fetchone()[0] is None
        assert [r[0] for r in conn.execute("SELECT name FROM pgdesk_migrations")] == ["0001_initial"]
    monkeypatch.setattr(migrations, "migrations", lambda: real)
    with Store.open_server(pg_cluster.url(name)) as s:
        assert "access_log" in s.db.table_names()



def test_a_server_made_before_the_words_table_finds_its_patients_after_the_upgrade(pg_cluster,
                                                                                   monkeypatch):
    """Migration 0017 fills the words of the patients already there, and the trigger those
    that come after."""
    name = pg_cluster.create_database()
    real = migrations.migrations()
    before = [m for m in real if m[0] < "0017"]
    monkeypatch.setattr(migrations, "migrations", lambda: before)
    with Store.open_server(pg_cluster.url(name)) as s:
        s.add_patient("Ĳsbrand Ĳzerman", "1950", "P-4711")
        s.add_patient("José Pérez-de Vries", "1960", "104711")
    monkeypatch.setattr(migrations, "migrations", lambda: real)
    with Store.open_server(pg_cluster.url(name)) as s:
        found = lambda text: [p.display_name for p in s.search_patients(text)]  # noqa: E731
        assert found("ijzer") == found("p 4711") == ["Ĳsbrand Ĳzerman"]
        assert found("perez de v") == found("1047") == ["José Pérez-de Vries"]
        s.add_patient("Anna de Vries", "1970", "2001")
        assert found("de vr") == ["Anna de Vries", "José Pérez-de Vries"]

def _plan(store, sql, params):
    store.db.execute("SET enable_seqscan = off")  # a handful of rows: make the planner show the index
    try:
        return " ".join(r[0] for r in store.db.execute("EXPLAIN " + sql, params))
    finally:
        store.db.execute("RESET enable_seqscan")


def test_search_and_the_due_list_use_their_indexes(server_url):
    with Store.open_server(server_url) as s:
        s.add_patient("Ĳzerman, José")
        assert "patient_words_word" in _plan(
            s, "SELECT * FROM patient_words WHERE word >= ? AND word < ?", ["ijz", "ij{"])
        # each trajectory's next follow-up (migration 0008) read from its index
        assert "trajectories_next_planned" in _plan(s, tr.DUE_SQL, {"horizon": "2026-12-10"})



def test_a_first_letter_reads_the_cap_of_words_at_practice_scale(server_url):
    """Many patients, statistics or not: a keystroke reads SEARCH_CAP entries of the words'
    btree (in order, then stops), never the whole range of a first letter or digit, also after
    psycopg prepared the statement; the list without words reads its name index in order."""
    from pgdesk.storage.engine import SEARCH_CAP

    PROBE = 1000  # noqa: N806  # migration 0017: the words of each typed word counted up to

    with Store.open_server(server_url) as s:
        s.db.execute("INSERT INTO patients (id, display_name, search_name, practice_number) "
                     "SELECT 'p' || g, 'Jan Jansen ' || g, 'Jan Jansen ' || g, 100000 + g "
                     "FROM generate_series(1, 3000) g")
        for analyzed in (False, True):
            if analyzed:
                s.db.execute("ANALYZE patients, patient_words")
            for text in ("j", "1", "jan j", "j"):
                for _ in range(6):  # psycopg prepares a statement run 5 times
                    s.search_patients(text)
                counts = ("SELECT pg_stat_get_xact_tuples_returned('patient_words_word'::regclass), "
                          "pg_stat_get_xact_tuples_returned('patient_words'::regclass)")
                with s.db.atomic():  # the backend's counts not yet sent, before and after
                    before = s.db.execute(counts).fetchone()
                    assert len(s.search_patients(text)) == 200
                    after = s.db.execute(counts).fetchone()
                read = (after[0] - before[0], after[1] - before[1])
                # more words: each counted up to PROBE first, to read the rarest one's range
                probes = 0 if " " not in text else PROBE * len(text.split())
                # (with statistics, planning looks up a few entries at the index's ends)
                assert SEARCH_CAP + probes <= read[0] < SEARCH_CAP + probes + 10 and read[1] == 0, (
                    text, analyzed, read)
        plan = " ".join(r[0] for r in s.db.execute(
            "EXPLAIN SELECT id FROM patients ORDER BY lower(display_name) LIMIT 200"))
        assert "patients_name" in plan and "Sort" not in plan, plan


def test_search_rules_on_the_server(server_url):
    with Store.open_server(server_url) as s:
        s.add_patient("Ĳzerman, José", practice_number="104711")
        s.add_patient("Jansen-de Boer, Ánna")
        names = lambda text: [p.display_name for p in s.search_patients(text)]  # noqa: E731
        assert names("ijzer") == names("IJZERMAN jose") == ["Ĳzerman, José"]
        assert names("anna boer") == names("de jan") == ["Jansen-de Boer, Ánna"]
        assert names("1047") == names("jose 10") == ["Ĳzerman, José"]
        assert names("4711") == []  # a word of the number by its beginning, as the file's
        assert names("zerman") == []  # a prefix of a word, not any part of it
        assert names("o'neill") == names("1_7") == []  # quotes and wildcards separate words
        assert names("1%") == ["Ĳzerman, José"]


def test_the_access_log_stays_one_chain_when_rooms_write_at_once(server_url):
    stores = [Store.open_server(server_url) for _ in range(4)]
    patient = stores[0].add_patient("Gedeelde Patiënt")
    errors = []

    def room(store):
        try:
            for _ in range(15):
                store.record_opened(patient.id)
        except Exception as exc:  # noqa: BLE001  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=room, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert access_log.count(stores[0].db) == 1 + 4 * 15
    assert access_log.verify_chain(stores[0].db) == []
    for s in stores:
        s.close()


def test_the_log_refuses_truncate_and_the_due_counter_sees_other_rooms(server_url):
    with Store.open_server(server_url) as a, Store.open_server(server_url) as b:
        before = tr.due_version(a)
        b.add_patient("Nieuw In Kamer Twee")
        assert tr.due_version(a) != before
        with pytest.raises(StorageError, match="toegangslog"):
            a.db.execute("TRUNCATE access_log")
