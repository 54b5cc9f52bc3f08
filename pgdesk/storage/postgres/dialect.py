"""The SQL storage writes, read as SQLite speaks it, said again the way PostgreSQL speaks it.

Storage modules keep writing one SQL (SQLite's, with `?` placeholders); on a server every
statement passes through `translate` once (the result is cached), so the few dialect
differences storage uses live here and nowhere else:

- `?` placeholders become `%s` and `:name` ones `%(name)s`, and a literal `%` becomes `%%`
  (psycopg's placeholder syntax);
- `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`;
- `INSERT OR REPLACE` becomes an upsert on the table's primary key;
- `x COLLATE NOCASE` becomes `lower(x)` (PostgreSQL has no NOCASE collation);
- SQLite's JSON functions become PostgreSQL's (`json_group_array` → `json_agg`, ...);
- `temp.` and `main.` schema prefixes are dropped.

`rowid` needs no translation: the tables storage orders by it have a `rowid` identity column
on the server (see the migrations), which result rows never show (database.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# A string literal, a quoted identifier, or anything else up to the next of those.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^'\"]+")
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)", re.IGNORECASE)
_COLUMNS = re.compile(r"^\s*INSERT\s+INTO\s+\w+\s*\(([^)]*)\)", re.IGNORECASE)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_JSON_PATH = re.compile(r"json_extract\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)", re.IGNORECASE)
_FUNCTIONS = [
    (re.compile(r"\bjson_group_object\(", re.IGNORECASE), "json_object_agg("),
    (re.compile(r"\bjson_group_array\(", re.IGNORECASE), "json_agg("),
    (re.compile(r"\bjson_array\(", re.IGNORECASE), "json_build_array("),
    (re.compile(r"\b(?:temp|main)\.(?=\w)", re.IGNORECASE), ""),
]


def _outside_literals(sql: str, change: Callable[[str], str]) -> str:
    """`change` applied to the SQL between string literals and quoted identifiers; every `%`
    inside a literal doubled (psycopg reads `%` as the start of a placeholder everywhere)."""
    out = []
    for part in _TOKENS.findall(sql):
        if part.startswith("'"):
            out.append(part.replace("%", "%%"))
        elif part.startswith('"'):
            out.append(part)
        else:
            out.append(change(part))
    return "".join(out)


def _plain(part: str) -> str:
    part = part.replace("%", "%%").replace("?", "%s")
    part = _NAMED.sub(r"%(\1)s", part)
    part = _NOCASE.sub(r"lower(\1)", part)
    for pattern, replacement in _FUNCTIONS:
        part = pattern.sub(replacement, part)
    return part


@functools.lru_cache(maxsize=1024)
def translate(sql: str, primary_key: Callable[[str], tuple[str, ...]]) -> str:
    """PostgreSQL's form of `sql`; `primary_key(table)` names a table's key columns (for
    INSERT OR REPLACE). Cached: storage builds the same statements again and again."""
    sql = _JSON_PATH.sub(r"(\1::jsonb ->> '\2')", sql)
    conflict = ""
    found = _INSERT_OR.match(sql)
    if found:
        kind, table = found.group(1).upper(), found.group(2)
        sql = f"INSERT INTO {table}" + sql[found.end():]
        if kind == "IGNORE":
            conflict = " ON CONFLICT DO NOTHING"
        else:
            keys = primary_key(table)
            columns = _COLUMNS.match(sql)
            if columns is None:
                raise ValueError(f"INSERT OR REPLACE needs its column list: {sql}")
            names = [c.strip() for c in columns.group(1).split(",")]
            rest = [c for c in names if c.strip('"') not in keys]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            conflict = (f" ON CONFLICT ({', '.join(keys)}) "
                        + (f"DO UPDATE SET {sets}" if sets else "DO NOTHING"))
    return _outside_literals(sql.rstrip().rstrip(";"), _plain) + conflict
