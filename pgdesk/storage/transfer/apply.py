"""Writing a previewed import plan: all or nothing, with the resolutions the user chose."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping

from pgdesk.domain import transfer as rules
from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.domain.trajectory import FOLLOW_UPS, type_noun
from pgdesk.domain.transfer import (
    CONFLICT,
    KEEP_BOTH,
    KIND_BRING_BACK,
    KIND_TAKE_ALONG,
    NEW,
    RESTORE,
    TAKE,
    TAKE_INCOMING,
    Conflict,
)
from pgdesk.domain.validation import InputError
from pgdesk.storage import versions
from pgdesk.storage.repository import Store, now, search_form
from pgdesk.storage.trajectories import follow_ups_changed
from pgdesk.storage.transfer.away import unmark_taken_along
from pgdesk.storage.transfer.fileformat import (
    NOTHING_READ,
    TransferChanged,
    TransferError,
    write_errors,
)
from pgdesk.storage.transfer.numbers import refuse_taken_numbers
from pgdesk.storage.transfer.plan import ImportPlan, PatientWork, refuse_replay, state_snapshot
from pgdesk.storage.transfer.records import (
    CONSULTATION_COLS,
    COPY_NAMESPACE,
    PATIENT_ANSWER_COLS,
    PATIENT_COLS,
    TRAJECTORY_COLS,
    TransferSummary,
    column_list,
    database_identity,
    newest_bring_back_setting,
    record_transfer,
    record_versions,
)

# --- applying -------------------------------------------------------------------------------------


def _insert_missing(store: Store, table: str, rows: Iterable[dict], wanted: set[str]) -> None:
    for row in rows:
        if row["id"] in wanted:
            store.db.execute(f"INSERT OR IGNORE INTO {table} ({column_list(row)}) VALUES "
                             f"({', '.join('?' for _ in row)})", list(row.values()))


def _insert_children(store: Store, pid: str, cid: str, rec: dict, *, copy: bool) -> None:
    db = store.db
    for dim, score in rec["dimension_scores"].items():
        db.execute("INSERT INTO dimension_scores (consultation_id, dimension_id, score) "
                   "VALUES (?, ?, ?)", [cid, dim, score])
    for dim, aspects in rec["aspect_scores"].items():
        for aspect, score in aspects.items():
            db.execute("INSERT INTO aspect_scores (consultation_id, dimension_id, aspect_id, score) "
                       "VALUES (?, ?, ?, ?)", [cid, dim, aspect, score])
    for kind, dim, aspect in rec["marks"]:
        db.execute("INSERT INTO marks (consultation_id, kind, dimension_id, aspect_id) "
                   "VALUES (?, ?, ?, ?)", [cid, kind, dim, aspect])
    for step, answer in rec["wheel_answers"].items():
        db.execute("INSERT INTO wheel_answers (consultation_id, step_id, answer) VALUES (?, ?, ?)",
                   [cid, step, answer])
    if rec["plan"] is not None:
        db.execute(f"INSERT INTO plans (consultation_id, {column_list(PLAN_FIELDS)}) VALUES "
                   f"(?, {', '.join('?' for _ in PLAN_FIELDS)})",
                   [cid, *(rec["plan"][f] for f in PLAN_FIELDS)])
    for own in rec["patient_answers"]:
        db.execute(f"INSERT INTO patient_answers (consultation_id, {column_list(PATIENT_ANSWER_COLS)}) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", [cid, *own])
    for r in rec["referrals"]:
        rid = str(uuid.uuid5(COPY_NAMESPACE, f"{cid}/{r['id']}")) if copy else r["id"]
        row = {**r, "id": rid, "consultation_id": cid, "patient_id": pid}
        db.execute(f"INSERT INTO referrals ({column_list(row)}) VALUES ({', '.join('?' for _ in row)})",
                   list(row.values()))


def _consultation_row(pid: str, rec: dict, trajectory_id: str | None, **over) -> dict:
    row = {c: rec[c] for c in CONSULTATION_COLS}
    row.update(patient_id=pid, trajectory_id=trajectory_id, **over)
    return row


def _insert_consultation(store: Store, pid: str, rec: dict, trajectory_id: str | None, *,
                         copy_of: str | None = None, copy_id: str = "") -> None:
    """Add a conversation with everything in it; with copy_of, as the copy kept for a conflict
    (id copy_id, its referrals new ids too, conflict_of the original's id)."""
    over = {"id": copy_id, "conflict_of": copy_of} if copy_of else {}
    row = _consultation_row(pid, rec, trajectory_id, **over)
    store.db.execute(f"INSERT INTO consultations ({column_list(row)}) VALUES "
                     f"({', '.join('?' for _ in row)})", list(row.values()))
    _insert_children(store, pid, row["id"], rec, copy=copy_of is not None)


def _replace_consultation(store: Store, pid: str, rec: dict, trajectory_id: str | None,
                          local: dict | None) -> None:
    """Write the incoming version over this database's (`local`, the same record read here).
    Every answer it had or gets is raised (storage/versions.py): a room with the old version on
    screen is refused rather than writing over the incoming one unseen."""
    cid = rec["id"]
    versions.raise_all(store, cid, versions.answer_fields(rec)
                       | (versions.answer_fields(local) if local else set()))
    for table in ("referrals", "marks", "wheel_answers", "plans", "aspect_scores",
                  "dimension_scores", "patient_answers"):
        store.db.execute(f"DELETE FROM {table} WHERE consultation_id = ?", [cid])
    row = _consultation_row(pid, rec, trajectory_id)
    del row["id"]
    store.db.execute(f"UPDATE consultations SET {', '.join(f'{column_list([c])} = ?' for c in row)} "
                     "WHERE id = ?", [*row.values(), cid])
    _insert_children(store, pid, cid, rec, copy=False)


def _update(store: Store, table: str, ident: str, values: dict) -> None:
    store.db.execute(f"UPDATE {table} SET {', '.join(f'{column_list([c])} = ?' for c in values)} "
                     "WHERE id = ?", [*values.values(), ident])


def _merged(take: Mapping[str, str], conflict: Conflict | None, incoming: dict) -> dict:
    """The fields to write from the incoming record after a field-by-field merge."""
    out = {f: incoming[f] for f, side in take.items() if side == "incoming"}
    if conflict is not None and conflict.resolution == TAKE_INCOMING:
        out |= {d.key: incoming[d.key] for d in conflict.differences}
    return out


def _apply_patient(store: Store, plan: ImportPlan, work: PatientWork, notes: list[str]) -> dict:
    """Write one patient's part of the plan; returns counts of what was written."""
    pid = work.patient_id
    p = work.incoming["patient"]
    counts = {"written": False, "new": 0, "changed": 0, "conflicts": 0}
    payload = plan.payload
    to_write = [i for i in work.consultations
                if plan.writes_incoming(i)]
    pros = {i.incoming["professional_id"] for i in to_write}
    services = {r["service_id"] for i in to_write for r in i.incoming["referrals"]}
    _insert_missing(store, "professionals", payload["professionals"], pros)
    _insert_missing(store, "services", payload["services"], services)

    if work.local is None:
        row = {c: p[c] for c in PATIENT_COLS} | {"search_name": search_form(p["display_name"])}
        store.db.execute(f"INSERT INTO patients ({column_list(row)}) VALUES ({', '.join('?' for _ in row)})",
                         list(row.values()))
        counts["written"] = True
    else:
        values = _merged(work.patient_take, work.patient_conflict, p)
        if values:
            if "display_name" in values:
                values["search_name"] = search_form(values["display_name"])
            if "handout_lang" in values:
                # the field is the language in force; handout_lang's CHECK allows only nl and en
                lang = p["handout_language"] or p["handout_lang"]
                values["handout_language"] = lang
                values["handout_lang"] = lang if lang in ("nl", "en") else None
            values["updated_at"] = max(work.local["patient"]["updated_at"] or "",
                                       p["updated_at"] or "") or now()
            _update(store, "patients", pid, values)
            counts["written"] = True

    for item in work.trajectories:
        t = item.incoming
        if item.decision in (NEW, RESTORE):
            row = {c: t[c] for c in TRAJECTORY_COLS} | {"patient_id": pid}
            store.db.execute(f"INSERT INTO trajectories ({column_list(row)}) VALUES "
                             f"({', '.join('?' for _ in row)})", list(row.values()))
            counts["written"] = True
        elif item.local is not None:
            values = _merged(item.take, item.conflict, t)
            if values:
                values["updated_at"] = max(item.local["updated_at"] or "",
                                           t["updated_at"] or "") or now()
                _update(store, "trajectories", t["id"], values)
                counts["written"] = True
    here = {r[0] for r in store.db.execute("SELECT id FROM trajectories WHERE patient_id = ?", [pid])}

    def trajectory_of(rec: dict) -> str | None:
        """The conversation's trajectory, unless that is gone here or already has a follow-up
        of its type (at most one tussen and one eind); then it is kept unattached."""
        tid = rec["trajectory_id"]
        title = rules.consultation_title(rec)
        if tid and tid not in here:
            notes.append(f"{work.name}: het {title.lower()} hoorde bij een traject dat hier niet "
                         "meer bestaat; het staat nu los.")
            return None
        if tid and rec["type"] in FOLLOW_UPS and store.db.execute(
                "SELECT 1 FROM consultations WHERE trajectory_id = ? AND type = ? AND id != ?",
                [tid, rec["type"], rec["id"]]).fetchone():
            notes.append(f"{work.name}: het traject had hier al een {type_noun(rec['type'])}; het "
                         f"{title.lower()} staat nu los van het traject.")
            return None
        return tid

    for item in work.consultations:
        rec, d = item.incoming, item.decision
        resolution = item.conflict.resolution if item.conflict else None
        if d in (NEW, RESTORE):
            _insert_consultation(store, pid, rec, trajectory_of(rec))
            counts["new"] += 1
        elif d == TAKE or resolution == TAKE_INCOMING:
            _replace_consultation(store, pid, rec, trajectory_of(rec), item.local)
            counts["changed" if d == TAKE else "conflicts"] += 1
        elif resolution == KEEP_BOTH:
            if plan.kind == KIND_BRING_BACK:
                # The practice's version keeps the id; the laptop's becomes a marked copy.
                _insert_consultation(store, pid, rec, None, copy_of=rec["id"], copy_id=item.copy_id)
            else:
                # On the laptop the practice's version takes the id and the laptop's own version
                # becomes the copy, so bringing it back later adds it as a new conversation.
                _replace_consultation(store, pid, rec, trajectory_of(rec), item.local)
                _insert_consultation(store, pid, item.local, None, copy_of=rec["id"],
                                     copy_id=item.copy_id)
            counts["conflicts"] += 1
        else:
            if d == CONFLICT:
                counts["conflicts"] += 1
            continue
        counts["written"] = True

    open_ones = store.db.execute(
        "SELECT id, start_date FROM trajectories WHERE patient_id = ? AND closed_at IS NULL "
        "ORDER BY start_date DESC, created_at DESC, id DESC", [pid]).fetchall()
    if len(open_ones) > 1:
        newest_start = open_ones[0][1]
        for tid, _start in open_ones[1:]:
            _update(store, "trajectories", tid, {"closed_at": newest_start, "updated_at": now()})
        notes.append(f"{work.name}: er liepen twee trajecten tegelijk; het oudste is gesloten op "
                     f"{rules.dutch_date(newest_start)}.")
    follow_ups_changed(store, pid)
    return counts


def _remember_base(store: Store, plan: ImportPlan, work: PatientWork) -> None:
    """On the laptop: mark the patient brought along and remember the practice's versions."""
    pid = work.patient_id
    store.db.execute(
        "INSERT OR REPLACE INTO brought_along (patient_id, transfer_id, origin_db_id, taken_at, "
        "imported_at, brought_back_at, brought_back_digest) VALUES (?, ?, ?, ?, ?, NULL, NULL)",
        [pid, plan.transfer_id, plan.origin_db_id, plan.created_at, now()])
    for (kind, ident), v in record_versions(work.incoming).items():
        store.db.execute(
            "INSERT OR REPLACE INTO transfer_base (kind, record_id, patient_id, digest, fields, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [kind, ident, pid, v.digest, json.dumps(dict(sorted(v.fields.items()))), v.updated_at])


def apply_transfer(store: Store, plan: ImportPlan) -> TransferSummary:
    """Write a previewed plan, all or nothing in one transaction, with the chosen resolutions.

    TransferChanged (nothing written) when this database changed since the preview in a way that
    touches the plan; TransferError for a plan already applied or made for another database;
    ReplayedTransfer when the file was read here meanwhile; NumberTaken when a patient would get a
    HIS number another patient here (or in the file) has; StorageError (nothing written) when
    the disk is full.
    """
    if plan.applied:
        raise TransferError("Dit bestand is al ingelezen.")
    if plan.database != database_identity(store):
        raise TransferError("Dit overzicht hoort bij een andere database; lees het bestand opnieuw in.")
    for c in plan.conflicts:
        if c.resolution not in c.choices:
            raise InputError(f"Kies wat er moet gebeuren met {c.title.lower()}.")
    notes: list[str] = []
    lines = plan.summary_lines()
    totals = {"new": 0, "changed": 0, "conflicts": 0}
    referrals = plan.referrals
    done: list[str] = []
    with write_errors(outcome=NOTHING_READ), store.db.atomic():
        refuse_replay(store, plan.payload["transfer"], plan.payload["patients"])
        if state_snapshot(store, [w.patient_id for w in plan.work]) != plan.snapshot:
            raise TransferChanged()
        refuse_taken_numbers(store, plan.work)
        for work in plan.work:
            if work.skip:
                continue
            counts = _apply_patient(store, plan, work, notes)
            for k in totals:
                totals[k] += counts[k]
            if plan.kind == KIND_TAKE_ALONG:
                _remember_base(store, plan, work)
            if counts["written"]:
                store.log(work.patient_id, "C" if work.local is None else "U", "transfer")
            done.append(work.patient_id)
        record_transfer(store, plan.transfer_id, "in", plan.kind, plan.origin_db_id, len(done))
        if plan.kind == KIND_BRING_BACK:
            unmark_taken_along(store, done)
            key = newest_bring_back_setting(plan.source_db_id)
            store.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             [key, max(store.setting(key) or "", plan.created_at)])
    plan.applied = True
    return TransferSummary(plan.kind, plan.transfer_id, plan.path, tuple(done),
                           consultations=totals["new"] + totals["changed"],
                           new_consultations=totals["new"], changed_consultations=totals["changed"],
                           conflicts=totals["conflicts"], referrals=referrals,
                           lines=("Ingelezen.", *lines[1:], *notes))
