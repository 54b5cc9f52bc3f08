"""The evaluation export: pseudonymised scores per conversation and per trajectory, as CSV.

For the practice's own evaluation (or a regional one) of what the conversations bring.
No names, birth dates, practice numbers or typed answers leave pgdesk this way: patients
and trajectories are HMAC-SHA256 keys with a salt that is new for every export, so keys
hold within one export but cannot be linked to another export or traced back without
the database. The columns, encoding and delimiter are described in docs/evaluation-export.md.

The rows are gathered by pgdesk.storage.documents.evaluation_data; this module writes them.
No Qt here; the command line (`pgdesk export evaluation`) and the window call it.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from pgdesk.domain.documents import EvaluationData
from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.reports.files import write_atomically

DELIMITER = ";"
ENCODING = "utf-8-sig"  # with BOM, so Excel reads the file as UTF-8

CONSULTATION_HEAD = ("patient_key", "birth_year_band", "professional_role", "type", "date",
                     "trajectory_key")
CONSULTATION_TAIL = ("web_area_pct", "focus", "referrals", "present_naaste", "present_tolk",
                     "present_namens")
TRAJECTORY_HEAD = ("patient_key", "trajectory_key", "start_date", "eind_date")
TRAJECTORY_TAIL = ("web_area_pct_start", "web_area_pct_eind", "web_area_pct_change")


def consultation_columns(instrument: Instrument) -> list[str]:
    return [*CONSULTATION_HEAD, *instrument.dimension_ids, *CONSULTATION_TAIL]


def trajectory_columns(instrument: Instrument) -> list[str]:
    dims = [f"{d}_{part}" for d in instrument.dimension_ids for part in ("start", "eind", "change")]
    return [*TRAJECTORY_HEAD, *dims, *TRAJECTORY_TAIL]


@functools.lru_cache(maxsize=8192)
def _decimal(value: float) -> str:
    # scores, areas and changes have one decimal: few distinct values, each formatted once
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def cell(value) -> str:
    """Blank for no value; numbers with a decimal point and no trailing zeros (7, 7.5, -1.3)."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is float:
        return _decimal(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _decimal(float(value))
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
        if not known.issuperset(row):
            raise ValueError(f"columns not in the header: {sorted(set(row) - known)}")
        writer.writerow(list(map(cell, map(row.get, columns))))
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


def export_evaluation(data: EvaluationData, instrument: Instrument, path: str | os.PathLike
                      ) -> tuple[Path, Path]:
    """Write FILE.csv (conversations) and FILE-trajecten.csv (trajectories), gathered under one
    salt by storage.documents.evaluation_data.

    Both files or neither: if the second cannot be written, the first is removed again.
    """
    first, second = Path(path), trajectory_path(path)
    _check_folder(first)
    write_csv(first, data.consultations, consultation_columns(instrument))
    try:
        write_csv(second, data.trajectories, trajectory_columns(instrument))
    except BaseException:
        first.unlink(missing_ok=True)
        raise
    return first, second
