"""The conversation instrument (dimensions, aspects, wheel steps, handout texts), loaded from data.

Nothing here assumes six dimensions: a practice may add or remove dimensions in the
JSON file and everything downstream follows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pgdesk.domain.errors import InstrumentError

SCALE_MIN = 0
SCALE_MAX = 10


@dataclass(frozen=True)
class Aspect:
    id: str
    name: str
    icon: str = ""  # a pictogram beside the name (eenvoudig, kind): resources/icons/aspects/<icon>.svg


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    short: str
    explanation: str
    aspects: tuple[Aspect, ...]
    color: str = "#4a7ab5"
    everyday: str = ""  # the name in everyday words, for the patient's own screens
    icon: str = ""  # a pictogram beside the name on paper (eenvoudig, kind): see reports.handout_parts

    def aspect(self, aspect_id: str) -> Aspect:
        for a in self.aspects:
            if a.id == aspect_id:
                return a
        raise KeyError(aspect_id)


# What a wheel step is for, as far as the rest of pgdesk needs to know: the wish becomes the
# plan's goal and the decision its first step; wish, obstacle and need go into the SOEP's S.
WHEEL_ROLES = ("strength", "wish", "obstacle", "need", "decision")


@dataclass(frozen=True)
class WheelStep:
    id: str
    question: str
    prompts: tuple[str, ...]
    role: str = ""  # one of WHEEL_ROLES, or "" for a step with no further use


@dataclass(frozen=True)
class Instrument:
    language: str
    title: str
    dimensions: tuple[Dimension, ...]
    wheel: tuple[WheelStep, ...]
    texts: dict[str, str] = field(default_factory=dict)
    # What the file says about itself (all optional): a variant's name for lists, its writing
    # direction, the file whose texts fill its gaps, and who wrote a translation and whether a
    # native speaker has checked it (unchecked ones are flagged to the professional).
    label: str = ""
    variant: str = ""
    direction: str = "ltr"
    base: str = ""
    author: str = ""
    reviewed: bool = True
    # the patient mode's own words in this language, by their Dutch source text (never taken
    # from the base: a gap must show, not fall back to another language unseen)
    screens: dict[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str:
        """'nl', 'nl-eenvoudig', 'ar': the language and, for a variant, its name (its file name)."""
        return f"{self.language}-{self.variant}" if self.variant else self.language

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def dimension(self, dimension_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    @property
    def dimension_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)

    def text(self, key: str) -> str:
        return self.texts.get(key, key)

    def wheel_step_id(self, role: str) -> str | None:
        """The id of the wheel step with this role (see WHEEL_ROLES), None if there is none."""
        return next((w.id for w in self.wheel if w.role == role), None)


def _require(obj: dict, key: str, where: str, kind: type = str):
    if not isinstance(obj, dict) or key not in obj:
        raise InstrumentError(f"'{key}' ontbreekt bij {where}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise InstrumentError(f"'{key}' bij {where} heeft een verkeerde waarde")
    return value


# the pictograms the printed pages can draw beside a dimension's name (reports.handout_parts)
ICONS = ("person", "heart", "star", "sun", "people", "clock", "calendar", "flag", "steps",
         "signpost")


def _icon(value, where: str) -> str:
    if value and value not in ICONS:
        raise InstrumentError(f"onbekend 'icon' bij {where}: kies uit {', '.join(ICONS)}")
    return value or ""


# an aspect's pictogram is a file name in resources/icons/aspects (checked there by domain.content)
_ICON_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _aspect(raw, where: str) -> Aspect:
    aid = _require(raw, "id", f"een aspect van {where}")
    name = _require(raw, "name", f"aspect '{aid}' van {where}")
    icon = raw.get("icon", "")
    if icon and not (isinstance(icon, str) and _ICON_NAME.fullmatch(icon)):
        raise InstrumentError(f"het pictogram ('icon') bij {where}, aspect '{aid}', moet een naam van "
                              f"kleine letters, cijfers en streepjes zijn")
    return Aspect(id=aid, name=name, icon=icon or "")


def _unique(ids: list[str], what: str) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            raise InstrumentError(f"{what} '{i}' komt twee keer voor")
        seen.add(i)


def parse_instrument(data: dict) -> Instrument:
    """Validate and build an Instrument; raises InstrumentError naming the problem in Dutch."""
    if not isinstance(data, dict):
        raise InstrumentError("het bestand bevat geen instrument (verwacht een JSON-object)")
    language = _require(data, "language", "het instrument")
    title = _require(data, "title", "het instrument")
    dims_raw = _require(data, "dimensions", "het instrument", list)
    if len(dims_raw) < 3:
        raise InstrumentError("een spinnenweb heeft minstens drie dimensies nodig")
    dimensions = []
    for n, d in enumerate(dims_raw, start=1):
        where = f"dimensie {n}"
        did = _require(d, "id", where)
        where = f"dimensie '{did}'"
        aspects_raw = d.get("aspects", [])
        if not isinstance(aspects_raw, list):
            raise InstrumentError(f"'aspects' bij {where} moet een lijst zijn")
        aspects = tuple(_aspect(a, where) for a in aspects_raw)
        _unique([a.id for a in aspects], f"Aspect van {where}")
        dimensions.append(
            Dimension(
                id=did,
                name=_require(d, "name", where),
                short=d.get("short") or _require(d, "name", where),
                explanation=_require(d, "explanation", where),
                aspects=aspects,
                color=d.get("color", "#4a7ab5"),
                everyday=d.get("everyday") or _require(d, "name", where),
                icon=_icon(d.get("icon", ""), where),
            )
        )
    _unique([d.id for d in dimensions], "Dimensie")
    wheel_raw = _require(data, "wheel", "het instrument", list)
    if not wheel_raw:
        raise InstrumentError("het actiewiel heeft geen vragen")
    wheel = []
    for n, w in enumerate(wheel_raw, start=1):
        where = f"wielvraag {n}"
        prompts = w.get("prompts", []) if isinstance(w, dict) else []
        if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
            raise InstrumentError(f"'prompts' bij {where} moet een lijst met teksten zijn")
        step_id, question = _require(w, "id", where), _require(w, "question", where)
        role = w.get("role", "")
        if role not in ("", *WHEEL_ROLES):
            raise InstrumentError(f"onbekende 'role' bij {where}: kies uit {', '.join(WHEEL_ROLES)}")
        wheel.append(WheelStep(id=step_id, question=question, prompts=tuple(prompts), role=role))
    _unique([w.id for w in wheel], "Wielvraag")
    _unique([w.role for w in wheel if w.role], "Rol van een wielvraag")
    texts = data.get("texts", {})
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise InstrumentError("'texts' moet een object met teksten zijn")
    screens = data.get("screens", {})
    if not isinstance(screens, dict) or not all(isinstance(v, str) and v.strip()
                                                for v in screens.values()):
        raise InstrumentError("'screens' moet een object met teksten zijn")
    direction = data.get("direction", "ltr")
    if direction not in ("ltr", "rtl"):
        raise InstrumentError("'direction' moet 'ltr' of 'rtl' zijn")
    translation = data.get("translation", {})
    if not isinstance(translation, dict) or not isinstance(translation.get("native_review", True), bool):
        raise InstrumentError("'translation' moet een object zijn met 'author' en 'native_review' "
                              "(true of false)")
    return Instrument(language, title, tuple(dimensions), tuple(wheel), dict(texts),
                      label=str(data.get("label", "")), variant=str(data.get("variant", "")),
                      direction=direction,
                      base=str(data.get("base", "")), author=str(translation.get("author", "")),
                      reviewed=translation.get("native_review", True), screens=dict(screens))


# An instrument is five levels deep (instrument, dimensions, dimension, aspects, aspect);
# Python's JSON reader runs out of stack near a thousand (RecursionError), so anything deeper
# than this is refused with a message before it is read.
MAX_NESTING = 20
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _nesting_depth(raw: str) -> int:
    """How deeply the JSON text nests arrays and objects (brackets inside strings not counted)."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(raw):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def load_instrument(path: Path) -> Instrument:
    """Read an instrument file; every failure names the file and the problem."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstrumentError(f"Instrumentbestand niet gevonden: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentError(f"Instrumentbestand {path} is niet te lezen: {exc}") from None
    depth = _nesting_depth(raw)
    if depth > MAX_NESTING:
        raise InstrumentError(
            f"Fout in instrumentbestand {path}: de gegevens zijn {depth} lagen diep genest; een "
            f"instrument heeft er hoogstens {MAX_NESTING}. Is dit wel een instrumentbestand?"
        )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InstrumentError(
            f"Fout in instrumentbestand {path}, regel {exc.lineno}: {exc.msg}"
        ) from None
    try:
        return parse_instrument(data)
    except InstrumentError as exc:
        raise InstrumentError(f"Fout in instrumentbestand {path}{_line_of(str(exc), raw)}: {exc}") from None


def line_in_file(message: str, path: Path) -> str:
    """', regel N' for the message's last quoted name in the file (see _line_of)."""
    try:
        return _line_of(message, Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(message: str, raw: str) -> str:
    """', regel N' for the last 'name' the message quotes (a dimension, aspect or key), found
    in the file as "name": so a practice's editor goes straight to the place."""
    for quoted in reversed(re.findall(r"'([^']+)'", message)):
        at = raw.find(f'"{quoted}"')
        if at >= 0:
            return f", regel {raw.count(chr(10), 0, at) + 1}"
    return ""
