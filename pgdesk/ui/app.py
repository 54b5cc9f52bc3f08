"""Starts the window: translations, the main window's frame painted first, then the database
(or a clear message why not) and the main window in the frame's place.

Before the frame's first paint only Qt and a few small pgdesk modules are imported; storage,
the pages and their dialogs come after it, pyqtgraph (and numpy) after the main window's. An
encrypted practice's unlock dialog paints before storage is imported too (_unlock_first).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.his import HisRequest
from pgdesk.paths import ResourceMissing, keys_path, resources_dir
from pgdesk.ui.first_paint import ENV as PROBE
from pgdesk.ui.first_paint import (
    after_first_paint,
    exit_after_list,
    exit_at_first_dialog,
    report_first_paint,
)
from pgdesk.ui.server_choice import Place
from pgdesk.ui.start_frame import StartFrame
from pgdesk.ui.style import follow_system

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


def open_store(place: Place):
    """(store, keyring) or None when the user cancelled the set-up or unlock."""
    if place.server:
        return _open_server(place.server, place.user), None
    if place.demo:
        from pgdesk.domain.content import shipped_instrument
        from pgdesk.storage.demo import write_demo
        from pgdesk.storage.repository import Store

        # Its every page is checked in the background once the window is up, as a practice's.
        return Store.open(write_demo(place.path, shipped_instrument("nl")), full_check=False), None
    if keys_path(place.path).exists():
        return _unlock_first(place.path)
    from pgdesk.ui.startup import open_interactively

    return open_interactively(str(place.path))


def _unlock_first(path: Path):
    """An encrypted practice: its unlock dialog paints before storage (sqlite-utils, SQLCipher,
    cryptography) is imported. That import and the check of the files follow the paint while
    the user types (ui.startup.prepare_painted); the key is derived when the passphrase is
    submitted."""
    from pgdesk.ui.unlock_dialog import UnlockDialog

    prepared = []

    def prepare(dialog: UnlockDialog) -> bool:
        from pgdesk.ui.startup import prepare_painted

        prepared.append(prepare_painted(path, dialog))
        return prepared[0] is not None

    dialog = UnlockDialog(prepare=prepare)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # in the event loop, not whenever the garbage collector meets it
    if dialog.unexpected is not None:  # as if storage had failed before the dialog
        raise dialog.unexpected
    if dialog.not_needed:  # an interrupted set-up undone: set up, or convert, as usual
        from pgdesk.ui.startup import open_interactively

        return open_interactively(str(path))
    if not prepared:  # cancelled before the files were checked, or they could not be
        if dialog.failure is not None:
            raise dialog.failure
        return None
    return prepared[0].outcome(dialog, accepted, None)


def _open_server(address: str, user: str = ""):
    """The practice server, the password asked in a dialog when the server wants one (never
    stored); `user` as remembered by ui.server_dialog."""
    import getpass

    from pgdesk.storage.repository import Store

    def ask(prompt: str) -> str:
        from pgdesk.ui import plain

        text, ok = plain.get_text(None, "pgdesk", prompt, QLineEdit.EchoMode.Password)
        if not ok:
            raise PgdeskError(QCoreApplication.translate(
                "App", "Er is geen wachtwoord gegeven; pgdesk is niet verbonden."))
        return text

    # the user named in the address or remembered, else this computer's user name (libpq's too)
    return Store.open_practice(address, user or getpass.getuser(), ask)


class _Start:
    """What follows the frame's first paint: the database opened (set-up or unlock dialogs
    over the frame), the main window built and shown in the frame's place. The outcome is
    left for `run`: the window, or an exit code given to the event loop."""

    def __init__(self, app: QApplication, frame: StartFrame, place: Place, lang: str,
                 link) -> None:
        self.app, self.frame, self.place, self.lang, self.link = app, frame, place, lang, link
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
        store = None
        try:
            opened = open_store(self.place)
            if opened is None:
                self.app.exit(0)
                return
            store, keyring = opened
            # after the unlock dialog: that paints before anything it does not need
            from pgdesk.domain.content import shipped_instrument

            instrument = shipped_instrument(self.lang)
        except (PgdeskError, ResourceMissing) as exc:
            if store is not None:
                store.close()
            from pgdesk.ui import plain

            plain.critical(None, "pgdesk", str(exc))
            print(f"pgdesk: {exc}", file=sys.stderr)
            self.app.exit(2)
            return
        from pgdesk.ui.main_window import MainWindow

        window = MainWindow(store, instrument, keyring)
        window.show()
        self.frame.close()
        if not window.ensure_professional():
            store.close()
            self.app.exit(0)
            return
        self.window = window
        self.link.attach(window)
        from pgdesk.ui.patient_mode import hooks as patient_mode

        patient_mode.resume(window)  # a patient mode open when pgdesk stopped goes on where it was
        if os.environ.get(PROBE):  # benchmarks and the frozen-app smoke test
            exit_after_list(self.app, window)
        # The chart library loads once the window is on screen, however long the first paint
        # takes; so does the full integrity check of every page (on its own thread).
        after_first_paint(self.app, window, lambda: _after_paint(window))


def run(db: str | None = None, demo: bool = False, lang: str | None = None,
        his: HisRequest | None = None, kiosk: bool = False, server: str | None = None) -> int:
    """The window (with `kiosk`, the waiting room's patient mode only); `his` is the patient a
    HIS asked for. A pgdesk already running for this user and database gets the request
    instead, and this start ends at once (ui.his_link)."""
    from pgdesk.ui.his_link import claim
    from pgdesk.ui.server_choice import choose

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("pgdesk")  # before QSettings is read: the remembered server
    app.setOrganizationName("pgdesk")
    place = choose(db, demo, server)  # once: the HIS hand-over names what is opened
    try:
        link = claim(place.name, his)
    except PgdeskError as exc:  # one is open but does not answer: said, not a second window
        from pgdesk.ui import plain

        plain.critical(None, "pgdesk", str(exc))
        print(f"pgdesk: {exc}", file=sys.stderr)
        return 2
    if link is None:
        return 0
    try:
        return _run(app, place, lang, link, kiosk)
    finally:
        link.close()


def _kiosk(app: QApplication, place: Place, lang: str) -> int:
    """`pgdesk kiosk`: the waiting room's screen, nothing but the patient mode."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.ui import plain
    from pgdesk.ui.patient_mode.hooks import run_kiosk

    try:
        instrument = shipped_instrument(lang)
        opened = open_store(place)
    except (PgdeskError, ResourceMissing) as exc:
        plain.critical(None, "pgdesk", str(exc))
        print(f"pgdesk: {exc}", file=sys.stderr)
        return 2
    if opened is None:
        return 0
    store, keyring = opened
    return run_kiosk(app, store, instrument, keyring)


def _run(app: QApplication, place: Place, lang: str | None, link, kiosk: bool) -> int:
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "pgdesk.svg")))
    follow_system(app)  # the frame, the unlock and set-up dialogs come first
    settings = QSettings()
    lang = lang or str(settings.value("language", "nl"))
    lang = install_translator(app, lang)
    if kiosk:
        return _kiosk(app, place, lang)
    # The frame is painted before anything else is imported or opened; a frame that is never
    # exposed (started minimised) does not hold the rest up.
    frame = StartFrame()
    start = _Start(app, frame, place, lang, link)
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
