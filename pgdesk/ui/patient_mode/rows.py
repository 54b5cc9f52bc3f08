"""One line of a dimension screen: an aspect with its eleven score buttons, "weet ik niet / sla
over" and "hier wil ik over praten"; or, without scores, the talk mark of the whole dimension."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy

from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN
from pgdesk.ui.patient_mode.style import TOUCH
from pgdesk.ui.plain import Label

NAME_WIDTH = 200  # px: most aspect names on one line at 20 pt, the rest on two; the row fits 1280 px


def touch_button(text: str, name: str = "", checkable: bool = False) -> QPushButton:
    """A button a finger can hit; the screen, not the button, takes the keyboard, so the keys
    mean the same wherever the patient last tapped."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setCheckable(checkable)
    button.setMinimumHeight(TOUCH)  # the width comes from the text (minimumSizeHint), at least TOUCH
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class AspectRow(QFrame):
    """Scores are shown from the stored state (set_state), never assumed from a click alone."""

    scored = Signal(object)  # int, or None for "weet ik niet / sla over"
    talkToggled = Signal(bool)  # noqa: N815 (Qt naming)
    activated = Signal()  # tapped anywhere: becomes the row the keys act on

    def __init__(self, name: str, scorable: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("aspectRow")
        self.scorable = scorable
        self.name = Label(name)
        self.name.setObjectName("aspectName")
        self.name.setWordWrap(True)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.name.setMinimumWidth(NAME_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(4)
        layout.addWidget(self.name, 1)
        self.score_buttons: list[QPushButton] = []
        self.skip: QPushButton | None = None
        if scorable:
            for value in range(SCALE_MIN, SCALE_MAX + 1):
                button = touch_button(str(value), "score", checkable=True)
                button.setFixedWidth(TOUCH)
                button.clicked.connect(lambda _=False, v=value: self._pick(v))
                self.score_buttons.append(button)
                layout.addWidget(button)
            self.skip = touch_button(self.tr("Weet ik niet"), "skip", checkable=True)
            self.skip.setToolTip(self.tr("Weet ik niet, of sla over (Backspace)"))
            self.skip.clicked.connect(lambda: self._pick(None))
            layout.addSpacing(6)
            layout.addWidget(self.skip)
        self.talk = touch_button(self.tr("Over praten"), "talk", checkable=True)
        self.talk.setToolTip(self.tr("Hier wil ik over praten (spatiebalk)"))
        self.talk.clicked.connect(lambda: self._toggle_talk())
        layout.addSpacing(6)
        layout.addWidget(self.talk)
        self.value: int | None = None
        self.skipped = False

    def _pick(self, value: int | None) -> None:
        self.activated.emit()
        self.scored.emit(value)

    def _toggle_talk(self) -> None:
        self.activated.emit()
        self.talkToggled.emit(self.talk.isChecked())

    def set_state(self, value: int | None, skipped: bool, talk: bool) -> None:
        self.value, self.skipped = value, skipped
        for v, button in enumerate(self.score_buttons):
            button.setChecked(v == value)
        if self.skip is not None:
            self.skip.setChecked(skipped and value is None)
        self.talk.setChecked(talk)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event):  # noqa: N802 (Qt API)
        self.activated.emit()
        super().mousePressEvent(event)
