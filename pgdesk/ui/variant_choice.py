"""The instrument variant per patient (Volwassenen, Eenvoudig, Jongeren, Kind or a practice's
own): a choice on the patient page, remembered, and the instrument the conversation then uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from pgdesk.domain.content import ADULT, variant_instrument, variant_names
from pgdesk.domain.instrument import Instrument
from pgdesk.storage.variants import instrument_variant, set_instrument_variant
from pgdesk.ui.feedback import attempt, guarded

translate = QCoreApplication.translate  # module functions: explicit context


def _names() -> dict[str, str]:
    return {ADULT: translate("Variant", "Volwassenen"),
            "eenvoudig": translate("Variant", "Eenvoudig (A2)"),
            "jongeren": translate("Variant", "Jongeren (16-25)"),
            "kind": translate("Variant", "Kind (8-12, met ouder)")}


def consult_instrument(parent: QWidget, store, screen: Instrument, consultation_id: str) -> Instrument:
    """The instrument a conversation is held in: on Dutch screens the patient's variant."""
    if screen.language != "nl":
        return screen
    found = guarded(parent, lambda: instrument_variant(
        store, store.consultation(consultation_id).patient_id))
    return screen if found in (None, ADULT) else variant_instrument(found)


class VariantBox(QComboBox):
    """The patient's variant; choosing one stores it at once."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.patient_id: str | None = None
        names = _names()
        for name in variant_names():
            self.addItem(names.get(name, name.capitalize()), name)
        self.setToolTip(self.tr("De woorden van het gesprek: volwassenen, eenvoudige taal, "
                                "jongeren of kind; onthouden voor deze patiënt"))
        self.setAccessibleName(self.tr("Variant van het gesprek"))
        self.currentIndexChanged.connect(self._chosen)

    def show_patient(self, patient_id: str) -> None:
        self.patient_id = patient_id
        variant = guarded(self, instrument_variant, self.store, patient_id) or ADULT
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(variant)))
        self.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        if self.patient_id is not None:
            attempt(self, set_instrument_variant, self.store, self.patient_id, self.currentData())
            self.show_patient(self.patient_id)
