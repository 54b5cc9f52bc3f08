"""Step 5, the summary: the handout on screen, printed through Qt or saved as PDF.

The PDF lives in memory only; nothing of the patient is left in a temporary file.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import pdf_output
from pgdesk.ui.feedback import attempt


class SummaryStep(QWidget):
    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.pdf: bytes = b""
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_handout)
        self.save_button = QPushButton(self.tr("Opslaan als &PDF…"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save_pdf)
        title = QLabel(self.tr("Samenvatting voor de patiënt"))
        title.setObjectName("stepTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def focus_widget(self) -> QWidget:
        return self.print_button

    def refresh(self) -> None:
        """Render the handout from what is stored now."""
        from pgdesk.reports.handout import render_handout, trajectory_start  # reportlab: lazily

        session = self.session
        start = trajectory_start(session.store, session.id, session.instrument)
        self.pdf = render_handout(session.view(), session.instrument, start=start)
        self._buffer = pdf_output.load_pdf(self.document, self.pdf, self)

    def print_handout(self, *, printer: QPrinter | None = None, ask: bool = True) -> bool:
        if not self.pdf:
            self.refresh()
        if not pdf_output.print_pdf(self, self.document, self.tr("Samenvatting afdrukken"),
                         printer=printer, ask=ask):
            return False
        self._log_handout()
        return True

    def save_pdf(self, path: str | None = None) -> bool:
        if not self.pdf:
            self.refresh()
        if not pdf_output.save_pdf(self, self.pdf, f"samenvatting-{self.session.c.date}.pdf", path):
            return False
        self._log_handout()
        return True

    def _log_handout(self) -> None:
        attempt(self, self.session.store.record_exported, self.session.patient.id, "handout")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, 800)


