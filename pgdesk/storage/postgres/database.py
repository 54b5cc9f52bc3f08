"""The practice server behind the storage API: the sqlite-utils calls storage makes (see
storage/engine.py), on a psycopg connection, with storage's SQL translated (dialect.py) and
every driver error turned into the storage errors the file gives (connection.py)."""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import psycopg
from psycopg.types.string import TextLoader
from sqlite_utils.db import NotFoundError

from pgdesk.storage.engine import SEARCH_CAP, SEARCH_COLUMNS, SERVER, STREAM_BATCH
from pgdesk.storage.postgres.connection import explain_sql_error
from pgdesk.storage.postgres.dialect import translate
from pgdesk.storage.postgres.link_watch import LinkWatch

# Columns only the server has (insertion order, the search words and the practice number's
# first word), which SELECT * on the file never shows either.
HIDDEN = frozenset({"rowid", "search_words", "number_head"})


class _Rows:
    """A cursor's rows without the HIDDEN columns (only for queries that return them)."""

    def __init__(self, cursor: psycopg.Cursor):
        self._cursor = cursor
        self._keep = [i for i, c in enumerate(cursor.description) if c.name not in HIDDEN]
        self.description = [cursor.description[i] for i in self._keep]
        self.rowcount = cursor.rowcount

    def _row(self, row):
        return None if row is None else tuple(row[i] for i in self._keep)

    def fetchone(self):
        return self._row(self._cursor.fetchone())

    def fetchall(self):
        return [self._row(r) for r in self._cursor.fetchall()]

    def __iter__(self):
        return (self._row(r) for r in self._cursor)


STREAM_WORK_MEM = "64MB"  # per sort or hash of a streamed read, on the server


class PgTable:
    """The part of sqlite-utils' Table storage uses, on one server table."""

    def __init__(self, db: PgDatabase, name: str):
        self.db, self.name = db, name

    @property
    def pks(self) -> tuple[str, ...]:
        return self.db.primary_key(self.name)

    def _where_pk(self, pk_values: Any) -> tuple[str, list]:
        values = list(pk_values) if isinstance(pk_values, (list, tuple)) else [pk_values]
        if len(values) != len(self.pks):
            raise NotFoundError(f"{self.name}: key {pk_values!r}")
        return " AND ".join(f'"{k}" = ?' for k in self.pks), values

    def _insert(self, record: dict, conflict: str) -> None:
        cols = ", ".join(f'"{c}"' for c in record)
        marks = ", ".join("?" for _ in record)
        self.db.execute(f'INSERT INTO "{self.name}" ({cols}) VALUES ({marks}){conflict}',
                        list(record.values()))

    def insert(self, record: dict) -> PgTable:
        self._insert(record, "")
        return self

    def upsert(self, record: dict, pk: str | tuple[str, ...] | None = None) -> PgTable:
        keys = (pk,) if isinstance(pk, str) else tuple(pk or self.pks)
        rest = [c for c in record if c not in keys]
        action = (", ".join(f'"{c}" = EXCLUDED."{c}"' for c in rest) if rest else "")
        conflict = f" ON CONFLICT ({', '.join(chr(34) + k + chr(34) for k in keys)}) " + (
            f"DO UPDATE SET {action}" if action else "DO NOTHING")
        self._insert(record, conflict)
        return self

    def get(self, pk_values: Any) -> dict:
        where, values = self._where_pk(pk_values)
        rows = list(self.db.query(f'SELECT * FROM "{self.name}" WHERE {where}', values))
        if not rows:
            raise NotFoundError(f"{self.name}: {pk_values!r}")
        return rows[0]

    def update(self, pk_values: Any, updates: dict | None = None) -> PgTable:
        where, values = self._where_pk(pk_values)
        if not updates:
            self.get(pk_values)  # sqlite-utils: NotFoundError for a missing row, even with nothing to set
            return self
        sets = ", ".join(f'"{c}" = ?' for c in updates)
        found = self.db.execute(f'UPDATE "{self.name}" SET {sets} WHERE {where} RETURNING 1',
                                list(updates.values()) + values).fetchall()
        if not found:
            raise NotFoundError(f"{self.name}: {pk_values!r}")
        return self

    def delete_where(self, where: str | None = None, where_args: Sequence | None = None) -> PgTable:
        self.db.execute(f'DELETE FROM "{self.name}"' + (f" WHERE {where}" if where else ""),
                        list(where_args or []))
        return self

    def rows_where(self, where: str | None = None, where_args: Sequence | None = None,
                   order_by: str | None = None, select: str = "*",
                   limit: int | None = None, offset: int | None = None) -> Iterator[dict]:
        sql = f'SELECT {select} FROM "{self.name}"'
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset is not None:
            sql += f" OFFSET {int(offset)}"
        return self.db.query(sql, where_args)

    @property
    def count(self) -> int:
        return self.db.execute(f'SELECT count(*) FROM "{self.name}"').fetchone()[0]

    def exists(self) -> bool:
        return self.name in self.db.table_names()


class PgDatabase:
    """A psycopg connection (autocommit outside `atomic`) offering the storage API."""

    dialect = SERVER

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn
        self.watch = LinkWatch(conn)  # a link that stops answering ends a statement in seconds
        # SQLite hands JSON results over as text; storage parses them itself.
        for name in ("json", "jsonb"):
            conn.adapters.register_loader(name, TextLoader)
        self._translate: Callable[[str], str] = functools.partial(translate,
                                                                  primary_key=self.primary_key)
        self._streams = itertools.count()  # names of server-side cursors, unique per connection

    # -- statements -------------------------------------------------------------------------
    def execute(self, sql: str, parameters: Sequence | Mapping | None = None, *,
                prepare: bool | None = None):
        """`prepare`: as psycopg's (None: prepared once run often; False: planned every time)."""
        try:  # a closed connection fails already here: the same Dutch error
            cursor = self.conn.cursor()
            if parameters is None or not isinstance(parameters, Mapping):
                parameters = list(parameters or ())
            with self.watch():
                cursor.execute(self._translate(sql), parameters, prepare=prepare)
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc
        if cursor.description and any(c.name in HIDDEN for c in cursor.description):
            return _Rows(cursor)
        return cursor

    def query(self, sql: str, params: Sequence | Mapping | None = None) -> Iterator[dict]:
        cursor = self.execute(sql, params)
        names = [c.name for c in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def executescript(self, script: str) -> None:
        """Run SQL as written for PostgreSQL (migrations), untranslated."""
        try:
            self.conn.execute(script.encode("utf-8"))
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc

    def __getitem__(self, table_name: str) -> PgTable:
        return PgTable(self, table_name)

    table = __getitem__

    @contextlib.contextmanager
    def atomic(self):
        """A transaction; nested, a savepoint (as sqlite-utils' atomic)."""
        try:
            with self.watch(), self.conn.transaction():  # the commit is watched too
                yield self
        except psycopg.Error as exc:  # the commit itself failed (e.g. the connection dropped)
            raise explain_sql_error(exc) from exc

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")]

    @functools.cache  # noqa: B019  # one small cache per open database, freed with it
    def primary_key(self, table: str) -> tuple[str, ...]:
        rows = self.conn.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary "
            "ORDER BY array_position(i.indkey, a.attnum)", [table]).fetchall()
        return tuple(r[0] for r in rows)

    def close(self) -> None:
        self.watch.close()
        self.conn.close()

    # -- what differs per engine (storage/engine.py) ----------------------------------------
    def search_patients(self, words: list[str], limit: int):
        if not words:  # the name index in order: no sort at all
            return self.execute(f"SELECT {', '.join(SEARCH_COLUMNS)} FROM patients "
                                "ORDER BY lower(display_name) LIMIT ?", [limit], prepare=True)
        # A word typed finds a patient when a word of the name or of the practice number starts
        # with it (migration 0017: one row per word of a patient, and the function that reads
        # them). The typed word with the fewest words is a range of the words' btree, read in
        # order until SEARCH_CAP rows have all words typed; those are sorted by name. Not GIN:
        # it collects every match of a prefix before the first row ("j": a third of the
        # practice). One statement: each round trip counts on a keystroke.
        return self.execute("SELECT * FROM pgdesk_search_patients(?, ?, ?, ?)",
                            [words, " & ".join(f"'{w}':*" for w in words), SEARCH_CAP, limit],
                            prepare=True)

    def change_counter(self, reads: Mapping[str, str]) -> int:
        # A sequence that statement triggers on the due list's tables advance (migration
        # 0007): not transactional, so no two rooms ever wait on it, and it counts every room.
        return self.execute("SELECT last_value + is_called::int FROM due_version").fetchone()[0]

    def scrub_search_index(self) -> None:
        pass  # the search words are a column of the patient's row: they go with it

    def checkpoint(self) -> bool:
        # Deleted rows stay on disk as dead tuples until VACUUM reclaims them; do it now for the
        # tables that held the patient (VACUUM needs autocommit: after the erasing commit).
        if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            return False
        try:
            self.conn.execute("VACUUM patients, patient_words, consultations, trajectories, "
                              "referrals, plans, wheel_answers, marks, aspect_scores, "
                              "dimension_scores")
        except psycopg.errors.InsufficientPrivilege:
            return True  # a role without VACUUM rights: the server's autovacuum does it
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc
        return True

    def interrupt(self) -> None:
        self.conn.cancel_safe()

    def stream(self, sql: str, parameters: Sequence = ()) -> Iterator[list[tuple]]:
        # A server-side cursor WITH HOLD: the server keeps the result and hands it over a batch
        # per fetch, and no transaction stays open meanwhile on a connection the window may
        # use too (a client-side cursor would hold every row here).
        cursor = self.conn.cursor(name=f"pgdesk_stream_{next(self._streams)}", withhold=True)
        try:
            with self.conn.transaction():  # only while the server runs the read and keeps it
                # sorts and hashes of a practice's conversations in memory, not in temp files
                self.conn.execute(f"SET LOCAL work_mem = '{STREAM_WORK_MEM}'")
                cursor.execute(self._translate(sql), list(parameters))
            while batch := cursor.fetchmany(STREAM_BATCH):
                yield batch
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc
        finally:
            with contextlib.suppress(psycopg.Error):  # a dropped connection took it along
                cursor.close()

    def execute_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        try:
            with self.conn.cursor() as cursor, self.watch():
                cursor.executemany(self._translate(sql), list(rows))
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        # COPY: the rows as one stream, no statement to parse, plan or wait for per batch
        names = ", ".join(f'"{c}"' for c in columns)
        try:
            with self.conn.cursor() as cursor, self.watch(), cursor.copy(
                    f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            raise explain_sql_error(exc) from exc

    def serialize(self, name: str) -> None:
        self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [name])
