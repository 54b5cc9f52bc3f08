"""The commands on the practice server (--server or PGDESK_SERVER), run as a user would: the
same output as from a file, and every refusal a Dutch sentence with exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pgdesk.storage import access_log
from pgdesk.storage.repository import Store


def pgdesk(*args, env=None, stdin=""):
    base = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "PGDESK_SERVER")}
    return subprocess.run([sys.executable, "-m", "pgdesk", *args], capture_output=True, text=True,
                          timeout=120, input=stdin, env=base | (env or {}))


@pytest.fixture
def practice(pg_cluster, instrument):
    """A server database with one held conversation; yields (url, url without password)."""
    name = pg_cluster.create_database()
    url = pg_cluster.url(name)
    with Store.open_server(url) as s:
        pro = s.add_professional("Dr. Server Test", "huisarts")
        p = s.add_patient("Ĳzerman, José", "1950-02-03")
        c = s.new_consultation(p.id, pro.id, "start", "2026-11-02")
        for d in instrument.dimensions:
            s.set_score(c.id, d.id, 6)
        s.set_plan_field(c.id, "goal", "Elke dag een rondje lopen")
        s.complete(c.id)
    yield url, url.replace(f":{pg_cluster.password}@", "@")
    pg_cluster.drop_database(name)


def _exports(url) -> list[str]:
    with Store.open_server(url) as s:
        return [line["what"] for line in access_log.lines_for(s.db, s.search_patients("ijzer")[0].id)
                if line["action"] == "E"]


def test_soep_from_the_server_is_logged_as_from_a_file(practice):
    url, _ = practice
    r = pgdesk("soep", "--server", url)
    assert r.returncode == 0, r.stderr
    assert "Elke dag een rondje lopen" in r.stdout
    assert _exports(url) == ["soep"]


def test_the_server_from_the_environment_and_the_password_from_standard_input(practice, tmp_path):
    url, without_password = practice
    out = tmp_path / "evaluatie.csv"
    r = pgdesk("export", "evaluation", "--out", str(out), stdin="fout-niet\n",
               env={"PGDESK_SERVER": without_password, "HOME": str(tmp_path)})
    assert r.returncode == 2 and "wachtwoord" in r.stderr.lower() and "Traceback" not in r.stderr
    assert not out.exists()
    from pgdesk.storage.postgres.connection import parse

    password = parse(url)["password"]
    r = pgdesk("export", "evaluation", "--out", str(out), stdin=password + "\n",
               env={"PGDESK_SERVER": without_password, "HOME": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    assert out.exists() and len(out.read_text().splitlines()) == 2  # header and the conversation


@pytest.mark.parametrize(("change", "says"), [
    (lambda url, port: url.replace(f":{port}/", ":1/"), "niet bereikbaar"),
    (lambda url, port: url.replace("sslmode=disable", "sslmode=verify-full"), "versleuteling"),
    (lambda url, port: url.replace("127.0.0.1", "praktijk.example"), "alleen versleuteld"),
    (lambda url, port: "http://praktijk.example/pgdesk", "postgresql://"),
])
def test_refusals_are_dutch_with_exit_code_2(practice, pg_cluster, change, says):
    url, _ = practice
    r = pgdesk("soep", "--server", change(url, pg_cluster.port))
    assert r.returncode == 2, r.stderr
    assert says in r.stderr and "Traceback" not in r.stderr
    assert _exports(url) == []


def test_a_server_of_a_newer_pgdesk_is_refused(practice):
    url, _ = practice
    with Store.open_server(url) as s:
        s.db.execute("INSERT INTO pgdesk_migrations VALUES ('pgdesk', '9999_future', 'x')")
    r = pgdesk("soep", "--server", url)
    assert r.returncode == 2 and "nieuwere versie van pgdesk" in r.stderr


def test_without_a_file_or_server_the_command_says_what_to_give():
    r = pgdesk("soep")
    assert r.returncode == 2 and "--server" in r.stderr


def test_a_malformed_server_address_is_a_dutch_refusal_not_a_traceback(tmp_path):
    r = pgdesk("soep", "--server", "postgresql://x@[bad/db", env={"HOME": str(tmp_path)})
    assert r.returncode == 2, r.stderr
    assert "Het adres van de praktijkserver is ongeldig" in r.stderr
    assert "Traceback" not in r.stderr


def test_fhir_export_from_the_server_is_logged_as_from_a_file(practice, tmp_path):
    import json

    url, _ = practice
    out = tmp_path / "gesprek.json"
    r = pgdesk("export", "fhir", "--server", url, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text())["resourceType"] == "Bundle"
    assert "Elke dag een rondje lopen" in out.read_text()
    assert _exports(url) == ["fhir"]
