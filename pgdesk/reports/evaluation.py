"""The evaluation export: pseudonymised scores per conversation and per trajectory, as CSV.

For the practice's own evaluation (or a regional one) of what the conversations bring.
No names, birth dates, practice numbers or typed answers leave pgdesk this way: patients
and trajectories are HMAC-SHA256 keys with a salt that is new for every export, so keys
hold within one export but cannot be linked to another export or traced back without
the database. The columns, encoding and delimiter are described in docs/evaluation-export.md.

No Qt here; the command line (`pgdesk export evaluation`) and later a screen call it.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import CONSULTATION_TYPES
from pgdesk.domain.trajectory import WebPoint, birth_year_band, change_table
from pgdesk.reports.files import write_atomically
from pgdesk.storage import webs
from pgdesk.storage.repository import Store

KEY_LENGTH = 12  # hex characters of the HMAC: 48 bits, no collisions at practice scale
DELIMITER = ";"
ENCODING = "utf-8-sig"  # with BOM, so Excel reads the file as UTF-8
FOCUS_JOIN = ";"

CONSULTATION_HEAD = ("patient_key", "birth_year_band", "professional_role", "type", "date",
                     "trajectory_key")
CONSULTATION_TAIL = ("web_area_pct", "focus", "referrals")
TRAJECTORY_HEAD = ("patient_key", "trajectory_key", "start_date", "eind_date")
TRAJECTORY_TAIL = ("web_area_pct_start", "web_area_pct_eind", "web_area_pct_change")


def new_salt() -> bytes:
    """A fresh random salt for one export."""
    return secrets.token_bytes(32)


def pseudonym(key_salt: bytes, value: str) -> str:
    return hmac.new(key_salt, value.encode("utf-8"), hashlib.sha256).hexdigest()[:KEY_LENGTH]


def consultation_columns(instrument: Instrument) -> list[str]:
    return [*CONSULTATION_HEAD, *instrument.dimension_ids, *CONSULTATION_TAIL]


def trajectory_columns(instrument: Instrument) -> list[str]:
    dims = [f"{d}_{part}" for d in instrument.dimension_ids for part in ("start", "eind", "change")]
    return [*TRAJECTORY_HEAD, *dims, *TRAJECTORY_TAIL]


def _pct(web: WebPoint) -> float:
    return round(web.area_fraction * 100, 1)


def _keyed(store: Store, key_salt: bytes) -> str:
    """Register the pseudonym as an SQL function on the store's connection, so rows are sorted
    by patient key in SQL and stream out in that order; returns its name."""
    store.db.conn.create_function("pgdesk_key", 1, lambda value: pseudonym(key_salt, value),
                                  deterministic=True)
    return "pgdesk_key"


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


def cell(value) -> str:
    """Blank for no value; numbers with a decimal point and no trailing zeros (7, 7.5, -1.3)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(value)


def csv_chunks(rows: Iterable[Mapping], columns: Sequence[str],
               rows_per_chunk: int = 1000) -> Iterator[bytes]:
    """The CSV as encoded chunks of `rows_per_chunk` rows, so a large export never sits in
    memory whole; the byte-order mark comes once, first."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    known = set(columns)
    encoding = ENCODING
    for n, row in enumerate(rows, 1):
        extra = set(row) - known
        if extra:
            raise ValueError(f"columns not in the header: {sorted(extra)}")
        writer.writerow([cell(row.get(c)) for c in columns])
        if n % rows_per_chunk == 0:
            yield buf.getvalue().encode(encoding)
            encoding = "utf-8"
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode(encoding)


def to_csv(rows: Iterable[Mapping], columns: Sequence[str]) -> bytes:
    return b"".join(csv_chunks(rows, columns))


def _check_folder(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PgdeskError(f"De map {folder} bestaat niet; er is niets geschreven.")
    if not os.access(folder, os.W_OK):
        raise PgdeskError(f"In de map {folder} mag pgdesk niet schrijven; er is niets geschreven.")


def write_csv(path: str | os.PathLike, rows: Iterable[Mapping],
              columns: Sequence[str] | None = None) -> None:
    """Write the rows as CSV (see docs/evaluation-export.md), all or nothing, streamed into a
    temporary file beside `path` as they come.

    Without `columns` the first row's keys are the header.
    """
    path = Path(path)
    if columns is None:
        rows = list(rows)
        columns = list(rows[0]) if rows else []
    _check_folder(path)
    write_atomically(path, csv_chunks(rows, columns))


def trajectory_path(path: str | os.PathLike) -> Path:
    """FILE.csv -> FILE-trajecten.csv, beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}-trajecten{path.suffix or '.csv'}")


def export_evaluation(store: Store, instrument: Instrument, path: str | os.PathLike, *,
                      key_salt: bytes | None = None) -> tuple[Path, Path]:
    """Write FILE.csv (conversations) and FILE-trajecten.csv (trajectories) with one new salt.

    Both files or neither: if the second cannot be written, the first is removed again.
    """
    salt = key_salt or new_salt()
    first, second = Path(path), trajectory_path(path)
    _check_folder(first)
    write_csv(first, consultation_rows(store, instrument, key_salt=salt),
              consultation_columns(instrument))
    try:
        write_csv(second, trajectory_rows(store, instrument, key_salt=salt),
                  trajectory_columns(instrument))
    except BaseException:
        first.unlink(missing_ok=True)
        raise
    return first, second
