"""What a user waits for between two keystrokes or clicks, on the generated encrypted practices
(bench/practice.py) of 1k, 10k and 50k patients, each next to a floor from the same process,
interleaved:

due N          the start page's "Vervolggesprekken" after a change: the store's page of the due
               list and its count, and the panel filled and repainted (as the window does on
               return to the list); the whole list too (a large practice has thousands due),
               beside the bare SQL of that whole list
search-ui N    a search keystroke through the list page (query, table model, repaint), every
               prefix of what users type; the floor is the bare full-text query
score-change   a score typed in a consultation through the real path: store write, score list
               and spinnenweb with the earlier webs of its trajectory; the floor is a bare
               polygon repainted with QPainter

Each runs in a fresh process: `python -m bench.probes NAME [ARGS]`; bench/run.py prints them.
"""

from __future__ import annotations

import datetime as dt
import time

from bench.stats import median

ROUNDS = 15


def _app():
    import sys

    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _settle(app, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def due(patients: str) -> dict:
    from bench import practice
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage import trajectories as tr

    n = int(patients)
    store = practice.open_store(practice.ensure(True, log=lambda m: None, patients=n), True)
    app = _app()
    from pgdesk.ui.main_window import MainWindow

    window = MainWindow(store, shipped_instrument("nl"))
    window.show()
    _settle(app)
    today = dt.date.today()
    horizon = (today + dt.timedelta(days=14)).isoformat()
    conn = store.db.conn
    page_sql = tr.DUE_SQL + " LIMIT :limit"
    panel, page, floor, whole, whole_floor = [], [], [], [], []

    def after_a_change() -> None:  # what the window does on return to the list after a change
        window.due_cache._key = None
        window.list_page.refresh_due()
        window.list_page.due.repaint()
        app.processEvents()

    for _ in range(ROUNDS):
        panel.append(_ms(after_a_change))
        page.append(_ms(lambda: (tr.due(store, today, limit=tr.DUE_PAGE), tr.due_count(store, today))))
        floor.append(_ms(lambda: (
            conn.execute(page_sql, {"horizon": horizon, "limit": tr.DUE_PAGE}).fetchall(),
            conn.execute("SELECT count(*) FROM trajectories WHERE next_planned <= ?",
                         [horizon]).fetchone())))
        whole.append(_ms(lambda: tr.due(store, today)))
        whole_floor.append(_ms(lambda: conn.execute(tr.DUE_SQL, {"horizon": horizon}).fetchall()))
    count = tr.due_count(store, today)
    return {"patients": n, "due_count": count, "shown": len(window.list_page.due.items),
            "panel_ms": median(panel), "page_ms": median(page), "page_floor_ms": median(floor),
            "all_ms": median(whole), "all_floor_ms": median(whole_floor)}
