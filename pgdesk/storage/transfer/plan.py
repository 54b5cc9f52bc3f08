"""Reading a transfer file without writing: what it would change, record by record, and the
conflicts the user resolves before anything is applied."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pgdesk.domain import transfer as rules
from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.transfer import (
    CONFLICT,
    KEEP,
    KEEP_BOTH,
    KEEP_LOCAL,
    KIND_BRING_BACK,
    KIND_TAKE_ALONG,
    LATER_WINS,
    NEW,
    RESOLUTIONS,
    RESTORE,
    RULES,
    SAME,
    STAYS_DELETED,
    TAKE,
    TAKE_INCOMING,
    Conflict,
    Version,
    plural,
)
from pgdesk.domain.validation import InputError
from pgdesk.storage.repository import Store
from pgdesk.storage.transfer.fileformat import (
    NOTHING_READ,
    VERSION,
    TransferError,
    WrongPractice,
    read_transfer_file,
    unseal,
)
from pgdesk.storage.transfer.payload import check_payload, check_version
from pgdesk.storage.transfer.records import (
    COPY_NAMESPACE,
    V1_PATIENT_DEFAULTS,
    brought_along_marker,
    database_identity,
    local_time,
    newest_bring_back_setting,
    patient_entry,
    record_versions,
    stored_bases,
)

SIDES = {KIND_TAKE_ALONG: ("de laptop", "de praktijk"), KIND_BRING_BACK: ("de praktijk", "de laptop")}


# --- the import plan ------------------------------------------------------------------------------


@dataclass
class PlanItem:
    """One trajectory or conversation of the file and what to do with it."""

    kind: str
    incoming: dict
    local: dict | None
    base: Version | None
    decision: str
    fields_in: dict[str, str]
    fields_local: dict[str, str]
    take: dict[str, str] = field(default_factory=dict)   # field -> side (trajectories)
    conflict: Conflict | None = None
    copy_id: str = ""                                      # conversations: id of a kept copy

    @property
    def id(self) -> str:
        return self.incoming["id"]


@dataclass
class PatientWork:
    """One patient of the file."""

    patient_id: str
    name: str
    incoming: dict
    local: dict | None          # the local entry (None: not here)
    skip: str = ""              # why this patient is left out (bring-back only)
    patient_take: dict[str, str] = field(default_factory=dict)
    patient_conflict: Conflict | None = None
    trajectories: list[PlanItem] = field(default_factory=list)
    consultations: list[PlanItem] = field(default_factory=list)
    deleted_elsewhere: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PatientPlan:
    """One patient of an import, for a list on screen. status: "new" (not yet in this database),
    "update" (something will be written), "same" (nothing to write) or "skip" (left out, see
    ImportPlan.notes)."""

    patient_id: str
    display_name: str
    status: str
    new_consultations: int
    changed_consultations: int
    conflicts: int


@dataclass
class ImportPlan:
    """What reading a transfer file would change; made by preview_transfer, which writes nothing.

    Resolve conflicts with `resolve` or `resolve_all`, show `summary_lines()`, then call
    apply_transfer. kind: "take-along" (on the laptop) or "bring-back" (at the practice).
    local_side / incoming_side: who holds this database's and the file's versions.
    """

    kind: str
    transfer_id: str
    origin_db_id: str
    source_db_id: str
    created_at: str
    created_by: str
    path: Path
    local_side: str
    incoming_side: str
    patients: list[PatientPlan]
    conflicts: list[Conflict]
    notes: list[str]
    applied: bool = False
    work: list[PatientWork] = field(default_factory=list, repr=False)
    payload: dict = field(default_factory=dict, repr=False)
    snapshot: dict = field(default_factory=dict, repr=False)
    database: str | None = field(default=None, repr=False)  # records.database_identity

    # -- resolving
    def resolve(self, conflict: Conflict | str, resolution: str) -> None:
        """Choose for one conflict (the Conflict or its key): keep_both, take_incoming, keep_local."""
        c = conflict if isinstance(conflict, Conflict) else self._conflict(conflict)
        if not any(c is mine for mine in self.conflicts):
            raise ValueError("conflict of another plan")
        if resolution == LATER_WINS:
            resolution = c.later()
        if resolution not in c.choices:
            raise InputError(f"Voor {c.title.lower()} kan niet gekozen worden voor "
                             f"'{rules.RESOLUTION_LABELS.get(resolution, resolution)}'.")
        c.resolution = resolution

    def resolve_all(self, rule: str) -> None:
        """One choice for every conflict: keep_both, take_incoming, keep_local or later_wins.

        later_wins: per conflict the version changed last wins (equal times: as by default).
        keep_both applies to conversations; personal details and trajectory dates, which cannot
        be kept twice, then keep their default (the practice's value).
        """
        if rule not in RULES:
            raise ValueError(rule)
        for c in self.conflicts:
            if rule == LATER_WINS:
                c.resolution = c.later()
            elif rule in c.choices:
                c.resolution = rule
            else:
                c.resolution = c.default

    def _conflict(self, key: str) -> Conflict:
        for c in self.conflicts:
            if c.key == key:
                return c
        raise KeyError(key)

    # -- counting
    def writes_incoming(self, item: PlanItem) -> bool:
        if item.decision in (NEW, RESTORE, TAKE):
            return True
        return item.decision == CONFLICT and item.conflict.resolution in (TAKE_INCOMING, KEEP_BOTH)

    def _active(self) -> list[PatientWork]:
        return [w for w in self.work if not w.skip]

    @property
    def new_consultations(self) -> int:
        return sum(i.decision in (NEW, RESTORE) for w in self._active() for i in w.consultations)

    @property
    def changed_consultations(self) -> int:
        return sum(i.decision == TAKE for w in self._active() for i in w.consultations)

    @property
    def referrals(self) -> int:
        """Referrals that will be added or changed (in new, changed or kept-both conversations)."""
        n = 0
        for w in self._active():
            for i in w.consultations:
                if self.writes_incoming(i):
                    n += sum(1 for k, v in i.fields_in.items()
                             if k.startswith("referral:") and i.fields_local.get(k) != v)
        return n

    def _details_changed(self) -> int:
        return sum(1 for w in self._active() if w.local is not None and (
            any(s == "incoming" for s in w.patient_take.values())
            or (w.patient_conflict is not None and w.patient_conflict.resolution == TAKE_INCOMING)))

    def _trajectories_changed(self) -> int:
        return sum(1 for w in self._active() for i in w.trajectories
                   if i.decision in (NEW, RESTORE) or any(s == "incoming" for s in i.take.values())
                   or (i.conflict is not None and i.conflict.resolution == TAKE_INCOMING))

    def summary_lines(self) -> list[str]:
        """In Dutch, before anything is written: where the file comes from, then N patients,
        N new conversations, N changed, N conflicts, N referrals, each conflict with the current
        choice, and notes."""
        active = self._active()
        if self.kind == KIND_TAKE_ALONG:
            title = (f"Meeneembestand uit de praktijk, gemaakt op {local_time(self.created_at)} door "
                     f"{self.created_by}.")
        else:
            title = (f"Terugbrengbestand van de laptop, gemaakt op {local_time(self.created_at)} door "
                     f"{self.created_by}.")
        new_patients = sum(1 for w in active if w.local is None)
        lines = [title,
                 plural(len(active), "patiënt", "patiënten")
                 + (f" ({new_patients} nieuw op deze computer)" if new_patients else ""),
                 plural(self.new_consultations, "nieuw gesprek", "nieuwe gesprekken"),
                 plural(self.changed_consultations, "gewijzigd gesprek", "gewijzigde gesprekken"),
                 plural(len(self.conflicts), "conflict", "conflicten")
                 + (" (aan beide kanten gewijzigd)" if self.conflicts else ""),
                 plural(self.referrals, "verwijzing", "verwijzingen") + " (nieuw of gewijzigd)"]
        if details := self._details_changed():
            lines.append(f"Persoonsgegevens bijgewerkt bij {plural(details, 'patiënt', 'patiënten')}")
        if trajectories := self._trajectories_changed():
            lines.append(plural(trajectories, "traject", "trajecten") + " nieuw of bijgewerkt")
        lines += [c.line() for c in self.conflicts]
        lines += self.notes
        return lines


def _conflict(plan_kind: str, kind: str, record_id: str, work: PatientWork, title: str,
              local_updated: str | None, incoming_updated: str | None,
              diffs: tuple[rules.Difference, ...], *, whole: bool) -> Conflict:
    local_side, incoming_side = SIDES[plan_kind]
    practice = KEEP_LOCAL if plan_kind == KIND_BRING_BACK else TAKE_INCOMING
    default = KEEP_BOTH if whole else practice
    choices = RESOLUTIONS if whole else (TAKE_INCOMING, KEEP_LOCAL)
    return Conflict(kind, record_id, work.patient_id, work.name, title, local_side, incoming_side,
                    local_updated or "", incoming_updated or "", diffs, choices, default, default)


def _check_ownership(store: Store, work: PatientWork) -> None:
    """Ids in the file that exist here must belong to the same patient (and conversation)."""
    pid = work.patient_id

    def owners(table: str, col: str, ids: list[str]) -> dict[str, str]:
        out = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update(store.db.execute(f"SELECT id, {col} FROM {table} WHERE id IN ({marks})",
                                        chunk).fetchall())
        return out

    cons = work.incoming["consultations"]
    for table, ids in (("consultations", [c["id"] for c in cons]),
                       ("trajectories", [t["id"] for t in work.incoming["trajectories"]])):
        if any(owner != pid for owner in owners(table, "patient_id", ids).values()):
            raise WrongPractice(f"Het bestand bevat gegevens van {work.name} die in deze database bij "
                                f"een andere patiënt horen. {NOTHING_READ}")
    parent = {r["id"]: c["id"] for c in cons for r in c["referrals"]}
    for rid, cid in owners("referrals", "consultation_id", list(parent)).items():
        if parent[rid] != cid:
            raise WrongPractice(f"Het bestand bevat een verwijzing van {work.name} die in deze "
                                f"database bij een ander gesprek hoort. {NOTHING_READ}")


def _keep_what_an_old_file_cannot_know(entry: dict, local: dict) -> None:
    """A file of version 1 holds no variant, large print, who was present or what the patient
    filled in themselves, and only nl/en:
    its records take what is stored here, so it never replaces a longer-list language."""
    p, here = entry["patient"], local["patient"]
    for key in V1_PATIENT_DEFAULTS:
        if key != "handout_language":
            p[key] = here[key]
    if (here["handout_language"] or here["handout_lang"]) not in (None, "nl", "en"):
        p["handout_lang"], p["handout_language"] = here["handout_lang"], here["handout_language"]
    stored = {c["id"]: c for c in local["consultations"]}
    for c in entry["consultations"]:
        if c["id"] in stored:
            c["present"] = stored[c["id"]]["present"]
            c["patient_answers"] = stored[c["id"]]["patient_answers"]


def _plan_patient(store: Store, kind: str, entry: dict, instrument: Instrument | None,
                  origin: str, notes: list[str], *, old: bool = False) -> PatientWork:
    p = entry["patient"]
    pid = p["id"]
    local = patient_entry(store, pid)
    if old and local is not None:
        _keep_what_an_old_file_cannot_know(entry, local)
    work = PatientWork(pid, p["display_name"], entry, local)
    if kind == KIND_TAKE_ALONG:
        marker = brought_along_marker(store, pid)
        if local is not None and marker is None:
            raise WrongPractice(f"{p['display_name']} staat al in deze database, maar is niet met een "
                                f"meeneembestand binnengekomen. {NOTHING_READ}")
        if marker is not None and marker["origin_db_id"] != origin:
            raise WrongPractice(f"{p['display_name']} is al meegenomen uit een andere praktijk. "
                                + NOTHING_READ)
        bases = stored_bases(store, pid) if marker else {}
    else:
        if local is None:
            work.skip = "missing"
            notes.append(f"{p['display_name']} staat niet (meer) in deze database; de wijzigingen "
                         "van deze patiënt zijn niet ingelezen.")
            return work
        b = entry["base"]
        bases = {("patient", pid): check_version(b["patient"])}
        bases |= {("trajectory", i): check_version(v) for i, v in b["trajectories"].items()}
        bases |= {("consultation", i): check_version(v) for i, v in b["consultations"].items()}
        bases = {k: v for k, v in bases.items() if v is not None}
    _check_ownership(store, work)

    local_side, incoming_side = SIDES[kind]
    if local is not None:
        lp, ip = rules.patient_fields(local["patient"]), rules.patient_fields(p)
        base = bases.get(("patient", pid))
        work.patient_take, conflicting = rules.merge_fields(rules.PATIENT_FIELDS, base, lp, ip)
        if conflicting:
            work.patient_conflict = _conflict(
                kind, "patient", pid, work, "Persoonsgegevens", local["patient"]["updated_at"],
                p["updated_at"], rules.differences(lp, ip, base, instrument, only=conflicting),
                whole=False)

    local_t = {t["id"]: t for t in (local or {}).get("trajectories", [])}
    for t in entry["trajectories"]:
        lt = local_t.get(t["id"])
        fi = rules.trajectory_fields(t)
        fl = rules.trajectory_fields(lt) if lt else {}
        base = bases.get(("trajectory", t["id"]))
        decision = rules.decide(base.digest if base else None,
                                rules.digest(fl) if lt else None, rules.digest(fi))
        item = PlanItem("trajectory", t, lt, base, decision, fi, fl)
        if lt is not None and decision != SAME:
            item.take, conflicting = rules.merge_fields(rules.TRAJECTORY_FIELDS, base, fl, fi)
            if conflicting:
                item.conflict = _conflict(
                    kind, "trajectory", t["id"], work, rules.trajectory_title(t), lt["updated_at"],
                    t["updated_at"], rules.differences(fl, fi, base, instrument, only=conflicting),
                    whole=False)
        work.trajectories.append(item)

    local_c = {c["id"]: c for c in (local or {}).get("consultations", [])}
    for c in entry["consultations"]:
        lc = local_c.get(c["id"])
        fi = rules.consultation_fields(c)
        fl = rules.consultation_fields(lc) if lc else {}
        base = bases.get(("consultation", c["id"]))
        decision = rules.decide(base.digest if base else None,
                                rules.digest(fl) if lc else None, rules.digest(fi))
        item = PlanItem("consultation", c, lc, base, decision, fi, fl)
        if decision == CONFLICT:
            # The laptop's version becomes the copy: the file's at the practice, ours on the laptop.
            copied = fi if kind == KIND_BRING_BACK else fl
            item.copy_id = str(uuid.uuid5(COPY_NAMESPACE, f"{c['id']}/{rules.digest(copied)}"))
            if item.copy_id in local_c:
                item.decision = decision = SAME  # kept as a copy when this file was read before
        if decision == CONFLICT:
            item.conflict = _conflict(kind, "consultation", c["id"], work,
                                      rules.consultation_title(lc), lc["updated_at"],
                                      c["updated_at"], rules.differences(fl, fi, base, instrument),
                                      whole=True)
        elif decision == RESTORE:
            notes.append(f"{p['display_name']}: het {rules.consultation_title(c).lower()} was hier "
                         f"verwijderd, maar is bij {incoming_side} gewijzigd; het komt terug.")
        work.consultations.append(item)

    if kind == KIND_BRING_BACK:
        here = set(local_c)
        work.deleted_elsewhere = [i for i in entry["deleted"]["consultations"] if i in here]
        if work.deleted_elsewhere:
            n = len(work.deleted_elsewhere)
            notes.append(f"{p['display_name']}: {plural(n, 'gesprek is', 'gesprekken zijn')} op de "
                         "laptop verwijderd; in de praktijk blijven ze bewaard (verwijder ze hier "
                         "zelf als dat de bedoeling was).")
    return work


def state_snapshot(store: Store, patient_ids: Iterable[str]) -> dict:
    """What the plan was computed from, to see at apply time that nothing changed since."""
    out: dict = {"db_id": store.setting("db_id")}
    for pid in sorted(set(patient_ids)):
        entry = patient_entry(store, pid)
        marker = brought_along_marker(store, pid)
        out[pid] = (None if entry is None else
                    {f"{k}:{i}": v.digest for (k, i), v in record_versions(entry).items()},
                    None if marker is None else (marker["transfer_id"], marker["origin_db_id"]),
                    sorted(store.db.execute("SELECT kind, record_id, digest FROM transfer_base "
                                            "WHERE patient_id = ?", [pid]).fetchall()))
    return out


class ReplayedTransfer(TransferError):
    """A file that was read here before, or a take-along older than what this computer holds:
    reading it would bring back what was deleted since, or put older versions over newer ones."""


def refuse_replay(store: Store, header: dict, entries: list[dict]) -> None:
    """ReplayedTransfer for a file read here before, a bring-back older than one read here from
    the same laptop, or a take-along older than what this laptop holds."""
    noun = "meeneembestand" if header["kind"] == KIND_TAKE_ALONG else "terugbrengbestand"
    read = store.db.execute("SELECT at FROM transfers WHERE id = ? AND direction = 'in'",
                            [header["id"]]).fetchone()
    if read:
        harm = ("oudere gegevens over nieuwere op deze computer zetten"
                if header["kind"] == KIND_TAKE_ALONG else
                "gesprekken terugbrengen die hier sindsdien zijn verwijderd")
        raise ReplayedTransfer(f"Dit {noun} is hier al ingelezen op {local_time(read[0])}. Opnieuw "
                               f"inlezen zou {harm}. {NOTHING_READ}")
    if header["kind"] == KIND_BRING_BACK:
        newest = store.setting(newest_bring_back_setting(header["source_db_id"]))
        if newest and newest > header["created_at"]:
            # Each bring-back holds everything changed since the take-along, so a newer one
            # already brought all of this; reading this one would put back older versions.
            raise ReplayedTransfer(
                f"Dit terugbrengbestand is gemaakt op {local_time(header['created_at'])}; van "
                f"dezelfde laptop is hier al een nieuwer terugbrengbestand ingelezen (van "
                f"{local_time(newest)}), met alles van dit bestand. {NOTHING_READ}")
        return
    newer = []
    for e in entries:
        marker = brought_along_marker(store, e["patient"]["id"])
        if marker is not None and marker["taken_at"] > header["created_at"]:
            newer.append((e["patient"]["display_name"], marker["taken_at"]))
    if newer:
        raise ReplayedTransfer(
            f"Dit meeneembestand is gemaakt op {local_time(header['created_at'])}; deze computer "
            f"heeft van {rules.join_labels([n for n, _ in newer])} al een nieuwer meeneembestand "
            f"(van {local_time(max(at for _, at in newer))}). Neem de patiënten opnieuw mee in de "
            f"praktijk. {NOTHING_READ}")


def preview_transfer(store: Store, path: str | os.PathLike, passphrase: str, *,
                     instrument: Instrument | None = None) -> ImportPlan:
    """Decrypt and check a transfer file and work out what reading it would change. Writes nothing.

    Raises (Dutch messages, nothing changed): NotATransferFile, TransferDamaged (truncated,
    damaged, unexpected content), WrongTransferPassphrase (wrong passphrase or changed file: the
    two cannot be told apart), NewerTransferVersion, WrongPractice (a bring-back for another
    practice, a take-along read into the practice it came from, a patient already here in
    another way), TransferError (a take-along into an unencrypted database), ReplayedTransfer (a
    file read here before, or a take-along older than what this computer holds).
    """
    path = Path(path)
    payload = check_payload(unseal(read_transfer_file(path), passphrase))
    t = payload["transfer"]
    kind, origin = t["kind"], t["origin_db_id"]
    db_id = store.setting("db_id")
    instrument = instrument or shipped_instrument("nl")
    if kind == KIND_TAKE_ALONG and db_id == origin:
        raise WrongPractice("Dit meeneembestand komt uit deze database zelf. Lees het in op de "
                            "computer die meegaat (de laptop), niet in de praktijk. " + NOTHING_READ)
    if kind == KIND_BRING_BACK and db_id != origin:
        if db_id is not None and db_id == t["source_db_id"]:
            raise WrongPractice("Dit terugbrengbestand is op deze computer gemaakt; lees het in bij "
                                "de praktijk waar de patiënten vandaan komen. " + NOTHING_READ)
        raise WrongPractice("Dit terugbrengbestand is bedoeld voor een andere praktijk (een andere "
                            "database). " + NOTHING_READ)
    if kind == KIND_TAKE_ALONG and not store.encrypted:
        raise TransferError("Deze database is niet versleuteld (bijvoorbeeld de demodatabase). "
                            "Meegenomen patiënten horen alleen in een versleutelde database; lees "
                            "het bestand in in de versleutelde database van deze computer. "
                            + NOTHING_READ)
    refuse_replay(store, t, payload["patients"])
    notes: list[str] = []
    work = [_plan_patient(store, kind, e, instrument, origin, notes, old=t["version"] < VERSION)
            for e in payload["patients"]]
    local_side, incoming_side = SIDES[kind]
    conflicts = []
    for w in work:
        if w.patient_conflict:
            conflicts.append(w.patient_conflict)
        conflicts += [i.conflict for i in (*w.trajectories, *w.consultations) if i.conflict]
    patients = []
    for w in work:
        status = ("skip" if w.skip else "new" if w.local is None else
                  "update" if _has_writes(w) else "same")
        patients.append(PatientPlan(
            w.patient_id, w.name, status,
            sum(i.decision in (NEW, RESTORE) for i in w.consultations),
            sum(i.decision == TAKE for i in w.consultations),
            sum(1 for c in conflicts if c.patient_id == w.patient_id)))
    return ImportPlan(kind, t["id"], origin, t["source_db_id"], t["created_at"], t["created_by"],
                      path, local_side, incoming_side, patients, conflicts, notes,
                      work=work, payload=payload,
                      snapshot=state_snapshot(store, [w.patient_id for w in work]),
                      database=database_identity(store))


def _has_writes(w: PatientWork) -> bool:
    return bool(w.patient_conflict or any(s == "incoming" for s in w.patient_take.values())
                or any(i.decision not in (SAME, KEEP, STAYS_DELETED) or i.conflict
                       or any(s == "incoming" for s in i.take.values())
                       for i in (*w.trajectories, *w.consultations)))
