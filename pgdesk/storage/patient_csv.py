"""Patients from the HIS's list (CSV): read the file, show what each line would do, and add the
new patients only when the user confirms, all at once.

preview_patients() writes nothing; import_patients() refuses the whole file while any line
cannot be read, and adds the new patients in one transaction (each with its access-log line).
A patient already in pgdesk (same HIS number, same person) is left as is; a line that clashes
with a patient (the number belongs to someone else, or the same person has another number or
none) is shown as a conflict and never merged: the practice decides by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from pgdesk.domain import patient_import as pi
from pgdesk.domain.validation import InputError
from pgdesk.storage.repository import Store

MAX_FILE_BYTES = 20_000_000
MAX_ROWS = 100_000  # a large practice lists some 15,000 patients
_DELIMITERS = (";", ",", "\t", "|")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab", "|": "verticale streep"}


@dataclass
class CsvTable:
    """The file as cells: its encoding and delimiter as found, the header (None when the first
    line is data) and the data rows with their line numbers."""

    encoding: str
    delimiter: str
    header: list[str] | None
    rows: list[tuple[int, list[str]]]

    @property
    def width(self) -> int:
        return max([len(self.header or [])] + [len(cells) for _, cells in self.rows[:200]])

    def column_names(self) -> list[str]:
        header = self.header or []
        return [header[i].strip() if i < len(header) else "" for i in range(self.width)]


@dataclass
class PatientPreview:
    table: CsvTable
    mapping: dict[str, int]
    rows: list[pi.Row] = field(default_factory=list)
    applied: int = 0  # patients added by import_patients

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def can_import(self) -> bool:
        return self.count("rejected") == 0 and self.count("new") > 0


def _decode(data: bytes) -> tuple[str, str]:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"Het bestand is te groot ({len(data) // 1_000_000} MB); een patiëntenlijst "
                         "als CSV is hoogstens 20 MB.")
    if not data.strip():
        raise InputError("Het bestand is leeg.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst"
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("Het bestand kan niet worden gelezen (beschadigde tekst).") from None
    if b"\x00" in data:
        raise InputError("Dit is geen CSV-bestand (het bevat geen leesbare tekst).")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Older HIS write Windows-1252; every byte but five means something there.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def _sniff(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same, largest number of fields."""
    best, best_score = ";", (-1, -1)
    for delim in _DELIMITERS:
        try:
            counts = [len(cells) for cells in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not counts:
            continue
        score = (counts.count(counts[0]) if counts[0] > 1 else 0, counts[0])
        if score > best_score:
            best, best_score = delim, score
    return best


def read_table(data: bytes) -> CsvTable:
    """The file as cells; InputError (Dutch) when it is not a CSV file pgdesk can read."""
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        raise InputError("Dit is geen CSV-bestand (het bevat geen leesbare tekst).")
    first = [ln for ln in text.splitlines()[:20] if ln.strip()]
    delim = _sniff(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    rows: list[tuple[int, list[str]]] = []
    end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise InputError(f"Regel {end + 1} kan niet worden gelezen: er ontbreekt een "
                             "aanhalingsteken (\"), of er staat er een midden in een veld. "
                             "Er is niets ingelezen.") from None
        line, end = end + 1, reader.line_num
        if any(c.strip() for c in cells):
            rows.append((line, cells))
            if len(rows) > MAX_ROWS + 1:
                raise InputError(f"Het bestand heeft meer dan {MAX_ROWS:,} regels; verdeel de "
                                 "patiënten over een paar bestanden.".replace(",", "."))
    if not rows:
        raise InputError("Het bestand is leeg.")
    header = rows[0][1] if pi.is_header(rows[0][1]) else None
    return CsvTable(encoding, delim, header, rows[1:] if header is not None else rows)


def _known(store: Store) -> tuple[dict[str, tuple[str, str, str]], dict[str, list[tuple[str, str, str]]]]:
    """Every patient once, by number and by folded name: (number, name, birth date)."""
    by_number: dict[str, tuple[str, str, str]] = {}
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for number, name, birth in store.db.execute(
            "SELECT practice_number, display_name, birth_date FROM patients").fetchall():
        entry = (number or "", name, birth or "")
        if entry[0]:
            by_number[entry[0]] = entry
        by_name.setdefault(pi.fold(name), []).append(entry)
    return by_number, by_name


def classify(store: Store, table: CsvTable, mapping: dict[str, int],
             today: dt.date | None = None) -> PatientPreview:
    """What each line would do, against the patients in pgdesk now; writes nothing."""
    today = today or dt.date.today()
    preview = PatientPreview(table, dict(mapping))
    by_number, by_name = _known(store)
    width = len(table.header) if table.header is not None else None
    in_file: dict[str, pi.Row] = {}
    for line, cells in table.rows:
        if width is not None and len(cells) > width and any(c.strip() for c in cells[width:]):
            row = pi.Row(line, status="rejected",
                         reason=pi.Reason(pi.FIELD_COUNT, (str(len(cells)), str(width))))
        else:
            row = pi.read_row(line, cells, mapping, today)
        if row.status != "rejected":
            _judge(row, in_file, by_number, by_name)
        preview.rows.append(row)
    return preview


def _judge(row: pi.Row, in_file: dict[str, pi.Row], by_number, by_name) -> None:
    earlier = in_file.get(row.number)
    if earlier is not None:
        same = pi.same_person(row.name, row.birth_date, earlier.name, earlier.birth_date)
        row.status = "known" if same else "conflict"
        row.reason = pi.Reason(pi.SAME_ROW if same else pi.NUMBER_TWICE, (str(earlier.line),))
        return
    in_file[row.number] = row
    known = by_number.get(row.number)
    if known is not None:
        if pi.same_person(row.name, row.birth_date, known[1], known[2]):
            row.status, row.reason = "known", pi.Reason(pi.KNOWN)
        else:
            row.status = "conflict"
            row.reason = pi.Reason(pi.NUMBER_TAKEN, (known[1], _shown_date(known[2])))
        return
    for number, name, birth in by_name.get(pi.fold(row.name), ()):
        if row.birth_date and birth and pi.same_person(row.name, row.birth_date, name, birth):
            row.status = "conflict"
            row.reason = (pi.Reason(pi.PERSON_OTHER_NUMBER, (number,)) if number
                          else pi.Reason(pi.PERSON_NO_NUMBER))
            return
    row.status, row.reason = "new", None


def _shown_date(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        y, m, d = value.split("-")
        return f"{d}-{m}-{y}"
    return value or "?"


def preview_patients(store: Store, data: bytes, mapping: dict[str, int] | None = None
                     ) -> PatientPreview:
    """Read the file and say what importing it would do; mapping None: guessed from the file."""
    table = read_table(data)
    if mapping is None:
        mapping = pi.guess_mapping(table.header, [cells for _, cells in table.rows[:50]])
    return classify(store, table, mapping)


def import_patients(store: Store, preview: PatientPreview) -> PatientPreview:
    """Add the new patients of this preview, all in one transaction; judged again first against
    what is in pgdesk now, so a patient added meanwhile is not added twice. Nothing is written
    while any line cannot be read."""
    if "number" not in preview.mapping or not ({"name", "last"} & preview.mapping.keys()):
        raise InputError("Kies eerst welke kolom het HIS-nummer en welke de naam is.")
    with store.db.atomic():
        fresh = classify(store, preview.table, preview.mapping)
        if fresh.count("rejected"):
            raise InputError("Niet elke regel kan worden gelezen; er is niets ingelezen. "
                             "Verbeter het bestand en probeer het opnieuw.")
        for row in fresh.rows:
            if row.status == "new":
                store.add_patient(row.name, row.birth_date, row.number)
                fresh.applied += 1
    return fresh
