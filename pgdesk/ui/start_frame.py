"""The main window's frame, painted first: pgdesk is on screen, titled and in its place, before
the database is opened and the window's pages are built (app.run puts the main window in its
place right after).

Empty on purpose, a plain top-level widget: no text and no QMainWindow (whose layout loads the
font database first), nothing of Qt beyond the window class (PySide6 builds the Qt namespace
and each class on first use): tens of ms each, which the first paint need not wait for.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1180, 760)


def place(window: QWidget) -> None:
    """Where the main window was last closed; else its usual size within the screen."""
    geometry = QSettings().value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
        return
    # at 1.5x scale a small laptop screen has less room than that
    room = window.screen().availableGeometry().size() if window.screen() else None
    if room is not None:  # the window manager's title bar comes on top of that
        room = QSize(room.width(), room.height() * 92 // 100)
    window.resize(DEFAULT_SIZE.boundedTo(room) if room else DEFAULT_SIZE)


class StartFrame(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("pgdesk")
        place(self)
