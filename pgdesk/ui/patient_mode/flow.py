"""The patient's way through the screens: welcome, one screen per dimension, the end. Every
answer goes through the PatientSession the moment it is given (into the conversation and the
patient's own copy), and each screen change is stored, so the mode reopens where the patient was."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QVBoxLayout, QWidget

from pgdesk.domain.models import IMPORTANT
from pgdesk.storage.patient_answers import PatientSession, set_screen
from pgdesk.ui.feedback import attempt
from pgdesk.ui.patient_mode.rows import touch_button
from pgdesk.ui.patient_mode.screens import DimensionScreen, EndScreen, WelcomeScreen
from pgdesk.ui.patient_mode.script import use_font_for
from pgdesk.ui.plain import Label


class PatientFlow(QWidget):
    finished = Signal()  # "Klaar: geef het scherm terug"
    answered = Signal()  # an answer was stored (the consult window beside it shows it)

    def __init__(self, session: PatientSession, parent=None):
        super().__init__(parent)
        self.session = session
        if session.instrument.rtl:  # Arabic: the whole flow mirrored, Qt shapes the letters
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        use_font_for(self, session.instrument)
        dims = session.instrument.dimensions
        self.welcome = WelcomeScreen()
        self.welcome.start.connect(self.forward)
        self.dimension_screens: list[DimensionScreen] = []
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        for dim in dims:
            screen = DimensionScreen(dim)
            screen.skipped = session.own.skipped(dim.id)  # "weet ik niet", also after a restart
            screen.aspectScored.connect(lambda a, v, d=dim.id: self._score(d, a, v))
            screen.talkToggled.connect(lambda a, on, d=dim.id: self._talk(d, a, on))
            screen.done.connect(self.forward)
            self.dimension_screens.append(screen)
            self.stack.addWidget(screen)
        self.end = EndScreen([d.everyday for d in dims], [d.id for d in dims], self._save_important)
        self.end.finished.connect(self.finished)
        self.stack.addWidget(self.end)

        self.progress = Label()
        self.progress.setObjectName("patientProgress")
        self.back_button = touch_button(self.tr("← Terug"))
        rtl = session.instrument.rtl  # right to left, back is to the right
        self.back_button.setToolTip("Alt+→" if rtl else "Alt+←")
        self.back_button.clicked.connect(self.back)
        self.next_button = touch_button(self.tr("Verder →"), "patientPrimary")
        self.next_button.setToolTip("Alt+←" if rtl else "Alt+→")
        self.next_button.clicked.connect(self.forward)
        bar = QGridLayout()  # three equal columns: the progress stays in the middle
        bar.setHorizontalSpacing(12)
        left, middle, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter, \
            Qt.AlignmentFlag.AlignRight
        bar.addWidget(self.back_button, 0, 0, left)
        bar.addWidget(self.progress, 0, 1, middle)
        bar.addWidget(self.next_button, 0, 2, right)
        bar.addWidget(self.end.ready, 0, 1, 1, 2, right)  # the end has no progress: room to be long
        for column in range(3):
            bar.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)
        self.go_to(0)

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, index: int) -> None:
        if self.index == self.stack.count() - 1 and index != self.index:
            self.end.flush()  # the words typed so far are kept when the patient goes back
        index = max(0, min(index, self.stack.count() - 1))
        if index != self.index:  # where the mode reopens after a crash
            attempt(self, set_screen, self.session.store, self.session.id, index)
        self.stack.setCurrentIndex(index)
        n = len(self.dimension_screens)
        self.progress.setText(self.tr("%1 van %2").replace("%1", str(index)).replace("%2", str(n))
                              if 1 <= index <= n else "")
        self.back_button.setVisible(index > 0)
        self.next_button.setVisible(index < self.stack.count() - 1)
        self.end.ready.setVisible(index == self.stack.count() - 1)
        self._fit_ready(self.width())
        self.refresh()
        screen = self.stack.currentWidget()
        (self.end.focus if screen is self.end else screen.setFocus)()

    def forward(self) -> None:
        self.go_to(self.index + 1)

    def back(self) -> None:
        self.go_to(self.index - 1)

    def refresh(self) -> None:
        """Show what is stored, so the screen never claims more than the database holds."""
        c = self.session.c
        for screen in self.dimension_screens:
            screen.show_state(c.aspect_scores.get(screen.dimension.id, {}), c.talk)
        if self.stack.currentWidget() is self.end:
            dims = self.session.instrument.dimensions
            marked = {i for i, d in enumerate(dims) if any(t[0] == d.id for t in c.talk)}
            self.end.show_web(c.scores(self.session.instrument), marked,
                              c.wheel_answers.get(IMPORTANT, ""))

    def _score(self, dimension_id: str, aspect_id: str, value: int | None) -> None:
        if attempt(self, self.session.set_aspect_score, dimension_id, aspect_id, value):
            self.answered.emit()
        self.refresh()

    def _talk(self, dimension_id: str, aspect_id: str, on: bool) -> None:
        if attempt(self, self.session.set_mark, "talk", dimension_id, aspect_id, on):
            self.answered.emit()
        self.refresh()

    def _save_important(self, text: str) -> bool:
        ok = attempt(self, self.session.set_wheel_answer, IMPORTANT, text)
        if ok:
            self.answered.emit()
        return ok

    def _fit_ready(self, width: int) -> None:
        """On a narrow screen "Klaar" alone, so the button never cuts its own words."""
        ready = self.end.ready
        ready.ensurePolished()  # hidden until the end: its style sheet sets the size
        ready.setMinimumWidth(0)
        ready.setText(self.tr("Klaar: geef het scherm terug"))
        room = width - self.back_button.sizeHint().width() - 3 * 16
        if ready.sizeHint().width() > room:
            ready.setText(self.tr("Klaar"))
        ready.setMinimumWidth(ready.sizeHint().width())  # the grid's equal columns must not cut it

    def resizeEvent(self, event):  # noqa: N802 (Qt API)
        self._fit_ready(event.size().width())
        super().resizeEvent(event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        ahead, behind = Qt.Key.Key_Right, Qt.Key.Key_Left
        if self.isRightToLeft():
            ahead, behind = behind, ahead
        if alt and event.key() == ahead and self.index < self.stack.count() - 1:
            self.forward()
        elif alt and event.key() == behind:
            self.back()
        else:
            super().keyPressEvent(event)
