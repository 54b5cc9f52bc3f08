"""The evaluation export streams: the rows go from one query into the file as they come, so the
memory it takes does not grow with the number of conversations (20,000 here)."""

from __future__ import annotations

import csv
import datetime as dt
import random
import tracemalloc
import uuid

from pgdesk.reports import evaluation as ev
from pgdesk.storage import documents
from pgdesk.storage.migrations import backfill_trajectories


def _bulk(store, instrument, patients: int, seed: int) -> None:
    """Fictitious patients with a start, tussen and eind each, scored, inserted in bulk."""
    rng = random.Random(seed)
    dims = instrument.dimension_ids
    stamp = "2026-01-01T00:00:00+00:00"
    pats, cons, scores = [], [], []
    for i in range(patients):
        pid = str(uuid.UUID(int=rng.getrandbits(128)))
        pats.append((pid, f"Patiënt {seed}-{i} Testpersoon", "1960-01-01", stamp, stamp))
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        for k, ctype in enumerate(("start", "tussen", "eind")):
            cid = str(uuid.UUID(int=rng.getrandbits(128)))
            cons.append((cid, pid, (start + dt.timedelta(days=91 * k)).isoformat(), ctype, stamp))
            scores.extend((cid, d, rng.randint(1, 10)) for d in dims)
    with store.db.atomic():
        conn = store.db.conn
        conn.executemany("INSERT INTO patients (id, display_name, birth_date, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, ?)", pats)
        conn.executemany("INSERT INTO consultations (id, patient_id, date, type, step, "
                         "wheel_index, created_at, updated_at, completed_at) "
                         "VALUES (?, ?, ?, ?, 'summary', 0, ?, ?, ?)",
                         [(*c, c[4], c[4]) for c in cons])
        conn.executemany("INSERT INTO dimension_scores VALUES (?, ?, ?)", scores)
        conn.execute("UPDATE consultations SET trajectory_id = NULL")
        conn.execute("DELETE FROM trajectories")
        backfill_trajectories(store.db)


def _peak_export(store, instrument, path) -> int:
    tracemalloc.start()
    try:
        ev.export_evaluation(documents.evaluation_data(store, instrument), instrument, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_memory_does_not_grow_with_rows(store, instrument, tmp_path):
    _bulk(store, instrument, 700, seed=1)  # 2,100 conversations
    small = _peak_export(store, instrument, tmp_path / "klein.csv")
    _bulk(store, instrument, 6_300, seed=2)  # 21,000 conversations in all
    large = _peak_export(store, instrument, tmp_path / "groot.csv")
    with (tmp_path / "groot.csv").open(encoding=ev.ENCODING, newline="") as fh:
        rows = list(csv.reader(fh, delimiter=ev.DELIMITER))
    assert len(rows) == 1 + 21_000
    with (tmp_path / "groot-trajecten.csv").open(encoding=ev.ENCODING, newline="") as fh:
        assert sum(1 for _ in fh) == 1 + 7_000
    # ten times the rows; holding them would take ten times the memory (about 20 MB here)
    assert large < small * 2 + 1_000_000, (small, large)
