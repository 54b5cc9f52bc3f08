"""The evaluation export's rows, both files from one streamed query in the order of the files.

The rows are sorted by patient key (an HMAC with a salt new for every export, so the order
says nothing about the order of entry). The keys are made here, once per patient, and go into
a temporary table the query sorts on: portable SQL (no function registered on the connection,
no engine-specific JSON). Every conversation comes once, scores pivoted into columns
(storage.webs), so no row needs a query or a conversation object of its own; a patient's
finished trajectories are paired from its own conversations (start and eind) as they pass, so
the trajectory file needs no second pass over the scores. Rows leave as plain lists in column
order (domain.documents), patient by patient: memory holds one patient, never the practice.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator

from pgdesk.domain.documents import PRESENT
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import CONSULTATION_TYPES
from pgdesk.domain.trajectory import birth_year_band
from pgdesk.storage.core import StoreCore
from pgdesk.storage.webs import Pivot

KEY_LENGTH = 12  # hex characters of the HMAC: 48 bits, no collisions at practice scale
FOCUS_JOIN = ";"
Progress = Callable[[int], None]  # conversations done so far; may raise to stop the export
Rows = list[list]


def pseudonym(key_salt: bytes, value: str) -> str:
    return hmac.digest(key_salt, value.encode("utf-8"), "sha256").hex()[:KEY_LENGTH]


class Pseudonyms:
    """pseudonym() under one salt for many values: the salted state is made once and copied
    per value (half the time of a fresh HMAC each, at a patient and a trajectory per row)."""

    def __init__(self, key_salt: bytes):
        self._keyed = hmac.new(key_salt, digestmod="sha256")

    def __call__(self, value: str) -> str:
        mac = self._keyed.copy()
        mac.update(value.encode("utf-8"))
        return mac.hexdigest()[:KEY_LENGTH]


class PatientKeys:
    """The temporary table of every patient's key and birth-year band for one export: the
    export's ORDER BY sorts on it (and no row looks its patient up). Filled in one transaction,
    dropped after the last rows; a table left by an export that failed half-way is replaced by
    the next."""

    TABLE = "evaluation_keys"

    def __init__(self, store: StoreCore, key_salt: bytes):
        self.store, self.key_salt = store, key_salt

    def make(self) -> None:
        db, table = self.store.db, self.TABLE
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE TEMPORARY TABLE {table} (patient_id TEXT PRIMARY KEY, "
                   "patient_key TEXT NOT NULL, birth_year_band TEXT NOT NULL)")
        # in key order: the table's b-tree then grows at its end only
        patients = sorted(db.execute("SELECT id, birth_date FROM patients").fetchall())
        key = Pseudonyms(self.key_salt)
        with db.atomic():  # on the server by COPY: one stream, nothing to parse per row
            db.insert_rows(table, ("patient_id", "patient_key", "birth_year_band"),
                           [(pid, key(pid), birth_year_band(birth or "")) for pid, birth in patients])

    def drop(self) -> None:
        self.store.db.execute(f"DROP TABLE IF EXISTS {self.TABLE}")


def consultation_count(store: StoreCore) -> int:
    return store.db.execute("SELECT COUNT(*) FROM consultations").fetchone()[0]


def _query(pivot: Pivot) -> tuple[str, list]:
    """Every conversation with its patient's key, the role, whether it is its trajectory's start
    (so the trajectory file pairs it with the eind), its referrals and its scores."""
    order = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CONSULTATION_TYPES))
    tables, params = pivot.tables()
    return (f"WITH {tables} "
            "SELECT k.patient_key, k.birth_year_band, pr.role, c.type, c.date, c.trajectory_id, "
            "CASE WHEN t.start_consultation_id = c.id THEN 1 ELSE 0 END, rf.n, c.present, "
            f"{pivot.columns('pc')} FROM consultations c "
            f"JOIN {PatientKeys.TABLE} k ON k.patient_id = c.patient_id "
            "LEFT JOIN professionals pr ON pr.id = c.professional_id "
            "LEFT JOIN trajectories t ON t.id = c.trajectory_id "
            "LEFT JOIN (SELECT consultation_id, COUNT(*) AS n FROM referrals "
            "GROUP BY consultation_id) rf ON rf.consultation_id = c.id "
            f"{pivot.joins('c.id', 'pc')}"
            f"ORDER BY k.patient_key, c.date, CASE c.type {order} ELSE 9 END", params)


class _Patient:
    """One patient's rows while its conversations pass: the conversation rows as they come, the
    start and eind of each trajectory for its trajectory rows."""

    def __init__(self, key: str):
        self.key = key
        self.rows: Rows = []
        self.starts: dict[str, tuple] = {}  # trajectory id -> (date, scores, area)
        self.einds: list[tuple] = []        # (trajectory id, key, date, scores, area)

    def trajectory_rows(self) -> Rows:
        """Start, eind and change of every trajectory that held both, by start date (then eind
        date and key, so equal start dates still give one order)."""
        out = []
        for tid, tkey, eind_date, last, pct_eind in self.einds:
            start = self.starts.get(tid)
            if start is None:
                continue
            start_date, first, pct_start = start
            row = [self.key, tkey, start_date, eind_date]
            for a, b in zip(first, last, strict=True):
                row += (a, b, round(b - a, 1) if a is not None and b is not None else None)
            row += (pct_start, pct_eind, round(pct_eind - pct_start, 1))
            out.append(row)
        out.sort(key=lambda r: (r[2], r[3], r[1]))
        return out


def patient_rows(store: StoreCore, instrument: Instrument, *, key_salt: bytes,
                 progress: Progress | None = None, every: int = 2000
                 ) -> Iterator[tuple[Rows, Rows]]:
    """Per patient, in patient-key order: its conversation rows (by date, then type) and its
    finished trajectories' rows, values in the columns' order (domain.documents). One streamed
    query; `progress(conversations)` every `every` conversations (it may raise to stop)."""
    pivot = Pivot(instrument, focus=True)
    sql, params = _query(pivot)
    at, dims = 9, len(pivot.dims)
    focus_at = at + pivot.width
    # few distinct values, each worked out once
    focus_text = {None: ""} | {bits: FOCUS_JOIN.join(pivot.focus(bits))
                               for bits in range(1 << dims)}
    present_of: dict[str, tuple[int, ...]] = {}
    key = Pseudonyms(key_salt)
    keys = PatientKeys(store, key_salt)
    keys.make()
    batches = store.db.stream(sql, params)
    try:
        patient = _Patient("")
        trajectory, trajectory_key = None, ""
        n = 0
        for batch in batches:
            for row in batch:
                if row[0] != patient.key:
                    if patient.rows:
                        yield patient.rows, patient.trajectory_rows()
                    patient = _Patient(row[0])
                ctype, date, tid = row[3], row[4], row[5]
                if tid != trajectory:  # a trajectory's rows mostly come together: key it once
                    trajectory = tid
                    trajectory_key = key(tid) if tid else ""
                scores = pivot.scores(row, at)
                area = pivot.area_pct(scores)
                present = row[8] or ""
                flags = present_of.get(present)
                if flags is None:  # who else was there: 0 or 1 each, no names
                    given = present.split(",")
                    flags = present_of[present] = tuple(int(p in given) for p in PRESENT)
                patient.rows.append([row[0], row[1], row[2] or "", ctype, date, trajectory_key,
                                     *scores, area, focus_text[row[focus_at]], row[7] or 0,
                                     *flags])
                if tid:
                    if ctype == "start" and row[6]:
                        patient.starts[tid] = (date, scores, area)
                    elif ctype == "eind":
                        patient.einds.append((tid, trajectory_key, date, scores, area))
            n += len(batch)
            if progress is not None and n // every != (n - len(batch)) // every:
                progress(n)
        if patient.rows:
            yield patient.rows, patient.trajectory_rows()
    finally:  # stopped early too: the read ends before its table goes
        batches.close()
        keys.drop()
