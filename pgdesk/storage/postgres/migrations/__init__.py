"""Numbered schema migrations of the practice server, beside the file's (storage/migrations.py).

Each migration is one file here, `NNNN_name.sql`, named exactly as its SQLite twin and making
the same tables, columns and keys in PostgreSQL's SQL. A new migration is a new file: nothing
to register. `apply` runs every pending one in its own transaction (all or nothing) and records
it in `pgdesk_migrations`; a server with a migration this pgdesk does not know is refused
(NewerSchema), as a newer file is.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import psycopg

from pgdesk.storage.errors import NewerSchema, NotAPgdeskDatabase, StorageError
from pgdesk.storage.postgres import grants

MIGRATION_SET = "pgdesk"  # as the file's (sqlite-utils Migrations("pgdesk"))
TABLE = "pgdesk_migrations"
# Any fixed number: one pgdesk at a time migrates a server.
LOCK = 0x50474453


def migrations() -> list[tuple[str, str]]:
    """(name, SQL) of every migration, in order."""
    files = sorted(f for f in resources.files(__package__).iterdir() if f.name.endswith(".sql"))
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def known_names() -> list[str]:
    return [name for name, _ in migrations()]


def applied(conn: psycopg.Connection) -> list[str]:
    """The names of the migrations recorded on the server, oldest first ([] for an empty one)."""
    if conn.execute("SELECT to_regclass(%s)", [TABLE]).fetchone()[0] is None:
        return []
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {TABLE} WHERE migration_set = %s ORDER BY name", [MIGRATION_SET])]


def check(conn: psycopg.Connection, where: str) -> list[str]:
    """The migrations still to apply; refuses a server of a newer pgdesk or another program."""
    done = applied(conn)
    if set(done) - set(known_names()):
        raise NewerSchema(f"De database op de praktijkserver ({where}) is gemaakt met een nieuwere "
                          "versie van pgdesk. Werk pgdesk bij om hem te openen.")
    if not done and conn.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema()").fetchone()[0]:
        raise NotAPgdeskDatabase(f"De database op de praktijkserver ({where}) is van een ander "
                                 "programma, geen pgdesk-database. Er is niets aan veranderd.")
    return [name for name in known_names() if name not in done]


def apply(conn: psycopg.Connection, where: str) -> list[str]:
    """Bring the server's schema up to date (autocommit connection); returns what was applied.

    Each migration and its record commit together; another pgdesk migrating the same server
    at the same moment waits, then finds nothing left to do.
    """
    done: list[str] = []
    for name, sql in migrations():
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
                if name not in check(conn, where):
                    continue
                conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (migration_set TEXT NOT NULL, "
                             "name TEXT NOT NULL, applied_at TEXT NOT NULL, "
                             "PRIMARY KEY (migration_set, name))")
                conn.execute(sql.encode("utf-8"))
                if grants.group_exists(conn):  # what it adds, usable by every pgdesk user now
                    grants.apply_grants(conn, {TABLE})
                conn.execute(f"INSERT INTO {TABLE} (migration_set, name, applied_at) "
                             "VALUES (%s, %s, %s)",
                             [MIGRATION_SET, name, dt.datetime.now(dt.UTC).isoformat()])
        except psycopg.errors.InsufficientPrivilege:
            raise StorageError(
                f"De database op de praktijkserver ({where}) moet worden bijgewerkt, maar deze "
                "gebruiker mag dat niet. Vraag de beheerder om pgdesk op de server bij te werken "
                "(pgdesk server upgrade).") from None
        except psycopg.Error as exc:
            raise StorageError(
                f"Het bijwerken van de database op de praktijkserver ({where}) lukte niet bij stap "
                f"{name} ({exc.diag.message_primary or exc}). Die stap is niet uitgevoerd.") from None
        done.append(name)
    return done
