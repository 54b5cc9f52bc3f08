"""Who edits a conversation now: "Open bij Dr. A. de Vries (kamer 2)".

Opening a conversation for editing claims it for this open pgdesk (`StoreCore.holder`), with a
heartbeat the window renews; another room then opens it read-only, unless it takes it over
explicitly. A claim whose heartbeat stopped (the other pgdesk crashed, the laptop went to sleep)
expires after STALE, so nobody stays locked out. Every claim check is one statement on one row,
so two rooms opening at the same moment cannot both get it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pgdesk.storage.core import StoreCore, now
from pgdesk.storage.errors import TakenOver

STALE = dt.timedelta(minutes=2)
HEARTBEAT_SECONDS = 30

_COLUMNS = "consultation_id, holder, who, professional_id, room, since, heartbeat"


@dataclass(frozen=True)
class Claim:
    consultation_id: str
    holder: str
    who: str
    professional_id: str | None
    room: str
    since: str
    heartbeat: str


def _cutoff() -> str:
    """Heartbeats at or before this moment are stale (same text form as `now`)."""
    return (dt.datetime.now(dt.UTC) - STALE).isoformat(timespec="seconds")


def _read(store: StoreCore, consultation_id: str) -> Claim | None:
    row = store.db.execute(f"SELECT {_COLUMNS} FROM consultation_claims WHERE consultation_id = ?",
                           [consultation_id]).fetchone()
    return Claim(*row) if row else None


def holder(store: StoreCore, consultation_id: str) -> Claim | None:
    """The other room holding this conversation now; None when it is free, stale or ours."""
    claim = _read(store, consultation_id)
    if claim is None or claim.holder == store.holder or claim.heartbeat <= _cutoff():
        return None
    return claim


def open_elsewhere(store: StoreCore, patient_id: str) -> dict[str, Claim]:
    """The patient's conversations another room holds now, by conversation id."""
    rows = store.db.execute(
        "SELECT " + ", ".join(f"k.{c.strip()}" for c in _COLUMNS.split(",")) +
        " FROM consultation_claims k JOIN consultations c ON c.id = k.consultation_id "
        "WHERE c.patient_id = ? AND k.holder != ? AND k.heartbeat > ?",
        [patient_id, store.holder, _cutoff()]).fetchall()
    return {row[0]: Claim(*row) for row in rows}


def claim(store: StoreCore, consultation_id: str, *, take_over: bool = False) -> Claim | None:
    """Claim the conversation for this pgdesk. Returns None when it is ours now, else the other
    room's claim (and nothing changed). A stale claim, or one of the same person in the same
    room (pgdesk restarted there), is taken without asking; `take_over` takes any."""
    stamp = now()
    with store.db.atomic():
        rows = store.db.execute(
            f"INSERT INTO consultation_claims ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (consultation_id) DO UPDATE SET holder = excluded.holder, "
            "who = excluded.who, professional_id = excluded.professional_id, "
            "room = excluded.room, since = excluded.since, heartbeat = excluded.heartbeat "
            "WHERE ? = 1 OR consultation_claims.holder = excluded.holder "
            "OR consultation_claims.heartbeat <= ? OR (consultation_claims.room = excluded.room "
            "AND consultation_claims.who = excluded.who) RETURNING holder",
            [consultation_id, store.holder, store.actor.name, store.actor.professional_id,
             store.room, stamp, stamp, 1 if take_over else 0, _cutoff()]).fetchall()
    return None if rows else _read(store, consultation_id)


def heartbeat(store: StoreCore, consultation_id: str) -> bool:
    """Keep our claim fresh; False when it is ours no longer (another room took it over)."""
    with store.db.atomic():
        rows = store.db.execute(
            "UPDATE consultation_claims SET heartbeat = ? WHERE consultation_id = ? "
            "AND holder = ? RETURNING holder", [now(), consultation_id, store.holder]).fetchall()
    return bool(rows)


def release(store: StoreCore, consultation_id: str) -> None:
    """Give the conversation free (closed, or pgdesk closes); another room's claim stays."""
    with store.db.atomic():
        store.db.execute("DELETE FROM consultation_claims WHERE consultation_id = ? AND holder = ?",
                         [consultation_id, store.holder])


# A guarded write's condition that no other room holds the conversation (as `holder` reads it),
# so that the write and the check are one statement (versions.bump); its parameters: `free`.
FREE = ("NOT EXISTS (SELECT 1 FROM consultation_claims WHERE consultation_id = ? "
        "AND holder != ? AND heartbeat > ?)")


def free(store: StoreCore, consultation_id: str) -> list:
    return [consultation_id, store.holder, _cutoff()]


def require_hold(store: StoreCore, consultation_id: str) -> None:
    """Refuse an editor's write while another room holds the conversation (TakenOver)."""
    other = holder(store, consultation_id)
    if other is not None:
        raise TakenOver(
            f"Dit gesprek is intussen overgenomen door {other.who} ({other.room}). Uw tekst is "
            "niet bewaard maar staat nog op het scherm: kopieer hem als u hem wilt houden.",
            by=other.who, room=other.room)
