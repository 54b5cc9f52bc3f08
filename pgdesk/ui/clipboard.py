"""What pgdesk puts on the clipboard (the SOEP text, the recovery code) stays there briefly.

The clipboard is shared with every program and with clipboard managers, so patient text left
there outlives a locked or closed pgdesk. It is cleared after a minute, when the window locks and
when pgdesk closes; but only while it still holds our text, never what the user copied since.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMimeData, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

SETTING_SECONDS = "clipboard/seconds"  # a workstation setting; tests make it short
DEFAULT_SECONDS = 60
# Clipboard managers that honour this hint (Klipper, wl-clip-persist) keep no copy in their history.
SECRET_HINT = "x-kde-passwordManagerHint"


class _Keeper(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self.text: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.forget)
        app.aboutToQuit.connect(self.forget)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        data.setData(SECRET_HINT, b"secret")
        QApplication.clipboard().setMimeData(data)
        self.text = text
        self.timer.start(round(seconds() * 1000))

    def forget(self) -> None:
        self.timer.stop()
        if self.text is not None and QApplication.clipboard().text() == self.text:
            QApplication.clipboard().clear()
        self.text = None


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None or not shiboken6.isValid(_keeper):
        _keeper = _Keeper(QApplication.instance())
    return _keeper


def seconds() -> float:
    """How long copied text stays (the workstation setting, else a minute)."""
    try:
        return max(0.1, float(QSettings().value(SETTING_SECONDS, DEFAULT_SECONDS)))
    except (TypeError, ValueError):
        return DEFAULT_SECONDS


def copy_for_a_while(text: str) -> None:
    """Put `text` on the clipboard until `seconds()` have passed, the window locks or pgdesk closes."""
    _the_keeper().copy(text)


def forget() -> None:
    """Clear the clipboard now if it still holds what pgdesk put there."""
    if _keeper is not None and shiboken6.isValid(_keeper):
        _keeper.forget()
