"""Long reads (the practice overview, the evaluation export) on a worker thread, with a progress
dialog and a Cancel that works: the window stays responsive while they run.

The work gets its own read-only connection (storage.reader), never the window's. Cancel makes
the next progress report raise `Cancelled` and interrupts a statement that is still running;
whatever the work writes goes through a temporary file that only a finished run renames into
place (pgdesk.files), so a cancelled or failed run leaves no half file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import driver
from pgdesk.storage.errors import explain_write_error
from pgdesk.storage.reader import Cancelled, Reader, open_reader
from pgdesk.ui import plain

translate = QCoreApplication.translate  # module functions: explicit context
Work = Callable[[Reader, Callable[[int, int], None]], object]  # (reader, progress) -> result
SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up


class Job(QThread):
    """Runs `work(reader, progress)` on its own thread; the outcome arrives as one signal."""

    progressed = Signal(int, int)  # done, of
    done = Signal(object)          # the result
    failed = Signal(object)        # the exception (Cancelled when the user stopped it)

    def __init__(self, store, work: Work, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.work = store, work
        self.cancelled = threading.Event()
        self._reader: Reader | None = None
        self._guard = threading.Lock()

    def _progress(self, done: int, of: int) -> None:  # on the worker thread
        if self.cancelled.is_set():
            raise Cancelled()
        self.progressed.emit(done, of)

    def run(self) -> None:  # on the worker thread
        try:
            reader = open_reader(self.store)
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            self.failed.emit(exc)
            return
        with self._guard:
            self._reader = reader
        try:
            result = self.work(reader, self._progress)
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            self.failed.emit(Cancelled() if self.cancelled.is_set() else exc)
            return
        finally:
            with self._guard:
                self._reader = None
            reader.close()
        self.done.emit(result)  # finished: what it wrote is in place, even if Cancel came late

    def cancel(self) -> None:
        """From the GUI thread: stop at the next row, or now if a statement is running."""
        self.cancelled.set()
        with self._guard:
            if self._reader is not None:
                self._reader.interrupt()


def run_with_progress(parent: QWidget, store, work: Work, label: str, *,
                      cancelled_text: str = ""):
    """Run `work` off the GUI thread behind a progress dialog with Cancel; returns its result,
    or None when the user cancelled (told `cancelled_text`, if any) or it failed (told why)."""
    dialog = QProgressDialog(label, translate("BackgroundWork", "Annuleren"), 0, 0, parent)
    dialog.setWindowTitle("pgdesk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(store, work, parent)
    outcome: dict = {}
    loop = QEventLoop()

    def progressed(done: int, of: int) -> None:
        if dialog.maximum() != of:
            dialog.setMaximum(of)
        dialog.setValue(min(done, of))

    def finish(key: str, value) -> None:
        outcome[key] = value
        loop.quit()

    job.progressed.connect(progressed)
    job.done.connect(lambda result: finish("result", result))
    job.failed.connect(lambda exc: finish("error", exc))
    dialog.canceled.connect(job.cancel)
    job.start()
    if not outcome:
        loop.exec()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    job.deleteLater()
    error = outcome.get("error")
    if isinstance(error, Cancelled):
        if cancelled_text:
            plain.information(parent, "pgdesk", cancelled_text)
        return None
    if error is not None:
        if not isinstance(error, (PgdeskError, driver.Error, OSError)):
            raise error
        plain.warning(parent, "pgdesk", explain_write_error(error))
        return None
    return outcome.get("result")
