"""An open practice server: the connection, its migrated schema, and how it is named; the
server's counterpart of storage/database.py's OpenDatabase."""

from __future__ import annotations

import psycopg

from pgdesk.storage.errors import StorageError
from pgdesk.storage.postgres import connection, migrations
from pgdesk.storage.postgres.database import PgDatabase


class OpenServer:
    """A migrated PgDatabase. `path` is None (no file); `label` names the server for people."""

    path = None
    key = None

    def __init__(self, db: PgDatabase, params: dict[str, str]):
        self.db = db
        self.params = params  # libpq parameters, without the password
        self.label = connection.label(params)

    @property
    def encrypted(self) -> bool:
        """The connection is encrypted (TLS); storage at rest is the server's own business."""
        return bool(self.db.conn.pgconn.ssl_in_use)

    def close(self) -> None:
        self.db.close()


def open_server(address: str, *, user: str | None = None, password: str | None = None,
                migrate: bool = True) -> OpenServer:
    """Connect to a practice server (postgresql:// URL or service name), check its schema and
    bring it up to date. Dutch StorageErrors: unreachable, wrong password, no TLS where it is
    required, a newer pgdesk's schema, not a pgdesk database; ServerPasswordNeeded when a
    password must be asked for."""
    conn, params = connection.connect(address, user=user, password=password)
    where = connection.label(params)
    try:
        try:
            pending = migrations.check(conn, where)
        except psycopg.Error as exc:
            raise connection.explain_sql_error(exc) from None
        if pending and migrate:
            migrations.apply(conn, where)
        elif pending:
            raise StorageError(f"De database op de praktijkserver ({where}) is nog niet "
                               "ingericht of bijgewerkt voor deze versie van pgdesk.")
    except BaseException:
        conn.close()
        raise
    return OpenServer(PgDatabase(conn), params)
