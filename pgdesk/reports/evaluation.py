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
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from pgdesk.domain.documents import (
    CONSULTATION_HEAD,
    CONSULTATION_TAIL,
    TRAJECTORY_HEAD,
    TRAJECTORY_PARTS,
    TRAJECTORY_TAIL,
    EvaluationData,
)
from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.reports.files import write_atomically

DELIMITER = ";"
ENCODING = "utf-8-sig"  # with BOM, so Excel reads the file as UTF-8


def consultation_columns(instrument: Instrument) -> list[str]:
    return [*CONSULTATION_HEAD, *instrument.dimension_ids, *CONSULTATION_TAIL]


def trajectory_columns(instrument: Instrument) -> list[str]:
    dims = [f"{d}_{part}" for d in instrument.dimension_ids for part in TRAJECTORY_PARTS]
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


class _Cells(dict):
    """cell() of the values that are not text, each worked out once: an export's numbers are few
    distinct ones (scores, areas, counts), its text (keys, dates) passes as it is. Values that
    compare equal (1, 1.0, True) are written alike, so they may share an entry."""

    LIMIT = 100_000  # a pathological file of ever-new numbers still runs in bounded memory

    def __missing__(self, value) -> str:
        text = cell(value)
        if len(self) < self.LIMIT:
            self[value] = text
        return text


def _texts(rows: Iterable[Sequence], cells: _Cells) -> Iterator[list[str]]:
    return ([v if type(v) is str else cells[v] for v in row] for row in rows)


def csv_chunks(batches: Iterable[Iterable[Sequence]], columns: Sequence[str],
               chunk_chars: int = 1 << 16) -> Iterator[bytes]:
    """The CSV of rows given in batches (values in the order of `columns`) as encoded chunks of
    about `chunk_chars` characters, so a large export never sits in memory whole; the
    byte-order mark comes once, first."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    cells = _Cells()
    encoding = ENCODING
    for rows in batches:
        writer.writerows(_texts(rows, cells))
        if buf.tell() >= chunk_chars:
            yield buf.getvalue().encode(encoding)
            encoding = "utf-8"
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode(encoding)


def to_csv(rows: Iterable[Sequence], columns: Sequence[str]) -> bytes:
    return b"".join(csv_chunks([rows], columns))


def _check_folder(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PgdeskError(f"De map {folder} bestaat niet; er is niets geschreven.")
    if not os.access(folder, os.W_OK):
        raise PgdeskError(f"In de map {folder} mag pgdesk niet schrijven; er is niets geschreven.")


def write_csv(path: str | os.PathLike, rows: Iterable[Mapping]) -> None:
    """Write rows given as mappings as CSV (see docs/evaluation-export.md), the first row's keys
    as the header, all or nothing."""
    rows = list(rows)
    columns = list(rows[0]) if rows else []
    _check_folder(Path(path))
    write_atomically(path, csv_chunks([[[r.get(c) for c in columns] for r in rows]], columns))


def trajectory_path(path: str | os.PathLike) -> Path:
    """FILE.csv -> FILE-trajecten.csv, beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}-trajecten{path.suffix or '.csv'}")


def export_evaluation(data: EvaluationData, instrument: Instrument, path: str | os.PathLike
                      ) -> tuple[Path, Path]:
    """Write FILE.csv (conversations) and FILE-trajecten.csv (trajectories), gathered under one
    salt by storage.documents.evaluation_data, in one pass over the rows: each patient's
    trajectory rows go to a temporary file beside the target meanwhile (unnamed, gone however
    the export ends) and are copied into place after the first file.

    Both files or neither: if the second cannot be written, the first is removed again.
    """
    first, second = Path(path), trajectory_path(path)
    _check_folder(first)
    with (tempfile.TemporaryFile(dir=first.parent if str(first.parent) else ".") as spool,
          io.TextIOWrapper(spool, encoding=ENCODING, newline="") as text):
        trajectories = csv.writer(text, delimiter=DELIMITER, lineterminator="\r\n")
        trajectories.writerow(trajectory_columns(instrument))
        cells = _Cells()

        def conversations() -> Iterator[Sequence]:
            for rows, finished in data.patients:
                if finished:
                    trajectories.writerows(_texts(finished, cells))
                yield rows

        write_atomically(first, csv_chunks(conversations(), consultation_columns(instrument)))
        try:
            text.flush()
            spool.seek(0)
            write_atomically(second, iter(functools.partial(spool.read, 1 << 20), b""))
        except BaseException:
            first.unlink(missing_ok=True)
            raise
    return first, second
