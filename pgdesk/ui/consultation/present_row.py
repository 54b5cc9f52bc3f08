"""'Aanwezig bij het gesprek': a relative or mantelzorger, an interpreter, or the web filled in
on the patient's behalf; stored with the conversation the moment it is ticked, said in the SOEP
text and counted (never named) in the evaluation export."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from pgdesk.domain.documents import PRESENT
from pgdesk.storage.session import ConsultationSession
from pgdesk.storage.variants import present, set_present
from pgdesk.ui.feedback import attempt, guarded


class PresentRow(QWidget):
    def __init__(self, session: ConsultationSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        labels = {"naaste": self.tr("naaste / mantelzorger"), "tolk": self.tr("tolk"),
                  "namens": self.tr("ingevuld namens de patiënt")}
        self.boxes = {code: QCheckBox(labels[code]) for code in PRESENT}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():
            box.setAccessibleDescription(self.tr("Aanwezig bij het gesprek"))
            layout.addWidget(box)
            box.toggled.connect(self._toggled)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        given = guarded(self, present, self.session.store, self.session.id) or ()
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in given)
            box.blockSignals(False)

    def _toggled(self, _on: bool) -> None:
        chosen = [code for code, box in self.boxes.items() if box.isChecked()]
        if not attempt(self, set_present, self.session.store, self.session.id, chosen):
            self.load()  # not stored: show what is
