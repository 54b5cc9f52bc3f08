"""Guarded writes: every answer of a conversation carries a version number, so that a screen
writing over a newer answer from another room is refused instead of losing that answer.

A field is named as in the access log ("wheel:wish", "plan:goal", "score:meedoen",
"aspect_score:meedoen/werk", "mark:focus:meedoen/"). The editor reads the numbers when it opens
a conversation (`seen`) and hands the number it last saw with each write (`bump`); the
compare-and-set runs inside the write's own transaction, on one row, so two rooms writing at the
same moment cannot both pass (the later one finds the number raised). Writes without an editor
(demo data, imports) are not refused but raise the number all the same, so an open screen
learns that its copy is old.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pgdesk.storage import claims
from pgdesk.storage.core import StoreCore, now
from pgdesk.storage.errors import WriteConflict

# A guarded write's version raised, only while no other room holds the conversation.
_FIRST = ("INSERT INTO answer_versions (consultation_id, field, version, changed_by, room, "
          f"changed_at) SELECT ?, ?, 1, ?, ?, ? WHERE {claims.FREE} "
          "ON CONFLICT (consultation_id, field) DO NOTHING RETURNING version")
_NEXT = ("UPDATE answer_versions SET version = version + 1, changed_by = ?, room = ?, "
         f"changed_at = ? WHERE consultation_id = ? AND field = ? AND version = ? AND {claims.FREE} "
         "RETURNING version")


def seen(store: StoreCore, consultation_id: str) -> dict[str, int]:
    """The version of every answer of this conversation written so far (others count as 0)."""
    return dict(store.db.execute(
        "SELECT field, version FROM answer_versions WHERE consultation_id = ?",
        [consultation_id]).fetchall())


def bump(store: StoreCore, consultation_id: str, field: str, seen: int | None) -> int:
    """Raise the version of `field`; with `seen` only if it still is `seen` (else
    WriteConflict; from a room that lost its hold on the conversation, claims.TakenOver).
    Call inside the write's transaction, so a refusal leaves nothing written. Returns the new
    version."""
    stamp = [store.actor.name, store.room, now()]
    if seen is None:
        return store.db.execute(
            "INSERT INTO answer_versions (consultation_id, field, version, changed_by, room, "
            "changed_at) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (consultation_id, field) DO UPDATE "
            "SET version = answer_versions.version + 1, changed_by = excluded.changed_by, "
            "room = excluded.room, changed_at = excluded.changed_at RETURNING version",
            [consultation_id, field, *stamp]).fetchone()[0]
    # The hold and the version checked in the write itself (claims.FREE): one statement for
    # what every score typed waits on; which of the two refused is asked only then.
    if seen == 0:
        rows = store.db.execute(_FIRST, [consultation_id, field, *stamp,
                                         *claims.free(store, consultation_id)]).fetchall()
    else:
        rows = store.db.execute(_NEXT, [*stamp, consultation_id, field, seen,
                                        *claims.free(store, consultation_id)]).fetchall()
    if not rows:
        claims.require_hold(store, consultation_id)
        raise conflict(store, consultation_id, field)
    return rows[0][0]


def raise_all(store: StoreCore, consultation_id: str, fields: Iterable[str]) -> None:
    """A conversation's answers replaced wholesale (a bring-back read at the practice): raise
    every one of them, so a room that still holds an older version is refused (WriteConflict)
    instead of writing over what came back from the laptop. Inside the replacing transaction."""
    for field in sorted(set(fields) | set(seen(store, consultation_id))):
        bump(store, consultation_id, field, None)


def answer_fields(record: dict) -> set[str]:
    """The guarded fields (names as above) a conversation record of a transfer file fills."""
    fields = {f"score:{dim}" for dim in record["dimension_scores"]}
    fields |= {f"aspect_score:{dim}/{aspect}"
               for dim, aspects in record["aspect_scores"].items() for aspect in aspects}
    fields |= {f"mark:{kind}:{dim}/{aspect or ''}" for kind, dim, aspect in record["marks"]}
    fields |= {f"wheel:{step}" for step in record["wheel_answers"]}
    if record["plan"] is not None:
        fields |= {f"plan:{field}" for field in record["plan"]}
    return fields


def conflict(store: StoreCore, consultation_id: str, field: str) -> WriteConflict:
    row = store.db.execute(
        "SELECT version, changed_by, room, changed_at FROM answer_versions "
        "WHERE consultation_id = ? AND field = ?", [consultation_id, field]).fetchone()
    version, by, room, at = row if row else (0, "?", "?", now())
    if is_text(field):
        what, after = "Dit antwoord", "uw tekst staat nog op het scherm"
    else:
        what = "Deze score" if "score:" in field else "Deze keuze"
        after = "op het scherm staat nu wat daar is gekozen"
    return WriteConflict(
        f"{what} is intussen in een andere kamer gewijzigd door {by} ({room}, om "
        f"{clock(at)}); {after}.",
        consultation_id=consultation_id, field=field, by=by, room=room, at=at, version=version)


def is_text(field: str) -> bool:
    """Typed text (the wheel, the plan, the patient's own words), not a score or a mark."""
    return field.startswith(("wheel:", "plan:"))


def clock(stamp: str) -> str:
    """'14:32' in this computer's time, from a stored UTC time stamp."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except ValueError:
        return stamp
