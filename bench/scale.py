"""Practice scale, through the paths users wait on, on the generated encrypted practice
(bench/practice.py): open after unlock (as the window does it), the due list, the practice
overview and the evaluation export (each as the window runs it: on its own read-only
connection with progress reports, the export into a file); each next to a floor measured in
the same process, interleaved: the bare SQL of similar work, without pgdesk's Python around it.
The process's peak memory is read after the overview and the export.

Run in a fresh process by `python -m bench.probes scale PATIENTS`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from bench.stats import rss_mb

OVERVIEW_RUNS = 3
EXPORT_RUNS = 2


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def scale(patients: str) -> dict:
    from bench import practice
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.evaluation import export_evaluation
    from pgdesk.storage import driver, trajectories, vault
    from pgdesk.storage.documents import evaluation_data, practice_overview
    from pgdesk.storage.keyring import Keyring, keyring_path
    from pgdesk.storage.reader import open_reader

    n = int(patients)
    path = practice.ensure(True, log=lambda m: None, patients=n)
    keyring = Keyring.load(keyring_path(path))
    unlocked = keyring.unlock(practice.USER, practice.PASSPHRASE)
    instrument = shipped_instrument("nl")
    today = dt.date.today()

    def open_store():
        return vault.open_with_key(path, keyring, unlocked.key, unlocked.professional_id,
                                   unlocked.name, full_check=False)

    def open_floor():  # a keyed connection that reads the schema
        conn = driver.connect(path, unlocked.key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    opens, open_floors = [], []
    for _ in range(5):
        opens.append(_timed(lambda: open_store().close()))
        open_floors.append(_timed(open_floor))
    store = open_store()
    horizon = (today + dt.timedelta(days=14)).isoformat()
    dues, due_floors = [], []
    for _ in range(9):
        dues.append(_timed(lambda: (trajectories.due(store, today, limit=trajectories.DUE_PAGE),
                                    trajectories.due_count(store, today))))  # the panel's page
        due_floors.append(_timed(lambda: store.db.execute(
            "SELECT count(*) FROM trajectories WHERE closed_at IS NULL AND tussen_planned <= ?",
            [horizon]).fetchone()))

    def progress(done: int, of: int) -> None:  # what the progress dialog gets
        pass

    def overview() -> None:  # as the window: its own connection, progress reports
        with open_reader(store) as reader:
            practice_overview(reader, instrument, progress=progress)

    def overview_floor() -> None:  # a bare GROUP BY over every conversation
        store.db.execute("SELECT substr(date, 1, 7), type, count(*) FROM consultations "
                         "GROUP BY substr(date, 1, 7), type").fetchall()

    def export(folder: Path) -> None:
        with open_reader(store) as reader:
            export_evaluation(evaluation_data(reader, instrument, progress=progress), instrument,
                              folder / "evaluatie.csv")

    def export_floor() -> None:  # every score of every conversation read once, nothing written
        for _row in store.db.execute(
                "SELECT c.id, c.date, c.type, s.dimension_id, s.score FROM consultations c "
                "JOIN dimension_scores s ON s.consultation_id = c.id"):
            pass

    overviews, overview_floors = [], []
    for _ in range(OVERVIEW_RUNS):  # the first is cold, as a user's first look is
        overviews.append(_timed(overview))
        overview_floors.append(_timed(overview_floor))
    exports, export_floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(EXPORT_RUNS):
            exports.append(_timed(lambda: export(Path(tmp))))
            export_floors.append(_timed(export_floor))
    peak = rss_mb()[1]
    store.close()
    return {
        "patients": n,
        "open_ms": statistics.median(opens) * 1000,
        "open_floor_ms": statistics.median(open_floors) * 1000,
        "due_ms": statistics.median(dues) * 1000,
        "due_floor_ms": statistics.median(due_floors) * 1000,
        "overview_s": statistics.median(overviews), "overview_first_s": overviews[0],
        "overview_floor_s": statistics.median(overview_floors),
        "export_s": statistics.median(exports), "export_floor_s": statistics.median(export_floors),
        "peak_rss_mb": peak,
    }
