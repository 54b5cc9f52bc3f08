"""The practice overview and the evaluation export run off the GUI thread behind a progress
dialog: the window keeps handling events meanwhile, and Cancel (the dialog's real button) stops
an export and leaves no file, not even half of one."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from pgdesk.storage import documents
from pgdesk.ui import plain
from tests.reports.test_export_streams import _bulk


def _held_after(monkeypatch, patients: int):
    """The export's rows stop after `patients` patients until released: the test then knows
    the export is under way on its thread (reached) and lets it go on once Cancel is pressed."""
    reached, release = threading.Event(), threading.Event()
    real = documents.patient_rows

    def held(*args, **kwargs):
        for n, batch in enumerate(real(*args, **kwargs)):
            if n == patients:
                reached.set()
                release.wait(20)
            yield batch

    monkeypatch.setattr(documents, "patient_rows", held)
    return reached, release


def test_cancel_stops_the_export_and_leaves_no_file(window, qtbot, tmp_path, monkeypatch,
                                                    instrument):
    _bulk(window.store, instrument, 1_000, seed=7)  # 3,000 conversations
    target = tmp_path / "export" / "evaluatie.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(plain, "information", lambda parent, title, text, *a, **k: told.append(text))
    reached, release = _held_after(monkeypatch, 10)
    ticks = []  # the GUI thread's own timer keeps running while the export works

    def press_cancel() -> None:
        ticks.append(1)
        dialog = window.findChild(QProgressDialog)
        if not reached.is_set() or dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        assert dialog.labelText() == "De evaluatie wordt geëxporteerd…"
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()

    QTimer.singleShot(0, press_cancel)
    window.export_evaluation()
    assert reached.is_set() and release.is_set() and len(ticks) > 1
    assert told == ["De export is afgebroken; er is geen bestand geschreven."]
    assert list(target.parent.iterdir()) == []  # no CSV, no -trajecten.csv, no temporary file


def test_an_export_that_is_not_cancelled_writes_both_files(window, tmp_path, monkeypatch,
                                                           instrument):
    _bulk(window.store, instrument, 50, seed=8)
    target = tmp_path / "evaluatie.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(plain, "information", lambda parent, title, text, *a, **k: told.append(text))
    window.export_evaluation()
    assert len(told) == 1 and str(target) in told[0]
    assert target.read_bytes().count(b"\r\n") == 1 + 150
    assert (tmp_path / "evaluatie-trajecten.csv").exists()


def test_the_overview_is_counted_off_the_gui_thread(window, qtbot, monkeypatch, instrument):
    from pgdesk.ui.overview_window import PracticeOverview

    _bulk(window.store, instrument, 30, seed=9)
    threads = []
    real = documents.practice_overview

    def counted(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "practice_overview", counted)
    overview = PracticeOverview.from_store(window.store, instrument, window)
    qtbot.addWidget(overview)
    assert threads and threads[0] is not threading.main_thread()
    assert overview.stats.conversations >= 0 and overview.stats.months
