"""Each document's data gathered from the store in one place, for the screens and the command
line alike: the handout, the SOEP journal text, the practice overview and the evaluation export.
The reports only render what is gathered here (import-linter forbids reports -> storage)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable

from pgdesk.domain.documents import (
    SOEP_PARTS,
    EvaluationData,
    HandoutData,
    SoepData,
    parse_soep_parts,
)
from pgdesk.domain.his_templates import template
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation
from pgdesk.domain.overview import PracticeStats
from pgdesk.domain.social_map import Referral
from pgdesk.domain.validation import InputError
from pgdesk.storage import trajectories
from pgdesk.storage.evaluation_sql import consultation_count, patient_rows
from pgdesk.storage.overview_sql import Progress, overview_stats
from pgdesk.storage.practice import handout_changes, practice_details
from pgdesk.storage.repository import Store
from pgdesk.storage.social_map import follow_ups, referrals_for_consultation
from pgdesk.storage.variants import large_print, present

SOEP_SETTING = "soep_parts"
ICPC_SETTING = "icpc_default"  # the practice's code for these conversations, e.g. A98
NOTE_SETTING = "soep_note_part"  # "E" or "P": where the professional's note goes
TEMPLATE_SETTING = "his_template"  # the key of a domain.his_templates template
CP1252_SETTING = "his_cp1252"  # "1": only characters Windows-1252 has


# --- the handout -----------------------------------------------------------------------------


def trajectory_start(store: Store, consultation_id: str, instrument: Instrument) -> Consultation | None:
    """The start conversation of an end conversation's trajectory; None for any other
    conversation, or when there is no (other) start."""
    row = store.db.execute("SELECT type FROM consultations WHERE id = ?",
                           [consultation_id]).fetchone()
    if row is None or row[0] != "eind":
        return None
    trajectory = trajectories.trajectory_of(store, consultation_id, instrument)
    if trajectory is None:
        return None
    first = next((w for w in trajectory.webs if w.type == "start"), None)
    if first is None or first.consultation_id == consultation_id:
        return None
    return store.consultation(first.consultation_id)


def handout_referrals(store: Store, consultation_id: str) -> list[Referral]:
    """The handout's referrals: those of earlier conversations that are still running, then
    those made in this one, oldest first; one that did not go ahead is left out (and an earlier
    one that was completed), and a service referred to twice is listed once."""

    def key(r: Referral) -> tuple[str, str]:
        return ("service", r.service_id) if r.service_id else ("name", r.name.casefold().strip())

    made = [r for r in referrals_for_consultation(store, consultation_id)
            if r.status != "niet_doorgegaan"]
    seen = {key(r) for r in made}  # referred again today: listed once
    earlier = []
    for r in follow_ups(store, consultation_id):
        if r.is_open and key(r) not in seen:
            seen.add(key(r))
            earlier.append(r)
    return earlier + made


def handout_data(store: Store, consultation_id: str, instrument: Instrument) -> HandoutData:
    """Everything the handout of a stored conversation shows."""
    view = store.view(consultation_id)
    return HandoutData(view, start=trajectory_start(store, consultation_id, instrument),
                       referrals=tuple(handout_referrals(store, consultation_id)),
                       practice=practice_details(store),
                       show_changes=handout_changes(store, view.patient.id),
                       large_print=large_print(store, view.patient.id))


# --- the SOEP journal text -------------------------------------------------------------------


def soep_parts(store: Store) -> tuple[str, ...]:
    """The parts this practice puts in the journal text, in S, O, E, P order (all by default)."""
    try:
        return parse_soep_parts(store.setting(SOEP_SETTING, "".join(SOEP_PARTS)) or "")
    except InputError:  # a damaged setting: everything
        return SOEP_PARTS


def set_soep_parts(store: Store, parts: Iterable[str] | str) -> tuple[str, ...]:
    """Choose the parts ("SOP", or ["S", "O", "P"]); InputError for none or an unknown letter."""
    chosen = parse_soep_parts(parts)
    store.set_setting(SOEP_SETTING, "".join(chosen))
    return chosen


def soep_data(store: Store, consultation_id: str) -> SoepData:
    """The journal text's data of a stored conversation: the practice's parts, its referrals and
    the earlier ones followed up in it. Not logged: the caller logs the copy or print
    (store.record_exported(patient_id, "soep"))."""
    view = store.view(consultation_id)
    refs = follow_ups(store, consultation_id) + referrals_for_consultation(store, consultation_id)
    shape = template(store.setting(TEMPLATE_SETTING))
    return SoepData(view, referrals=tuple(refs), parts=soep_parts(store),
                    icpc=" ".join((store.setting(ICPC_SETTING, "") or "").split()),
                    note_part="P" if store.setting(NOTE_SETTING, "E") == "P" else "E",
                    present=present(store, consultation_id),
                    width=shape.width, letters=shape.letters,
                    cp1252=store.setting(CP1252_SETTING, "0") == "1")


# --- the practice overview -------------------------------------------------------------------


def practice_overview(store: Store, instrument: Instrument, *, today: dt.date | None = None,
                      progress: Progress | None = None) -> PracticeStats:
    """The overview's numbers straight from the store, counted in SQL (storage.overview_sql);
    `progress(done, of)` after each of its few queries."""
    return overview_stats(store, instrument, today=today, progress=progress)


# --- the evaluation export -------------------------------------------------------------------


def new_salt() -> bytes:
    """A fresh random salt for one export."""
    return secrets.token_bytes(32)


def evaluation_data(store: Store, instrument: Instrument, *, key_salt: bytes | None = None,
                    progress: Progress | None = None) -> EvaluationData:
    """Both files' rows under one salt (a new one unless given), so keys hold within one export
    and link to no other; streamed patient by patient, sorted by patient key. With `progress`,
    `progress(conversations done, conversations in all)` as they stream (it may raise to stop)."""
    salt = key_salt or new_salt()
    if progress is None:
        return EvaluationData(patient_rows(store, instrument, key_salt=salt))
    total = consultation_count(store)
    progress(0, total)

    def done(n: int) -> None:
        progress(n, total)

    return EvaluationData(patient_rows(store, instrument, key_salt=salt, progress=done))
