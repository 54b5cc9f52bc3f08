"""What can be done with one patient's record beyond the conversation: who saw it (the access
log), everything we hold (AVG export), and erasure on request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage import access_log
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label

translate = QCoreApplication.translate  # module functions: explicit context


def _patient_dict(store: Store, patient_id: str) -> dict:
    p = store.patient(patient_id)
    return {"id": p.id, "display_name": p.display_name, "birth_date": p.birth_date,
            "practice_number": p.practice_number}


class AccessLogDialog(QDialog):
    """The log of one patient, oldest first, in words the patient can read; printable."""

    def __init__(self, store: Store, instrument: Instrument, patient_id: str, parent=None):
        from pgdesk.reports.access_log import group_lines, log_table_rows

        super().__init__(parent)
        self.store, self.instrument, self.patient_id = store, instrument, patient_id
        patient = store.patient(patient_id)
        self.setWindowTitle(self.tr("Inzagelog: %1").replace("%1", patient.display_name))
        self.lines = access_log.lines_for(store.db, patient_id)
        rows = log_table_rows(group_lines(self.lines), instrument)
        intro = Label(self.tr(
            "Iedere keer dat iemand het dossier van %1 opende, wijzigde, afdrukte of exporteerde, "
            "staat hier: wanneer, wie en op welke computer.").replace("%1", patient.display_name))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Wanneer"), self.tr("Wie"), self.tr("Computer"), self.tr("Wat")])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.scrollToBottom()
        from pgdesk.ui import pdf_output  # printing support loads when a dialog needs it, not at start

        buttons = pdf_output.report_buttons(self, self.print_log, self.save_log)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 560)

    def render(self) -> bytes:
        from pgdesk.reports.access_log import render_access_log

        return render_access_log(_patient_dict(self.store, self.patient_id), self.lines,
                                 self.instrument, printed_at=access_log.utc_now())

    def print_log(self, *, printer=None, ask: bool = True) -> bool:
        from pgdesk.ui import pdf_output

        if not pdf_output.print_pdf_bytes(self, self.render(), self.tr("Inzagelog afdrukken"),
                                          printer=printer, ask=ask):
            return False
        return attempt(self, self.store.record_exported, self.patient_id, "access_log")

    def save_log(self, path: str | None = None) -> bool:
        from pgdesk.ui import pdf_output

        if not pdf_output.save_pdf(self, self.render(), "inzagelog.pdf", path):
            return False
        return attempt(self, self.store.record_exported, self.patient_id, "access_log")


def export_everything(parent: QWidget, store: Store, instrument: Instrument, patient_id: str,
                      folder: str | None = None) -> list[Path] | None:
    """AVG right of access: a readable PDF and a machine-readable JSON, into a chosen folder."""
    from pgdesk.reports.files import write_atomically
    from pgdesk.reports.patient_export import export_json, render_patient_export
    from pgdesk.storage.patient_rights import export_patient

    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            parent, translate("PatientActions", "Map voor de export kiezen"))
        if not folder:
            return None
    data = guarded(parent, export_patient, store, patient_id)
    if data is None:
        return None
    # Named by record number and date, never by the patient's name: file names end up in
    # recent-file lists, backups of the export folder and mail attachments.
    stem = f"pgdesk-export-{patient_id[:8]}-{dt.date.today().isoformat()}"
    files = [Path(folder) / f"{stem}.pdf", Path(folder) / f"{stem}.json"]
    written = guarded(parent, lambda: [
        write_atomically(files[0], render_patient_export(data, instrument)),
        write_atomically(files[1], export_json(data))])
    if written is None:
        return None
    plain.information(parent, "pgdesk", translate("PatientActions",
        "Alles wat pgdesk over deze patiënt bewaart, staat nu in:\n%1\n%2").replace(
        "%1", str(files[0])).replace("%2", str(files[1])))
    return files


def erase(parent: QWidget, store: Store, patient_id: str, *, confirm_text: str | None = None) -> bool:
    """Erase a patient on request (AVG/WGBO), after typing their name to confirm."""
    from pgdesk.storage.patient_rights import erase_patient

    patient = store.patient(patient_id)
    question = translate("PatientActions",
        "U verwijdert %1 (geboren %2) en alle gesprekken volledig. Dit kan niet ongedaan worden "
        "gemaakt. In het inzagelog blijft alleen staan dat het dossier is verwijderd. Bestaande "
        "reservekopieën bevatten de gegevens nog tot ze vervallen (na hoogstens twaalf maanden)."
        "\n\nTyp de naam van de patiënt om te bevestigen:").replace(
        "%1", patient.display_name).replace("%2", display_birth_date(patient.birth_date) or "–")
    if confirm_text is None:
        confirm_text, ok = plain.get_text(
            parent, translate("PatientActions", "Patiënt verwijderen"), question)
        if not ok:
            return False
    if confirm_text.strip().casefold() != patient.display_name.casefold():
        plain.warning(parent, "pgdesk", translate("PatientActions",
            "De naam klopt niet; er is niets verwijderd."))
        return False
    return attempt(parent, erase_patient, store, patient_id)
