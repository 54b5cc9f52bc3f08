"""One line of a dimension screen: an aspect with its eleven score buttons, "weet ik niet / sla
over" and "hier wil ik over praten"; or, without scores, the talk mark of the whole dimension.
Where the screen is too narrow for one line (1024 px, 1.5× scale) the row takes two: the name
with its two choices, and under it the eleven numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN
from pgdesk.ui.patient_mode.pictograms import aspect_pictogram
from pgdesk.ui.patient_mode.style import TOUCH
from pgdesk.ui.plain import Label

ASPECT_PICTOGRAM = 32  # px: an aspect's pictogram, about the height of its name at 20 pt
NAME_WIDTH = 200  # px: on one line, most aspect names fit at 20 pt, the rest take two lines
SPACING = 6
MARGIN = 8


def touch_button(text: str, name: str = "", checkable: bool = False) -> QPushButton:
    """A button a finger can hit; the screen, not the button, takes the keyboard, so the keys
    mean the same wherever the patient last tapped."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setCheckable(checkable)
    button.setMinimumHeight(TOUCH)  # the width comes from the text (minimumSizeHint), at least TOUCH
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def scrolled(inner: QWidget) -> QScrollArea:
    """`inner` in a frameless scroll area that never takes the keyboard (the screen keeps it) and
    lets the patient mode's own light background show through, whatever the desktop's palette."""
    area = QScrollArea()
    area.setObjectName("patientScroll")
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.viewport().setAutoFillBackground(False)
    inner.setAutoFillBackground(False)
    return area


class AspectRow(QFrame):
    """Scores are shown from the stored state (set_state), never assumed from a click alone."""

    scored = Signal(object)  # int, or None for "weet ik niet / sla over"
    talkToggled = Signal(bool)  # noqa: N815 (Qt naming)
    activated = Signal()  # tapped anywhere: becomes the row the keys act on

    def __init__(self, name: str, scorable: bool, parent=None, icon: str = ""):
        super().__init__(parent)
        self.setObjectName("aspectRow")
        self.scorable = scorable
        self.name = Label(name)
        self.name.setObjectName("aspectName")
        self.name.setWordWrap(True)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # the variant's pictogram (eenvoudig, kind) just before the name, never instead of it
        self.pictogram = aspect_pictogram(icon, ASPECT_PICTOGRAM) if icon else None
        self.head = QWidget()
        head = QHBoxLayout(self.head)
        head.setContentsMargins(0, 0, 0, 0)
        head.setSpacing(SPACING)
        if self.pictogram is not None:
            head.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.name, 1)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(MARGIN, 2, MARGIN, 2)
        self.grid.setHorizontalSpacing(SPACING)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.numbers = QWidget()
        numbers = QHBoxLayout(self.numbers)
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.setSpacing(4)
        self.score_buttons: list[QPushButton] = []
        self.skip: QPushButton | None = None
        if scorable:
            for value in range(SCALE_MIN, SCALE_MAX + 1):
                button = touch_button(str(value), "score", checkable=True)
                # as wide as the style makes it (48 px inside the border): a fixed 48 here would
                # disagree with the style, and right to left the row would then lose 4 px
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                button.setAccessibleDescription(name)  # "7" alone does not say for what
                button.clicked.connect(lambda _=False, v=value: self._pick(v))
                self.score_buttons.append(button)
                numbers.addWidget(button)
            self.skip = touch_button(self.tr("Weet ik niet"), "skip", checkable=True)
            self.skip.setToolTip(self.tr("Weet ik niet, of sla over (Backspace)"))
            self.skip.clicked.connect(lambda: self._pick(None))
        self.talk = touch_button(self.tr("Over praten"), "talk", checkable=True)
        self.talk.setToolTip(self.tr("Hier wil ik over praten (spatiebalk)"))
        self.talk.clicked.connect(lambda: self._toggle_talk())
        self.value: int | None = None
        self.skipped = False
        self.narrow: bool | None = None
        self.set_narrow(False)

    def wide_width(self) -> int:
        """The width this row needs to stay on one line, every button showing its whole text."""
        parts = [self._name_width(), self.talk.sizeHint().width()]
        if self.scorable:
            parts += [self.numbers.sizeHint().width(), self.skip.sizeHint().width()]
        return sum(parts) + SPACING * (len(parts) - 1) + 2 * MARGIN

    def _name_width(self) -> int:
        return NAME_WIDTH + (ASPECT_PICTOGRAM + SPACING if self.pictogram is not None else 0)

    def set_narrow(self, narrow: bool) -> None:
        """One line (name, numbers, choices) or two (name and choices; the numbers below)."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        for widget in (self.head, self.numbers, self.skip, self.talk):
            if widget is not None:
                self.grid.removeWidget(widget)
        self.grid.addWidget(self.head, 0, 0)
        if self.skip is not None:
            self.grid.addWidget(self.skip, 0, 2)
        self.grid.addWidget(self.talk, 0, 3)
        self.head.setMinimumWidth(0 if narrow else self._name_width())
        if not self.scorable:
            self.numbers.hide()
        elif narrow:
            self.grid.addWidget(self.numbers, 1, 0, 1, 4, Qt.AlignmentFlag.AlignLeft)
        else:
            self.grid.addWidget(self.numbers, 0, 1)

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
