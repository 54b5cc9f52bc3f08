"""Work that waits for a window's first paint, and the start-up probe built on it.

`after_first_paint` runs a callback once a window has been painted for the first time
(pgdesk.ui.app opens the database and builds the main window that way, right after its frame
is on screen, and preloads the chart library after the main window is).

The probe, for the benchmarks and the frozen-app smoke test: with PGDESK_EXIT_AFTER_PAINT=1
pgdesk prints one line when the main window's frame has first been painted, and one when the
main window with its patient list has, then quits:

    pgdesk-painted <unix time> lang=<nl|en> icon=<ok|missing> preloaded=<modules|->
    pgdesk-list <unix time>

`preloaded` names the heavy libraries (pyqtgraph, numpy, reportlab) already imported at the
first paint; there should be none. PGDESK_EXIT_AFTER_PAINT=frame quits after the first line
(nothing opened: the whole process times the frame); =unlock prints ``pgdesk-dialog <unix
time>`` when the database's unlock (or set-up) dialog is painted, and ends. With =consultation
it then opens
the newest conversation (the spinnenweb: pyqtgraph and numpy load too) and adds
``consultation=ok`` to the second line.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

ENV = "PGDESK_EXIT_AFTER_PAINT"
HEAVY = ("pyqtgraph", "numpy", "reportlab")


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(app)
        self.app, self.window, self.callback = app, window, callback
        self.seen = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if (not self.seen and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window() is self.window):
            self.seen = True
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # after this paint (and its flush) is done
        return False


def after_first_paint(app: QApplication, window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, right after `window` (or a widget in it) is first painted."""
    app.installEventFilter(_FirstPaint(app, window, callback))


def report_first_paint(app: QApplication, frame: QWidget, lang: str) -> None:
    """Installed by pgdesk.ui.app.run when PGDESK_EXIT_AFTER_PAINT is set: the first line."""

    def painted() -> None:
        stamp = time.time()
        icon = "missing" if app.windowIcon().pixmap(32, 32).isNull() else "ok"
        loaded = ",".join(m for m in HEAVY if m in sys.modules) or "-"
        print(f"pgdesk-painted {stamp:.6f} lang={lang} icon={icon} preloaded={loaded}", flush=True)
        if os.environ.get(ENV) == "frame":
            app.exit(0)

    after_first_paint(app, frame, painted)


def exit_at_first_dialog(app: QApplication) -> None:
    """PGDESK_EXIT_AFTER_PAINT=unlock: the line ``pgdesk-dialog <unix time>`` once the first
    dialog (the unlock or set-up dialog of the database) is painted, then the process ends
    (the dialog's own event loop is still running, so it cannot simply return)."""

    class _FirstDialog(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
            if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and isinstance(obj.window(), QDialog)):
                app.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        print(f"pgdesk-dialog {time.time():.6f}", flush=True)
        os._exit(0)

    app.installEventFilter(_FirstDialog(app))


def exit_after_list(app: QApplication, window: QMainWindow) -> None:
    """The second line, once the main window with its patient list is painted; then quit."""
    mode = os.environ.get(ENV, "1")

    def painted() -> None:
        line = f"pgdesk-list {time.time():.6f}"
        code = 0
        if mode == "consultation":
            line += " consultation=" + _open_consultation(app, window)
            code = 0 if line.endswith("=ok") else 1
        print(line, flush=True)
        app.exit(code)

    after_first_paint(app, window, painted)


def _open_consultation(app: QApplication, window) -> str:
    try:
        window.open_consultation(window.store.latest_consultation_id())
        app.processEvents()
        page = window.consultation_page
        if page is None or window.stack.currentWidget() is not page:
            return "niet-geopend"
        page.grab()  # paints the spinnenweb (pyqtgraph) once
        return "ok"
    except Exception as exc:  # report, don't hang the probe
        print(f"pgdesk: gesprek openen mislukt: {exc!r}", file=sys.stderr)
        return "fout"
