"""The main window: patient list, patient page and consultation, one at a time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from pgdesk import __version__
from pgdesk.domain.instrument import Instrument
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.dialogs import PatientDialog, ProfessionalDialog
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.labels import role_label
from pgdesk.ui.patient_list_page import PatientListPage
from pgdesk.ui.patient_page import PatientPage
from pgdesk.ui.style import STYLE_SHEET


class MainWindow(QMainWindow):
    def __init__(self, store: Store, instrument: Instrument):
        super().__init__()
        self.store = store
        self.instrument = instrument
        self.demo = store.setting("demo") == "1"
        self.setStyleSheet(STYLE_SHEET)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.list_page = PatientListPage(store)
        self.patient_page = PatientPage(store)
        self.consultation_page = None
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.patient_page)

        self.list_page.patientChosen.connect(self.show_patient)
        self.list_page.addRequested.connect(self.add_patient)
        self.patient_page.back.connect(self.show_list)
        self.patient_page.newConsultation.connect(self.new_consultation)
        self.patient_page.openConsultation.connect(self.open_consultation)
        self.patient_page.editPatient.connect(self.edit_patient)

        self._build_menu()
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        where = self.tr("DEMO: verzonnen patiënten, niet versleuteld") if self.demo \
            else str(store.path)
        self.statusBar().addWidget(QLabel(where))
        self._update_title()
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        self.show_list()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        for text, seq, slot in (
            (self.tr("&Nieuwe patiënt…"), "Ctrl+Shift+N", self.add_patient),
            (self.tr("&Zoek patiënt"), "Ctrl+F", self.show_list),
            (self.tr("&Wie werkt er?…"), None, self.choose_professional),
            (self.tr("&Afsluiten"), "Ctrl+Q", self.close),
        ):
            action = QAction(text, self)
            if seq:
                action.setShortcut(QKeySequence(seq))
            action.triggered.connect(slot)
            menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&Over pgdesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        QShortcut(QKeySequence("Ctrl+N"), self.patient_page, activated=self.new_consultation)
        QShortcut(QKeySequence("Escape"), self.patient_page, activated=self.show_list)

    def _update_title(self) -> None:
        title = "pgdesk" + (" — DEMO" if self.demo else "")
        self.setWindowTitle(title)
        pro = self.store.current_professional()
        self.who.setText(f"{pro.name} ({role_label(pro.role)})" if pro else "")

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Over pgdesk"), self.tr(
            "pgdesk %1\n\nHet gesprek over Positieve Gezondheid in de praktijk: spinnenweb, "
            "actiewiel, plan en een samenvatting voor de patiënt.\n\nAlle gegevens blijven op "
            "deze computer.").replace("%1", __version__))

    # -- who is working -------------------------------------------------------
    def ensure_professional(self) -> bool:
        if self.store.current_professional():
            return True
        return self.choose_professional()

    def choose_professional(self) -> bool:
        current = self.store.current_professional()
        dialog = ProfessionalDialog(self, self.store.professionals(), current.id if current else None)
        if dialog.exec() != ProfessionalDialog.DialogCode.Accepted:
            return current is not None
        pro_id = dialog.chosen_id()
        if pro_id is None:
            pro = guarded(self, self.store.add_professional, *dialog.values())
            if pro is None:
                return False
            pro_id = pro.id
        if not attempt(self, self.store.set_current_professional, pro_id):
            return False
        self._update_title()
        return True

    # -- navigation -----------------------------------------------------------
    def show_list(self) -> None:
        self._drop_consultation()
        self.list_page.refresh()
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.focus_search()

    def show_patient(self, patient_id: str) -> None:
        self._drop_consultation()
        if not attempt(self, self.patient_page.show_patient, patient_id):
            return
        self.stack.setCurrentWidget(self.patient_page)
        self.patient_page.new_button.setFocus()

    def add_patient(self) -> None:
        dialog = PatientDialog(self)
        if dialog.exec() == PatientDialog.DialogCode.Accepted:
            patient = guarded(self, self.store.add_patient, *dialog.values())
            if patient:
                self.show_patient(patient.id)

    def edit_patient(self) -> None:
        pid = self.patient_page.patient_id
        dialog = PatientDialog(self, self.store.patient(pid))
        if dialog.exec() == PatientDialog.DialogCode.Accepted:
            if guarded(self, self.store.update_patient, pid, *dialog.values()):
                self.show_patient(pid)

    def new_consultation(self) -> None:
        pid = self.patient_page.patient_id
        pro = self.store.current_professional()
        c = guarded(self, self.store.new_consultation, pid, pro.id if pro else None)
        if c:
            self.open_consultation(c.id)

    def open_consultation(self, consultation_id: str) -> None:
        from pgdesk.ui.consultation.page import ConsultationPage

        session = guarded(self, ConsultationSession, self.store, self.instrument, consultation_id)
        if session is None:
            return
        self._drop_consultation()
        self.consultation_page = ConsultationPage(session)
        self.consultation_page.closed.connect(lambda: self.show_patient(session.patient.id))
        self.stack.addWidget(self.consultation_page)
        self.stack.setCurrentWidget(self.consultation_page)
        self.consultation_page.steps[self.consultation_page.index].focus_widget().setFocus()

    def _drop_consultation(self) -> None:
        if self.consultation_page is not None:
            page, self.consultation_page = self.consultation_page, None
            page.leave_current()  # whatever was typed last is stored before the page goes
            self.stack.removeWidget(page)
            page.deleteLater()

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.consultation_page is not None and not self.consultation_page.leave_current():
            event.ignore()
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
