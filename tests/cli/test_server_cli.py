"""`pgdesk server init`, `server user add` and `check --server` on a throw-away PostgreSQL, as a
new user runs them; every refusal a Dutch message, exit code 2, and nothing written."""

from __future__ import annotations

import os

import psycopg
import pytest

from tests.cli.server_helpers import (
    PASSPHRASE,
    USER,
    as_user,
    databases,
    init,
    lines,
    new_db_name,
    new_user,
    owner_url,
    roles,
    user_url,
)
from tests.cli.test_cli import pgdesk


def test_init_makes_database_group_and_first_user_with_only_data_rights(pg_tls_cluster):
    db = new_db_name()
    r = init(pg_tls_cluster, db)
    assert r.returncode == 0, r.stderr
    assert "ingericht" in r.stdout and "database aangemaakt" in r.stdout and USER in r.stdout
    with as_user(pg_tls_cluster, db) as conn:
        assert conn.pgconn.ssl_in_use
        conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
        assert conn.execute("SELECT name, role FROM professionals").fetchall() == [(USER, "huisarts")]
        for statement, error in [
            ("CREATE TABLE eigen (x int)", psycopg.errors.InsufficientPrivilege),
            ("DROP TABLE patients", psycopg.errors.InsufficientPrivilege),
            ("UPDATE access_log SET what = 'x'", psycopg.errors.InsufficientPrivilege),
            ("DELETE FROM access_log", psycopg.errors.InsufficientPrivilege),
            ("DELETE FROM pgdesk_migrations", psycopg.errors.InsufficientPrivilege),
        ]:
            with pytest.raises(error):
                conn.execute(statement)
    with pg_tls_cluster.admin(db) as conn:  # the owner owns every table; the password is SCRAM
        owners = {r[0] for r in conn.execute(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()")}
        assert owners == {pg_tls_cluster.user}
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", [USER]
                                ).fetchone()[0]
        assert verifier.startswith("SCRAM-SHA-256$") and PASSPHRASE not in verifier

    # a second user; the same name again, and a second init, are refused
    url = owner_url(pg_tls_cluster, db)
    r = pgdesk("server", "user", "add", "--server", url, "--user", "J. Jansen", "--role", "poh-somatiek",
               input=lines("nog een lange zin", "nog een lange zin"))
    assert r.returncode == 0, r.stderr
    with as_user(pg_tls_cluster, db, "J. Jansen", "nog een lange zin") as conn:
        assert conn.execute("SELECT count(*) FROM professionals").fetchone()[0] == 2
    before = roles(pg_tls_cluster)
    r = pgdesk("server", "user", "add", "--server", url, "--user", "J. Jansen",
               input=lines("nog een lange zin", "nog een lange zin"))
    assert r.returncode == 2 and "bestaat al een rol" in r.stderr
    r = init(pg_tls_cluster, db, user="Iemand Anders")
    assert r.returncode == 2 and "al ingericht" in r.stderr
    assert roles(pg_tls_cluster) == before

    # check --server: as a pgdesk user, the password from standard input
    r = pgdesk("check", "--server", user_url(pg_tls_cluster, db), input=lines(PASSPHRASE))
    assert r.returncode == 0, r.stderr
    assert "versleutelde verbinding" in r.stdout and "keten intact" in r.stdout


def test_check_server_reports_a_rewritten_log_line(pg_tls_cluster, tmp_path):
    db, user = new_db_name(), new_user()
    assert init(pg_tls_cluster, db, user).returncode == 0
    with as_user(pg_tls_cluster, db, user) as conn:
        from pgdesk.storage.access_log import Actor
        from pgdesk.storage.practice_server.schema import append_log

        for what in ("patient", "score:meedoen", "handout"):
            with conn.transaction():
                append_log(conn, Actor(user), what)
    # a libpq service name works as an address (pg_service.conf), with the same TLS rules
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[praktijk]\nhost=127.0.0.1\nport={pg_tls_cluster.port}\ndbname={db}\n"
                        f"user={pg_tls_cluster.user}\nsslrootcert={pg_tls_cluster.ca_path}\n")
    r = pgdesk("check", "--server", "praktijk", input=lines(pg_tls_cluster.password),
               env={**os.environ, "PGSERVICEFILE": str(services)})
    assert r.returncode == 0 and "3 regels, keten intact" in r.stdout, r.stderr
    with pg_tls_cluster.admin(db) as conn:  # only the owner can even try, past the trigger
        conn.execute("ALTER TABLE access_log DISABLE TRIGGER USER")
        conn.execute("UPDATE access_log SET what = 'niets' WHERE seq = 2")
    r = pgdesk("check", "--server", owner_url(pg_tls_cluster, db))
    assert r.returncode == 1, r.stderr
    assert "keten is verbroken" in r.stdout and "Regel 2 is achteraf gewijzigd" in r.stdout


def test_refusals_say_why_in_dutch_and_write_nothing(pg_tls_cluster, pg_cluster, tmp_path):
    before_dbs, before_roles = databases(pg_tls_cluster), roles(pg_tls_cluster)
    db, user = new_db_name(), new_user()
    cases = [
        (["--server", "http://server.praktijk.local/pgdesk"], "geen adres van een praktijkserver"),
        (["--server", "postgresql://x@[bad/pgdesk"], "is ongeldig: de haak ["),
        (["--server", owner_url(pg_tls_cluster, db, sslmode="require")], "sslmode=require"),
        (["--server", pg_tls_cluster.url(db, password="fout wachtwoord")], "of dit wachtwoord"),
        (["--server", f"postgresql://x@127.0.0.1:{_closed_port()}/pgdesk?connect_timeout=3&"
                      f"sslrootcert={pg_tls_cluster.ca_path}"], "niet bereikbaar"),
        # a name the certificate does not carry
        (["--server", owner_url(pg_tls_cluster, db, hostaddr="127.0.0.1").replace(
            "@127.0.0.1:", "@praktijk.example:")], "certificaat van de server"),
        (["--server", owner_url(pg_tls_cluster, db, sslrootcert=str(tmp_path / "geen.crt"))],
         "certificaat van de server ontbreekt"),
    ]
    for args, message in cases:
        r = pgdesk("server", "init", *args, "--user", user, input=lines(PASSPHRASE, PASSPHRASE))
        assert r.returncode == 2, (args, r.stderr)
        assert message in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
    # the two passphrases differ; a pgdesk user is not the owner
    r = pgdesk("server", "init", "--server", owner_url(pg_tls_cluster, db), "--user", user,
               input=lines(PASSPHRASE, "iets anders dan dat"))
    assert r.returncode == 2 and "niet gelijk" in r.stderr
    assert databases(pg_tls_cluster) == before_dbs and roles(pg_tls_cluster) == before_roles

    # a server without TLS: refused by default; a plain connection only to localhost, explicitly
    plain_db, user = new_db_name(), new_user()
    url = pg_cluster.url(plain_db).replace("?sslmode=disable", "")
    r = pgdesk("server", "init", "--server", url, "--user", user, input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 2 and "geen versleutelde verbinding" in r.stderr
    far = pg_cluster.url(plain_db, hostaddr="127.0.0.1").replace("@127.0.0.1:", "@praktijk.example:")
    r = pgdesk("server", "init", "--server", far, "--user", user, input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 2 and "op een andere computer" in r.stderr
    assert plain_db not in databases(pg_cluster)
    r = pgdesk("server", "init", "--server", pg_cluster.url(plain_db), "--user", user,
               input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 0, r.stderr


def test_newer_server_and_not_the_owner_are_refused(pg_tls_cluster):
    db, user = new_db_name(), new_user()
    assert init(pg_tls_cluster, db, user).returncode == 0
    r = pgdesk("server", "user", "add", "--server", user_url(pg_tls_cluster, db, user), "--user", "X Y",
               input=lines(PASSPHRASE, "een ander wachtwoord", "een ander wachtwoord"))
    assert r.returncode == 2 and "eigenaar" in r.stderr
    with pg_tls_cluster.admin(db) as conn:
        conn.execute("INSERT INTO pgdesk_migrations (migration_set, name, applied_at) "
                     "VALUES ('pgdesk', '9999_uit_de_toekomst', 'later')")
    for args in (["server", "init", "--server", owner_url(pg_tls_cluster, db), "--user", "X Y"],
                 ["check", "--server", owner_url(pg_tls_cluster, db)],
                 ["backup", "--server", owner_url(pg_tls_cluster, db)]):
        r = pgdesk(*args, input=lines(PASSPHRASE, PASSPHRASE))
        assert r.returncode == 2 and "nieuwere versie van pgdesk" in r.stderr, (args, r.stderr)
    assert "X Y" not in roles(pg_tls_cluster)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_end_of_input_at_a_terminal_prompt_is_a_dutch_refusal(tmp_path, monkeypatch, capsys):
    import getpass
    import sys

    from pgdesk.cli import main

    def ctrl_d(prompt=""):
        raise EOFError

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", ctrl_d)
    assert main(["init", "--db", str(tmp_path / "p.db"), "--user", USER]) == 2
    assert "geen wachtwoord gegeven" in capsys.readouterr().err
    assert not (tmp_path / "p.db").exists()


def _older_server(cluster, monkeypatch):
    """A server set up by the pgdesk before the newest migration that adds a table: its
    database, its first user, every migration and the index of that newest one."""
    from pgdesk.storage.postgres import migrations as pg_migrations
    from pgdesk.storage.practice_server.connect import parse
    from pgdesk.storage.practice_server.setup import init_server

    db, user = new_db_name(), new_user()
    every = pg_migrations.migrations()
    adds = max(i for i, (_, sql) in enumerate(every) if "CREATE TABLE" in sql.upper())
    with monkeypatch.context() as m:
        m.setattr(pg_migrations, "migrations", lambda: every[:adds])
        init_server(parse(owner_url(cluster, db)), user=user, passphrase_source=lambda: PASSPHRASE)
    return db, user, every, adds


def test_upgrade_brings_an_older_server_up_with_rights_on_what_is_new(pg_tls_cluster, monkeypatch):

    db, user, every, adds = _older_server(pg_tls_cluster, monkeypatch)
    r = pgdesk("check", "--server", owner_url(pg_tls_cluster, db))
    assert r.returncode == 2 and "pgdesk server upgrade" in r.stderr
    r = pgdesk("server", "upgrade", "--server", user_url(pg_tls_cluster, db, user),
               input=lines(PASSPHRASE))
    assert r.returncode == 2 and "eigenaar" in r.stderr
    r = pgdesk("server", "upgrade", "--server", owner_url(pg_tls_cluster, db))
    newer = ", ".join(name for name, _ in every[adds:])
    assert r.returncode == 0 and f"bijgewerkt: {newer}." in r.stdout, r.stderr
    with as_user(pg_tls_cluster, db, user) as conn:  # what the upgrade made: granted
        before = conn.execute("SELECT last_value FROM due_version").fetchone()[0]
        for n in (1, 2):  # the due list's statement trigger advances it (nextval: USAGE)
            conn.execute("INSERT INTO patients (id, display_name) VALUES (%s, 'Test')", [f"p{n}"])
        assert conn.execute("SELECT last_value FROM due_version").fetchone()[0] > before
    r = pgdesk("server", "upgrade", "--server", owner_url(pg_tls_cluster, db))
    assert r.returncode == 0 and "was al bij" in r.stdout
    r = init(pg_tls_cluster, db, new_user())
    assert r.returncode == 2 and "al ingericht" in r.stderr


def test_check_backup_restore_without_db_or_server_say_so(tmp_path, monkeypatch):
    monkeypatch.delenv("PGDESK_SERVER", raising=False)
    for args in (["check"], ["backup"], ["restore", str(tmp_path / "kopie.pgbackup")]):
        r = pgdesk(*args, "--user", USER, input=lines(PASSPHRASE))
        assert r.returncode == 2 and "--server" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_pgdesk_server_environment_variable_serves_check(pg_tls_cluster, monkeypatch):
    db, user = new_db_name(), new_user()
    assert init(pg_tls_cluster, db, user).returncode == 0
    monkeypatch.setenv("PGDESK_SERVER", user_url(pg_tls_cluster, db, user))
    r = pgdesk("check", "--user", user, input=lines(PASSPHRASE))
    assert r.returncode == 0 and "keten intact" in r.stdout, r.stderr


def test_opening_an_older_server_as_its_owner_grants_what_the_migration_adds(pg_tls_cluster,
                                                                            monkeypatch):
    """pgdesk opened by the server owner upgrades the schema itself (Store.open_server): every
    table is then usable by every user role, as after `server upgrade`, and the access log
    stays append-only for them."""
    from pgdesk.storage.repository import Store

    db, user, every, adds = _older_server(pg_tls_cluster, monkeypatch)
    with as_user(pg_tls_cluster, db, user) as conn:
        before = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
    Store.open_server(owner_url(pg_tls_cluster, db)).close()  # the owner's pgdesk migrates
    with as_user(pg_tls_cluster, db, user) as conn:
        rights = conn.execute(
            "SELECT table_name, has_table_privilege(table_name, 'SELECT'), "
            "has_table_privilege(table_name, 'INSERT'), has_table_privilege(table_name, 'UPDATE'), "
            "has_table_privilege(table_name, 'DELETE') FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").fetchall()
        assert {name for name, *_ in rights} - before, "the migration adds no table"
        for name, *can in rights:
            expected = {"access_log": [True, True, False, False],
                        "pgdesk_migrations": [True, False, False, False]}.get(name, [True] * 4)
            assert can == expected, name
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM access_log")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE eigen (x int)")


def _parsers(parser, path=()):
    """Every (sub)command parser of pgdesk with its words."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for word, sub in action.choices.items():
                yield from _parsers(sub, (*path, word))


def test_every_command_that_takes_a_file_takes_a_server():
    from pgdesk.cli import _parser

    for words, parser in _parsers(_parser()):
        options = {o for a in parser._actions for o in a.option_strings}
        if "--db" in options:
            assert "--server" in options, " ".join(words)


def test_init_and_rekey_on_a_server(pg_tls_cluster):
    """init --server sets up the server as `server init` does; --shared and rekey have no
    meaning there: a Dutch refusal, exit code 2, nothing made."""
    db, user = new_db_name(), new_user()
    r = pgdesk("init", "--server", owner_url(pg_tls_cluster, db), "--user", user, "--shared",
               input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 2 and "--shared hoort bij een databasebestand" in r.stderr
    assert db not in databases(pg_tls_cluster)
    r = pgdesk("init", "--server", owner_url(pg_tls_cluster, db), "--user", user,
               input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 0 and "Praktijkserver ingericht" in r.stdout, r.stderr
    with as_user(pg_tls_cluster, db, user) as conn:
        assert conn.execute("SELECT count(*) FROM professionals").fetchone()[0] == 1
    r = pgdesk("rekey", "--server", user_url(pg_tls_cluster, db, user), "--user", user,
               input=lines(PASSPHRASE, "een nieuwe lange zin", "een nieuwe lange zin"))
    assert r.returncode == 2 and "geen sleutel om te vernieuwen" in r.stderr
