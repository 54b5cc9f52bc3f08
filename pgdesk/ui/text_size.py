"""Ctrl+plus / Ctrl+minus (and Ctrl+0) make all the window's text larger or smaller, in the
colours of the desktop's palette; the size is remembered per professional on this computer."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from pgdesk.ui.style import is_dark, style_sheet

STEPS = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT = 1.0
SCALE_PROPERTY = "textScale"  # on the window: for what sizes its own type (the radar's labels)


class TextSize(QObject):
    def __init__(self, window: QWidget, store):
        super().__init__(window)
        self.window, self.store = window, store
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl+=", 1),
                           (QKeySequence.StandardKey.ZoomOut, -1), ("Ctrl+0", 0)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self.scale = DEFAULT
        self.load()

    def _key(self) -> str:
        pro = self.store.current_professional()
        return f"text_scale/{pro.id if pro else 'iedereen'}"

    def load(self) -> None:
        """The size this professional chose last (after a change of professional too)."""
        try:
            scale = float(QSettings().value(self._key(), DEFAULT))
        except (TypeError, ValueError):
            scale = DEFAULT
        self.set_scale(min(STEPS, key=lambda s: abs(s - scale)), remember=False)

    def step(self, direction: int) -> None:
        """One size larger (1), smaller (-1) or back to normal (0)."""
        if direction == 0:
            self.set_scale(DEFAULT)
            return
        at = STEPS.index(self.scale)
        self.set_scale(STEPS[max(0, min(len(STEPS) - 1, at + direction))])

    def set_scale(self, scale: float, *, remember: bool = True) -> None:
        self.scale = scale
        self.window.setProperty(SCALE_PROPERTY, scale)  # before the sheet: its font change asks
        self.window.setStyleSheet(style_sheet(scale, dark=is_dark(QApplication.palette())))
        if remember:
            QSettings().setValue(self._key(), scale)
