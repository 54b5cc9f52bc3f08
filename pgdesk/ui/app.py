"""Starts the window: translations, the database (or a clear message why not), first paint.

pyqtgraph (and numpy) are imported after the first window has painted.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLineEdit

from pgdesk.domain.errors import PgdeskError
from pgdesk.paths import ResourceMissing, demo_db_path, resources_dir
from pgdesk.ui import plain
from pgdesk.ui.style import STYLE_SHEET, keep_light

translate = QCoreApplication.translate  # module functions: explicit context


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


def open_store(db: str | None, demo: bool, server: str | None = None):
    """(store, keyring) or None when the user cancelled the set-up or unlock."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store

    server = server or (None if db or demo else os.environ.get("PGDESK_SERVER"))
    if server:
        return _open_server(server), None
    if demo:
        return Store.open(write_demo(demo_db_path(), shipped_instrument("nl"))), None
    from pgdesk.ui.startup import open_interactively

    return open_interactively(db)


def _open_server(address: str):
    """The practice server, the password asked in a dialog when the server wants one (the
    "Verbinden met de praktijkserver…" dialog that remembers the address is still to come)."""
    import getpass

    from pgdesk.storage.repository import Store

    def ask(prompt: str) -> str:
        text, ok = plain.get_text(None, "pgdesk", prompt, QLineEdit.EchoMode.Password)
        if not ok:
            raise PgdeskError(QCoreApplication.translate(
                "App", "Er is geen wachtwoord gegeven; pgdesk is niet verbonden."))
        return text

    # the user named in the address, else this computer's user name (libpq's default too)
    return Store.open_practice(address, getpass.getuser(), ask)


def run(db: str | None = None, demo: bool = False, lang: str | None = None,
        server: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("pgdesk")
    app.setOrganizationName("pgdesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "pgdesk.svg")))
    keep_light(app)
    app.setStyleSheet(STYLE_SHEET)  # the unlock and set-up dialogs come before the window
    settings = QSettings()
    lang = lang or str(settings.value("language", "nl"))
    lang = install_translator(app, lang)
    try:
        from pgdesk.domain.content import shipped_instrument

        instrument = shipped_instrument(lang)
        opened = open_store(db, demo, server)
    except (PgdeskError, ResourceMissing) as exc:
        plain.critical(None, "pgdesk", str(exc))
        print(f"pgdesk: {exc}", file=sys.stderr)
        return 2
    if opened is None:
        return 0
    store, keyring = opened
    from pgdesk.ui.main_window import MainWindow

    window = MainWindow(store, instrument, keyring)
    window.show()
    if not window.ensure_professional():
        store.close()
        return 0
    from pgdesk.ui.first_paint import after_first_paint, exit_after_first_paint

    if os.environ.get("PGDESK_EXIT_AFTER_PAINT"):  # benchmarks and the frozen-app smoke test
        exit_after_first_paint(app, window, lang)
    # The chart library loads once the window is on screen, however long the first paint takes;
    # so does the full integrity check of every page (on its own thread).
    after_first_paint(app, window, lambda: _after_paint(window))
    code = app.exec()
    watch = getattr(window, "integrity", None)
    if watch is not None:  # the event loop is gone, not the check: a running QThread aborts at exit
        watch.stop()
    window.store.close()
    if window.demo and not os.environ.get("PGDESK_EXIT_AFTER_PAINT"):
        # Nothing typed in the demo is kept: say so, or it looks lost by mistake next time.
        plain.information(None, "pgdesk", translate("App",
            "De demo is gesloten. Wat u hebt ingevoerd, is niet bewaard: de volgende keer begint "
            "de demo opnieuw met dezelfde verzonnen patiënten."))
    return code
