"""Step 5, the summary: the handout on screen, printed through Qt or saved as PDF.

The PDF lives in memory only; nothing of the patient is left in a temporary file.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage.session import ConsultationSession


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
        from pgdesk.reports.handout import render_handout  # reportlab: only when needed

        self.pdf = render_handout(self.session.view(), self.session.instrument)
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def print_handout(self, *, printer: QPrinter | None = None, ask: bool = True) -> bool:
        if not self.pdf:
            self.refresh()
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if ask:
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Samenvatting afdrukken"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        self.paint_pages(printer)
        return True

    def paint_pages(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "pgdesk", self.tr("De printer kon niet worden gestart."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = self.document.render(
                    page, QSize(int(size.width() * scale), int(size.height() * scale)))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def save_pdf(self, path: str | None = None) -> bool:
        from pgdesk.reports.files import write_atomically

        if not self.pdf:
            self.refresh()
        if path is None:
            suggested = f"samenvatting-{self.session.c.date}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Opslaan als PDF"), suggested,
                                                  self.tr("PDF-bestanden (*.pdf)"))
            if not path:
                return False
        try:
            write_atomically(path, self.pdf)
        except PgdeskError as exc:
            QMessageBox.warning(self, "pgdesk", str(exc))
            return False
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, 800)


