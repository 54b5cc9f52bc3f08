"""Patiënt → Gesprek exporteren als FHIR: the open (or selected, or latest) conversation as a
FHIR R4 document, with or without the patient's identity as the practice chooses (the choice
is kept for the next time); the file and its access-log line are written together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QRadioButton, QWidget

from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.feedback import guarded
from pgdesk.ui.pdf_output import in_documents
from pgdesk.ui.plain import Label

translate = QCoreApplication.translate


class FhirExportDialog(FormDialog):
    def __init__(self, identity: bool, parent=None):
        super().__init__(self.tr("Exporteren als FHIR"), parent)
        intro = Label(self.tr(
            "Het gesprek (spinnenweb, antwoorden, plan, verwijzingen en het SOEP-verslag) als "
            "FHIR R4-document (JSON) voor een ander zorgsysteem. Wat gaat er mee over de patiënt?"))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.without = QRadioButton(self.tr("&Zonder naam, geboortedatum en HIS-nummer"))
        self.with_identity = QRadioButton(self.tr("&Met naam, geboortedatum en HIS-nummer"))
        (self.with_identity if identity else self.without).setChecked(True)
        self.form.addRow(self.without)
        self.form.addRow(self.with_identity)
        note = Label(self.tr("Deze keuze geldt voor de hele praktijk en blijft bewaard."))
        note.setObjectName("quiet")
        self.form.addRow(note)
        self.trajectory = QCheckBox(self.tr("Het hele &traject: alle gesprekken van dit traject"))
        self.form.addRow(self.trajectory)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Verder…"))
        self.setMinimumWidth(560)

    def validate(self) -> None:
        pass


def _conversation(window) -> str | None:
    page = window.consultation_page
    if page is not None:
        return page.session.id
    if window.stack.currentWidget() is not window.patient_page:
        return None
    chosen = window.patient_page.selected_consultation_id()
    if chosen:
        return chosen
    rows = window.store.consultations_for(window.patient_page.patient_id)
    return rows[0]["id"] if rows else None


def export_fhir(parent: QWidget, store: Store, consultation_id: str, path: str | None = None
                ) -> Path | None:
    """Ask with or without identity and where, then write; the file, or None."""
    from pgdesk.reports.fhir import fhir_json
    from pgdesk.reports.files import write_atomically
    from pgdesk.storage.fhir_data import (
        FHIR_WHAT,
        fhir_data,
        set_with_identity,
        trajectory_data,
        with_identity,
    )

    dialog = FhirExportDialog(with_identity(store), parent)
    accepted = dialog.exec() == FormDialog.DialogCode.Accepted
    identity = dialog.with_identity.isChecked()
    whole = dialog.trajectory.isChecked()
    dialog.deleteLater()
    if not accepted or not guarded(parent, lambda: set_with_identity(store, identity) or True):
        return None
    patient_id = store.consultation(consultation_id).patient_id
    if path is None:
        # Named by record number and date, never by the patient's name (as the AVG export).
        name = f"pgdesk-fhir-{patient_id[:8]}-{dt.date.today().isoformat()}.json"
        path, _ = QFileDialog.getSaveFileName(
            parent, translate("FhirExport", "FHIR-document opslaan"), in_documents(name),
            translate("FhirExport", "FHIR JSON (*.json)"))
        if not path:
            return None
    from pgdesk.domain.content import shipped_instrument

    def write() -> bool:
        gather = trajectory_data if whole else fhir_data
        data = fhir_json(gather(store, consultation_id), shipped_instrument("nl"))
        with store.db.atomic():  # the log line is kept only when the file was written
            store.record_exported(patient_id, FHIR_WHAT)
            write_atomically(path, data)
        return True

    if not guarded(parent, write):
        return None
    text = translate("FhirExport", "Het gesprek staat als FHIR-document in:\n%1").replace("%1", path)
    if identity:
        text += "\n\n" + translate("FhirExport", "Het bestand bevat naam, geboortedatum en "
                                                 "HIS-nummer: bewaar en verstuur het zorgvuldig.")
    plain.information(parent, "pgdesk", text)
    return Path(path)


def export_from_window(window) -> Path | None:
    """The menu's action, on the conversation the window shows or the patient's latest."""
    cid = _conversation(window)
    if cid is None:
        plain.information(window, "pgdesk", translate(
            "FhirExport", "Er is nog geen gesprek met deze patiënt om te exporteren."))
        return None
    return export_fhir(window, window.store, cid)
