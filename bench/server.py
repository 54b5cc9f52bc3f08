"""Patient search per keystroke on the practice server: a throw-away PostgreSQL on loopback
(tests/pg_cluster.py), 50,000 fictitious names drawn as for the file's practice (bench/practice.py),
each prefix a user types timed through Store.search_patients, next to the bare SQL as a floor;
then typed key by key into the start page as on the file (bench/interactive.py, `typing`).

Run in a fresh process by `python -m bench.probes server-search PATIENTS`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import unicodedata
from pathlib import Path

from bench.stats import median, p95

ROUNDS = 15


def _patients(count: int):
    """Names drawn as bench/practice.py draws them (the same first names, prefixes and last
    names), as COPY rows; only patients: search reads nothing else."""
    from bench.practice import FIRST, LAST, PREFIX, _uuid

    rng = random.Random(count)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for i in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(PREFIX)}{rng.choice(LAST)}"
        pid = _uuid(rng)
        birth = dt.date(rng.randint(1930, 2008), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        yield (pid, name, birth, str(100_000 + i), unicodedata.normalize("NFKC", name), stamp, stamp)


def server_search(patients: str) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from pg_cluster import PgCluster

    from bench import interactive
    from bench.probes import _prefixes
    from pgdesk.storage.repository import Store, search_form

    n = int(patients)
    with PgCluster() as cluster:
        started = time.perf_counter()
        url = cluster.url(cluster.create_database())
        store = Store.open_server(url)
        conn = store.db.conn
        with conn.transaction(), conn.cursor().copy(
                "COPY patients (id, display_name, birth_date, practice_number, search_name, "
                "created_at, updated_at) FROM STDIN") as copy:
            for row in _patients(n):
                copy.write_row(row)
        # as on a practice server at rest: autovacuum (after inserts too, since PostgreSQL 13)
        # has counted the rows and marked the pages all-visible, which index-only scans read
        conn.execute("VACUUM ANALYZE patients, patient_words")
        filled_s = time.perf_counter() - started

        def query_floor(text: str) -> None:  # the longest word typed alone, unordered
            words = search_form(text).lower().split()
            if not words:
                conn.execute("SELECT id FROM patients LIMIT 200").fetchall()
                return
            # the words' btree the search reads (migration 0017; the GIN index is gone)
            word = max(words, key=len)
            conn.execute("SELECT patient_id FROM patient_words WHERE word >= %s AND word < %s "
                         "LIMIT 200", [word, word + chr(0x10FFFF)]).fetchall()

        prefixes = _prefixes()
        per_key: dict[str, list[float]] = {p: [] for p in prefixes}
        floor: dict[str, list[float]] = {p: [] for p in prefixes}
        for _ in range(ROUNDS):
            for prefix in prefixes:
                t = time.perf_counter()
                store.search_patients(prefix)
                per_key[prefix].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                query_floor(prefix)
                floor[prefix].append((time.perf_counter() - t) * 1000)
        # the same typed through the start page (bench/interactive.py), as for the file
        ui = {f"ui_{k}": v for k, v in interactive.typing(store, query_floor).items()}
        count = store.patient_count()
        store.close()
    medians = {p: median(v) for p, v in per_key.items()}
    worst = max(medians, key=medians.get)
    return {"search_ms": medians[worst], "worst_prefix": worst,
            "p95_ms": p95([x for v in per_key.values() for x in v]),
            "median_ms": median(list(medians.values())),
            "floor_worst_ms": max(median(v) for v in floor.values()),
            "fill_s": filled_s, "cluster_start_s": cluster.started_in,
            "keystrokes": len(prefixes), "patients": count, **ui}
