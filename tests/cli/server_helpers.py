"""The practice-server commands as a user runs them (subprocess), on the throw-away server."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import psycopg

from tests.cli.test_cli import pgdesk

USER = "Dr. A. de Vries"
PASSPHRASE = "een lange testzin"
FILE_USER = "Dr. Test Arts"
FILE_PASSPHRASE = "het wachtwoord van het bestand"


def lines(*secrets_: str) -> str:
    return "".join(f"{s}\n" for s in secrets_)


def new_db_name() -> str:
    return f"praktijk_{secrets.token_hex(5)}"


def new_user() -> str:
    """Login roles belong to the whole server (the session's one): a name of this test's own."""
    return f"Dr. Test {secrets.token_hex(3)}"


def owner_url(cluster, dbname: str, **params) -> str:
    return cluster.url(dbname, **params)


def user_url(cluster, dbname: str, user: str = USER) -> str:
    """The address without a password: pgdesk asks for it (from standard input)."""
    return cluster.url(dbname, user=user, password="")


def init(cluster, dbname: str, user: str = USER, passphrase: str = PASSPHRASE):
    return pgdesk("server", "init", "--server", owner_url(cluster, dbname), "--user", user,
                  input=lines(passphrase, passphrase))


def as_user(cluster, dbname: str, user: str = USER, passphrase: str = PASSPHRASE):
    params = {"sslmode": "verify-full", "sslrootcert": str(cluster.ca_path)} if cluster.tls else {
        "sslmode": "disable"}
    return psycopg.connect(host=cluster.host, port=cluster.port, dbname=dbname, user=user,
                           password=passphrase, autocommit=True, **params)


def databases(cluster) -> set[str]:
    with cluster.admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def roles(cluster) -> set[str]:
    with cluster.admin() as conn:
        return {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}


def demo_file(folder: Path, name: str = "kamer1.db") -> Path:
    path = folder / name
    r = pgdesk("demo", str(path), "--user", FILE_USER, input=lines(FILE_PASSPHRASE, FILE_PASSPHRASE))
    assert r.returncode == 0, r.stderr
    return path


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in a folder with its hash: to show a file (and its sidecars) untouched."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}
