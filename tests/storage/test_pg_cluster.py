"""The throw-away PostgreSQL the server-engine tests run on: logins need the password, a
fresh database per test is quick, and the TLS variant verifies its own certificate."""

from __future__ import annotations

import psycopg
import pytest


def test_password_login_and_fresh_database(pg_cluster):
    name = pg_cluster.create_database()
    with psycopg.connect(pg_cluster.url(name)) as conn:
        assert conn.execute("SELECT current_database()").fetchone()[0] == name
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(pg_cluster.url(name, password="fout"), connect_timeout=5).close()
    pg_cluster.drop_database(name)


def test_tls_verify_full(pg_tls_cluster):
    with psycopg.connect(pg_tls_cluster.url()) as conn:
        assert conn.pgconn.ssl_in_use
    # the certificate names localhost/127.0.0.1; another name for the same address fails to verify
    other = pg_tls_cluster.url(hostaddr="127.0.0.1").replace("@127.0.0.1:", "@praktijk.example:")
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        psycopg.connect(other, connect_timeout=5).close()
