"""The evaluation export's rows, streamed from two queries in the order of the file.

The rows are sorted by patient key (an HMAC with a salt new for every export, so the order
says nothing about the order of entry). The keys are made here, once per patient, and go into
a temporary table the query sorts on: portable SQL (no function registered on the connection,
no engine-specific JSON), and the rows still stream out of the database one by one, scores
pivoted into columns (storage.webs) so no row needs a query or a conversation object of its own.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pgdesk.domain.documents import PRESENT
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import CONSULTATION_TYPES
from pgdesk.domain.trajectory import birth_year_band
from pgdesk.storage.core import StoreCore
from pgdesk.storage.webs import Pivot

KEY_LENGTH = 12  # hex characters of the HMAC: 48 bits, no collisions at practice scale
FOCUS_JOIN = ";"
Progress = Callable[[int], None]  # rows done so far; may raise to stop the export


def pseudonym(key_salt: bytes, value: str) -> str:
    return hmac.new(key_salt, value.encode("utf-8"), hashlib.sha256).hexdigest()[:KEY_LENGTH]


class PatientKeys:
    """The temporary table of every patient's key and birth-year band for one export: the
    export's ORDER BY sorts on it (and no row looks its patient up). Made once for both files
    (`evaluation_data` shares one), filled in one transaction, dropped after the last rows; a
    table left by an export that failed half-way is replaced by the next."""

    TABLE = "evaluation_keys"

    def __init__(self, store: StoreCore, key_salt: bytes):
        self.store, self.key_salt = store, key_salt
        self.made = False

    def make(self) -> None:
        if self.made:
            return
        db, table = self.store.db, self.TABLE
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE TEMPORARY TABLE {table} (patient_id TEXT PRIMARY KEY, "
                   "patient_key TEXT NOT NULL, birth_year_band TEXT NOT NULL)")
        self.made = True
        patients = db.execute("SELECT id, birth_date FROM patients").fetchall()
        with db.atomic():
            db.execute_many(
                f"INSERT INTO {table} (patient_id, patient_key, birth_year_band) VALUES (?, ?, ?)",
                ((pid, pseudonym(self.key_salt, pid), birth_year_band(birth or ""))
                 for pid, birth in patients))

    def drop(self) -> None:
        if self.made:
            self.store.db.execute(f"DROP TABLE IF EXISTS {self.TABLE}")
            self.made = False


@contextmanager
def _keys(store: StoreCore, key_salt: bytes, keys: PatientKeys | None, last: bool
          ) -> Iterator[None]:
    """The keys table for one generator: its own (dropped after it) unless `keys` is shared,
    then dropped after the generator that comes `last`."""
    own = keys is None
    keys = keys or PatientKeys(store, key_salt)
    keys.make()
    try:
        yield
    finally:
        if own or last:
            keys.drop()


def consultation_count(store: StoreCore) -> int:
    return store.db.execute("SELECT COUNT(*) FROM consultations").fetchone()[0]


def trajectory_count(store: StoreCore) -> int:
    """Trajectories that held a start and an eind: the rows of the second file."""
    return store.db.execute(
        "SELECT COUNT(*) FROM trajectories t "
        "JOIN consultations s ON s.id = t.start_consultation_id AND s.type = 'start' "
        "JOIN consultations e ON e.trajectory_id = t.id AND e.type = 'eind'").fetchone()[0]


def consultation_rows(store: StoreCore, instrument: Instrument, *, key_salt: bytes,
                      progress: Progress | None = None, every: int = 2000,
                      keys: PatientKeys | None = None) -> Iterator[dict]:
    """One row per conversation, sorted by patient key, date and type (not in the order of
    entry); one streamed query. `progress(rows)` every `every` rows; `keys` shared with the
    trajectory rows that follow."""
    pivot = Pivot(instrument, focus=True)
    dims = pivot.dims
    order = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(CONSULTATION_TYPES))
    tables, params = pivot.tables()
    at = 8
    focus_at = at + pivot.width
    with _keys(store, key_salt, keys, last=False):
        rows = store.db.execute(
            f"WITH {tables} "
            "SELECT k.patient_key, k.birth_year_band, pr.role, c.type, c.date, c.trajectory_id, "
            f"rf.n, c.present, {pivot.columns('pc')} FROM consultations c "
            f"JOIN {PatientKeys.TABLE} k ON k.patient_id = c.patient_id "
            "LEFT JOIN professionals pr ON pr.id = c.professional_id "
            "LEFT JOIN (SELECT consultation_id, COUNT(*) AS n FROM referrals "
            "GROUP BY consultation_id) rf ON rf.consultation_id = c.id "
            f"{pivot.joins('c', 'pc')}"
            f"ORDER BY k.patient_key, c.date, CASE c.type {order} ELSE 9 END", params)
        trajectory, trajectory_key = None, ""  # a trajectory's rows come together: key it once
        for n, row in enumerate(rows, 1):
            if row[5] != trajectory:
                trajectory = row[5]
                trajectory_key = pseudonym(key_salt, trajectory) if trajectory else ""
            scores = pivot.scores(row, at)
            out = {"patient_key": row[0], "birth_year_band": row[1],
                   "professional_role": row[2] or "", "type": row[3], "date": row[4],
                   "trajectory_key": trajectory_key}
            out.update(zip(dims, scores, strict=True))
            out["web_area_pct"] = pivot.area_pct(scores)
            out["focus"] = FOCUS_JOIN.join(pivot.focus(row, focus_at))
            out["referrals"] = row[6] or 0
            given = (row[7] or "").split(",")  # who else was there: 0 or 1 each, no names
            out.update((f"present_{p}", int(p in given)) for p in PRESENT)
            yield out
            if progress is not None and n % every == 0:
                progress(n)


def trajectory_rows(store: StoreCore, instrument: Instrument, *, key_salt: bytes,
                    progress: Progress | None = None, every: int = 2000,
                    keys: PatientKeys | None = None) -> Iterator[dict]:
    """One row per trajectory whose start and eind were both held: start, eind and change;
    sorted by patient key and start date. `progress(rows)` every `every` rows."""
    pivot = Pivot(instrument)
    tables, params = pivot.tables()
    at = 4
    with _keys(store, key_salt, keys, last=True):
        rows = store.db.execute(
            f"WITH {tables} SELECT k.patient_key, t.id, s.date, e.date, "
            f"{pivot.columns('ps')}, {pivot.columns('pe')} FROM trajectories t "
            "JOIN consultations s ON s.id = t.start_consultation_id AND s.type = 'start' "
            "JOIN consultations e ON e.trajectory_id = t.id AND e.type = 'eind' "
            f"JOIN {PatientKeys.TABLE} k ON k.patient_id = t.patient_id "
            f"{pivot.joins('s', 'ps')}{pivot.joins('e', 'pe')}ORDER BY k.patient_key, s.date",
            params)
        for n, row in enumerate(rows, 1):
            first = pivot.scores(row, at)
            last = pivot.scores(row, at + pivot.width)
            out = {"patient_key": row[0], "trajectory_key": pseudonym(key_salt, row[1]),
                   "start_date": row[2], "eind_date": row[3]}
            for d, a, b in zip(pivot.dims, first, last, strict=True):
                out[f"{d}_start"] = a
                out[f"{d}_eind"] = b
                out[f"{d}_change"] = round(b - a, 1) if a is not None and b is not None else None
            pct_start, pct_eind = pivot.area_pct(first), pivot.area_pct(last)
            out["web_area_pct_start"] = pct_start
            out["web_area_pct_eind"] = pct_eind
            out["web_area_pct_change"] = round(pct_eind - pct_start, 1)
            yield out
            if progress is not None and n % every == 0:
                progress(n)
