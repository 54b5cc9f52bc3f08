"""Trajectories over time: a start conversation with its tussen and eind, the planned dates,
who is due, and deleting a conversation without breaking a trajectory.

Functions over the storage core (any Store), like patient_rights; this module imports no other
feature module, so the repository can call it without a cycle. The rules for new conversations and for
changing a conversation's type or date live here too; Store.new_consultation,
Store.set_consultation_info and Store.complete call them inside their own transaction.

Rules, in short:
- a patient has at most one open trajectory;
- `start` opens one (refused with TrajectoryOpen while another is open, unless the caller
  asks to close that one today); planned dates come from the practice defaults;
- `tussen` and `eind` attach to the open trajectory, at most one of each, never dated before
  its start; `los` conversations belong to no trajectory;
- a completed `eind` closes the trajectory; deleting it (or changing its type) reopens it,
  unless the patient has started a newer trajectory since.
"""

from __future__ import annotations

import datetime as dt

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.trajectory import (
    FOLLOW_UPS,
    DueItem,
    Trajectory,
    TrajectoryDefaults,
    TrajectoryOpen,
    WebPoint,
    check_follow_up_date,
    dutch_date,
    type_noun,
)
from pgdesk.domain.validation import InputError
from pgdesk.storage.consultations import consultation
from pgdesk.storage.core import CONSULTATION_TABLES, NotFound, StoreCore, new_id, now

SETTING_TUSSEN = "trajectory_tussen_days"
SETTING_EIND = "trajectory_eind_days"
MAX_DAYS = 3650

NO_TRAJECTORY = "Er loopt geen traject; begin met een startgesprek of kies 'los gesprek'."
START_HAS_LATER = ("Dit startgesprek hoort bij een traject met latere gesprekken; "
                   "verwijder die eerst.")

__all__ = ["TrajectoryOpen", "defaults", "delete_consultation", "due", "due_version",
           "set_defaults", "set_planned", "trajectories_for", "trajectory_of"]


# -- practice defaults -------------------------------------------------------------------------
def defaults(store: StoreCore) -> TrajectoryDefaults:
    base = TrajectoryDefaults()
    try:
        return TrajectoryDefaults(int(store.setting(SETTING_TUSSEN, str(base.tussen_days))),
                                  int(store.setting(SETTING_EIND, str(base.eind_days))))
    except ValueError:  # a setting that is not a number: the built-in defaults
        return base


def set_defaults(store: StoreCore, value: TrajectoryDefaults) -> None:
    """Days from the start to the tussen and eind conversation, for trajectories started from now."""
    t, e = value.tussen_days, value.eind_days
    if not (isinstance(t, int) and isinstance(e, int)) or not 1 <= t < e <= MAX_DAYS:
        raise InputError("Kies een aantal dagen voor het tussengesprek dat kleiner is dan dat "
                         f"voor het eindgesprek (hoogstens {MAX_DAYS} dagen).")
    with store.db.atomic():
        store.set_setting(SETTING_TUSSEN, str(t))
        store.set_setting(SETTING_EIND, str(e))


# -- reading -----------------------------------------------------------------------------------
def _rows(store: StoreCore, sql: str, params) -> list[dict]:
    return list(store.db.query(sql, params))


def _trajectory_row(store: StoreCore, trajectory_id: str | None) -> dict | None:
    if not trajectory_id:
        return None
    rows = _rows(store, "SELECT * FROM trajectories WHERE id = ?", [trajectory_id])
    return rows[0] if rows else None


def _open_row(store: StoreCore, patient_id: str) -> dict | None:
    rows = _rows(store, "SELECT * FROM trajectories WHERE patient_id = ? AND closed_at IS NULL "
                 "ORDER BY start_date DESC, created_at DESC LIMIT 1", [patient_id])
    return rows[0] if rows else None


def _members(store: StoreCore, trajectory_id: str) -> list[dict]:
    return _rows(store, "SELECT id, date, type, completed_at FROM consultations "
                 "WHERE trajectory_id = ? ORDER BY date, created_at, id", [trajectory_id])


def _consultation_row(store: StoreCore, consultation_id: str) -> dict:
    rows = _rows(store, "SELECT id, patient_id, date, type, completed_at, trajectory_id "
                 "FROM consultations WHERE id = ?", [consultation_id])
    if not rows:
        raise NotFound("Dit gesprek bestaat niet (meer).")
    return rows[0]


def _trajectory(row: dict, webs: list[WebPoint]) -> Trajectory:
    return Trajectory(row["id"], row["patient_id"], row["start_date"],
                      {"tussen": row["tussen_planned"], "eind": row["eind_planned"]},
                      row["closed_at"], webs, row["start_consultation_id"])


def _build(store: StoreCore, row: dict, instrument: Instrument) -> Trajectory:
    webs = [WebPoint.of(consultation(store, m["id"]), instrument)
            for m in _members(store, row["id"])]
    return _trajectory(row, webs)


def trajectories_for(store: StoreCore, patient_id: str, instrument: Instrument) -> list[Trajectory]:
    """The patient's trajectories, oldest first, each with its webs (oldest first)."""
    rows = _rows(store, "SELECT * FROM trajectories WHERE patient_id = ? "
                 "ORDER BY start_date, created_at, id", [patient_id])
    return [_build(store, r, instrument) for r in rows]


def trajectory_of(store: StoreCore, consultation_id: str, instrument: Instrument) -> Trajectory | None:
    """The trajectory a conversation belongs to; None for a `los` one (NotFound if unknown)."""
    row = _trajectory_row(store, _consultation_row(store, consultation_id)["trajectory_id"])
    return _build(store, row, instrument) if row else None


def open_trajectory(store: StoreCore, patient_id: str) -> Trajectory | None:
    """The patient's running trajectory, without scores (its webs carry type and date only)."""
    row = _open_row(store, patient_id)
    return _light(store, row) if row else None


def _light(store: StoreCore, row: dict) -> Trajectory:
    # Enough for held()/next_due(): which conversations there are, not what was scored.
    webs = [WebPoint(m["id"], m["date"], m["type"], (), 0.0, 0.0)
            for m in _members(store, row["id"])]
    return _trajectory(row, webs)


def suggest_type(store: StoreCore, patient_id: str) -> str:
    """The next follow-up of the running trajectory ("tussen", then "eind"); "start" when none
    runs; "los" when its eind is already being held."""
    t = open_trajectory(store, patient_id)
    if t is None:
        return "start"
    return t.next_type() or "los"


# The next follow-up of a running trajectory is its tussen until a tussen or eind is held,
# then its eind until that is held (Trajectory.next_due); one query for the whole practice.
_HELD = "EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = t.id AND c.type = '{}')"
DUE_SQL = f"""
    SELECT t.patient_id, p.display_name, t.id AS trajectory_id, 'tussen' AS type,
           t.tussen_planned AS planned
    FROM trajectories t JOIN patients p ON p.id = t.patient_id
    WHERE t.closed_at IS NULL AND t.tussen_planned <= :horizon
      AND NOT {_HELD.format('tussen')} AND NOT {_HELD.format('eind')}
    UNION ALL
    SELECT t.patient_id, p.display_name, t.id, 'eind', t.eind_planned
    FROM trajectories t JOIN patients p ON p.id = t.patient_id
    WHERE t.closed_at IS NULL AND t.eind_planned <= :horizon
      AND {_HELD.format('tussen')} AND NOT {_HELD.format('eind')}
    ORDER BY planned, display_name, trajectory_id"""

# What the due list reads (table: the columns an update must touch to matter); a change by
# this connection makes it stale. An answer typed in a conversation does not.
_DUE_READS = {"trajectories": "", "consultations": " OF type, trajectory_id",
              "patients": " OF display_name"}


def due(store: StoreCore, today: dt.date, within_days: int = 14) -> list[DueItem]:
    """Tussen and eind conversations planned within `within_days` or overdue, soonest first."""
    horizon = (today + dt.timedelta(days=within_days)).isoformat()
    return [DueItem(pid, name, tid, ctype, planned, planned < today.isoformat())
            for pid, name, tid, ctype, planned
            in store.db.execute(DUE_SQL, {"horizon": horizon}).fetchall()]


def due_version(store: StoreCore) -> int:
    """A number that changes whenever something the due list reads changes, so the list is
    read again only then (not on every return to the start page).

    The engine counts the changes (storage/engine.py); on a server also those made in other
    rooms.
    """
    return store.db.change_counter(_DUE_READS)


# -- changing ----------------------------------------------------------------------------------
def _iso(date: str, what: str = "datum") -> str:
    try:
        return dt.date.fromisoformat(str(date).strip()).isoformat()
    except ValueError:
        raise InputError(f"De {what} '{date}' is geen geldige datum (jjjj-mm-dd).") from None


def set_planned(store: StoreCore, trajectory_id: str, ctype: str, iso_date: str) -> None:
    """Move the planned tussen or eind conversation; never before the start."""
    if ctype not in FOLLOW_UPS:
        raise InputError(f"Alleen een tussen- of eindgesprek wordt gepland, niet: {ctype}")
    date = _iso(iso_date)
    row = _trajectory_row(store, trajectory_id)
    if row is None:
        raise NotFound("Dit traject bestaat niet (meer).")
    if date < row["start_date"]:
        raise InputError(f"Een {type_noun(ctype)} kan niet gepland worden vóór het startgesprek "
                         f"({dutch_date(row['start_date'])}).")
    with store.db.atomic():
        store.db.execute(f"UPDATE trajectories SET {ctype}_planned = ?, updated_at = ? WHERE id = ?",
                         [date, now(), trajectory_id])
        store.log(row["patient_id"], "U", "trajectory")


def _close(store: StoreCore, trajectory_id: str, on: str) -> None:
    store.db.execute("UPDATE trajectories SET closed_at = coalesce(closed_at, ?), updated_at = ? "
                     "WHERE id = ?", [on, now(), trajectory_id])


def _reopen(store: StoreCore, row: dict) -> None:
    """Open a trajectory again (its eind went away), unless a newer one has started since."""
    if row["closed_at"] is None:
        return
    newer = store.db.execute(
        "SELECT 1 FROM trajectories WHERE patient_id = ? AND id != ? AND (closed_at IS NULL "
        "OR start_date > ?)", [row["patient_id"], row["id"], row["start_date"]]).fetchone()
    if newer is None:
        store.db.execute("UPDATE trajectories SET closed_at = NULL, updated_at = ? WHERE id = ?",
                         [now(), row["id"]])


def _create(store: StoreCore, patient_id: str, start_consultation_id: str, start_date: str) -> str:
    tid = new_id()
    planned = defaults(store).planned(start_date)
    store.db["trajectories"].insert({
        "id": tid, "patient_id": patient_id, "start_consultation_id": start_consultation_id,
        "start_date": start_date, "tussen_planned": planned["tussen"],
        "eind_planned": planned["eind"], "closed_at": None, "created_at": now(),
        "updated_at": now(),
    })
    return tid


def _attach_follow_up(store: StoreCore, patient_id: str, ctype: str, date: str,
                      consultation_id: str) -> str:
    """The open trajectory a new tussen/eind joins, after checking the rules."""
    row = _open_row(store, patient_id)
    if row is None:
        raise InputError(NO_TRAJECTORY)
    check_follow_up_date(row["start_date"], ctype, date)
    for m in _members(store, row["id"]):
        if m["type"] == ctype and m["id"] != consultation_id:
            raise InputError(f"Dit traject heeft al een {type_noun(ctype)} "
                             f"({dutch_date(m['date'])}). Kies een ander soort gesprek, of "
                             "'los gesprek'.")
    return row["id"]


def place_new(store: StoreCore, patient_id: str, consultation_id: str, ctype: str, date: str,
              *, close_open: bool = False) -> str | None:
    """Run inside Store.new_consultation's transaction, before the conversation is inserted:
    the trajectory id it gets (None for `los`)."""
    if ctype == "start":
        running = _open_row(store, patient_id)
        if running:
            if not close_open:
                raise TrajectoryOpen(running["id"], running["start_date"])
            _close(store, running["id"], dt.date.today().isoformat())
            store.log(patient_id, "U", "trajectory")
        return _create(store, patient_id, consultation_id, date)
    if ctype in FOLLOW_UPS:
        return _attach_follow_up(store, patient_id, ctype, date, consultation_id)
    return None


def close_if_eind(store: StoreCore, consultation_id: str) -> None:
    """A completed eind closes its trajectory (run inside Store.complete's transaction)."""
    row = _consultation_row(store, consultation_id)
    if row["type"] == "eind" and row["trajectory_id"]:
        on = (row["completed_at"] or "")[:10] or dt.date.today().isoformat()
        _close(store, row["trajectory_id"], on)


def change_info(store: StoreCore, consultation_id: str, ctype: str, date: str) -> None:
    """Keep the trajectory rules when a conversation's type or date changes.

    Run inside Store.set_consultation_info's transaction, before the row is updated; a
    refusal raises InputError and the transaction leaves everything as it was.
    """
    c = _consultation_row(store, consultation_id)
    row = _trajectory_row(store, c["trajectory_id"])
    is_start = row is not None and row["start_consultation_id"] == consultation_id
    others = [m for m in _members(store, row["id"]) if m["id"] != consultation_id] if row else []

    if ctype == c["type"]:
        if is_start:
            for m in others:
                if m["date"] < date:
                    raise InputError(f"Het startgesprek kan niet na het {type_noun(m['type'])} "
                                     f"({dutch_date(m['date'])}) liggen.")
            if date != row["start_date"]:
                _move_start(store, row, date)
        elif row is not None:
            check_follow_up_date(row["start_date"], ctype, date)
        return

    # Leave the present trajectory.
    if is_start:
        if others:
            raise InputError("Dit startgesprek hoort bij een traject met latere gesprekken; "
                             "verander of verwijder die eerst.")
        store.db.execute("UPDATE consultations SET trajectory_id = NULL WHERE id = ?",
                         [consultation_id])
        store.db.execute("DELETE FROM trajectories WHERE id = ?", [row["id"]])
    elif row is not None:
        store.db.execute("UPDATE consultations SET trajectory_id = NULL WHERE id = ?",
                         [consultation_id])
        if c["type"] == "eind":
            _reopen(store, row)

    # Join the new one.
    tid = None
    if ctype == "start":
        running = _open_row(store, c["patient_id"])
        if running:
            raise TrajectoryOpen(running["id"], running["start_date"])
        tid = _create(store, c["patient_id"], consultation_id, date)
    elif ctype in FOLLOW_UPS:
        tid = _attach_follow_up(store, c["patient_id"], ctype, date, consultation_id)
    if tid:
        store.db.execute("UPDATE consultations SET trajectory_id = ? WHERE id = ?",
                         [tid, consultation_id])
        if ctype == "eind" and c["completed_at"]:
            _close(store, tid, c["completed_at"][:10])


def _move_start(store: StoreCore, row: dict, date: str) -> None:
    """The start moved: the planned dates move with it, keeping their distance."""
    shift = dt.date.fromisoformat(date) - dt.date.fromisoformat(row["start_date"])
    moved = {k: (dt.date.fromisoformat(row[f"{k}_planned"]) + shift).isoformat() for k in FOLLOW_UPS}
    store.db.execute("UPDATE trajectories SET start_date = ?, tussen_planned = ?, eind_planned = ?, "
                     "updated_at = ? WHERE id = ?",
                     [date, moved["tussen"], moved["eind"], now(), row["id"]])


def delete_consultation(store: StoreCore, consultation_id: str) -> None:
    """Delete one conversation and everything recorded in it, logged as one line.

    A start with later conversations in its trajectory is refused; a lone start takes its
    trajectory with it; deleting an eind reopens its trajectory.
    """
    c = _consultation_row(store, consultation_id)
    row = _trajectory_row(store, c["trajectory_id"])
    is_start = row is not None and row["start_consultation_id"] == consultation_id
    if is_start and any(m["id"] != consultation_id for m in _members(store, row["id"])):
        raise InputError(START_HAS_LATER)
    db = store.db
    with db.atomic():
        for table in CONSULTATION_TABLES:
            db.execute(f"DELETE FROM {table} WHERE consultation_id = ?", [consultation_id])
        # a referral from earlier followed up in this conversation stays, without that link
        db.execute("UPDATE referrals SET followed_up_in = NULL WHERE followed_up_in = ?",
                   [consultation_id])
        db.execute("DELETE FROM consultations WHERE id = ?", [consultation_id])
        if is_start:
            db.execute("DELETE FROM trajectories WHERE id = ?", [row["id"]])
        elif row is not None and c["type"] == "eind":
            _reopen(store, row)
        store.log(c["patient_id"], "D", "consultation")
