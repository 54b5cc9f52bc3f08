"""What the server-side operations need to know of pgdesk's schema on the server: its state
(empty, current, older, newer), its tables in foreign-key order, counts, the access log's head
and chain. The schema itself and its migrations are storage/postgres's."""

from __future__ import annotations

import graphlib

import psycopg
from psycopg import sql

from pgdesk.storage import access_log
from pgdesk.storage.errors import NewerSchema
from pgdesk.storage.postgres import migrations as pg_migrations
from pgdesk.storage.postgres.database import PgDatabase
from pgdesk.storage.practice_server.connect import ServerError
from pgdesk.storage.repository import new_id, now

ACCESS_LOG = "access_log"
# Tables pgdesk users may read but never write.
READ_ONLY = {pg_migrations.TABLE}


def name(conn: psycopg.Connection) -> str:
    """The schema pgdesk's tables live in (the connection's current schema)."""
    return conn.execute("SELECT current_schema()").fetchone()[0]


def applied(conn: psycopg.Connection) -> list[str]:
    return pg_migrations.applied(conn)


def _newer(where: str) -> NewerSchema:
    return NewerSchema(f"De database op de praktijkserver ({where}) is gemaakt met een nieuwere "
                       "versie van pgdesk. Werk pgdesk eerst bij. Er is niets veranderd.")


def require_known(names: list[str], what: str) -> None:
    if set(names) - set(pg_migrations.known_names()):
        raise NewerSchema(f"{what} is gemaakt met een nieuwere versie van pgdesk. Werk pgdesk "
                          "eerst bij. Er is niets veranderd.")


def require_empty(conn: psycopg.Connection, where: str) -> None:
    """Refuse a server that pgdesk (this or a newer one) or another program already uses."""
    done = applied(conn)
    if set(done) - set(pg_migrations.known_names()):
        raise _newer(where)
    if done:
        upgrade = ("" if set(pg_migrations.known_names()) <= set(done) else
                   " Bijwerken naar deze versie van pgdesk: pgdesk server upgrade.")
        raise ServerError(f"De praktijkserver ({where}) is al ingericht voor pgdesk. Een gebruiker "
                          f"erbij: pgdesk server user add.{upgrade} Er is niets veranderd.")
    pg_migrations.check(conn, where)  # tables of another program


def require_blank(conn: psycopg.Connection, where: str) -> None:
    """A restore goes only into a database without any table."""
    if tables(conn) or applied(conn):
        raise ServerError(f"De database op {where} is niet leeg; een reservekopie wordt alleen in "
                          "een lege database teruggezet (maak er een met een nieuwe naam in het "
                          "adres: pgdesk maakt hem aan). Er is niets veranderd.")


def require_current(conn: psycopg.Connection, where: str) -> None:
    """An initialised server whose schema this pgdesk knows completely."""
    if pending(conn, where):
        raise ServerError(f"De database op de praktijkserver ({where}) moet eerst worden "
                          "bijgewerkt naar deze versie van pgdesk (door de beheerder: pgdesk "
                          "server upgrade). Er is niets veranderd.")


def pending(conn: psycopg.Connection, where: str) -> list[str]:
    """The migrations an initialised server still lacks; refuses an empty or a newer one."""
    if not applied(conn):
        raise ServerError(f"De praktijkserver ({where}) is nog niet ingericht voor pgdesk: eerst "
                          "pgdesk server init. Er is niets veranderd.")
    try:
        return pg_migrations.check(conn, where)
    except NewerSchema:
        raise _newer(where) from None


def require_same_version(conn: psycopg.Connection, file_applied: list[str]) -> None:
    missing = set(file_applied) - set(applied(conn))
    if missing:
        raise ServerError("Het bestand is van een nieuwere versie van pgdesk dan de server; werk "
                          "de server eerst bij. Er is niets veranderd.")


def create(conn: psycopg.Connection, where: str) -> None:
    pg_migrations.apply(conn, where)


def tables(conn: psycopg.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name")]


def counts(conn: psycopg.Connection) -> dict[str, int]:
    return {t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
            for t in tables(conn)}


def log_head(conn: psycopg.Connection) -> list | None:
    row = conn.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    return [row[0], row[1]] if row else None


def verify_chain(conn: psycopg.Connection) -> list[str]:
    """access_log.verify_chain on the server: the very same check as for the file."""
    return access_log.verify_chain(PgDatabase(conn))


def append_log(conn: psycopg.Connection, actor: access_log.Actor, what: str) -> None:
    access_log.append(PgDatabase(conn), actor, None, "C", what)


def primary_key(conn: psycopg.Connection, table: str) -> tuple[str, ...]:
    return PgDatabase(conn).primary_key(table)


def in_dependency_order(conn: psycopg.Connection, wanted: list[str]) -> list[str]:
    """`wanted` with every table after the tables its foreign keys point to."""
    edges = conn.execute(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
        "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace").fetchall()
    graph: dict[str, set[str]] = {t: set() for t in wanted}
    for child, parent in edges:
        child, parent = child.strip('"'), parent.strip('"')
        if child in graph and parent in graph and parent != child:
            graph[child].add(parent)
    return list(graphlib.TopologicalSorter(graph).static_order())


def file_migrations(file_db) -> list[str]:
    from pgdesk.storage.migrations import migrations

    return [m.name for m in migrations.applied(file_db)]


def add_professional(conn: psycopg.Connection, name: str, role: str) -> None:
    """The user as a professional in pgdesk, unless one of that name is there (a restore)."""
    conn.execute("INSERT INTO professionals (id, name, role, created_at) SELECT %s, %s, %s, %s "
                 "WHERE NOT EXISTS (SELECT 1 FROM professionals WHERE lower(name) = lower(%s))",
                 [new_id(), name, role, now(), name])


def users_without_login(conn: psycopg.Connection) -> list[str]:
    """Professionals without a login role on this server (after a restore onto a new server)."""
    return [r[0] for r in conn.execute(
        "SELECT p.name FROM professionals p WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE "
        "r.rolname = p.name AND r.rolcanlogin) ORDER BY p.name")]


def wipe(conn: psycopg.Connection) -> None:
    """Back to an empty database after a restore that did not check out: the schema (with what
    the restore put there) dropped and made again as PostgreSQL makes it."""
    ns = sql.Identifier(name(conn))
    conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(ns))
    conn.execute(sql.SQL("CREATE SCHEMA {} AUTHORIZATION pg_database_owner").format(ns))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO PUBLIC").format(ns))
