"""Taking patients along on a laptop and bringing them back: the merge rules. No Qt, no storage.

A transferred record is compared through *digests* of its content, never through clocks:
each side's version of a record is flattened into fields ("score:meedoen", "plan:goal",
"referral:<id>", ...), and a record changed since the take-along when its digest differs from the
digest it had then (its *base*). Where the step a conversation stands on and timestamps are left
out, so merely opening or browsing a conversation is not a change.

Per record, with `base` the version at the take-along, `local` the one in this database and
`incoming` the one in the file (see `decide`):

- not here and never taken along: new, added;
- the same on both sides: nothing to do;
- changed only in the file: the file's version is taken;
- changed only here: this database's version stays;
- changed on both sides, differently: a CONFLICT, never overwritten silently. For a conversation
  the default is to keep both versions (`keep_both`): the practice's version keeps the id and the
  laptop's version becomes a copy with a new id (marked `conflict_of`). For personal details and
  trajectory dates, fields changed on one side only merge; a field changed on both sides is a
  conflict that keeps the practice's value unless chosen otherwise.

`later_wins` is the visible one-call rule: per conflict the version changed last (updated_at)
wins; equal times keep both (conversations) or the practice's value (details).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.domain.social_map import REFERRAL_STATUSES
from pgdesk.domain.trajectory import dutch_date, type_noun

KIND_TAKE_ALONG = "take-along"
KIND_BRING_BACK = "bring-back"
KINDS = (KIND_TAKE_ALONG, KIND_BRING_BACK)

KEEP_BOTH = "keep_both"
TAKE_INCOMING = "take_incoming"
KEEP_LOCAL = "keep_local"
LATER_WINS = "later_wins"
RESOLUTIONS = (KEEP_BOTH, TAKE_INCOMING, KEEP_LOCAL)
RULES = (*RESOLUTIONS, LATER_WINS)

RESOLUTION_LABELS = {
    KEEP_BOTH: "beide versies bewaren",
    TAKE_INCOMING: "de versie uit het bestand nemen",
    KEEP_LOCAL: "de versie in deze database houden",
}

# Decisions per record.
NEW = "new"                      # not here, never taken along: add
SAME = "same"                    # identical on both sides
TAKE = "take"                    # changed only in the file: take it
KEEP = "keep"                    # changed only here: keep it
CONFLICT = "conflict"            # changed on both sides, differently
RESTORE = "restore"              # deleted here, but changed in the file: add it again
STAYS_DELETED = "stays_deleted"  # deleted here, unchanged in the file: stays deleted

PATIENT_FIELDS = ("display_name", "birth_date", "practice_number", "handout_lang", "handout_paper",
                  "instrument_variant", "handout_large_print")
TRAJECTORY_FIELDS = ("start_consultation_id", "start_date", "tussen_planned", "eind_planned",
                     "closed_at")
CONSULTATION_FIELDS = ("date", "type", "professional_id", "completed_at", "trajectory_id", "present")

FIELD_LABELS = {
    "display_name": "naam", "birth_date": "geboortedatum", "practice_number": "patiëntnummer",
    "handout_lang": "taal van de samenvatting", "handout_paper": "papierformaat van de samenvatting",
    "instrument_variant": "vragenlijst", "handout_large_print": "samenvatting in grote letters",
    "present": "aanwezig bij het gesprek",
    "start_consultation_id": "startgesprek", "start_date": "startdatum",
    "tussen_planned": "tussengesprek gepland", "eind_planned": "eindgesprek gepland",
    "closed_at": "traject afgesloten",
    "date": "datum", "type": "soort gesprek", "professional_id": "zorgverlener",
    "completed_at": "afgerond", "trajectory_id": "traject",
}
PLAN_LABELS = {"goal": "doel", "first_step": "eerste stap", "helper": "wie helpt",
               "when": "wanneer", "next_appointment": "volgende afspraak"}


# --- flattening and digests ---------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or value == ""


def patient_fields(record: Mapping) -> dict[str, str]:
    """A patient record's compared fields; empty ones left out.

    handout_lang is the language in force: handout_language (migration 0011, the longer list)
    before the older handout_lang (nl/en only). The variant 'volwassenen' and large print off
    count as empty, so versions recorded before migration 0011 keep their digests.
    """
    values = {**record, "handout_lang": record.get("handout_language") or record.get("handout_lang")}
    if values.get("instrument_variant") == "volwassenen":
        values["instrument_variant"] = None
    if not values.get("handout_large_print"):
        values["handout_large_print"] = None
    return {f: str(values[f]) for f in PATIENT_FIELDS if not _blank(values.get(f))}


def trajectory_fields(record: Mapping) -> dict[str, str]:
    return {f: str(record[f]) for f in TRAJECTORY_FIELDS if not _blank(record.get(f))}


def referral_value(ref: Mapping) -> str:
    """One referral as one field value (its timestamps of change left out)."""
    return json.dumps([ref["service_id"], ref["service_snapshot"], ref["status"], ref["note"] or "",
                       ref["followed_up_in"], ref["created_at"]], ensure_ascii=False)


def consultation_fields(record: Mapping) -> dict[str, str]:
    """A conversation with everything recorded in it, as flat fields; empty ones left out.

    Keys: the row's fields (CONSULTATION_FIELDS), ``score:<dim>``, ``aspect:<dim>/<aspect>``,
    ``mark:<talk|focus>:<dim>/<aspect>``, ``wheel:<step>``, ``plan:<field>`` and
    ``referral:<id>`` (the referrals made in this conversation) and ``own:<kind>:<dim>/<aspect>``
    (what the patient filled in themselves in the patient mode).
    """
    out = {f: str(record[f]) for f in CONSULTATION_FIELDS if not _blank(record.get(f))}
    for dim, score in record["dimension_scores"].items():
        out[f"score:{dim}"] = str(score)
    for dim, aspects in record["aspect_scores"].items():
        for aspect, score in aspects.items():
            out[f"aspect:{dim}/{aspect}"] = str(score)
    for kind, dim, aspect in record["marks"]:
        out[f"mark:{kind}:{dim}/{aspect}"] = "1"
    for step, answer in record["wheel_answers"].items():
        if not _blank(answer):
            out[f"wheel:{step}"] = answer
    for f, value in (record["plan"] or {}).items():
        if not _blank(value):
            out[f"plan:{f}"] = value
    for ref in record["referrals"]:
        out[f"referral:{ref['id']}"] = referral_value(ref)
    for kind, dim, aspect, score, answer, _answered in record.get("patient_answers", ()):
        out[f"own:{kind}:{dim}/{aspect}"] = json.dumps([score, answer], ensure_ascii=False)
    return out


def field_digest(key: str, value: str | None) -> str:
    return hashlib.sha256(json.dumps([key, value], ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def digest(fields: Mapping[str, str]) -> str:
    data = json.dumps(sorted(fields.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Version:
    """What is remembered of a record's version: its digest, a digest per field (to tell which
    fields changed, without keeping their content) and when it was changed last."""

    digest: str
    fields: Mapping[str, str]
    updated_at: str | None = None

    @classmethod
    def of(cls, fields: Mapping[str, str], updated_at: str | None = None) -> Version:
        return cls(digest(fields), {k: field_digest(k, v) for k, v in fields.items()}, updated_at)

    def to_json(self) -> dict:
        return {"digest": self.digest, "fields": dict(sorted(self.fields.items())),
                "updated_at": self.updated_at}

    def field_changed(self, key: str, value: str | None) -> bool:
        """Whether `value` of `key` differs from this version's."""
        return field_digest(key, value) != self.fields.get(key, field_digest(key, None))


def decide(base: str | None, local: str | None, incoming: str) -> str:
    """What to do with one record, from the digests of its three versions (None: absent)."""
    if local is None:
        if base is None:
            return NEW
        return STAYS_DELETED if incoming == base else RESTORE
    if local == incoming:
        return SAME
    if base is None:
        return CONFLICT  # on both sides, never the same: both changed it
    if local == base:
        return TAKE
    if incoming == base:
        return KEEP
    return CONFLICT


def merge_fields(names: Iterable[str], base: Version | None, local: Mapping[str, str],
                 incoming: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Three-way merge of a record's fields (personal details, trajectory dates).

    Returns, per field that differs, which side's value to take ("local" or "incoming"), and
    the fields changed on both sides to different values (conflicts; not in the first result).
    """
    take: dict[str, str] = {}
    conflicts: list[str] = []
    for f in names:
        lv, iv = local.get(f), incoming.get(f)
        if lv == iv:
            continue
        if base is None:
            conflicts.append(f)
        elif not base.field_changed(f, iv):
            take[f] = "local"
        elif not base.field_changed(f, lv):
            take[f] = "incoming"
        else:
            conflicts.append(f)
    return take, conflicts


# --- describing differences ---------------------------------------------------------------------


def _name(instrument: Instrument | None, dim: str, aspect: str = "") -> str:
    if instrument is None:
        return f"{dim}/{aspect}" if aspect else dim
    try:
        d = instrument.dimension(dim)
    except KeyError:
        return f"{dim}/{aspect}" if aspect else dim
    if not aspect:
        return d.name
    try:
        return f"{d.aspect(aspect).name} ({d.name})"
    except KeyError:
        return f"{aspect} ({d.name})"


def _question(instrument: Instrument | None, step: str) -> str:
    for w in instrument.wheel if instrument else ():
        if w.id == step:
            return w.question
    return step


def _referral_parts(value: str) -> tuple[str, str, str]:
    try:
        _sid, snapshot, status, note, _f, _c = json.loads(value)
        name = json.loads(snapshot).get("name") or "?"
    except (ValueError, TypeError, AttributeError):
        return "?", "", ""
    return str(name), REFERRAL_STATUSES.get(status, str(status)).lower(), str(note or "")


def field_label(key: str, instrument: Instrument | None = None, value: str | None = None) -> str:
    """A Dutch label for a flat field key, e.g. "Actiewiel: Wat wil je?" or "Plan: doel"."""
    kind, _, rest = key.partition(":")
    if not rest:
        return FIELD_LABELS.get(key, key).capitalize()
    if kind == "score":
        return f"Score {_name(instrument, rest)}"
    if kind == "aspect":
        dim, _, aspect = rest.partition("/")
        return f"Score {_name(instrument, dim, aspect)}"
    if kind == "mark":
        which, _, target = rest.partition(":")
        dim, _, aspect = target.partition("/")
        what = "Hier wil ik over praten" if which == "talk" else "Gekozen onderwerp"
        return f"{what}: {_name(instrument, dim, aspect)}"
    if kind == "wheel":
        return f"Actiewiel: {_question(instrument, rest)}"
    if kind == "plan":
        return f"Plan: {PLAN_LABELS.get(rest, rest)}"
    if kind == "referral":
        name = _referral_parts(value)[0] if value else "?"
        return f"Verwijzing: {name}"
    if kind == "own":
        _which, _, target = rest.partition(":")
        dim, _, aspect = target.partition("/")
        return f"Zelf ingevuld: {_name(instrument, dim, aspect) if dim else 'wat het belangrijkst is'}"
    return key


def display_value(key: str, value: str | None) -> str:
    """A field's value as a person reads it ('' for absent)."""
    if value is None:
        return ""
    kind = key.partition(":")[0]
    if kind == "mark" or key == "handout_large_print":
        return "ja"
    if kind == "own":  # [score, answer] of what the patient filled in themselves
        score, answer = json.loads(value)
        return answer or (str(score) if score is not None else "ja")
    if kind == "referral":
        name, status, note = _referral_parts(value)
        return f"{name}, {status}" + (f" ({note})" if note else "")
    return value


@dataclass(frozen=True)
class Difference:
    """One field in which the two versions of a conflicting record differ.

    `local`/`incoming` are readable values ('' when absent); `changed_local`/`changed_incoming`
    tell on which side the field was changed since the take-along (both True: changed on both).
    """

    key: str
    label: str
    local: str
    incoming: str
    changed_local: bool
    changed_incoming: bool


def differences(local: Mapping[str, str], incoming: Mapping[str, str], base: Version | None,
                instrument: Instrument | None = None,
                only: Iterable[str] | None = None) -> tuple[Difference, ...]:
    """The fields in which two versions differ, in a stable reading order."""
    keys = sorted(set(local) | set(incoming), key=_reading_order) if only is None else list(only)
    out = []
    for k in keys:
        lv, iv = local.get(k), incoming.get(k)
        if lv == iv:
            continue
        out.append(Difference(
            k, field_label(k, instrument, lv or iv), display_value(k, lv), display_value(k, iv),
            base is None or base.field_changed(k, lv), base is None or base.field_changed(k, iv)))
    return tuple(out)


_ORDER = {"score": 1, "aspect": 2, "mark": 3, "wheel": 4, "plan": 5, "referral": 6}


def _reading_order(key: str) -> tuple[int, str]:
    kind, _, rest = key.partition(":")
    if not rest:
        return 0, key
    if kind == "plan" and rest in PLAN_FIELDS:
        return 5, str(PLAN_FIELDS.index(rest))
    return _ORDER.get(kind, 9), rest


# --- conflicts ------------------------------------------------------------------------------------


@dataclass
class Conflict:
    """A record changed on both sides. `resolution` is one of `choices`; set it through
    ImportPlan.resolve / resolve_all.

    kind: "consultation", "patient" (personal details) or "trajectory" (its dates).
    title: what the record is, in Dutch ("Gesprek van 02-03-2026 (tussengesprek)").
    local_side / incoming_side: who holds each version ("de praktijk", "de laptop").
    """

    kind: str
    record_id: str
    patient_id: str
    patient_name: str
    title: str
    local_side: str
    incoming_side: str
    local_updated_at: str
    incoming_updated_at: str
    differences: tuple[Difference, ...]
    choices: tuple[str, ...]
    resolution: str
    default: str = field(default="", repr=False)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.record_id}"

    def later(self) -> str:
        """The resolution of the rule 'later wins' for this conflict."""
        loc, inc = self.local_updated_at or "", self.incoming_updated_at or ""
        if inc > loc:
            return TAKE_INCOMING
        if loc > inc:
            return KEEP_LOCAL
        return self.default

    def changed_on(self, side: str) -> list[str]:
        """Labels of the fields changed since the take-along on one side ("local"/"incoming")."""
        flag = "changed_local" if side == "local" else "changed_incoming"
        return [d.label for d in self.differences if getattr(d, flag)]

    def line(self) -> str:
        """One Dutch sentence for the summary."""
        parts = []
        for side, who in (("local", self.local_side), ("incoming", self.incoming_side)):
            changed = self.changed_on(side)
            if changed:
                parts.append(f"{who} wijzigde {join_labels(changed)}")
        what = "; ".join(parts) or "verschillend in beide"
        return (f"Conflict bij {self.patient_name}, {self.title[0].lower()}{self.title[1:]}: "
                f"{what}. Keuze: {self.choice_label(self.resolution)}.")

    def choice_label(self, resolution: str) -> str:
        if resolution == KEEP_BOTH:
            return "beide versies bewaren"
        if resolution == TAKE_INCOMING:
            return f"de versie van {self.incoming_side} nemen"
        return f"de versie van {self.local_side} houden"


def join_labels(items: list[str], limit: int = 4) -> str:
    """'a, b en c' (at most `limit` items, then 'nog N')."""
    shown = [i[:60] for i in items[:limit]]
    if len(items) > limit:
        shown.append(f"nog {len(items) - limit}")
    return ", ".join(shown[:-1]) + f" en {shown[-1]}" if len(shown) > 1 else shown[0]


def consultation_title(record: Mapping) -> str:
    return f"Gesprek van {dutch_date(record['date'])} ({type_noun(record['type'])})"


def trajectory_title(record: Mapping) -> str:
    return f"Traject gestart op {dutch_date(record['start_date'])}"


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
