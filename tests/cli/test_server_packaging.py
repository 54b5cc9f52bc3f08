"""packaging/server as it would run: the certificate script, then a real PostgreSQL with the
compose file's settings and its pg_hba.conf. Plain connections are refused, SCRAM over TLS with
the generated certificate works, and a patient's name sent as a parameter, even in a statement
that fails, never shows up in the server's log."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from pg_cluster import PgCluster, find_bindir

SERVER = Path(__file__).resolve().parents[2] / "packaging" / "server"
NAME = "server.praktijk.test"
PATIENT = "Jantje Testpatiënt-Geheim"


def compose_settings() -> dict[str, str]:
    """The `-c key=value` options of the db service's command in compose.yaml."""
    text = (SERVER / "compose.yaml").read_text(encoding="utf-8")
    items = re.findall(r"^\s+- (\S.*)$", text.split("command:", 1)[1].split("environment:", 1)[0],
                       re.MULTILINE)
    settings = {}
    for flag, value in zip(items, items[1:], strict=False):
        if flag == "-c":
            key, _, val = value.partition("=")
            settings[key] = val
    return settings


def test_compose_file_asks_for_what_the_issue_promises():
    s = compose_settings()
    assert s["ssl"] == "on" and s["password_encryption"] == "scram-sha-256"
    assert s["log_statement"] == "none" and s["log_parameter_max_length"] == "0"
    assert s["log_parameter_max_length_on_error"] == "0" and s["log_error_verbosity"] == "terse"
    text = (SERVER / "compose.yaml").read_text(encoding="utf-8")
    assert re.search(r"image: postgres:(1[5-9]|[2-9]\d)", text)
    assert "pgdata:/var/lib/postgresql/data" in text and "\nvolumes:\n  pgdata:" in text
    hba = [ln.split() for ln in (SERVER / "pg_hba.conf").read_text().splitlines()
           if ln.strip() and not ln.startswith("#")]
    assert {r[0] for r in hba} == {"local", "hostssl", "hostnossl"}
    assert all(r[-1] == "scram-sha-256" for r in hba if r[0] in ("local", "hostssl"))
    assert all(r[-1] == "reject" for r in hba if r[0] == "hostnossl")


@pytest.fixture(scope="module")
def packaged(tmp_path_factory):
    """A server set up as compose.yaml does (certificate from tls-entrypoint.sh)."""
    if find_bindir() is None or shutil.which("openssl") is None:
        pytest.skip("PostgreSQL of openssl is niet geïnstalleerd")
    tls = tmp_path_factory.mktemp("tls")
    fake = tmp_path_factory.mktemp("bin")
    (fake / "docker-entrypoint.sh").write_text('#!/bin/sh\necho "handed over: $*"\n')
    (fake / "docker-entrypoint.sh").chmod(0o755)
    env = {**os.environ, "PGDESK_TLS_DIR": str(tls), "PGDESK_SERVER_NAME": NAME,
           "PATH": f"{fake}:{os.environ['PATH']}"}
    done = subprocess.run(["sh", str(SERVER / "tls-entrypoint.sh"), "postgres", "-c", "ssl=on"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "handed over: postgres -c ssl=on" in done.stdout
    assert (tls / "server.key").stat().st_mode & 0o777 == 0o600
    cluster = PgCluster().start()
    try:
        folder = cluster.folder
        for f in ("server.crt", "server.key"):
            shutil.copy(tls / f, folder / f)
            cluster._chown(folder / f)
        (folder / "server.key").chmod(0o600)
        settings = compose_settings() | {"ssl_cert_file": str(folder / "server.crt"),
                                         "ssl_key_file": str(folder / "server.key")}
        settings.pop("hba_file")
        with (cluster.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{k} = '{v}'\n" for k, v in settings.items())
        shutil.copy(SERVER / "pg_hba.conf", cluster.data / "pg_hba.conf")
        cluster._chown(cluster.data / "pg_hba.conf")
        restarted = cluster._run("pg_ctl", "-D", str(cluster.data), "-l",
                                 str(folder / "server.log"), "-o", f"-p {cluster.port}", "-w",
                                 "restart")
        assert restarted.returncode == 0, restarted.stderr
        yield cluster, tls / "server.crt"
    finally:
        cluster.stop()


def _url(cluster, ca: Path, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return (f"postgresql://{cluster.user}:{cluster.password}@{NAME}:{cluster.port}/postgres"
            f"?hostaddr=127.0.0.1&sslrootcert={ca}&{query}")


def test_tls_and_scram_only_and_no_patient_data_in_the_log(packaged):
    cluster, ca = packaged
    with pytest.raises(psycopg.OperationalError, match="no pg_hba.conf entry|reject"):
        psycopg.connect(_url(cluster, ca, sslmode="disable"), connect_timeout=5).close()
    with psycopg.connect(_url(cluster, ca, sslmode="verify-full"), autocommit=True) as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("SHOW password_encryption").fetchone()[0] == "scram-sha-256"
        conn.execute("CREATE TABLE patients (name text NOT NULL CHECK (length(name) < 5))")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO patients (name) VALUES (%s)", [PATIENT])
        with pytest.raises(psycopg.errors.UndefinedColumn):
            conn.execute("SELECT nope FROM patients WHERE name = %s", [PATIENT])
    log = (cluster.folder / "server.log").read_text(errors="replace")
    assert "connection authorized" in log  # who connected is logged ...
    assert "Testpatiënt" not in log and "Geheim" not in log  # ... what they sent is not
