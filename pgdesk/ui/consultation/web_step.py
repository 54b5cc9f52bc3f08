"""Step 1, the spinnenweb: radar chart and score list, kept in step with each other; the earlier
webs of the same trajectory behind it, each one switchable."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.scores import DimensionScore
from pgdesk.storage.patient_answers import PatientAnswers, patient_answers
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.consultation.aspect_dialog import AspectDialog
from pgdesk.ui.consultation.patient_note import patient_note
from pgdesk.ui.consultation.score_table import ScoreTable, format_score
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label
from pgdesk.ui.practice_details_dialog import history_while_scoring
from pgdesk.ui.web_history import WebHistory, earlier_webs


class WebStep(QWidget):
    finished = Signal()

    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.dims = session.instrument.dimensions
        # The chart (pyqtgraph) is built here, only once a consultation opens.
        self.history = WebHistory([d.name for d in self.dims])
        self.radar = self.history.radar
        self.table = ScoreTable([d.name for d in self.dims])
        self.table.setAccessibleName(self.tr("Cijfers per dimensie"))
        self.table.setAccessibleDescription(self.tr("Typ een cijfer van 0 tot 10 bij elke dimensie"))
        self.explanation = Label(rich=True)  # bold name above; both escaped below
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("explanation")
        hint = Label(self._usual_hint())
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        aspects = QPushButton(self.tr("&Aspecten…"))
        aspects.clicked.connect(lambda: self.open_aspects(self.table.currentRow()))
        talk = QPushButton(self.tr("Hier wil ik over &praten"))
        talk.clicked.connect(lambda: self.toggle_talk(self.table.currentRow()))

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(aspects)
        row.addWidget(talk)
        right.addLayout(row)
        right.addWidget(self.explanation)
        # what the patient filled in (patient mode), beside what is agreed now
        self.own = guarded(self, patient_answers, session.store, session.id) or PatientAnswers()
        self.patient_note = Label()
        self.patient_note.setWordWrap(True)
        self.patient_note.setObjectName("patientNote")
        right.addWidget(self.patient_note)
        right.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addWidget(self.history, 3)
        layout.addLayout(right, 2)

        self.table.scoreEntered.connect(self.set_score)
        self.table.scoreCleared.connect(lambda r: self.set_score(r, None))
        self.table.talkToggled.connect(self.toggle_talk)
        self.table.aspectsRequested.connect(self.open_aspects)
        self.table.currentCellChanged.connect(lambda r, *_: self._select(r))
        self.table.finished.connect(self.finished)
        self.table.waitingForTen.connect(lambda waiting: hint.setText(
            self.tr("1 getypt: typ 0 voor een 10, of Enter om de 1 te houden.") if waiting
            else self._usual_hint()))
        self.hint = hint
        self.radar.scoreChanged.connect(self.set_score)
        self.radar.axisSelected.connect(self.table.selectRow)
        self._history_for: tuple[str, str] | None = None
        self.refresh()
        self._select(0)

    def focus_widget(self) -> QWidget:
        return self.table

    def _usual_hint(self) -> str:
        return self.tr("Typ een cijfer van 0 tot en met 10 (voor 10: eerst 1, dan 0). "
                       "Spatie: hier wil ik over praten. A: per aspect scoren. "
                       "Of sleep de punten in het web.")

    def _talks(self, row: int) -> bool:
        """Marked "hier wil ik over praten", for the dimension itself or one of its aspects."""
        return any(dim == self.dims[row].id for dim, _a in self.session.c.talk)

    def _show_row(self, row: int, score: DimensionScore | None = None) -> None:
        if score is None:
            score = self.session.score(self.dims[row].id)
        self.table.show_row(row, format_score(score, self.tr("gem.")),
                            self._talks(row), self.tr("Hier wil ik over praten"))

    def _history_key(self) -> tuple[str, str, bool]:
        """What the earlier webs shown depend on: the conversation's type and date, and whether
        they are shown at all. While the patient gives numbers they are hidden until every
        dimension has one (the number is the patient's own now, not one to beat), unless the
        practice keeps them visible (Praktijk → Gegevens van de praktijk)."""
        c = self.session.c
        return c.type, c.date, self._keep_history or c.is_scored(self.session.instrument)

    def load_history(self) -> None:
        """The earlier webs to compare with (they change with the conversation's type)."""
        self._history_for = self._history_key()
        shown = self._history_for[2]
        self.history.set_webs((guarded(self, earlier_webs, self.session) or []) if shown else [])

    def refresh(self) -> None:
        # the practice's choice, read here and not on every score typed
        self._keep_history = bool(guarded(self, history_while_scoring, self.session.store))
        if self._history_for != self._history_key():
            self.load_history()
        for row in range(len(self.dims)):
            self._show_row(row)
        self.radar.set_scores(self.session.c.scores(self.session.instrument))
        self.radar.set_marked({row for row in range(len(self.dims)) if self._talks(row)})
        self._show_note(self.table.currentRow())

    def show_stored(self) -> None:
        """What the patient answered meanwhile on their own screen: the numbers, marks and the
        patient's own answers as stored now (nothing typed is touched). Silent when it cannot be
        read now: it follows a change notice, and the next one tries again (a conversation gone
        or taken over is the hold's to tell)."""
        try:
            self.session.follow_stored()
            self.own = patient_answers(self.session.store, self.session.id)
        except PgdeskError:
            return
        self.refresh()

    def _show_note(self, row: int) -> None:
        text = patient_note(self.session, self.own, row) if 0 <= row < len(self.dims) else ""
        self.patient_note.setText(text)
        self.patient_note.setVisible(bool(text))

    def set_score(self, row: int, value: int | None) -> None:
        if not 0 <= row < len(self.dims):
            return
        if not attempt(self, self.session.set_score, self.dims[row].id, value):
            self.refresh()  # refused: show what is really stored
            return
        score = self.session.score(self.dims[row].id)
        self._show_row(row, score)
        self._show_note(row)
        self.radar.set_score(row, score.value)
        if self._history_for != self._history_key():  # the last number given: earlier webs appear
            self.load_history()

    def toggle_talk(self, row: int) -> None:
        if 0 <= row < len(self.dims):
            key = (self.dims[row].id, "")
            attempt(self, self.session.set_mark, "talk", key[0], "", key not in self.session.c.talk)
            self.refresh()

    def open_aspects(self, row: int) -> None:
        if 0 <= row < len(self.dims) and self.dims[row].aspects:
            AspectDialog(self.session, self.dims[row].id, self).exec()
            self.refresh()
            self.table.setFocus()

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.dims):
            d = self.dims[row]
            self.explanation.setText(f"<b>{escape(d.name)}</b><br>{escape(d.explanation)}")
            self._show_note(row)
            self.radar.set_current(row)
