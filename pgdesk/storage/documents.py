"""Each document's data gathered from the store in one place, for the screens and the command
line alike: the handout, the SOEP journal text, the practice overview and the evaluation export.
The reports only render what is gathered here (import-linter forbids reports -> storage)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Iterator

from pgdesk.domain.documents import (
    SOEP_PARTS,
    EvaluationData,
    HandoutData,
    SoepData,
    parse_soep_parts,
)
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import CONSULTATION_TYPES, Consultation
from pgdesk.domain.overview import UNKNOWN_ROLE, ConsultationFact, PracticeStats, ReferralFact, practice_stats
from pgdesk.domain.social_map import Referral
from pgdesk.domain.trajectory import Trajectory, WebPoint, birth_year_band, change_table
from pgdesk.domain.validation import InputError
from pgdesk.storage import trajectories, webs
from pgdesk.storage.practice import handout_changes, practice_details
from pgdesk.storage.repository import Store
from pgdesk.storage.social_map import follow_ups, referrals_for_consultation

SOEP_SETTING = "soep_parts"
ICPC_SETTING = "icpc_default"  # the practice's code for these conversations, e.g. A98
NOTE_SETTING = "soep_note_part"  # "E" or "P": where the professional's note goes
KEY_LENGTH = 12  # hex characters of the HMAC: 48 bits, no collisions at practice scale
FOCUS_JOIN = ";"


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
                       show_changes=handout_changes(store, view.patient.id))


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
    return SoepData(view, referrals=tuple(refs), parts=soep_parts(store),
                    icpc=" ".join((store.setting(ICPC_SETTING, "") or "").split()),
                    note_part="P" if store.setting(NOTE_SETTING, "E") == "P" else "E")


# --- the practice overview -------------------------------------------------------------------


def collect_facts(store: Store, instrument: Instrument
                  ) -> tuple[list[ConsultationFact], list[Trajectory]]:
    """Every conversation as a fact (date, type, role, completed) and every trajectory that held
    a start and an eind (only those can be completed), with those two webs; two queries, however
    many patients."""
    facts = [
        ConsultationFact(str(date or ""), str(ctype or ""), role or UNKNOWN_ROLE, bool(completed))
        for date, ctype, completed, role in store.db.execute(
            "SELECT c.date, c.type, c.completed_at, p.role FROM consultations c "
            "LEFT JOIN professionals p ON p.id = c.professional_id")
    ]
    return facts, list(webs.completed_trajectories(store, instrument))


def collect_referrals(store: Store) -> list[ReferralFact]:
    """Every referral: the day of its conversation, the service's name as referred, its status."""
    return [ReferralFact(str(r["date"] or ""), str(r["service"] or ""), str(r["status"]))
            for r in store.db.query(
                "SELECT c.date, json_extract(r.service_snapshot, '$.name') AS service, r.status "
                "FROM referrals r JOIN consultations c ON c.id = r.consultation_id")]


def practice_overview(store: Store, instrument: Instrument, *,
                      today: dt.date | None = None) -> PracticeStats:
    """The overview's numbers straight from the store."""
    facts, found = collect_facts(store, instrument)
    return practice_stats(facts, found, instrument, today=today, referrals=collect_referrals(store))


# --- the evaluation export -------------------------------------------------------------------


def new_salt() -> bytes:
    """A fresh random salt for one export."""
    return secrets.token_bytes(32)


def pseudonym(key_salt: bytes, value: str) -> str:
    return hmac.new(key_salt, value.encode("utf-8"), hashlib.sha256).hexdigest()[:KEY_LENGTH]


def _pct(web: WebPoint) -> float:
    return round(web.area_fraction * 100, 1)


def _keyed(store: Store, key_salt: bytes) -> str:
    """Register the pseudonym as an SQL function on the store's connection, so rows are sorted
    by patient key in SQL and stream out in that order; returns its name."""
    return store.db.pseudonym_sql(lambda value: pseudonym(key_salt, value), key_salt, KEY_LENGTH)


def consultation_rows(store: Store, instrument: Instrument, *,
                      key_salt: bytes) -> Iterator[dict]:
    """One row per conversation, sorted by patient key and date (not in the order of entry);
    one streamed query."""
    key = _keyed(store, key_salt)
    order = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CONSULTATION_TYPES))
    query = store.db.execute(
        f"SELECT {key}(c.patient_id), c.id, c.date, c.type, {webs.recorded('c')}, "
        "p.birth_date, pr.role, c.trajectory_id FROM consultations c "
        "JOIN patients p ON p.id = c.patient_id "
        "LEFT JOIN professionals pr ON pr.id = c.professional_id "
        f"ORDER BY 1, c.date, CASE c.type {order} ELSE 9 END")
    for (patient_key, cid, date, ctype, manual, aspects, marks, referrals, birth_date, role,
         trajectory_id) in query:
        web = webs.web(cid, date, ctype, manual, aspects, instrument)
        focus = webs.focus(marks)
        row = {
            "patient_key": patient_key,
            "birth_year_band": birth_year_band(birth_date or ""),
            "professional_role": role or "",
            "type": ctype,
            "date": date,
            "trajectory_key": pseudonym(key_salt, trajectory_id) if trajectory_id else "",
        }
        row.update(zip(instrument.dimension_ids, web.scores, strict=True))
        row["web_area_pct"] = _pct(web)
        row["focus"] = FOCUS_JOIN.join(d for d in instrument.dimension_ids if d in focus)
        row["referrals"] = referrals
        yield row


def trajectory_rows(store: Store, instrument: Instrument, *, key_salt: bytes) -> Iterator[dict]:
    """One row per trajectory whose start and eind were both held: start, eind and change."""
    key = _keyed(store, key_salt)
    for t in webs.completed_trajectories(store, instrument,
                                         order_by=f"{key}(t.patient_id), s.date"):
        start, eind = t.webs
        row = {"patient_key": pseudonym(key_salt, t.patient_id),
               "trajectory_key": pseudonym(key_salt, t.id),
               "start_date": start.date, "eind_date": eind.date}
        for ch in change_table([start, eind], instrument):
            first, last = ch.scores
            row[f"{ch.dimension_id}_start"] = first
            row[f"{ch.dimension_id}_eind"] = last
            row[f"{ch.dimension_id}_change"] = ch.change
        row["web_area_pct_start"] = _pct(start)
        row["web_area_pct_eind"] = _pct(eind)
        row["web_area_pct_change"] = round(_pct(eind) - _pct(start), 1)
        yield row


def evaluation_data(store: Store, instrument: Instrument, *,
                    key_salt: bytes | None = None) -> EvaluationData:
    """Both tables of the evaluation export under one salt (a new one unless given), so keys
    hold within one export and link to no other."""
    salt = key_salt or new_salt()
    return EvaluationData(consultation_rows(store, instrument, key_salt=salt),
                          trajectory_rows(store, instrument, key_salt=salt))
