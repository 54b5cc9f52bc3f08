"""The storage port: what StoreCore and the feature modules need from a database engine.

Storage speaks the sqlite-utils API to `store.db` (`execute` with `?` placeholders, `query`,
`db["table"].insert/upsert/get/update/rows_where`, `atomic()`), in SQLite's SQL. Two engines
offer it: `FileDatabase` below (the SQLCipher file, sqlite-utils itself) and
`pgdesk.storage.postgres.database.PgDatabase` (a practice server through psycopg, which
translates the SQL in one place, postgres/dialect.py).

What cannot be said in one SQL for both engines is a method of the engine, listed in
`SqlEngine`: patient search, the due list's change counter, making an erasure physically
complete, the evaluation export's pseudonym, serialising the access log's chain, and streaming a
long read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlite_utils import Database

FILE = "sqlite"
SERVER = "postgresql"
STREAM_BATCH = 2000  # rows per fetch of a streamed read
# Matches a search keystroke reads from an index at most (both engines; per candidate set on
# the server) before sorting them by name. Up to the cap the list is the first of all matches by
# name; beyond it (a list longer than the 200 shown anyway) the user types on, and reading more
# rows would cost each keystroke time without showing anyone more: no keystroke sorts the
# whole practice.
SEARCH_CAP = 500
# What a search row holds: only what the list shows (a whole patients row is twice as wide to
# sort, carry and convert, for every keystroke).
SEARCH_COLUMNS = ("id", "display_name", "birth_date", "practice_number")


class SqlTable(Protocol):
    """The part of sqlite-utils' Table that storage uses."""

    def insert(self, record: dict) -> Any: ...
    def upsert(self, record: dict, pk: str | tuple[str, ...]) -> Any: ...
    def get(self, pk_values: Any) -> dict: ...  # raises sqlite_utils.db.NotFoundError
    def update(self, pk_values: Any, updates: dict | None = None) -> Any: ...
    def rows_where(self, where: str | None = None, where_args: Sequence | None = None,
                   order_by: str | None = None, select: str = "*",
                   limit: int | None = None) -> Iterator[dict]: ...
    @property
    def count(self) -> int: ...


class SqlEngine(Protocol):
    """The database behind a Store: SQLite's SQL and the sqlite-utils calls storage makes,
    plus the few operations whose SQL differs per engine."""

    dialect: str  # FILE or SERVER

    def execute(self, sql: str, parameters: Sequence | Mapping | None = None) -> Any: ...
    def query(self, sql: str, params: Sequence | Mapping | None = None) -> Iterator[dict]: ...
    def __getitem__(self, table_name: str) -> SqlTable: ...
    def atomic(self) -> AbstractContextManager[Any]: ...
    def table_names(self) -> list[str]: ...

    def search_patients(self, words: list[str], limit: int) -> Any:
        """A cursor over rows of SEARCH_COLUMNS (in that order) of the patients whose name or
        practice number has a word starting with each of `words` (accents and case ignored; the
        number split into words as a name is: "4711" finds "P-4711", not "104711"), by name;
        all patients without words. At most SEARCH_CAP matches are read and sorted: beyond
        that, which of them are shown is up to the index."""

    def change_counter(self, reads: Mapping[str, str]) -> int:
        """A number that changes whenever rows of `reads` ({table: " OF col, ..." or ""})
        change, for the due list's cache."""

    def scrub_search_index(self) -> None:
        """Inside the erasing transaction: no trace of deleted names left in the search index."""

    def checkpoint(self) -> bool:
        """After an erasure: overwrite what deleted rows left behind; False to retry later."""

    def execute_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        """One statement for many rows (`?` placeholders), as fast as the engine allows."""

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        """Many rows into `table` (values in the order of `columns`) as fast as the engine
        allows: COPY on the server."""

    def interrupt(self) -> None:
        """From another thread: stop the statement running on this connection."""

    def serialize(self, name: str) -> None:
        """Inside a transaction: wait until no other transaction holds `name` (the access log's
        chain needs one writer at a time)."""

    def stream(self, sql: str, parameters: Sequence = ()) -> Iterator[list[tuple]]:
        """A long read's rows in batches as the database gives them, never the whole result in
        this process's memory; closing the iterator early ends the read."""


def dialect_of(db: object) -> str:
    return getattr(db, "dialect", FILE)


class FileDatabase(Database):
    """sqlite-utils' Database over a (SQLCipher) connection, with the engine operations."""

    dialect = FILE

    def search_patients(self, words: list[str], limit: int):
        columns = ", ".join(f"patients.{c}" for c in SEARCH_COLUMNS)
        if not words:  # the name index (migration 0015) in order: no sort at all
            return self.execute(
                f"SELECT {columns} FROM patients ORDER BY display_name COLLATE NOCASE LIMIT ?", [limit])
        query = " ".join(f'"{w}"*' for w in words)
        # At most SEARCH_CAP matches leave the full-text index before the join and the sort: a
        # first letter or digit matches nearly every patient, and sorting them all cost more
        # than the keystroke may. Up to the cap the list is the first by name of all matches.
        return self.execute(
            f"SELECT {columns} FROM (SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? "
            "LIMIT ?) found JOIN patients ON patients.rowid = found.rowid "
            "ORDER BY patients.display_name COLLATE NOCASE LIMIT ?",
            [query, SEARCH_CAP, limit],
        )

    def change_counter(self, reads: Mapping[str, str]) -> int:
        # Temporary triggers (this connection only, never in the file) count the changes;
        # they are made on first use.
        try:
            return self.execute("SELECT n FROM temp.due_version").fetchone()[0]
        except self.conn.OperationalError:  # first use on this connection
            pass
        with self.atomic():
            self.execute("CREATE TEMP TABLE due_version (n INTEGER NOT NULL)")
            self.execute("INSERT INTO temp.due_version VALUES (0)")
            for table, columns in reads.items():
                for event in ("INSERT", "UPDATE" + columns, "DELETE"):
                    self.execute(f"CREATE TEMP TRIGGER due_{table}_{event[:6].lower()} AFTER {event} "
                                 f"ON main.{table} BEGIN UPDATE due_version SET n = n + 1; END")
        return 0

    def scrub_search_index(self) -> None:
        # A deleted name stays in the older FTS segments (next to a delete marker) until they
        # are merged; secure_delete then zeroes the old ones.
        self.execute("INSERT INTO patients_fts (patients_fts) VALUES ('optimize')")

    def checkpoint(self) -> bool:
        # Copy every WAL page into the file (overwriting the page images that held erased data)
        # and empty the WAL; False when another reader kept part of it in use.
        busy, log_pages, done = self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy and log_pages == done

    def execute_many(self, sql: str, rows: Iterable[Sequence]) -> None:
        self.conn.executemany(sql, rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                              f"VALUES ({', '.join('?' * len(columns))})", rows)

    def interrupt(self) -> None:
        self.conn.interrupt()

    def serialize(self, name: str) -> None:
        pass  # one writer at a time already: the file is locked to one pgdesk, SQLite to one writer

    def stream(self, sql: str, parameters: Sequence = ()) -> Iterator[list[tuple]]:
        cursor = self.conn.execute(sql, list(parameters))  # SQLite steps as rows are fetched
        try:
            while batch := cursor.fetchmany(STREAM_BATCH):
                yield batch
        finally:
            cursor.close()
