"""Score one dimension per aspect; the dimension score then follows their mean."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from pgdesk.domain.numbers import format_number
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.chart_colours import widget_colours
from pgdesk.ui.feedback import attempt
from pgdesk.ui.patient_mode.pictograms import aspect_pictogram
from pgdesk.ui.plain import Label


class AspectDialog(QDialog):
    def __init__(self, session: ConsultationSession, dimension_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.dim = session.instrument.dimension(dimension_id)
        self.setWindowTitle(self.tr("Aspecten van %1").replace("%1", self.dim.name))
        intro = Label(self.dim.explanation)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(Label(self.tr("<b>Aspect</b>"), rich=True), 0, 0)
        grid.addWidget(Label(self.tr("<b>Cijfer</b>"), rich=True), 0, 1)
        grid.addWidget(Label(self.tr("<b>Hier wil ik over praten</b>"), rich=True), 0, 2)
        scores = session.c.aspect_scores.get(self.dim.id, {})
        self.spins: dict[str, QSpinBox] = {}
        for row, aspect in enumerate(self.dim.aspects, start=1):
            name = Label(aspect.name)
            spin = QSpinBox()
            spin.setRange(-1, 10)
            spin.setSpecialValueText("–")  # -1 shows as "not scored"
            spin.setValue(scores.get(aspect.id, -1))
            spin.setAccessibleName(aspect.name)
            spin.setMaximumWidth(90)
            name.setBuddy(spin)
            spin.valueChanged.connect(lambda v, a=aspect.id: self._set(a, v))
            talk = QCheckBox()
            talk.setAccessibleName(self.tr("Praten over %1").replace("%1", aspect.name))
            talk.setChecked((self.dim.id, aspect.id) in session.c.talk)
            talk.toggled.connect(lambda on, a=aspect.id: attempt(
                self, session.set_mark, "talk", self.dim.id, a, on))
            if aspect.icon:  # eenvoudig, kind: the pictogram the patient sees, beside the words
                head = QHBoxLayout()
                head.addWidget(aspect_pictogram(aspect.icon, 24, widget_colours(self).accent))
                head.addWidget(name, 1)
                grid.addLayout(head, row, 0)
            else:
                grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(talk, row, 2)
            self.spins[aspect.id] = spin
        self.summary = Label()
        self.use_mean = QPushButton(self.tr("Gebruik het &gemiddelde als cijfer"))
        self.use_mean.clicked.connect(self._use_mean)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Klaar"))
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.use_mean)
        layout.addWidget(buttons)
        self._show_summary()
        if self.dim.aspects:
            self.spins[self.dim.aspects[0].id].setFocus()

    def _set(self, aspect_id: str, value: int) -> None:
        attempt(self, self.session.set_aspect_score, self.dim.id, aspect_id,
                None if value < 0 else value)
        self._show_summary()

    def _use_mean(self) -> None:
        attempt(self, self.session.set_score, self.dim.id, None)
        self._show_summary()

    def _show_summary(self) -> None:
        s = self.session.score(self.dim.id)
        mean = "–" if s.aspect_mean is None else format_number(s.aspect_mean, fixed=True)
        if s.source == "manual":
            text = self.tr("Gemiddelde van de aspecten: %1. U gaf %2 zelf een %3.").replace(
                "%1", mean).replace("%2", self.dim.name).replace("%3", f"{s.value:g}")
        else:
            text = self.tr("Gemiddelde van de aspecten: %1. Het cijfer van %2 volgt dit "
                           "gemiddelde.").replace("%1", mean).replace("%2", self.dim.name)
        self.summary.setText(text)
        self.use_mean.setVisible(s.source == "manual" and s.aspect_mean is not None)
