"""Moving a practice's encrypted file onto the practice server, and merging further rooms' files.

Everything happens in one server transaction: every table is copied (COPY, in the order the
foreign keys need), read back row by row and compared with the file, counted, and the access
log's chain verified, before the commit. The file is only read.

The access log: onto an empty server the file's lines go over as they are (seq and hashes
included), so the server's chain is the file's chain. A later room's lines are appended to the
server's chain with new numbers and hashes (one chain cannot hold two), their own fields
unchanged, and after them a line that names the file and the head of its own chain as it was
verified, so the file's chain stays provable from the file. Two rooms' records of the same
patient (same practice number, or same name and birth date) are never merged: they are shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from pgdesk.storage import access_log
from pgdesk.storage.practice_server import schema
from pgdesk.storage.practice_server.connect import ServerError, Target, connect, explain

# Settings that describe one file or one workstation, not the practice.
LOCAL_SETTINGS = {"db_id", "recovery_code_pending", "backup_folder", "last_backup",
                  "current_professional", "demo"}
_MIGRATED = "migrated_from:"


@dataclass
class Migrated:
    copied: dict[str, int] = field(default_factory=dict)
    log_lines: int = 0
    same_patients: list[str] = field(default_factory=list)
    same_professionals: list[str] = field(default_factory=list)
    settings_kept: list[str] = field(default_factory=list)


def _file_tables(db) -> list[str]:
    """The file's own tables: not SQLite's, not the full-text index, not the migration list."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [n for n in names if not n.startswith(("sqlite_", "_")) and "_fts" not in n]


def _columns(conn: psycopg.Connection, table: str) -> dict[str, str]:
    """Columns the server lets us write (not generated, not its own identity), with their type."""
    rows = conn.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = %s AND is_generated = 'NEVER' AND is_identity = 'NO' "
        "ORDER BY ordinal_position", [table]).fetchall()
    return dict(rows)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _same(server_value, file_value, kind: str) -> bool:
    if server_value is None or file_value is None:
        return server_value is None and file_value is None
    if kind in ("json", "jsonb"):
        return _json(server_value) == _json(file_value)
    if isinstance(server_value, bool):
        server_value = int(server_value)
    if isinstance(server_value, float) or isinstance(file_value, float):
        return float(server_value) == float(file_value)
    return str(server_value) == str(file_value)


def migrate_file(store, target: Target, *, ask_password: Callable[[str], str] | None) -> Migrated:
    """Copy the open file store's practice onto the server (see the module docstring)."""
    file_db = store.db
    file_id = store.setting("db_id") or ""
    problems = access_log.verify_chain(file_db)
    if problems:
        raise ServerError(f"Het toegangslog van het bestand is niet intact ({problems[0]}); het "
                          "wordt zo niet overgezet. Controleer het met pgdesk check. Er is niets "
                          "veranderd.")
    file_applied = schema.file_migrations(file_db)
    with connect(target, ask_password=ask_password) as conn:
        schema.require_current(conn, target.shown)
        schema.require_same_version(conn, file_applied)
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext('pgdesk-migrate'))")
                result = _copy_all(conn, file_db, file_id, store.actor)
        except psycopg.Error as exc:
            raise explain(exc, target) from None
    return result


def _copy_all(conn: psycopg.Connection, file_db, file_id: str, actor) -> Migrated:
    if file_id and conn.execute("SELECT 1 FROM settings WHERE key = %s",
                                [_MIGRATED + file_id]).fetchone():
        raise ServerError("Dit bestand is al eerder naar deze server overgezet. Er is niets "
                          "veranderd.")
    result = Migrated()
    server_tables = set(schema.tables(conn))
    tables = _file_tables(file_db)
    missing = [t for t in tables if t not in server_tables]
    if missing:
        raise ServerError(f"De server kent de tabellen {', '.join(missing)} niet; werk de server "
                          "en pgdesk bij tot dezelfde versie. Er is niets veranderd.")
    # who was there before this room (set-based: a practice has tens of thousands of patients)
    conn.execute("CREATE TEMP TABLE pgdesk_before ON COMMIT DROP AS SELECT id FROM patients")
    conn.execute("ALTER TABLE pgdesk_before ADD PRIMARY KEY (id)")
    names_before = {r[0].casefold(): r[0] for r in conn.execute("SELECT name FROM professionals")}
    fresh_log = conn.execute("SELECT count(*) FROM access_log").fetchone()[0] == 0
    for table in schema.in_dependency_order(conn, [t for t in tables if t not in
                                                   (schema.ACCESS_LOG, "settings", "practice")]):
        result.copied[table] = _copy_table(conn, file_db, table)
    result.settings_kept = _copy_settings(conn, file_db)
    if "practice" in tables:
        result.copied["practice"] = _copy_practice(conn, file_db)
    result.copied["settings"] = len(list(file_db.execute("SELECT key FROM settings"))) - len(
        result.settings_kept)
    result.log_lines = _copy_log(conn, file_db, fresh_log)
    result.same_patients = _same_patients(conn)
    result.same_professionals = sorted(
        names_before[n.casefold()] for (n,) in file_db.execute("SELECT name FROM professionals")
        if n.casefold() in names_before)
    _note(conn, file_db, file_id, actor, result)
    problems = schema.verify_chain(conn)
    if problems:
        raise ServerError(f"Na het overzetten klopt de keten van het toegangslog niet "
                          f"({problems[0]}); er is niets overgezet.")
    return result


def _copy_table(conn: psycopg.Connection, file_db, table: str) -> int:
    """COPY the file's rows in, then read every one back and compare; the count of rows.
    Both stream: a practice's file may hold hundreds of thousands of rows."""
    kinds = _columns(conn, table)
    file_cols = [r[1] for r in file_db.execute(f'PRAGMA table_info("{table}")')]
    cols = [c for c in file_cols if c in kinds]
    extra = [c for c in file_cols if c not in kinds]
    if extra:
        raise ServerError(f"De server mist kolommen van {table} ({', '.join(extra)}); werk de "
                          "server bij. Er is niets veranderd.")
    keys = [k for k in schema.primary_key(conn, table) if k in cols] or cols
    select = ", ".join(f'"{c}"' for c in cols)
    order = ", ".join(f'"{k}"' for k in keys)

    def file_rows():  # SQLite's BINARY order is the byte order, as PostgreSQL's "C" collation
        return file_db.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}')

    count = _copy_in(conn, table, cols, file_rows())
    _read_back(conn, table, cols, kinds, keys, file_rows(), count)
    return count


def _copy_in(conn: psycopg.Connection, table: str, cols: list[str], rows) -> int:
    ident = sql.Identifier(table)
    names = sql.SQL(", ").join(sql.Identifier(c) for c in cols)
    before = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(ident)).fetchone()[0]
    count = 0
    with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(ident, names)) as cp:
        for row in rows:
            cp.write_row(row)
            count += 1
    after = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(ident)).fetchone()[0]
    if after - before != count:
        raise ServerError(f"Na het overzetten klopt het aantal rijen van {table} niet; er is "
                          "niets overgezet.")
    return count


def _read_back(conn: psycopg.Connection, table: str, cols: list[str], kinds: dict,
               keys: list[str], expected, count: int) -> None:
    """The server's rows in key order beside the file's (`expected`, in the same order): each of
    the file's rows must come back equal; rows of earlier rooms in between are passed over."""
    at = [cols.index(k) for k in keys]
    order = sql.SQL(", ").join(
        sql.SQL('{} COLLATE "C"').format(sql.Identifier(k)) if kinds[k] == "text"
        else sql.Identifier(k) for k in keys)
    names = sql.SQL(", ").join(sql.Identifier(c) for c in cols)
    server = conn.cursor(name=f"pgdesk_read_back_{table}")
    server.itersize = 5000
    server.execute(sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
        names, sql.Identifier(table), order))
    rows = iter(server)
    seen = 0
    for want in expected:
        key = tuple(want[i] for i in at)
        got = next(rows, None)
        while got is not None and tuple(got[i] for i in at) < key:
            got = next(rows, None)  # a row of an earlier room
        if got is None or tuple(got[i] for i in at) != key:
            raise ServerError(f"Niet elke rij van {table} kwam terug van de server; er is niets "
                              "overgezet.")
        if tuple(got) != tuple(want) and not all(
                _same(g, f, kinds[c]) for g, f, c in zip(got, want, cols, strict=True)):
            raise ServerError(f"Een rij van {table} kwam anders terug van de server dan hij in "
                              "het bestand staat; er is niets overgezet.")
        seen += 1
    server.close()
    if seen != count:
        raise ServerError(f"Niet elke rij van {table} kwam terug van de server; er is niets "
                          "overgezet.")


def _copy_settings(conn: psycopg.Connection, file_db) -> list[str]:
    """The practice's settings that the server does not have yet; returns the keys not copied."""
    kept = []
    for key, value in file_db.execute("SELECT key, value FROM settings ORDER BY key"):
        if key in LOCAL_SETTINGS:
            kept.append(key)
            continue
        done = conn.execute("INSERT INTO settings (key, value) VALUES (%s, %s) "
                            "ON CONFLICT (key) DO NOTHING RETURNING 1", [key, value]).fetchone()
        if done is None:
            kept.append(key)
    return kept


def _copy_practice(conn: psycopg.Connection, file_db) -> int:
    """The practice's details (one row): the file's, unless the server's were already filled in
    (by an earlier room); returns 1 when the file's were taken."""
    row = file_db.execute("SELECT name, phone, website, updated_at FROM practice WHERE id = 1"
                          ).fetchone()
    if row is None or row[3] is None:
        return 0
    done = conn.execute("UPDATE practice SET name = %s, phone = %s, website = %s, updated_at = %s "
                        "WHERE id = 1 AND updated_at IS NULL RETURNING 1", list(row)).fetchone()
    return 1 if done else 0


def _copy_log(conn: psycopg.Connection, file_db, fresh: bool) -> int:
    fields = list(access_log.FIELDS) + ["prev_hash", "hash"]
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('access_log'))")
    last = None if fresh else conn.execute(
        "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()

    def lines():
        quoted = ", ".join(f'"{f}"' for f in fields)
        rows = file_db.execute(f"SELECT {quoted} FROM access_log ORDER BY seq")
        if last is None:
            yield from rows
            return
        # appended to the server's chain: new numbers and hashes, the fields as they were
        seq, prev = last
        for row in rows:
            line = dict(zip(fields, row, strict=True))
            seq += 1
            line["seq"], line["prev_hash"] = seq, prev
            line["hash"] = prev = access_log.line_hash(prev, line)
            yield tuple(line[f] for f in fields)

    count = _copy_in(conn, "access_log", fields, lines())
    _read_back(conn, "access_log", fields, _columns(conn, "access_log"), ["seq"], lines(), count)
    return count


def _same_patients(conn: psycopg.Connection) -> list[str]:
    """Each new patient who was already on the server by practice number or by name and birth
    date, in words. Two plain equality joins, so the server can hash them."""
    found = conn.execute(
        "WITH new AS (SELECT * FROM patients p WHERE NOT EXISTS "
        "  (SELECT 1 FROM pgdesk_before b WHERE b.id = p.id)),"
        " old AS (SELECT * FROM patients p WHERE EXISTS "
        "  (SELECT 1 FROM pgdesk_before b WHERE b.id = p.id))"
        " SELECT n.display_name, n.birth_date, n.practice_number, o.display_name, o.practice_number"
        " FROM new n JOIN old o ON o.practice_number = n.practice_number"
        " WHERE coalesce(n.practice_number, '') <> ''"
        " UNION"
        " SELECT n.display_name, n.birth_date, n.practice_number, o.display_name, o.practice_number"
        " FROM new n JOIN old o ON o.birth_date = n.birth_date"
        "  AND lower(o.display_name) = lower(n.display_name)"
        " WHERE coalesce(n.birth_date, '') <> ''"
        " ORDER BY 1, 3").fetchall()
    return [f"{name} (geboren {born or 'onbekend'}, nummer {number or '-'}) staat al op de server "
            f"als {other} (nummer {other_number or '-'})"
            for name, born, number, other, other_number in found]


def _note(conn: psycopg.Connection, file_db, file_id: str, actor, result: Migrated) -> None:
    """The server remembers the file (so it is not moved twice) and logs the move, naming the
    head of the file's own chain."""
    head = file_db.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    what = f"migrate:{file_id or 'onbekend'}:{head[0] if head else 0}:{head[1] if head else ''}"
    conn.execute("INSERT INTO settings (key, value) VALUES (%s, %s)",
                 [_MIGRATED + file_id, access_log.utc_now()])
    schema.append_log(conn, actor, what)
