"""Start-up probe for the benchmarks and the frozen-app smoke test (PGDESK_EXIT_AFTER_PAINT).

With PGDESK_EXIT_AFTER_PAINT=1 pgdesk prints one line when its main window has been painted
for the first time, and quits:

    pgdesk-painted <unix time> lang=<nl|en> icon=<ok|missing>

With PGDESK_EXIT_AFTER_PAINT=consultation it first opens the newest conversation (the
spinnenweb, so pyqtgraph and numpy load too) and adds ``consultation=ok`` to the line.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

ENV = "PGDESK_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow, lang: str, mode: str) -> None:
        super().__init__(app)
        self.app, self.window, self.lang, self.mode = app, window, lang, mode
        self.seen = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if (not self.seen and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window() is self.window):
            self.seen = True
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after this paint (and its flush) is done
        return False

    def _painted(self) -> None:
        stamp = time.time()
        icon = "missing" if self.app.windowIcon().pixmap(32, 32).isNull() else "ok"
        line = f"pgdesk-painted {stamp:.6f} lang={self.lang} icon={icon}"
        code = 0
        if self.mode == "consultation":
            line += " consultation=" + self._open_consultation()
            code = 0 if line.endswith("=ok") else 1
        print(line, flush=True)
        self.app.exit(code)

    def _open_consultation(self) -> str:
        try:
            cid = self.window.store.latest_consultation_id()
            self.window.open_consultation(cid)
            self.app.processEvents()
            page = self.window.consultation_page
            if page is None or self.window.stack.currentWidget() is not page:
                return "niet-geopend"
            page.grab()  # paints the spinnenweb (pyqtgraph) once
            return "ok"
        except Exception as exc:  # report, don't hang the probe
            print(f"pgdesk: gesprek openen mislukt: {exc!r}", file=sys.stderr)
            return "fout"


def exit_after_first_paint(app: QApplication, window: QMainWindow, lang: str) -> None:
    """Installed by pgdesk.ui.app.run when PGDESK_EXIT_AFTER_PAINT is set."""
    app.installEventFilter(_FirstPaint(app, window, lang, os.environ.get(ENV, "1")))
