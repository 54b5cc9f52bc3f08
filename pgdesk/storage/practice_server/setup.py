"""Setting up an empty practice server, and its users.

The server owner (the role in the address: the docker image's POSTGRES_USER, or `postgres` on a
Windows installation) owns the database, the schema and every table. pgdesk users are LOGIN
roles in one group role that may read and write the patient data and nothing else: no DDL, and
on the access log only SELECT and INSERT (its triggers refuse UPDATE and DELETE to anyone but
the owner's maintenance, and the group has no privilege to try).

Passwords never reach the server in clear: the SCRAM-SHA-256 verifier is computed here (as
psql's \\password does) and only that is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from psycopg import sql

from pgdesk.domain.models import ROLES
from pgdesk.domain.validation import InputError, require_name
from pgdesk.storage.postgres import grants
from pgdesk.storage.practice_server import schema
from pgdesk.storage.practice_server.connect import (
    NoDatabase,
    ServerError,
    Target,
    connect,
    explain,
)

GROUP_ROLE = grants.GROUP_ROLE
_MAX_ROLE_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1


@dataclass(frozen=True)
class InitResult:
    database: str
    owner: str
    user: str
    created_database: bool
    group: str = GROUP_ROLE


def role_name(name: str) -> str:
    """A pgdesk user's name as their PostgreSQL role: the name itself, which the server shows
    in its own views of who is connected."""
    name = require_name(name)
    if len(name.encode("utf-8")) > _MAX_ROLE_BYTES:
        raise InputError("Die naam is te lang voor de server (hoogstens 63 bytes).")
    if name.lower().startswith("pg_") or name == GROUP_ROLE:
        raise InputError(f"De naam {name} is voorbehouden aan de server; kies een andere.")
    return name


def connect_or_create(target: Target, ask_password) -> tuple[psycopg.Connection, bool]:
    """The database in the address; if it does not exist yet, the owner creates it (from the
    maintenance database `postgres`). Returns the connection and whether it was created."""
    try:
        return connect(target, ask_password=ask_password), False
    except NoDatabase:
        pass
    dbname = target.params.get("dbname") or target.params.get("user")
    maint = Target({**target.params, "dbname": "postgres"}, target.shown)
    with connect(maint, ask_password=ask_password, autocommit=True) as admin:
        require_owner(admin, target)
        admin.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
            sql.Identifier(dbname)))
    return connect(Target({**target.params, "dbname": dbname}, target.shown),
                   ask_password=ask_password), True


def require_owner(conn: psycopg.Connection, target: Target) -> None:
    row = conn.execute("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles "
                       "WHERE rolname = current_user").fetchone()
    if not row or not (row[0] or (row[1] and row[2])):
        raise ServerError(f"Verbind als de eigenaar van de server {target.shown} (in het adres: de "
                          "beheerder, bijvoorbeeld postgres of pgdesk_owner), niet als een "
                          "gebruiker van pgdesk. Er is niets veranderd.")


def drop_database(target: Target, dbname: str, ask_password) -> None:
    maint = Target({**target.params, "dbname": "postgres"}, target.shown)
    with connect(maint, ask_password=ask_password, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(dbname)))


def init_server(target: Target, *, user: str, passphrase_source: Callable[[], str],
                role: str = "huisarts", ask_password: Callable[[str], str] | None = None
                ) -> InitResult:
    """Schema, group role and the first user on an empty server, in one transaction: a refusal
    or a failure leaves the server as it was (a database created here is dropped again).
    The new user's passphrase is asked (`passphrase_source`) once the server is known to be
    empty, after the owner's password."""
    name = role_name(user)
    if role not in ROLES:
        raise InputError(f"Onbekende functie: {role}")
    conn, created = connect_or_create(target, ask_password)
    dbname = conn.info.dbname
    try:
        with conn:
            require_owner(conn, target)
            schema.require_empty(conn, target.shown)
            if _role_exists(conn, name):
                raise ServerError(f"Op de server bestaat al een rol {name}; kies een andere naam. "
                                  "Er is niets veranderd.")
            passphrase = passphrase_source()
            with conn.transaction():
                schema.create(conn, target.shown)
                owner = conn.execute("SELECT current_user").fetchone()[0]
                create_group(conn, dbname)
                apply_grants(conn)
                _create_login(conn, name, passphrase)
                schema.add_professional(conn, name, role)
    except BaseException as exc:
        if created:
            drop_database(target, dbname, ask_password)
        if isinstance(exc, psycopg.Error) and not isinstance(exc, ServerError):
            raise explain(exc, target) from None
        raise
    return InitResult(dbname, owner, name, created)


def upgrade(target: Target, *, ask_password: Callable[[str], str] | None = None) -> list[str]:
    """The server's schema brought up to this pgdesk, as the owner, with the group's rights on
    what is new, all in one transaction; returns the migrations applied."""
    with connect(target, ask_password=ask_password) as conn:
        require_owner(conn, target)
        todo = schema.pending(conn, target.shown)
        if todo:
            try:
                with conn.transaction():
                    schema.create(conn, target.shown)
                    apply_grants(conn)
            except psycopg.Error as exc:
                raise explain(exc, target) from None
    return todo


def add_user(target: Target, *, user: str, passphrase_source: Callable[[], str],
             role: str = "huisarts", ask_password: Callable[[str], str] | None = None) -> None:
    """Another pgdesk user on an initialised server (connected as the owner)."""
    name = role_name(user)
    if role not in ROLES:
        raise InputError(f"Onbekende functie: {role}")
    with connect(target, ask_password=ask_password) as conn:
        require_owner(conn, target)
        schema.require_current(conn, target.shown)
        if _role_exists(conn, name):
            raise ServerError(f"Op de server bestaat al een rol {name}. Er is niets veranderd.")
        passphrase = passphrase_source()
        try:
            with conn.transaction():
                _create_login(conn, name, passphrase)
                schema.add_professional(conn, name, role)
        except psycopg.Error as exc:
            raise explain(exc, target) from None


def _role_exists(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() is not None


def create_group(conn: psycopg.Connection, dbname: str) -> None:
    """The group role (cluster-wide, so it may exist from another pgdesk database), and the
    database closed to everyone else."""
    if not _role_exists(conn, GROUP_ROLE):
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(GROUP_ROLE)))
    db = sql.Identifier(dbname)
    conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    # TEMPORARY: the evaluation export's pseudonym is a function of the session (pg_temp).
    conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
        db, sql.Identifier(GROUP_ROLE)))
    conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")


def apply_grants(conn: psycopg.Connection) -> None:
    """What the group may do, table by table (storage/postgres/grants.py); run again after
    every schema upgrade (idempotent)."""
    grants.apply_grants(conn, schema.READ_ONLY)


def _create_login(conn: psycopg.Connection, name: str, passphrase: str) -> None:
    verifier = conn.pgconn.encrypt_password(passphrase.encode("utf-8"), name.encode("utf-8"),
                                            b"scram-sha-256").decode("ascii")
    conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(name), sql.Literal(verifier), sql.Identifier(GROUP_ROLE)))
