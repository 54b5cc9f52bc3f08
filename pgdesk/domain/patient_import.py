"""A HIS's patient list read as rows of pgdesk patients: which column holds what, and what each
row means (its HIS number, name and birth date, or why it cannot be read). No files, no store.

Dutch HIS exports differ: a whole name or its parts (achternaam, voorvoegsel, voornaam or
voorletters), dates as 14-03-1956, 14/03/1956, 14.03.1956, 1956-03-14 or 19560314, with or
without a header line. Columns pgdesk does not need (address, BSN, gender…) are never read.
Every reason a person reads is a fixed Dutch text with %1-style places, marked for translation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from pgdesk.domain.his import NUMBER
from pgdesk.domain.i18n import QT_TRANSLATE_NOOP

CONTEXT = "PatientImport"

FIELDS = ("number", "name", "last", "prefix", "first", "birth_date")
FIELD_LABELS = {
    "number": QT_TRANSLATE_NOOP("PatientImport", "HIS-nummer"),
    "name": QT_TRANSLATE_NOOP("PatientImport", "Naam (helemaal)"),
    "last": QT_TRANSLATE_NOOP("PatientImport", "Achternaam"),
    "prefix": QT_TRANSLATE_NOOP("PatientImport", "Tussenvoegsel"),
    "first": QT_TRANSLATE_NOOP("PatientImport", "Voornaam of voorletters"),
    "birth_date": QT_TRANSLATE_NOOP("PatientImport", "Geboortedatum"),
}
_ALIASES = {
    "number": ("hisnummer", "patientnummer", "patnr", "patientnr", "nummer", "nr",
               "registratienummer", "dossiernummer", "patientid", "id", "hisid", "number",
               "patientnumber", "recordnumber"),
    "name": ("naam", "volledigenaam", "patientnaam", "aanspreeknaam", "name", "fullname",
             "displayname"),
    "last": ("achternaam", "geslachtsnaam", "familienaam", "eigennaam", "lastname", "surname",
             "familyname"),
    "prefix": ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels", "voorv",
               "prefix"),
    "first": ("voornaam", "voornamen", "roepnaam", "voorletters", "initialen", "firstname",
              "givenname", "initials"),
    "birth_date": ("geboortedatum", "gebdatum", "gebdat", "geboren", "datumgeboorte",
                   "birthdate", "dateofbirth", "dob"),
}

# Why a row is not taken, or what it clashes with (%1, %2, %3 are filled in after translating).
NO_NUMBER = QT_TRANSLATE_NOOP("PatientImport", "Geen HIS-nummer.")
BAD_NUMBER = QT_TRANSLATE_NOOP(
    "PatientImport", "Het HIS-nummer '%1' kan niet: alleen letters, cijfers en - . / _, "
                     "hoogstens 30 tekens.")
NO_NAME = QT_TRANSLATE_NOOP("PatientImport", "Geen naam.")
LONG_NAME = QT_TRANSLATE_NOOP("PatientImport", "De naam is te lang (meer dan 200 tekens).")
BAD_DATE = QT_TRANSLATE_NOOP(
    "PatientImport", "De geboortedatum '%1' is geen datum (dd-mm-jjjj, jjjj-mm-dd of jjjjmmdd).")
IMPOSSIBLE_DATE = QT_TRANSLATE_NOOP(
    "PatientImport", "De geboortedatum %1 kan niet (in de toekomst of voor 1900).")
FIELD_COUNT = QT_TRANSLATE_NOOP(
    "PatientImport", "Deze regel heeft %1 velden, de kopregel %2. Staat er een scheidingsteken "
                     "in een veld zonder aanhalingstekens eromheen?")
SAME_ROW = QT_TRANSLATE_NOOP("PatientImport", "Staat al op regel %1 van dit bestand.")
NUMBER_TWICE = QT_TRANSLATE_NOOP(
    "PatientImport", "Regel %1 heeft hetzelfde HIS-nummer voor iemand anders.")
KNOWN = QT_TRANSLATE_NOOP("PatientImport", "Staat al in pgdesk.")
NUMBER_TAKEN = QT_TRANSLATE_NOOP(
    "PatientImport", "Dit nummer hoort in pgdesk bij %1 (%2). Controleer het in het HIS.")
PERSON_OTHER_NUMBER = QT_TRANSLATE_NOOP(
    "PatientImport", "Iemand met deze naam en geboortedatum staat al in pgdesk met nummer %1.")
PERSON_NO_NUMBER = QT_TRANSLATE_NOOP(
    "PatientImport", "Iemand met deze naam en geboortedatum staat al in pgdesk, zonder nummer. "
                     "Vul daar het nummer in als het dezelfde is.")

STATUSES = ("rejected", "conflict", "new", "known")
STATUS_LABELS = {
    "new": QT_TRANSLATE_NOOP("PatientImport", "Nieuw"),
    "known": QT_TRANSLATE_NOOP("PatientImport", "Staat er al"),
    "conflict": QT_TRANSLATE_NOOP("PatientImport", "Conflict"),
    "rejected": QT_TRANSLATE_NOOP("PatientImport", "Niet te lezen"),
}


def fold(text: str) -> str:
    """Header matching: case, accents, spaces and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", text.replace("\ufeff", ""))
    return "".join(ch for ch in plain if ch.isalnum()).casefold()


_FIELD_OF = {fold(alias): f for f, aliases in _ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class Reason:
    """A fixed text (marked for translation) and what fills its %1, %2…"""

    text: str
    args: tuple[str, ...] = ()

    def dutch(self) -> str:
        return fill(self.text, self.args)


def fill(text: str, args: tuple[str, ...]) -> str:
    for i, arg in reversed(list(enumerate(args, 1))):  # %10 before %1
        text = text.replace(f"%{i}", arg)
    return text


class RowProblem(ValueError):
    def __init__(self, reason: Reason):
        super().__init__(reason.dutch())
        self.reason = reason


@dataclass
class Row:
    """One line of the file as pgdesk would take it; status one of STATUSES."""

    line: int
    number: str = ""
    name: str = ""
    birth_date: str = ""  # ISO, a year, or ""
    status: str = "new"
    reason: Reason | None = None


def is_header(cells: list[str]) -> bool:
    return sum(1 for c in cells if fold(c) in _FIELD_OF) >= 2


def guess_mapping(header: list[str] | None, sample: list[list[str]]) -> dict[str, int]:
    """field -> column index: by the header's names, or, without a header, by what the first
    rows hold (a column of dates, one of numbers, the first with letters as the name)."""
    mapping: dict[str, int] = {}
    if header is not None:
        for i, cell in enumerate(header):
            f = _FIELD_OF.get(fold(cell))
            if f is not None and f not in mapping:
                mapping[f] = i
        return mapping
    width = max((len(r) for r in sample), default=0)
    for i in range(width):
        values = [r[i].strip() for r in sample if i < len(r) and r[i].strip()]
        if not values:
            continue
        if "birth_date" not in mapping and all(_looks_like_date(v) for v in values):
            mapping["birth_date"] = i
        elif "number" not in mapping and all(re.fullmatch(r"\d{1,30}", v) for v in values):
            mapping["number"] = i
        elif "name" not in mapping and all(re.search(r"[^\W\d_]", v) for v in values):
            mapping["name"] = i
    return mapping


def _looks_like_date(value: str) -> bool:
    try:
        return bool(birth_date(value, dt.date.today()))
    except RowProblem:
        return False


def birth_date(text: str, today: dt.date) -> str:
    """A HIS's way of writing a birth date as ISO (or a year alone); RowProblem otherwise."""
    text = text.strip()
    if not text:
        return ""
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "", text)  # a date exported with midnight
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        if not 1900 <= year <= today.year:
            raise RowProblem(Reason(IMPOSSIBLE_DATE, (text,)))
        return text
    patterns = ((r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", (3, 2, 1)),
                (r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", (1, 2, 3)),
                (r"(\d{4})(\d{2})(\d{2})", (1, 2, 3)),
                (r"(\d{2})(\d{2})(\d{4})", (3, 2, 1)))
    for pattern, (y, m, d) in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            try:
                date = dt.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                continue  # 14031956 is no yyyymmdd, but may be ddmmyyyy
            if not dt.date(1900, 1, 1) <= date <= today:
                raise RowProblem(Reason(IMPOSSIBLE_DATE, (text,)))
            return date.isoformat()
    raise RowProblem(Reason(BAD_DATE, (text[:40],)))


def read_row(line: int, cells: list[str], mapping: dict[str, int], today: dt.date) -> Row:
    """The patient on this line; a Row with status 'rejected' and the first reason otherwise."""

    def cell(f: str) -> str:
        i = mapping.get(f)
        return " ".join(cells[i].split()) if i is not None and i < len(cells) else ""

    row = Row(line, number=cell("number"))
    try:
        if not row.number:
            raise RowProblem(Reason(NO_NUMBER))
        if not NUMBER.fullmatch(row.number):
            raise RowProblem(Reason(BAD_NUMBER, (row.number[:40],)))
        name = cell("name") or " ".join(p for p in (cell("first"), cell("prefix"), cell("last")) if p)
        if not name:
            raise RowProblem(Reason(NO_NAME))
        if len(name) > 200:
            raise RowProblem(Reason(LONG_NAME))
        row.name = name
        row.birth_date = birth_date(cell("birth_date"), today)
    except RowProblem as problem:
        row.status, row.reason = "rejected", problem.reason
    return row


def same_person(name_a: str, birth_a: str, name_b: str, birth_b: str) -> bool:
    """Same name (case and spacing aside) and birth dates that agree where both are known."""
    if fold(name_a) != fold(name_b):
        return False
    if not birth_a or not birth_b:
        return True
    return birth_a == birth_b or birth_a[:4] == birth_b or birth_b[:4] == birth_a
