"""Step 3, the actiewiel: one question at a time, large, answered in the patient's words."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.conflicts import save_text
from pgdesk.ui.plain import Label


class WheelStep(QWidget):
    moved = Signal(int)

    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        from pgdesk.ui.consultation.wheel_picture import WheelPicture

        self.session = session
        self.steps = session.instrument.wheel
        self.index = min(session.c.wheel_index, len(self.steps) - 1)
        self.picture = WheelPicture([s.question for s in self.steps])
        self.picture.segmentClicked.connect(self.go_to)
        self.topic = Label()
        self.topic.setObjectName("hint")
        self.topic.setWordWrap(True)
        self.counter = Label()
        self.counter.setObjectName("hint")
        self.question = Label()
        self.question.setObjectName("bigQuestion")
        self.question.setWordWrap(True)
        self.prompts = Label()
        self.prompts.setWordWrap(True)
        self.prompts.setObjectName("prompts")
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("Het antwoord, in de woorden van de patiënt…"))
        self.answer.setObjectName("answer")
        self.answer.setTabChangesFocus(True)
        hint = Label(self.tr("Ctrl+Enter: volgende vraag. Alt+←: vorige. "
                              "Elk antwoord wordt meteen bewaard."))
        hint.setObjectName("hint")
        self.question.setBuddy(self.answer)

        right = QVBoxLayout()
        right.addWidget(self.topic)
        right.addWidget(self.counter)
        right.addWidget(self.question)
        right.addWidget(self.prompts)
        right.addWidget(self.answer, 1)
        right.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picture, 2)
        layout.addLayout(right, 3)

        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.flush)
        self.answer.textChanged.connect(self._save_timer.start)
        self._show()

    def focus_widget(self) -> QWidget:
        return self.answer

    def refresh(self) -> None:
        """Show the one topic this wheel is about (chosen in the step before); the others wait."""
        from pgdesk.ui.consultation.focus_step import starts_with

        inst, c = self.session.instrument, self.session.c
        start = starts_with(self.session)
        if start is None:
            self.topic.setText(self.tr("Nog geen onderwerp gekozen."))
            return
        d = inst.dimension(start)
        aspects = [d.aspect(a).name for dim, a in sorted(c.focus) if dim == start and a]
        topic = f"{d.name}: {', '.join(aspects)}" if aspects else d.name
        later = [x.name for x in inst.dimensions if x.id != start and any(f == x.id for f, _ in c.focus)]
        text = self.tr("Onderwerp: %1").replace("%1", topic)
        if later:
            text += " " + self.tr("(later: %1)").replace("%1", ", ".join(later))
        self.topic.setText(text)

    def _show(self) -> None:
        step = self.steps[self.index]
        self.counter.setText(self.tr("Vraag %1 van %2").replace("%1", str(self.index + 1))
                             .replace("%2", str(len(self.steps))))
        self.question.setText(step.question)
        self.prompts.setText("\n".join(f"• {p}" for p in step.prompts))
        self._show_answer(self.session.c.wheel_answers.get(step.id, ""))
        answered = {i for i, s in enumerate(self.steps)
                    if self.session.c.wheel_answers.get(s.id, "").strip()}
        self.picture.set_state(self.index, answered)
        self.refresh()

    def flush(self) -> bool:
        """Store the answer being typed now (also done 0.4 s after each keystroke)."""
        self._save_timer.stop()
        return save_text(self, self.session, f"wheel:{self.steps[self.index].id}",
                         self.answer.toPlainText(), self._show_answer)

    def _show_answer(self, text: str) -> None:
        self.answer.blockSignals(True)
        self.answer.setPlainText(text)
        self.answer.blockSignals(False)
        self.answer.moveCursor(self.answer.textCursor().MoveOperation.End)

    def go_to(self, index: int) -> None:
        if not self.flush():
            return
        self.index = max(0, min(index, len(self.steps) - 1))
        self._show()
        self.moved.emit(self.index)
        self.answer.setFocus()

    def next(self) -> bool:
        """Go to the next question; False when the wheel is done and the step may be left."""
        if self.index >= len(self.steps) - 1:
            return not self.flush()
        self.go_to(self.index + 1)
        return True

    def back(self) -> bool:
        """Go to the previous question; False at the first one."""
        if self.index == 0:
            return not self.flush()
        self.go_to(self.index - 1)
        return True
