"""The consultation page: a header, the five steps with Back/Next, and keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import CONSULTATION_TYPES, STEPS
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.consultation.focus_step import FocusStep
from pgdesk.ui.consultation.plan_step import PlanStep
from pgdesk.ui.consultation.summary_step import SummaryStep
from pgdesk.ui.consultation.web_step import WebStep
from pgdesk.ui.consultation.wheel_step import WheelStep
from pgdesk.ui.feedback import attempt
from pgdesk.ui.labels import step_label, type_label
from pgdesk.ui.plain import Label


class _StepHolder(QWidget):
    """The steps inside the scroll area, at the size of the step on screen. Without a layout of
    its own: a stacked layout reports the tallest preferred height of all steps as its height for
    a width, and the scroll area would then always scroll."""

    def __init__(self, stack: QStackedWidget):
        super().__init__()
        self.stack = stack
        stack.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.stack.minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.stack.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.stack.resize(event.size())


class ConsultationPage(QWidget):
    closed = Signal()

    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.hold = None  # ui.rooms.Hold: this room's hold on the conversation
        c = session.c
        header = QHBoxLayout()
        name = Label(session.patient.display_name)
        name.setObjectName("pageTitle")
        when = Label(display_birth_date(c.date))
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(self.tr("Soort gesprek"))
        for code in CONSULTATION_TYPES:
            self.type_box.addItem(type_label(code), code)
        self.type_box.setCurrentIndex(CONSULTATION_TYPES.index(c.type))
        self.type_box.currentIndexChanged.connect(self._type_chosen)
        self.type_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        close = QPushButton(self.tr("Sluiten"))
        close.setToolTip(self.tr("Terug naar de patiënt (Esc). Alles is al bewaard."))
        close.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        close.clicked.connect(self.close_consultation)
        header.addWidget(name)
        header.addWidget(when)
        header.addWidget(self.type_box)
        header.addStretch(1)
        header.addWidget(close)

        self.step_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        for i, step in enumerate(STEPS):
            b = QPushButton(f"{i + 1}  {step_label(step)}")
            b.setCheckable(True)
            b.setObjectName("stepButton")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(f"Ctrl+{i + 1}")
            self.step_buttons.addButton(b, i)
            bar.addWidget(b)
        self.step_buttons.idClicked.connect(self.go_to)

        self.web = WebStep(session)
        self.focus = FocusStep(session)
        self.wheel = WheelStep(session)
        self.plan = PlanStep(session)
        self.summary = SummaryStep(session)
        self.steps = [self.web, self.focus, self.wheel, self.plan, self.summary]
        self.stack = QStackedWidget()
        for w in self.steps:
            self.stack.addWidget(w)
        self.web.finished.connect(self.next)
        self.focus.finished.connect(self.next)
        self.wheel.moved.connect(lambda i: attempt(self, session.set_progress, "wheel", i))

        self.back_button = QPushButton(self.tr("← Vorige"))
        self.back_button.setToolTip("Alt+←")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Volgende →"))
        self.next_button.setToolTip("Alt+→ / Ctrl+Enter")
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.next)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(bar)
        # On a small or scaled screen (1.5x on 1366x768) a step scrolls; the window never grows
        # past the screen, which would hide the status bar and the buttons under it.
        self._area = QScrollArea()
        self._area.setWidgetResizable(True)
        self._area.setFrameShape(QFrame.Shape.NoFrame)
        self._area.setWidget(_StepHolder(self.stack))
        layout.addWidget(self._area, 1)
        layout.addLayout(nav)

        for seq, slot in (("Alt+Right", self.next), ("Ctrl+Return", self.next),
                          ("Ctrl+Enter", self.next), ("Alt+Left", self.back),
                          ("Escape", self.close_consultation),
                          ("Ctrl+P", self._print), ("Ctrl+S", self._save),
                          ("Ctrl+Shift+C", self.copy_to_his)):
            QShortcut(QKeySequence(seq), self, activated=slot)
        for i in range(len(STEPS)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.go_to(i))

        self.index = -1
        self.go_to(STEPS.index(c.step) if c.step in STEPS else 0)

    @property
    def current_step(self) -> str:
        return STEPS[self.index]

    def _type_chosen(self, _index: int) -> None:
        """A refused change (say a second start in a running trajectory) puts the box back."""
        if not attempt(self, self.session.set_type, self.type_box.currentData()):
            self.type_box.blockSignals(True)
            self.type_box.setCurrentIndex(CONSULTATION_TYPES.index(self.session.c.type))
            self.type_box.blockSignals(False)

    def leave_current(self) -> bool:
        if self.session.read_only:  # open in another room: nothing to write (ui/rooms.py)
            return True
        step = self.steps[self.index] if self.index >= 0 else None
        flush = getattr(step, "flush", None)
        return flush() if flush else True

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(STEPS) - 1))
        if self.index >= 0 and not self.leave_current():
            self.step_buttons.button(self.index).setChecked(True)
            return
        self.index = index
        step = self.steps[index]
        step.refresh()  # each step shows what earlier steps stored
        if step is self.summary:
            attempt(self, self.session.complete)
        attempt(self, self.session.set_progress, STEPS[index],
                self.wheel.index if step is self.wheel else self.session.c.wheel_index)
        for other in self.steps:  # only the step on screen sets the minimum size: the others
            policy = QSizePolicy.Policy.Preferred if other is step else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)  # must not make it scroll
        self.stack.setCurrentIndex(index)
        self._area.widget().updateGeometry()
        self._area.setWidgetResizable(True)  # scroll bars for this step's own minimum size
        self.step_buttons.button(index).setChecked(True)
        self.back_button.setVisible(index > 0)  # step 1 has nothing before it
        self.next_button.setText(self.tr("Klaar") if index == len(STEPS) - 1
                                 else self.tr("Volgende →"))
        step.focus_widget().setFocus()

    def next(self) -> None:
        if self.steps[self.index] is self.wheel and self.wheel.next():
            return
        if self.index == len(STEPS) - 1:
            self.close_consultation()
        else:
            self.go_to(self.index + 1)

    def back(self) -> None:
        if self.steps[self.index] is self.wheel and self.wheel.back():
            return
        self.go_to(self.index - 1)

    def _print(self) -> None:
        if self.steps[self.index] is self.summary:
            self.summary.print_handout()

    def _save(self) -> None:
        if self.steps[self.index] is self.summary:
            self.summary.save_pdf()

    def copy_to_his(self) -> None:
        """Ctrl+Shift+C, from any step: what was typed last is stored, then copied."""
        if self.leave_current():
            self.summary.copy_to_his()

    def may_close(self) -> bool:
        """Everything typed is stored, or (taken over in another room) the user let it go."""
        return self.leave_current() and (self.hold is None or self.hold.may_leave())

    def close_consultation(self) -> None:
        if self.may_close():
            self.closed.emit()
