"""The idle lock: after a quiet spell, on suspend or on screen lock, patient data goes behind
an unlock screen; unlocking returns to exactly where the user was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QVBoxLayout, QWidget

from pgdesk.ui.unlock_dialog import UnlockForm

DEFAULT_IDLE_MINUTES = 5
SETTING_IDLE = "idle_minutes"

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without keyboard or mouse input, and on suspend/screen lock."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QGuiApplication.instance()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        self._listen_to_session()

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, int(minutes)) * 60_000)
        self.timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT:
            self.timer.start()
        return False

    def _state_changed(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.idle.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.idle.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.idle.emit()

    def _listen_to_session(self) -> None:
        """systemd-logind tells when the screen locks or the laptop sleeps (Linux only; elsewhere
        Qt's suspend state and the idle timer do the work)."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        service = "org.freedesktop.login1"
        bus.connect(service, "/org/freedesktop/login1/session/auto",
                    "org.freedesktop.login1.Session", "Lock", self, SLOT("on_session_lock()"))
        bus.connect(service, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                    "PrepareForSleep", self, SLOT("on_prepare_for_sleep(bool)"))


def close_other_windows(main: QWidget) -> None:
    """Every window but `main` goes when pgdesk locks, patient data may be on any of them:
    dialogs (also one that refuses Escape, like the recovery code), message boxes, menus, tooltips.
    An open dialog's exec() returns Rejected, which every caller treats as Cancel."""
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if widget is main or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)  # done(), not reject(): that one may refuse
        else:
            widget.close()
        widget.hide()  # also when its closeEvent said no


class LockScreen(QWidget):
    """What the window shows while locked: no patient data, only the unlock form."""

    @classmethod
    def of(cls, window) -> LockScreen:
        """The main window's lock screen, built the first time it locks (most starts never do)."""
        if window.lock_screen is None:
            window.lock_screen = cls()
            window.lock_screen.form.unlockRequested.connect(window.unlock)
            window.lock_screen.form.forgotRequested.connect(window._forgot)
            window.outer.addWidget(window.lock_screen)
        return window.lock_screen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = UnlockForm(self)
        self.form.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
