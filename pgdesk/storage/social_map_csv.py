"""The sociale kaart as CSV: import (with a preview) and export. The format is described in
docs/social-map-csv.md.

Import is all or nothing per file (or, on request, only the good rows); the report says which
lines were taken, which not and why, and which were already there.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from pgdesk.domain.content import LANGUAGES, shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.social_map import FIELD_LABELS, REFERRAL_ROUTES, Service, validate_service
from pgdesk.domain.validation import InputError
from pgdesk.storage.core import StoreCore
from pgdesk.storage.social_map import SERVICE_FIELDS, insert_service, services

__all__ = ["CSV_COLUMNS", "MAX_FILE_BYTES", "MAX_FILE_LINES", "ImportReport", "export_csv",
           "import_csv", "preview_csv"]

# Column names of the file, in order (the Dutch ones are written; English ones are read too).
CSV_COLUMNS = ("naam", "organisatie", "aanbod", "dimensies", "telefoon", "email", "website",
               "adres", "verwijzing", "notities")
_FIELD_OF_COLUMN = dict(zip(CSV_COLUMNS, ("name", "organisation", "offer", "dimensions", "phone",
                                          "email", "website", "address", "referral_route",
                                          "notes"), strict=True))
_ALIASES = {
    "name": ("naam", "name", "dienst", "service", "titel", "title"),
    "organisation": ("organisatie", "organisation", "organization", "aanbieder", "provider"),
    "offer": ("aanbod", "offer", "omschrijving", "beschrijving", "description", "wat"),
    "dimensions": ("dimensies", "dimensie", "dimensions", "dimension", "domeinen", "domein"),
    "phone": ("telefoon", "telefoonnummer", "tel", "phone", "telephone", "phonenumber"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres", "mail", "emailaddress"),
    "website": ("website", "site", "url", "web", "internet", "webadres"),
    "address": ("adres", "address", "locatie", "location", "bezoekadres"),
    "referral_route": ("verwijzing", "verwijzen", "verwijsroute", "aanmelden", "aanmelding",
                       "referral", "referralroute", "route", "howtorefer"),
    "notes": ("notities", "notitie", "opmerkingen", "opmerking", "notes", "note", "remarks"),
}
_ROUTE_ALIASES = {
    "zelf": ("zelf", "zelfverwijzing", "zelfaanmelding", "zelfaanmelden", "self", "selfreferral",
             "direct", "vrij", "vrijtoegankelijk", "patient"),
    "huisarts": ("huisarts", "viahuisarts", "viadehuisarts", "praktijk", "viapraktijk",
                 "viadepraktijk", "poh", "gp", "viagp", "verwijsbrief", "doctor"),
    "gemeente": ("gemeente", "viagemeente", "viadegemeente", "wmo", "sociaalteam", "wijkteam",
                 "buurtteam", "loket", "wmoloket", "municipality", "council"),
    "anders": ("anders", "overig", "other", "else"),
}
MAX_FILE_BYTES = 5_000_000
# A practice's sociale kaart has hundreds of services, a region's a few thousand; a bound keeps
# a wrong or hostile file from tying up the preview.
MAX_FILE_LINES = 10_000
_DELIMITERS = (";", ",", "\t")
_DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}
# A cell Excel would run as a formula: '=...', '@...', or '+'/'-' followed by anything but a
# phone number. Written with a leading apostrophe, which the import takes off again.
_FORMULA = re.compile(r"^(?:[=@]|[+-](?![\d\s()/.-]*$))")


def _fold(text: str) -> str:
    """Header and value matching: case, accents, spaces and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", text.replace("\ufeff", ""))
    return "".join(ch for ch in plain if ch.isalnum()).casefold()


_COLUMN_OF = {_fold(alias): f for f, aliases in _ALIASES.items() for alias in aliases}
_ROUTE_OF = {_fold(alias): route for route, aliases in _ROUTE_ALIASES.items() for alias in aliases}
_ROUTE_OF.update({_fold(label): route for route, label in REFERRAL_ROUTES.items()})


@dataclass
class ImportReport:
    """What a CSV file holds, line by line (numbers of the lines in the file, header = 1 when it
    is the first line).

    taken: (line, name) of services that are (or would be) added; rejected: (line, reason in
    Dutch) of lines that could not be read, or (0 or the header's line, reason) when the file as
    a whole could not be (then also in `file_error`); duplicates: (line, name) of services
    already on the map or earlier in the file, which are not added again; applied: whether
    the taken services were written.
    """

    taken: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    applied: bool = False
    file_error: str = ""
    encoding: str = ""
    delimiter: str = ""
    _services: list[Service] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        """Nothing refused: importing takes every line."""
        return not self.rejected

    def summary(self) -> str:
        """One or two Dutch sentences for the screen."""
        if self.file_error:
            return f"Het bestand is niet ingelezen: {self.file_error}"
        n, bad, dup = len(self.taken), len(self.rejected), len(self.duplicates)
        parts = [f"{n} {'dienst' if n == 1 else 'diensten'} "
                 f"{'toegevoegd' if self.applied else 'klaar om toe te voegen'}"]
        if dup:
            parts.append(f"{dup} al in de kaart (niet nog eens toegevoegd)")
        if bad:
            parts.append(f"{bad} {'regel' if bad == 1 else 'regels'} niet te lezen")
        text = ", ".join(parts) + "."
        if bad and not self.applied:
            text += " Er is niets ingelezen; verbeter het bestand of lees alleen de goede regels in."
        return text


class _FileProblem(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def _decode(data: bytes) -> tuple[str, str]:
    if len(data) > MAX_FILE_BYTES:
        raise _FileProblem(0, f"Het bestand is te groot ({len(data) // 1_000_000} MB); een sociale "
                              "kaart als CSV is hoogstens 5 MB.")
    if not data.strip():
        raise _FileProblem(0, "Het bestand is leeg.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst"
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _FileProblem(0, "Het bestand kan niet worden gelezen (beschadigde tekst).") from None
    elif b"\x00" in data:
        raise _FileProblem(0, "Dit is geen CSV-bestand (het bevat geen leesbare tekst).")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                raise _FileProblem(0, "Dit is geen CSV-bestand, of de tekencodering is onbekend "
                                      "(bewaar het als CSV UTF-8).") from None
    text = text.lstrip("\ufeff")
    if len(text.splitlines()) > MAX_FILE_LINES:
        limit = f"{MAX_FILE_LINES:,}".replace(",", ".")
        raise _FileProblem(0, f"Het bestand heeft meer dan {limit} regels; een sociale kaart als "
                              f"CSV heeft er hoogstens {limit}. Verdeel de diensten over een paar "
                              "bestanden.")
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        raise _FileProblem(0, "Dit is geen CSV-bestand (het bevat geen leesbare tekst).")
    return text, encoding


def _sniff(line: str) -> str:
    """The delimiter under which the header line has the most known column names."""
    best, best_score = ";", (-1, -1)
    for delim in _DELIMITERS:
        try:
            cells = next(csv.reader([line], delimiter=delim))
        except (csv.Error, StopIteration):
            continue
        score = (sum(1 for c in cells if _fold(c) in _COLUMN_OF), len(cells))
        if score > best_score:
            best, best_score = delim, score
    return best


def _header(cells: list[str], line: int) -> list[str | None]:
    """The field of each column (None for a column without a name), or a _FileProblem."""
    fields: list[str | None] = []
    for cell in cells:
        name = cell.strip().strip("\ufeff")
        if not name:
            fields.append(None)
            continue
        f = _COLUMN_OF.get(_fold(name))
        if f is None:
            raise _FileProblem(line, f"De kolom '{name[:60]}' in de kopregel is onbekend. Bekende "
                                     f"kolommen: {', '.join(CSV_COLUMNS)} (of in het Engels: name, "
                                     "organisation, offer, dimensions, phone, email, website, "
                                     "address, referral, notes).")
        if f in fields:
            raise _FileProblem(line, f"De kolom '{FIELD_LABELS[f]}' staat twee keer in de kopregel.")
        fields.append(f)
    if "name" not in fields:
        raise _FileProblem(line, "De kolom 'naam' ontbreekt in de kopregel. De eerste regel moet de "
                                 f"namen van de kolommen geven: {', '.join(CSV_COLUMNS)}.")
    return fields


def _dimension_names(instrument: Instrument) -> dict[str, str]:
    """Folded id, name and short name (of this instrument and of the shipped languages) -> id."""
    known = set(instrument.dimension_ids)
    names: dict[str, str] = {}
    for inst in (*(shipped_instrument(lang) for lang in LANGUAGES), instrument):
        for d in inst.dimensions:
            if d.id in known:
                for alias in (d.id, d.name, d.short):
                    names[_fold(alias)] = d.id
    return names


def _unguard(value: str) -> str:
    return value[1:] if value.startswith("'") and _FORMULA.match(value[1:]) else value


def _service_from(values: dict[str, str], instrument: Instrument,
                  names: dict[str, str]) -> Service:
    dims = []
    for part in re.split(r"[;,/|]", values.get("dimensions", "")):
        if not part.strip():
            continue
        dim = names.get(_fold(part))
        if dim is None:
            raise InputError(f"Onbekende dimensie '{part.strip()[:60]}'. Kies uit: "
                             f"{', '.join(d.name for d in instrument.dimensions)}.")
        dims.append(dim)
    route_text = values.get("referral_route", "").strip()
    route = ""
    if route_text:
        route = _ROUTE_OF.get(_fold(route_text), "")
        if not route:
            raise InputError(f"Onbekende manier van verwijzen '{route_text[:60]}'. Kies uit: "
                             f"{', '.join(REFERRAL_ROUTES)}.")
    s = Service(dimensions=tuple(dims), referral_route=route,
                **{f: values.get(f, "") for f in SERVICE_FIELDS if f != "referral_route"})
    return validate_service(s, instrument)


def _read(store: StoreCore, data: bytes, instrument: Instrument) -> ImportReport:
    report = ImportReport()
    try:
        text, report.encoding = _decode(data)
    except _FileProblem as p:
        report.file_error = p.reason
        report.rejected.append((p.line, p.reason))
        return report
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delim = report.delimiter = _sniff(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    names = _dimension_names(instrument)
    seen = {s.key() for s in services(store)}
    in_file: set[tuple[str, str]] = set()
    header: list[str | None] | None = None
    end = 0
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise _FileProblem(end + 1, _csv_problem(str(exc), end + 1, delim)) from None
            line, end = end + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _header(cells, line)
                continue
            _take_row(report, cells, header, line, instrument, names, seen, in_file, delim)
    except _FileProblem as p:
        report.file_error = p.reason
        report.rejected.append((p.line, p.reason))
        report.taken.clear()
        report.duplicates.clear()
        report._services.clear()
        return report
    if header is None:
        report.file_error = "Het bestand is leeg."
        report.rejected.append((0, report.file_error))
    return report


def _csv_problem(message: str, line: int, delim: str) -> str:
    """csv's own message (English) as a Dutch reason."""
    if "end of data" in message:
        why = ("er ontbreekt een afsluitend aanhalingsteken (\"): vanaf deze regel loopt één veld "
               "door tot het eind van het bestand")
    elif "expected after" in message:
        why = (f"na een afsluitend aanhalingsteken (\") hoort een {_DELIMITER_NAMES[delim]} of het "
               "eind van de regel te komen")
    elif "field limit" in message:
        why = "een veld is veel te lang"
    else:
        why = f"de regel is geen geldige CSV ({message})"
    return f"Regel {line} kan niet worden gelezen: {why}. Er is niets ingelezen."


def _take_row(report: ImportReport, cells: list[str], header: list[str | None], line: int,
              instrument: Instrument, names: dict[str, str], seen: set, in_file: set,
              delim: str) -> None:
    extra = cells[len(header):]
    if any(c.strip() for c in extra):
        report.rejected.append((line, f"Deze regel heeft {len(cells)} velden, de kopregel "
                                      f"{len(header)}. Staat er een {_DELIMITER_NAMES[delim]} in een "
                                      "veld zonder aanhalingstekens eromheen?"))
        return
    values: dict[str, str] = {}
    for f, cell in zip(header, cells, strict=False):
        if f is None:
            if cell.strip():
                report.rejected.append((line, "Deze regel heeft een waarde in een kolom zonder naam "
                                              "in de kopregel."))
                return
            continue
        values[f] = _unguard(cell)
    try:
        s = _service_from(values, instrument, names)
    except InputError as exc:
        report.rejected.append((line, str(exc)))
        return
    key = s.key()
    if key in seen or key in in_file:
        report.duplicates.append((line, s.name))
        return
    in_file.add(key)
    report.taken.append((line, s.name))
    report._services.append(s)


def preview_csv(store: StoreCore, data: bytes, instrument: Instrument) -> ImportReport:
    """What importing this file would do, without writing anything."""
    return import_csv(store, data, instrument, apply=False)


def import_csv(store: StoreCore, data: bytes, instrument: Instrument, *, apply: bool = True,
               skip_bad: bool = False) -> ImportReport:
    """Read a CSV sociale kaart (see docs/social-map-csv.md) and add its services.

    All or nothing: if any line is refused, nothing is written (report.applied False), unless
    skip_bad, which writes the good lines and leaves the refused ones out. A file that cannot be
    read as a whole (encoding, header) is never written. Services already on the map (same name
    and organisation) are reported as duplicates and not added again.
    """
    report = _read(store, data, instrument)
    if not apply or report.file_error or (report.rejected and not skip_bad):
        return report
    with store.db.atomic():
        seen = {s.key() for s in services(store)}
        for s in report._services:
            if s.key() not in seen:  # a service is never added twice
                seen.add(s.key())
                insert_service(store, s)
    report.applied = True
    return report


def _guard(value: str) -> str:
    return f"'{value}" if _FORMULA.match(value) else value


def export_csv(store: StoreCore, *, instrument: Instrument | None = None) -> bytes:
    """The map (without deleted entries) as CSV: semicolons, UTF-8 with BOM, CRLF, the Dutch
    column names. Dimensions are ids joined by ', ' (names of `instrument` when given). Reads
    back in with import_csv."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in services(store):
        row = []
        for column in CSV_COLUMNS:
            f = _FIELD_OF_COLUMN[column]
            if f == "dimensions":
                dims = [_dimension_label(d, instrument) for d in s.dimensions]
                row.append(", ".join(dims))
            else:
                row.append(_guard(getattr(s, f)))
        writer.writerow(row)
    return buf.getvalue().encode("utf-8-sig")


def _dimension_label(dimension_id: str, instrument: Instrument | None) -> str:
    if instrument is None:
        return dimension_id
    try:
        return instrument.dimension(dimension_id).name
    except KeyError:
        return dimension_id
