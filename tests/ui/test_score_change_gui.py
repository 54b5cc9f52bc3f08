"""A score typed in the consultation (issue 16): stored at once with its access-log line and
version check, and then only what shows that one number is updated: a bounded number of SQL
statements, no re-reading of the conversation or the practice's settings, no rebuilt chart or
table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.consultation.web_step import WebStep

# BEGIN, the conversation's time stamp (reading the access log's last line in passing), the new
# log line, the answer's version (checking the room's hold on the conversation in passing), the
# score itself, COMMIT (storage/core.py, versions.py).
STATEMENTS_PER_SCORE = 6


@pytest.fixture
def step(qtbot, store, professional, instrument):
    p = store.add_patient("Noor Cijfer")
    start = store.new_consultation(p.id, professional.id, "start", "2026-01-05")
    for d in instrument.dimensions:
        store.set_score(start.id, d.id, 5)
    store.complete(start.id)
    c = store.new_consultation(p.id, professional.id, "tussen", "2026-04-05")
    web = WebStep(ConsultationSession(store, instrument, c.id))
    qtbot.addWidget(web)
    web.resize(1100, 620)
    web.show()
    qtbot.waitExposed(web)
    return web


class PaintCounter(QObject):
    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        self.count += event.type() == QEvent.Type.Paint
        return False


def _statements(store, fn) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        store.db.conn.set_trace_callback(None)
    return seen


def test_a_score_takes_a_fixed_few_statements_and_reads_nothing_back(step, store, instrument):
    dims = instrument.dimensions
    last = len(dims) - 1
    # every score but the last one of the web (which brings the start's web in behind it, read
    # once), and changes after that
    for row, value in [(row, 7) for row in range(last)] + [(last, 7), (2, 9), (0, 3)]:
        sql = _statements(store, lambda row=row, value=value: step.set_score(row, value))
        if row == last and value == 7:
            assert step.radar.history_keys()
            continue
        assert len(sql) == STATEMENTS_PER_SCORE, sql
        assert sql[0] == "BEGIN" and sql[-1] == "COMMIT"
        assert not [s for s in sql if s.startswith("SELECT")]  # nothing read on its own
    # stored and committed, with its access-log line
    assert store.consultation(step.session.id).manual_scores[dims[0].id] == 3
    line = store.db.execute("SELECT what FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert line == f"score:{dims[0].id}"
    assert not store.db.conn.in_transaction


def test_a_score_updates_one_cell_and_one_point_not_the_whole_step(step, qtbot, instrument,
                                                                   monkeypatch):
    for row in range(len(instrument.dimensions)):
        step.set_score(row, 5)
    assert step.radar.history_keys()  # all six given: the start's web is behind it now
    qtbot.wait(20)
    rebuilt: list[str] = []
    for name in ("set_history", "set_labels", "set_scores", "_fit", "_build_static"):
        monkeypatch.setattr(step.radar, name, lambda *a, name=name, **k: rebuilt.append(name))
    monkeypatch.setattr(step.history, "set_webs", lambda *a, **k: rebuilt.append("set_webs"))
    model = step.table.model()
    cells: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: cells.append((top.row(), top.column())))
    resized: list[int] = []
    header = step.table.horizontalHeader()
    header.sectionResized.connect(lambda i, *_: resized.append(i))
    header_paints = PaintCounter(header.viewport())

    step.set_score(3, 6)
    step.set_score(3, 8)
    qtbot.wait(20)
    assert rebuilt == []
    assert cells == [(3, 1), (3, 1)]  # the score's cell only; the mark's cell is left alone
    assert resized == []  # "6" and "8" are as wide as "5": the columns stay as they are
    assert header_paints.count == 0  # nor is the header measured and repainted
    assert step.radar.scores()[3] == 8


def test_the_score_column_still_fits_its_widest_text(step, qtbot, store, instrument):
    """Sized to its contents without resizing on every score: an aspect mean ("6,5 (gem.)")
    widens the column, and it narrows again once that text is gone."""
    table = step.table
    narrow = table.columnWidth(1)
    dim = instrument.dimensions[0]
    for aspect, value in zip(dim.aspects[:2], (6, 7), strict=True):
        step.session.set_aspect_score(dim.id, aspect.id, value)
    step.refresh()
    text = table.item(0, 1).text()
    assert "(" in text
    wide = table.columnWidth(1)
    assert wide > narrow
    assert wide >= table.fontMetrics().horizontalAdvance(text)
    for aspect in dim.aspects[:2]:
        step.session.set_aspect_score(dim.id, aspect.id, None)
    step.refresh()
    assert table.columnWidth(1) == narrow


def test_a_score_measures_its_own_row_only(step, qtbot, monkeypatch):
    """The columns fit their widest text, but a score typed measures the two cells of its row:
    the other rows' widths are known from before (every row was measured for each score)."""
    table = step.table
    measured: list[str] = []
    metrics = table.fontMetrics()

    class Counting:
        def horizontalAdvance(self, text):  # noqa: N802 (Qt API)
            measured.append(text)
            return metrics.horizontalAdvance(text)

    monkeypatch.setattr(table, "fontMetrics", Counting)
    step.set_score(2, 7)
    step.set_score(4, 10)
    assert measured == ["7", "", "10", ""]  # score and mark of row 2, then of row 4
    assert table.columnWidth(1) >= metrics.horizontalAdvance("10")
