"""The access log in the spirit of NEN 7513: who did what to which patient's record, and when.

Each line is written in the same transaction as the change it records, can never be
updated or deleted (triggers refuse it), and carries the hash of the line before it, so
that a changed, removed or inserted line breaks the chain and `verify_chain` reports it.
Lines hold identifiers and codes ("score:meedoen"), never what was typed, so the log
itself reveals no medical content and survives a patient's erasure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

GENESIS = "0" * 64
CHAIN_BATCH = 5000  # lines read at a time when the chain is checked
ACTIONS = ("C", "R", "U", "D", "E")  # create, read, update, delete, export/print
FIELDS = ("seq", "at", "user", "professional_id", "workstation", "patient_id", "action", "what")
# "user" is a reserved word in PostgreSQL (it means the session's user there): always quoted.
_COLUMNS = ", ".join(f'"{f}"' for f in FIELDS)


@dataclass(frozen=True)
class Actor:
    """Who is working, and where: the user of every log line."""

    name: str
    professional_id: str | None = None
    workstation: str = ""

    def __post_init__(self):
        if not self.workstation:
            object.__setattr__(self, "workstation", this_workstation())


def this_workstation() -> str:
    return socket.gethostname() or "onbekend"


def system_actor() -> Actor:
    """Writes that no person made (demo data, command-line scripts without --user)."""
    return Actor("pgdesk (systeem)")


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def line_hash(prev_hash: str, line: dict) -> str:
    payload = json.dumps([prev_hash] + [line[f] for f in FIELDS], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def create_table(db: Database) -> None:
    db.execute(
        "CREATE TABLE access_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, "
        "professional_id TEXT, workstation TEXT NOT NULL, patient_id TEXT, "
        "action TEXT NOT NULL CHECK (action IN ('C','R','U','D','E')), what TEXT NOT NULL, "
        "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX access_log_patient ON access_log (patient_id, seq)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER access_log_no_{event.lower()} BEFORE {event} ON access_log "
            "BEGIN SELECT RAISE(ABORT, 'het toegangslog kan niet worden gewijzigd'); END"
        )


# The chain's last line (seq, hash) as two expressions, for a statement that reads it in passing
# (core.touch); NULL, NULL while the log is empty.
HEAD = ("(SELECT seq FROM access_log ORDER BY seq DESC LIMIT 1), "
        "(SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1)")


def append(db: Database, actor: Actor, patient_id: str | None, action: str, what: str,
           head: Sequence | None = None) -> None:
    """Add one line; call inside the transaction of the change it records. `head`: the HEAD
    values, when the caller read them in this transaction after it took the database's write
    lock (then no other line can have come after them); otherwise they are read here."""
    if action not in ACTIONS:
        raise ValueError(action)
    if head is None:
        db.serialize("access_log")  # one chain: on a server, other rooms append one at a time
        head = db.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0] + 1, head[1]) if head and head[0] is not None else (1, GENESIS)
    line = {"seq": seq, "at": utc_now(), "user": actor.name,
            "professional_id": actor.professional_id, "workstation": actor.workstation,
            "patient_id": patient_id, "action": action, "what": what}
    db.execute(
        f"INSERT INTO access_log ({_COLUMNS}, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [line[f] for f in FIELDS] + [prev, line_hash(prev, line)],
    )


def _rows(db: Database, where: str = "", params=(), limit: str = "") -> list[dict]:
    cur = db.execute(f"SELECT {_COLUMNS}, prev_hash, hash FROM access_log {where} "
                     f"ORDER BY seq {limit}", list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def lines_for(db: Database, patient_id: str) -> list[dict]:
    """One patient's lines, oldest first, without the chain columns."""
    return [{f: r[f] for f in FIELDS} for r in _rows(db, "WHERE patient_id = ?", [patient_id])]


def _all_rows(db: Database):
    """Every line in seq order, read CHAIN_BATCH at a time by seq (memory stays the same for a
    log of millions of lines; no cursor is held open between batches)."""
    batch = _rows(db, limit=f"LIMIT {CHAIN_BATCH}")
    while batch:
        yield from batch
        batch = _rows(db, "WHERE seq > ?", [batch[-1]["seq"]], limit=f"LIMIT {CHAIN_BATCH}")


def verify_chain(db: Database) -> list[str]:
    """Dutch descriptions of every break in the chain; empty when the log is intact."""
    problems: list[str] = []
    prev, expected_seq = GENESIS, 1
    for row in _all_rows(db):
        seq = row["seq"]
        if seq != expected_seq:
            problems.append(f"Regel {expected_seq} tot {seq - 1} ontbreekt." if seq > expected_seq
                            else f"Regel {seq} staat niet op zijn plaats.")
        if row["prev_hash"] != prev:
            problems.append(f"Regel {seq} sluit niet aan op de regel ervoor.")
        if line_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(f"Regel {seq} is achteraf gewijzigd.")
        prev, expected_seq = row["hash"], seq + 1
    return problems


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM access_log").fetchone()[0]
