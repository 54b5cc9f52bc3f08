"""The storage core that every feature module builds on and that knows no feature: ids,
timestamps, `NotFound`, the tables holding a patient's conversations, and the access-log hook.

Feature modules (repository, consultations, trajectories, social_map, handout_preferences, ...)
import this module and never each other in a circle (scripts/check_import_cycles.py keeps it
so); a second database engine plugs in here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Self

from sqlite_utils import Database

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import access_log
from pgdesk.storage.access_log import Actor, system_actor
from pgdesk.storage.database import OpenDatabase
from pgdesk.storage.engine import FILE, dialect_of

# Every table holding a patient's rows through their consultations, children first.
CONSULTATION_TABLES = ("referrals", "marks", "wheel_answers", "plans", "aspect_scores",
                       "dimension_scores", "patient_answers", "patient_mode_runs",
                       "patient_invitations", "answer_versions", "consultation_claims")


_TOUCH = "UPDATE consultations SET updated_at = ? WHERE id = ? RETURNING patient_id"
_TOUCH_READING_HEAD = f"{_TOUCH}, {access_log.HEAD}"


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class NotFound(PgdeskError):
    pass


class StoreCore:
    """One open database and who works in it; every change to a patient's record writes its
    access-log line through `log` (or `touch`) in the same transaction, in the name of `actor`.
    """

    def __init__(self, opened: OpenDatabase, actor: Actor | None = None):
        self._opened = opened
        self.db: Database = opened.db
        self.path = opened.path
        self.actor = actor or system_actor()
        self.closed = False
        # Several rooms (storage/claims.py, versions.py): this open pgdesk, and the room's name
        # other rooms see ("kamer 2"); the window sets the name the workstation was given.
        self.holder = new_id()
        self.room = self.actor.workstation

    @property
    def opened(self) -> OpenDatabase:
        return self._opened

    @property
    def encrypted(self) -> bool:
        return self._opened.encrypted

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor

    def log(self, patient_id: str | None, action: str, what: str) -> None:
        """The access-log hook: one line; call inside the transaction of the change."""
        access_log.append(self.db, self.actor, patient_id, action, what)

    def touch(self, consultation_id: str, action: str | None = None, what: str = "") -> str:
        """Mark the consultation changed and log the change; returns its patient's id."""
        # Every answer typed comes here: on the file, the update that takes the write lock
        # reads the log's last line too (no writer can come between them: SQLite has one at a
        # time, in every process), one statement fewer. On a server the chain has a lock of its
        # own, taken after this row's (access_log.append), as every writer takes them.
        on_file = bool(action) and dialect_of(self.db) == FILE
        rows = self.db.execute(_TOUCH_READING_HEAD if on_file else _TOUCH,
                               [now(), consultation_id]).fetchall()
        if len(rows) != 1:
            raise NotFound("Dit gesprek bestaat niet (meer).")
        if action:
            access_log.append(self.db, self.actor, rows[0][0], action, what,
                              head=rows[0][1:] if on_file else None)
        return rows[0][0]

    # The names storage/transfer.py calls until its split (issue 12) moves it to log/touch.
    _log = log
    _touch = touch

    def close(self) -> None:
        self.closed = True
        self._opened.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- settings ---------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")
