"""`pgdesk check --server`: the server's access log, verified as the file's is (access_log.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from pgdesk.storage.practice_server import schema
from pgdesk.storage.practice_server.connect import Target, connect, explain


@dataclass(frozen=True)
class ServerCheck:
    schema_version: str
    lines: int
    problems: list[str]


def check_server(target: Target, *, ask_password: Callable[[str], str] | None) -> ServerCheck:
    with connect(target, ask_password=ask_password) as conn:
        schema.require_current(conn, target.shown)
        try:
            # one snapshot: the count and the chain describe the same log
            conn.rollback()
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with conn.transaction():
                lines = conn.execute("SELECT count(*) FROM access_log").fetchone()[0]
                problems = schema.verify_chain(conn)
                version = schema.applied(conn)[-1] if schema.applied(conn) else "-"
        except psycopg.Error as exc:
            raise explain(exc, target) from None
    return ServerCheck(version, lines, problems)
