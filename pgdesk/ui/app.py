"""Starts the window: translations, the main window's frame painted first, then the database
(or a clear message why not) and the main window in the frame's place.

Before the frame's first paint only Qt and a few small pgdesk modules are imported; storage,
the pages and their dialogs come after it, pyqtgraph (and numpy) after the main window's.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pgdesk.domain.errors import PgdeskError
from pgdesk.paths import ResourceMissing, demo_db_path, resources_dir
from pgdesk.ui.first_paint import ENV as PROBE
from pgdesk.ui.first_paint import (
    after_first_paint,
    exit_after_list,
    exit_at_first_dialog,
    report_first_paint,
)
from pgdesk.ui.start_frame import StartFrame
from pgdesk.ui.style import STYLE_SHEET, keep_light

translate = QCoreApplication.translate  # module functions: explicit context
FRAME_WAIT_MS = 1000  # the database is opened after this at the latest, painted frame or not


def install_translator(app: QApplication, lang: str) -> str:
    """Dutch is the source language; any other language loads its .qm file. Qt's own texts
    (print, file and message dialogs) come from Qt's translations shipped with PySide6."""
    if lang != "nl":
        translator = QTranslator(app)
        if translator.load(str(resources_dir() / "translations" / f"pgdesk_{lang}.qm")):
            app.installTranslator(translator)
        else:
            lang = "nl"
    locale = QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
                     QLocale.Country.Netherlands)
    QLocale.setDefault(locale)
    qt_texts = QTranslator(app)
    if lang != "en" and qt_texts.load(locale, "qtbase", "_",
                                      QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_texts)
    return lang


def _preload_chart() -> None:
    import pgdesk.ui.radar  # noqa: F401  (pays the pyqtgraph/numpy import before it is needed)


def _after_paint(window) -> None:
    from pgdesk.ui import integrity_watch

    window.integrity = integrity_watch.start(window)
    QTimer.singleShot(50, _preload_chart)


def open_store(db: str | None, demo: bool):
    """(store, keyring) or None when the user cancelled the set-up or unlock."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store

    if demo:
        return Store.open(write_demo(demo_db_path(), shipped_instrument("nl"))), None
    from pgdesk.ui.startup import open_interactively

    return open_interactively(db)


class _Start:
    """What follows the frame's first paint: the database opened (set-up or unlock dialogs
    over the frame), the main window built and shown in the frame's place. The outcome is
    left for `run`: the window, or an exit code given to the event loop."""

    def __init__(self, app: QApplication, frame: StartFrame, db: str | None, demo: bool,
                 lang: str) -> None:
        self.app, self.frame, self.db, self.demo, self.lang = app, frame, db, demo, lang
        self.window = None
        self.error: BaseException | None = None
        self.started = False

    def open(self) -> None:
        if self.started:  # the first paint, or the fallback timer: whichever comes first
            return
        self.started = True
        try:
            self._open()
        except BaseException as exc:  # raised from run(), where the command line handles it
            self.error = exc
            self.app.exit(1)

    def _open(self) -> None:
        try:
            from pgdesk.domain.content import shipped_instrument

            instrument = shipped_instrument(self.lang)
            opened = open_store(self.db, self.demo)
        except (PgdeskError, ResourceMissing) as exc:
            from pgdesk.ui import plain

            plain.critical(None, "pgdesk", str(exc))
            print(f"pgdesk: {exc}", file=sys.stderr)
            self.app.exit(2)
            return
        if opened is None:
            self.app.exit(0)
            return
        store, keyring = opened
        from pgdesk.ui.main_window import MainWindow

        window = MainWindow(store, instrument, keyring)
        window.show()
        self.frame.close()
        if not window.ensure_professional():
            store.close()
            self.app.exit(0)
            return
        self.window = window
        if os.environ.get(PROBE):  # benchmarks and the frozen-app smoke test
            exit_after_list(self.app, window)
        # The chart library loads once the window is on screen, however long the first paint
        # takes; so does the full integrity check of every page (on its own thread).
        after_first_paint(self.app, window, lambda: _after_paint(window))


def run(db: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("pgdesk")
    app.setOrganizationName("pgdesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "pgdesk.svg")))
    keep_light(app)
    app.setStyleSheet(STYLE_SHEET)  # the frame, the unlock and set-up dialogs come first
    settings = QSettings()
    lang = lang or str(settings.value("language", "nl"))
    lang = install_translator(app, lang)
    # The frame is painted before anything else is imported or opened; a frame that is never
    # exposed (started minimised) does not hold the rest up.
    frame = StartFrame()
    start = _Start(app, frame, db, demo, lang)
    probe = os.environ.get(PROBE)
    if probe != "frame":  # that probe times the frame alone
        after_first_paint(app, frame, start.open)
        QTimer.singleShot(FRAME_WAIT_MS, start.open)
    if probe:  # installed last, so it reads the clock before start.open runs
        report_first_paint(app, frame, lang)
    if probe == "unlock":
        exit_at_first_dialog(app)
    frame.show()
    code = app.exec()
    if start.error is not None:
        raise start.error
    window = start.window
    if window is None:
        return code
    watch = getattr(window, "integrity", None)
    if watch is not None:  # the event loop is gone, not the check: a running QThread aborts at exit
        watch.stop()
    window.store.close()
    if window.demo and not os.environ.get(PROBE):
        from pgdesk.ui import plain

        # Nothing typed in the demo is kept: say so, or it looks lost by mistake next time.
        plain.information(None, "pgdesk", translate("App",
            "De demo is gesloten. Wat u hebt ingevoerd, is niet bewaard: de volgende keer begint "
            "de demo opnieuw met dezelfde verzonnen patiënten."))
    return code
