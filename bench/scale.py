"""Practice scale, through the paths users wait on, on the generated encrypted practice
(bench/practice.py): open after unlock (as the window does it), the due list, the practice
overview and the evaluation export; each next to a floor measured in the same process,
interleaved: the bare SQL of the same work, without pgdesk's Python around it.

Run in a fresh process by `python -m bench.probes scale PATIENTS`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from bench.stats import rss_mb


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def scale(patients: str) -> dict:
    from bench import practice
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.evaluation import consultation_rows, export_evaluation, new_salt
    from pgdesk.reports.overview import practice_overview
    from pgdesk.storage import driver, trajectories, vault
    from pgdesk.storage.keyring import Keyring, keyring_path

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
    overview = _timed(lambda: practice_overview(store, instrument))
    overview_floor = _timed(lambda: store.db.execute(
        "SELECT c.date, c.type, c.completed_at FROM consultations c").fetchall())
    with tempfile.TemporaryDirectory() as tmp:
        export = _timed(lambda: export_evaluation(store, instrument, Path(tmp) / "e.csv"))
    export_floor = _timed(lambda: sum(1 for _ in consultation_rows(store, instrument,
                                                                     key_salt=new_salt())))
    store.close()
    return {
        "patients": n,
        "open_ms": statistics.median(opens) * 1000,
        "open_floor_ms": statistics.median(open_floors) * 1000,
        "due_ms": statistics.median(dues) * 1000,
        "due_floor_ms": statistics.median(due_floors) * 1000,
        "overview_s": overview, "overview_floor_s": overview_floor,
        "export_s": export, "export_rows_only_s": export_floor,
        "peak_rss_mb": rss_mb()[1],
    }
