"""The practice's details (table `practice`, one row) and whether the user was reminded to fill
them in."""

from __future__ import annotations

import datetime as dt

from pgdesk.domain.practice import PracticeDetails, checked_details
from pgdesk.storage.repository import Store

REMINDED = "practice_details_reminded"


def practice_details(store: Store) -> PracticeDetails:
    row = store.db.execute("SELECT name, phone, website FROM practice WHERE id = 1").fetchone()
    return PracticeDetails(*row) if row else PracticeDetails()


def set_practice_details(store: Store, name: str, phone: str, website: str = "") -> PracticeDetails:
    """Store the details (InputError for what cannot be printed); the same row is replaced."""
    details = checked_details(name, phone, website)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO practice (id, name, phone, website, updated_at) VALUES (1, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, "
            "website = excluded.website, updated_at = excluded.updated_at",
            [details.name, details.phone, details.website, stamp])
    return details


def needs_reminder(store: Store) -> bool:
    """True once: the details are not filled in and the user has not been reminded yet. Asking
    marks the reminder as given, so it never comes back on every handout."""
    if practice_details(store).is_filled() or store.setting(REMINDED) == "1":
        return False
    store.set_setting(REMINDED, "1")
    return True


def handout_changes(store: Store, patient_id: str) -> bool:
    """Whether this patient's end handout says in words what changed (default: yes)."""
    row = store.db.execute("SELECT handout_changes FROM patients WHERE id = ?",
                           [patient_id]).fetchone()
    return bool(row[0]) if row and row[0] is not None else True


def set_handout_changes(store: Store, patient_id: str, show: bool) -> None:
    with store.db.atomic():
        store.db.execute("UPDATE patients SET handout_changes = ? WHERE id = ?",
                         [1 if show else 0, patient_id])
