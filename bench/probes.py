"""The measurements themselves, each run in a fresh process by bench/run.py:

    python -m bench.probes NAME [ARGS]   →  one line of JSON on stdout

web          score change → repainted RadarWidget, 1000 times; and the same for a bare polygon
handout      render_handout for a demo consultation: the first in the process, then again
             with the conversation changed each time (first step, a score)
bare-page    the floor: a bare reportlab page with one drawing, first and again
search PATH ENCRYPTED   Store.search_patients per keystroke; and the bare full-text query
memory PATH ENCRYPTED   resident memory with the database open and a consultation on screen
bare-memory  resident memory of the bare PySide6 window
print        peak resident memory while the handout prints (600 dpi, to a PDF job), time and size
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench import interactive
from bench.interactive import bare_web, qt_app, settle
from bench.scale import scale
from bench.server import server_search
from bench.server_scale import server_scale
from bench.stats import median, p95, rss_mb

WEB_CHANGES = 1000
WEB_WARMUP = 50
HANDOUT_RUNS = 15
SEARCH_ROUNDS = 15
# What a user types, keystroke by keystroke: names, a name with a prefix, and a number.
TYPED = ("jansen", "jan de v", "ijsbrand", "zoë", "123456", "de vries")


def _web_sequence(n: int, count: int) -> list[tuple[int, int]]:
    """(dimension, new score) pairs, each a real change."""
    rng = random.Random(4)
    current = [5] * n
    out = []
    for i in range(count):
        index = i % n
        value = rng.choice([v for v in range(11) if v != current[index]])
        current[index] = value
        out.append((index, value))
    return out


def web() -> dict:
    from pgdesk.domain.content import shipped_instrument

    app = qt_app()
    from pgdesk.ui.radar import RadarWidget

    labels = [d.name for d in shipped_instrument("nl").dimensions]
    n = len(labels)
    radar = RadarWidget(labels)
    radar.resize(480, 480)
    radar.set_scores([5] * n)
    radar.show()
    settle(app)

    bare = bare_web(n)
    bare.resize(480, 480)
    bare.show()
    settle(app)

    def run(set_value, widget) -> list[float]:
        samples = []
        for i, (index, value) in enumerate(_web_sequence(n, WEB_WARMUP + WEB_CHANGES)):
            t = time.perf_counter()
            set_value(index, value)
            widget.repaint()
            app.processEvents()
            if i >= WEB_WARMUP:
                samples.append((time.perf_counter() - t) * 1000)
        return samples

    def set_bare(index, value):
        bare.values[index] = value

    web_ms = run(radar.set_score, radar)
    floor_ms = run(set_bare, bare)
    return {"median_ms": median(web_ms), "p95_ms": p95(web_ms), "max_ms": max(web_ms),
            "floor_median_ms": median(floor_ms), "floor_p95_ms": p95(floor_ms),
            "changes": len(web_ms)}


def _bare_page(font: str) -> bytes:
    from io import BytesIO

    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing, Polygon, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    drawing = Drawing(300, 300)
    drawing.add(Polygon([150, 280, 270, 200, 240, 60, 60, 60, 30, 200], fillColor=colors.lightblue,
                        strokeColor=colors.darkblue))
    drawing.add(String(150, 10, "Zingeving", fontName=font, fontSize=12, textAnchor="middle"))
    renderPDF.draw(drawing, canvas, 150, 400)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _changed(view, n: int):
    """The conversation after the professional changed it: the first step reworded and one
    score moved, as between two prints of a consultation (a repeat handout of the very same
    conversation would let a cache of the finished PDF answer; pgdesk keeps none)."""
    from dataclasses import replace

    c = view.consultation
    plan = replace(c.plan, first_step=f"{c.plan.first_step} ({n + 1}e keer, dag {n % 7 + 1})")
    dim = sorted(c.manual_scores)[n % len(c.manual_scores)]
    scores = {**c.manual_scores, dim: n % 11}
    return replace(view, consultation=replace(c, plan=plan, manual_scores=scores))


def handout() -> dict:
    """The first handout in a fresh process (what the first Ctrl+P of a session waits for:
    pgdesk imports reportlab only then), and the median of the ones after it, each of the
    conversation changed again (another first step, another score)."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store

    instrument = shipped_instrument("nl")
    with tempfile.TemporaryDirectory(prefix="pgdesk-bench-") as tmp:
        with Store.open(write_demo(Path(tmp) / "demo.sqlite", instrument)) as store:
            view = store.view(store.latest_consultation_id())
    changed = [_changed(view, n) for n in range(HANDOUT_RUNS)]
    t = time.perf_counter()
    from pgdesk.reports.handout import render_handout

    pdf = render_handout(view, instrument)
    first_s = time.perf_counter() - t
    assert pdf.startswith(b"%PDF")
    again = []
    for other in changed:
        t = time.perf_counter()
        render_handout(other, instrument)
        again.append(time.perf_counter() - t)
    return {"first_s": first_s, "again_s": median(again), "kb": len(pdf) / 1024}


def bare_page() -> dict:
    """The floor: reportlab's own Helvetica, one page with one drawing; first, then again."""
    t = time.perf_counter()
    pdf = _bare_page("Helvetica")
    first_s = time.perf_counter() - t
    assert pdf.startswith(b"%PDF")
    again = []
    for _ in range(HANDOUT_RUNS):
        t = time.perf_counter()
        _bare_page("Helvetica")
        again.append(time.perf_counter() - t)
    return {"first_s": first_s, "again_s": median(again)}


def _prefixes() -> list[str]:
    return [word[:k] for word in TYPED for k in range(1, len(word) + 1)]


def search(path: str, encrypted: str) -> dict:
    from bench.practice import open_store
    from pgdesk.storage.repository import search_form

    store = open_store(Path(path), encrypted == "1")
    conn = store.db.conn
    prefixes = _prefixes()
    per_key: dict[str, list[float]] = {p: [] for p in prefixes}
    floor: dict[str, list[float]] = {p: [] for p in prefixes}
    for _ in range(SEARCH_ROUNDS):
        for prefix in prefixes:
            t = time.perf_counter()
            store.search_patients(prefix)
            per_key[prefix].append((time.perf_counter() - t) * 1000)
            words = search_form(prefix).split()
            query = " ".join(f'"{w}"*' for w in words)
            t = time.perf_counter()
            conn.execute("SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? LIMIT 200",
                         [query]).fetchall()
            floor[prefix].append((time.perf_counter() - t) * 1000)
    medians = {p: median(v) for p, v in per_key.items()}
    worst = max(medians, key=medians.get)
    all_ms = [x for v in per_key.values() for x in v]

    # The whole keystroke as the user sees it: query, table model, repaint of the list page.
    ui_ms = []
    try:
        app = qt_app()
        from pgdesk.ui.patient_list_page import PatientListPage

        page = PatientListPage(store)
        page.resize(1180, 700)
        page.show()
        settle(app)
        for _ in range(3):
            for prefix in prefixes:
                t = time.perf_counter()
                page.search.setText(prefix)
                page.refresh()
                page.repaint()
                app.processEvents()
                ui_ms.append((time.perf_counter() - t) * 1000)
    except Exception as exc:  # the list page is not what this figure is about
        print(f"search: list page not measured: {exc!r}", file=sys.stderr)
    count = store.patient_count()
    store.close()
    return {"search_ms": medians[worst], "worst_prefix": worst, "p95_ms": p95(all_ms),
            "floor_ms": median([median(v) for v in floor.values()]),
            "floor_worst_ms": max(median(v) for v in floor.values()),
            "ui_median_ms": median(ui_ms) if ui_ms else None,
            "ui_p95_ms": p95(ui_ms) if ui_ms else None,
            "keystrokes": len(prefixes), "patients": count}


def memory(path: str, encrypted: str) -> dict:
    from bench.practice import open_store
    from pgdesk.domain.content import shipped_instrument

    app = qt_app()
    store = open_store(Path(path), encrypted == "1")
    from pgdesk.ui.main_window import MainWindow

    window = MainWindow(store, shipped_instrument("nl"))
    window.show()
    settle(app)
    row = store.db.execute("SELECT patient_id, id FROM consultations ORDER BY date DESC LIMIT 1").fetchone()
    window.show_patient(row[0])
    settle(app)
    window.open_consultation(row[1])
    settle(app, 0.5)
    if window.consultation_page is None:
        raise RuntimeError("the consultation did not open")
    window.consultation_page.grab()
    current, peak = rss_mb()
    # No store.close(): the window's backup at close is not part of this measurement.
    return {"rss_mb": current, "peak_mb": peak}


def bare_memory() -> dict:
    from PySide6.QtWidgets import QWidget

    app = qt_app()
    window = QWidget()
    window.resize(1180, 760)
    window.show()
    settle(app)
    window.grab()
    current, peak = rss_mb()
    return {"rss_mb": current, "peak_mb": peak}


def print_memory() -> dict:
    """Printing the handout of a demo consultation (600 dpi, into a PDF file as a printer would
    receive it): resident memory before, the peak during the print, the time and the job's size."""
    from PySide6.QtPrintSupport import QPrinter

    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.summary_step import SummaryStep

    app = qt_app()
    instrument = shipped_instrument("nl")
    with tempfile.TemporaryDirectory(prefix="pgdesk-bench-") as tmp:
        store = Store.open(write_demo(Path(tmp) / "demo.sqlite", instrument))
        step = SummaryStep(ConsultationSession(store, instrument, store.latest_consultation_id()))
        step.refresh()
        step.show()
        settle(app)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        job = Path(tmp) / "job.pdf"
        printer.setOutputFileName(str(job))
        before, _ = rss_mb()
        try:  # Linux: start the peak afresh, so it is the print's own
            Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            pass
        t = time.perf_counter()
        if not step.print_handout(printer=printer, ask=False):
            raise RuntimeError("the handout did not print")
        took = time.perf_counter() - t
        _, peak = rss_mb()
        size = job.stat().st_size
        store.close()
    return {"before_mb": before, "peak_mb": peak, "delta_mb": peak - before, "print_s": took,
            "job_kb": size / 1024, "dpi": printer.resolution()}


PROBES = {"web": web, "handout": handout, "bare-page": bare_page,
          "search": search, "memory": memory, "bare-memory": bare_memory, "print": print_memory,
          "scale": scale, "server-search": server_search, "due": interactive.due,
          "score-change": interactive.score_change, "search-ui": interactive.search_ui,
          "server-scale": server_scale}


if __name__ == "__main__":
    result = PROBES[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    # No teardown: Qt objects dying in Python's shutdown order, or the main window's backup
    # of the 50,000-patient database at close, are not what is measured.
    os._exit(0)
