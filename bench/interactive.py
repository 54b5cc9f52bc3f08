"""What a user waits for between two keystrokes or clicks, on the generated encrypted practices
(bench/practice.py) of 1k, 10k and 50k patients, each next to a floor from the same process,
interleaved:

due N          the start page's "Vervolggesprekken" after a change: the store's page of the due
               list and its count, and the panel filled and repainted (as the window does on
               return to the list); the whole list too (a large practice has thousands due),
               beside the bare SQL of that whole list
search-ui N    a search typed key by key into the list page (key event, query, table model,
               painted list), every prefix of what users type; floors: the bare full-text
               query, the same key into a bare field over a bare table with the same rows
score-change   a score typed in a consultation through the real path: store write, score list
               and spinnenweb with the earlier webs of its trajectory; the floor is a bare
               polygon repainted with QPainter

Each runs in a fresh process: `python -m bench.probes NAME [ARGS]`; bench/run.py prints them.
"""

from __future__ import annotations

import datetime as dt
import time

from bench.stats import median, p95

ROUNDS = 15
# The targets for these paths (bench/run.py checks them with the others).
TARGETS = {"score_change_median_ms": 4.0, "score_change_p95_ms": 8.0, "search_ui_50k_ms": 20.0,
           "list_ratio": 2.5, "unlock_dialog_ratio": 1.5}


def qt_app():
    import sys

    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def settle(app, seconds: float = 0.2) -> None:
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
    app = qt_app()
    from pgdesk.ui.main_window import MainWindow

    window = MainWindow(store, shipped_instrument("nl"))
    window.show()
    settle(app)
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


SCORE_CHANGES = 300
SCORE_WARMUP = 30


def _score_sequence(n: int, count: int) -> list[tuple[int, int]]:
    """(dimension row, new score) pairs, each a real change, as a patient gives them."""
    import random

    rng = random.Random(4)
    current = [None] * n
    out = []
    for i in range(count):
        row = i % n
        value = rng.choice([v for v in range(11) if v != current[row]])
        current[row] = value
        out.append((row, value))
    return out


def bare_web(n: int):
    """The floor: one antialiased polygon repainted with QPainter, nothing else."""
    import math

    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
    from PySide6.QtWidgets import QWidget

    class BareWeb(QWidget):
        def __init__(self):
            super().__init__()
            self.values = [5] * n

        def paintEvent(self, _event):  # noqa: N802 (Qt API)
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.fillRect(self.rect(), Qt.GlobalColor.white)
            cx, cy, r = self.width() / 2, self.height() / 2, min(self.width(), self.height()) / 2.4
            pts = [QPointF(cx + r * v / 10 * math.sin(2 * math.pi * i / n),
                           cy - r * v / 10 * math.cos(2 * math.pi * i / n))
                   for i, v in enumerate(self.values)]
            p.setPen(QPen(QColor("#4f81bd"), 2))
            p.setBrush(QColor("#cad9eb"))
            p.drawPolygon(QPolygonF(pts))
            p.end()

    return BareWeb()


def score_change() -> dict:
    """A new tussen conversation on the 10k practice, its start's web behind it: each score
    typed goes through WebStep.set_score (store write with its access-log line, score list,
    spinnenweb) and the event loop until the chart is painted, as after a key press;
    interleaved with the floors: the bare polygon's repaint, and a bare committed write of
    one row (the disk's flush, which every answer waits for: it is stored the moment it is
    given)."""
    import sqlite3
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject

    from bench import practice
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.session import ConsultationSession

    instrument = shipped_instrument("nl")
    store = practice.open_store(practice.ensure(True, log=lambda m: None, patients=10_000), True)
    # a running trajectory whose start was scored and whose tussen is still to come
    patient_id = store.db.execute(
        "SELECT patient_id FROM trajectories WHERE next_type = 'tussen' LIMIT 1").fetchone()[0]
    c = store.new_consultation(patient_id, store.actor.professional_id, "tussen")
    app = qt_app()
    from pgdesk.ui.consultation.web_step import WebStep

    step = WebStep(ConsultationSession(store, instrument, c.id))
    step.resize(1100, 620)
    step.show()
    floor_web = bare_web(len(instrument.dimensions))
    floor_web.resize(480, 480)
    floor_web.show()
    settle(app)
    paints = {"chart": 0, "floor": 0}
    chart_view = step.radar._plot.viewport()

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                if obj is chart_view:
                    paints["chart"] += 1
                elif obj is floor_web:
                    paints["floor"] += 1
            return False

    watcher = Paints()
    app.installEventFilter(watcher)
    folder = tempfile.TemporaryDirectory(prefix="pgdesk-bench-")
    bare = sqlite3.connect(Path(folder.name) / "floor.sqlite", isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE s (c TEXT, d TEXT, score INTEGER, PRIMARY KEY (c, d))")
    samples, floor, writes = [], [], []
    unpainted = 0
    for i, (row, value) in enumerate(_score_sequence(len(instrument.dimensions),
                                                     SCORE_WARMUP + SCORE_CHANGES)):
        before = paints["chart"]
        t = time.perf_counter()
        step.set_score(row, value)
        app.processEvents()
        took = (time.perf_counter() - t) * 1000
        unpainted += paints["chart"] == before
        before = paints["floor"]
        t = time.perf_counter()
        floor_web.values[row] = value
        floor_web.update()
        app.processEvents()
        floor_took = (time.perf_counter() - t) * 1000
        unpainted += paints["floor"] == before
        t = time.perf_counter()
        bare.execute("INSERT OR REPLACE INTO s VALUES ('c', ?, ?)", [str(row), value])
        write_took = (time.perf_counter() - t) * 1000
        if i >= SCORE_WARMUP:
            samples.append(took)
            floor.append(floor_took)
            writes.append(write_took)
    webs_behind = len(step.history.webs)
    app.removeEventFilter(watcher)
    bare.close()
    folder.cleanup()
    from pgdesk.storage.trajectories import delete_consultation

    delete_consultation(store, c.id)  # the cached practice stays as generated
    return {"median_ms": median(samples), "p95_ms": p95(samples), "max_ms": max(samples),
            "floor_median_ms": median(floor), "floor_p95_ms": p95(floor),
            "write_floor_median_ms": median(writes), "write_floor_p95_ms": p95(writes),
            "changes": len(samples), "webs_behind": webs_behind, "unpainted": unpainted}


# What a user types, keystroke by keystroke: names, a name with a prefix, and a number; before
# each, the field is emptied with Backspace (a keystroke too: the whole list by name).
TYPED = ("jansen", "jan de v", "ijsbrand", "zoë", "123456", "de vries")
CLEARED = "(leeg)"
SEARCH_ROUNDS = 5


def _bare_table():
    """The floor of a keystroke: a bare QTableView over a bare model, reset with the same rows."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class Model(QAbstractTableModel):
        rows: list[tuple] = []

        def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
            return 3

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return self.rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

        def show(self, rows: list[tuple]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    view = QTableView()
    view.setModel(Model(view))
    return view


def _bare_page():
    """The floor of a keystroke: a bare field above a bare table view; each text typed resets
    the view's model with the rows `rows_for[text]` (those the page showed) at once."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    widget, line, view = QWidget(), QLineEdit(), _bare_table()
    layout = QVBoxLayout(widget)
    layout.addWidget(line)
    layout.addWidget(view, 1)
    rows_for: dict[str, list[tuple]] = {}

    def changed(text: str) -> None:
        view.model().show(rows_for.get(text, []))
        view.selectRow(0)

    line.textChanged.connect(changed)
    return widget, line, view, rows_for


def typing(store, query_floor, rounds: int = SEARCH_ROUNDS) -> dict:
    """TYPED typed key by key into the start page's search field as the window has it (its
    style sheet): each key event (QTest) goes through the field, its text change and the
    page's search, until the patient list is painted (checked). The page waits for a pause in
    typing (60 ms) before it searches; that wait is not counted: the pause is set to 0, so the
    search runs on the event loop's next turn. Per keystroke the median of `rounds`; the worst
    keystroke reported. Two floors, interleaved: `query_floor(text)` (the bare SQL of that
    text), and the same key event typed into a bare field whose text change resets a bare
    table view (the page's size) with the rows the page showed, until it is painted."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest

    app = qt_app()
    from pgdesk.ui.patient_list_page import PatientListPage
    from pgdesk.ui.style import STYLE_SHEET

    page = PatientListPage(store)
    page.setStyleSheet(STYLE_SHEET)
    page.resize(1180, 700)
    page.show()
    page.search.setFocus()
    page._timer.setInterval(0)  # noqa: SLF001  # the typing pause, not counted (see above)
    settle(app)
    bare_page, bare_line, bare, bare_rows = _bare_page()
    bare_page.resize(page.size())
    bare_page.show()
    settle(app)
    paints = {"list": 0, "bare": 0}
    views = {page.table.viewport(): "list", bare.viewport(): "bare"}
    searched = {"at": None}

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint and obj in views:
                paints[views[obj]] += 1
            return False

    watcher = Paints()
    app.installEventFilter(watcher)
    # connected after the page's own search: runs right after it
    page._timer.timeout.connect(lambda: searched.update(at=paints["list"]))  # noqa: SLF001

    def key(field, char: str) -> None:
        """A key that types `char` (any letter: QTest's char overload only knows Latin-1)."""
        code = ord(char.upper()) if len(char.upper()) == 1 else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(field, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))

    def bare_keystroke(press) -> float:
        before = paints["bare"]
        t = time.perf_counter()
        press()
        deadline = t + 5
        while paints["bare"] == before and time.perf_counter() < deadline:
            app.processEvents()
        return (time.perf_counter() - t) * 1000

    def keystroke(press) -> tuple[float, bool]:
        searched["at"] = None
        t = time.perf_counter()
        press()
        deadline = t + 5
        while (searched["at"] is None or paints["list"] == searched["at"]) and time.perf_counter() < deadline:
            app.processEvents()
        return (time.perf_counter() - t) * 1000, paints["list"] != searched["at"]

    ui: dict[str, list[float]] = {}
    floor: dict[str, list[float]] = {}
    table_floor: dict[str, list[float]] = {}
    unpainted = 0

    def timed(text: str, press, bare_press) -> None:
        nonlocal unpainted
        took, painted = keystroke(press)
        shown = "" if text == CLEARED else text
        assert page.search.text() == shown, (page.search.text(), text)
        ui.setdefault(text, []).append(took)
        unpainted += not painted
        floor.setdefault(text, []).append(_ms(lambda: query_floor(shown)))
        bare_rows[shown] = [(p.display_name, p.birth_date, p.practice_number)
                            for p in page.model._patients]  # noqa: SLF001
        table_floor.setdefault(text, []).append(bare_keystroke(bare_press))
        assert bare_line.text() == shown

    def clear(field) -> None:
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(field, Qt.Key.Key_Backspace)

    QTest.keyClicks(page.search, TYPED[-1])  # so that the first word starts by emptying the field
    QTest.keyClicks(bare_line, TYPED[-1])
    for _ in range(rounds):
        for word in TYPED:
            timed(CLEARED, lambda: clear(page.search), lambda: clear(bare_line))
            for k in range(1, len(word) + 1):
                timed(word[:k], lambda c=word[k - 1]: key(page.search, c),
                      lambda c=word[k - 1]: key(bare_line, c))
    app.removeEventFilter(watcher)
    medians = {p: median(v) for p, v in ui.items()}
    worst = max(medians, key=medians.get)
    return {"worst_ms": medians[worst], "worst_prefix": worst,
            "worst_query_floor_ms": median(floor[worst]),
            "worst_table_floor_ms": median(table_floor[worst]),
            "table_floor_worst_ms": max(median(v) for v in table_floor.values()),
            "median_ms": median(list(medians.values())),
            "median_table_floor_ms": median([median(v) for v in table_floor.values()]),
            "keystrokes": len(medians),
            "cleared_ms": medians[CLEARED], "unpainted": unpainted}


def search_ui(patients: str) -> dict:
    """A search typed through the start page of the generated encrypted practice (`typing`);
    the query floor is the bare full-text query of the same text (200 rows, unsorted)."""
    from bench import practice
    from pgdesk.storage.repository import search_form

    n = int(patients)
    store = practice.open_store(practice.ensure(True, log=lambda m: None, patients=n), True)
    conn = store.db.conn

    def query_floor(text: str) -> None:
        words = search_form(text).split()
        if not words:
            conn.execute("SELECT * FROM patients LIMIT 200").fetchall()
            return
        conn.execute("SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? LIMIT 200",
                     [" ".join(f'"{w}"*' for w in words)]).fetchall()

    return {"patients": n, **typing(store, query_floor)}
