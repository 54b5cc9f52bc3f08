"""The practice overview and the evaluation export on the practice server: the generated
encrypted practice (bench/practice.py) copied table by table into a throw-away PostgreSQL on
loopback (tests/pg_cluster.py), then each run as the window runs it (the reader on the store's
connection, the export into a file), next to a floor measured in the same process, interleaved:
the bare SQL of similar work. The process's peak memory is read after both.

Run in a fresh process by `python -m bench.probes server-scale PATIENTS`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.stats import rss_mb

# what the overview and the export read (the access log, answers and plans they never touch)
TABLES = ("professionals", "patients", "trajectories", "consultations", "dimension_scores",
          "aspect_scores", "marks", "referrals")
RUNS = 3


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _copy(source, conn) -> None:
    """Every row of TABLES, through COPY, foreign keys and triggers off while they go in."""
    with conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        for table in TABLES:
            theirs = {r[1] for r in source.execute(f"PRAGMA table_info({table})")}
            ours = [r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                "ORDER BY ordinal_position", [table])]
            columns = [c for c in ours if c in theirs]
            names = ", ".join(f'"{c}"' for c in columns)
            with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
    conn.execute("ANALYZE")


def server_scale(patients: str) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from pg_cluster import PgCluster

    from bench import practice
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.evaluation import export_evaluation
    from pgdesk.storage import driver
    from pgdesk.storage.documents import evaluation_data, practice_overview
    from pgdesk.storage.keyring import Keyring, keyring_path
    from pgdesk.storage.reader import open_reader
    from pgdesk.storage.repository import Store

    n = int(patients)
    path = practice.ensure(True, log=lambda m: None, patients=n)
    unlocked = Keyring.load(keyring_path(path)).unlock(practice.USER, practice.PASSPHRASE)
    instrument = shipped_instrument("nl")
    source = driver.connect(path, unlocked.key, readonly=True)

    def progress(done: int, of: int) -> None:
        pass

    with PgCluster() as cluster:
        started = time.perf_counter()
        store = Store.open_server(cluster.url(cluster.create_database()))
        _copy(source, store.db.conn)
        source.close()
        filled_s = time.perf_counter() - started
        db = store.db

        def overview() -> None:
            with open_reader(store) as reader:
                practice_overview(reader, instrument, progress=progress)

        def overview_floor() -> None:
            db.execute("SELECT substr(date, 1, 7), type, count(*) FROM consultations "
                       "GROUP BY substr(date, 1, 7), type").fetchall()

        def export(folder: Path) -> None:
            with open_reader(store) as reader:
                export_evaluation(evaluation_data(reader, instrument, progress=progress),
                                  instrument, folder / "evaluatie.csv")

        def export_floor() -> None:  # every score of every conversation read once, streamed
            for _batch in db.stream("SELECT c.id, c.date, c.type, s.dimension_id, s.score "
                                    "FROM consultations c JOIN dimension_scores s "
                                    "ON s.consultation_id = c.id"):
                pass

        overviews, overview_floors, exports, export_floors = [], [], [], []
        for _ in range(RUNS):
            overviews.append(_timed(overview))
            overview_floors.append(_timed(overview_floor))
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(RUNS - 1):
                exports.append(_timed(lambda: export(Path(tmp))))
                export_floors.append(_timed(export_floor))
        peak = rss_mb()[1]
        store.close()
    return {"patients": n, "fill_s": filled_s,
            "overview_s": statistics.median(overviews),
            "overview_floor_s": statistics.median(overview_floors),
            "export_s": statistics.median(exports),
            "export_floor_s": statistics.median(export_floors), "peak_rss_mb": peak}
