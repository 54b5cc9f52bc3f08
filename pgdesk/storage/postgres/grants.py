"""What pgdesk's users may do on the practice server, table by table: the group role's
privileges. Applied by `server init`, `server upgrade` and a restore, and by every migration in
its own transaction, so a table a migration adds is usable by every user role at once, whoever
ran it (an upgrade through `Store.open_server` as the owner too), and the access log stays
append-only.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

GROUP_ROLE = "pgdesk_users"
ACCESS_LOG = "access_log"


def group_exists(conn: psycopg.Connection) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP_ROLE]).fetchone() is not None


def apply_grants(conn: psycopg.Connection, read_only: set[str]) -> None:
    """Data tables: SELECT, INSERT, UPDATE, DELETE. The access log: SELECT and INSERT.
    `read_only` (the migration bookkeeping): SELECT. Nothing else, and no CREATE anywhere.
    Idempotent; the caller's transaction."""
    group = sql.Identifier(GROUP_ROLE)
    ns = sql.Identifier(conn.execute("SELECT current_schema()").fetchone()[0])
    conn.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(ns))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(ns, group))
    conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM PUBLIC, {}").format(ns, group))
    tables = [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name")]
    for table in tables:
        privileges = {ACCESS_LOG: "SELECT, INSERT"}.get(table, "SELECT, INSERT, UPDATE, DELETE")
        if table in read_only:
            privileges = "SELECT"
        conn.execute(sql.SQL("GRANT {} ON {} TO {}").format(
            sql.SQL(privileges), sql.Identifier(table), group))
    conn.execute(sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(ns, group))
