"""A PDF held in memory, shown, printed through Qt, or saved where the user chooses.

Patient PDFs are never written to a temporary file: printing renders the pages from
memory; only a file the user saves on purpose reaches the disk.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.ui import plain

translate = QCoreApplication.translate  # module functions: explicit context


def load_pdf(document: QPdfDocument, data: bytes, owner: QObject) -> QBuffer:
    """Load `data` into `document`; keep the returned buffer alive as long as the document."""
    document.close()
    buffer = QBuffer(owner)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def paint_pdf(document: QPdfDocument, printer: QPrinter, parent: QWidget) -> bool:
    painter = QPainter()
    if not painter.begin(printer):
        plain.warning(parent, "pgdesk", translate("PdfOutput", "De printer kon niet worden gestart."))
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = document.render(page, QSize(int(size.width() * scale),
                                                int(size.height() * scale)))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return True


def print_pdf(parent: QWidget, document: QPdfDocument, title: str, *,
              printer: QPrinter | None = None, ask: bool = True) -> bool:
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    return paint_pdf(document, printer, parent)


def print_pdf_bytes(parent: QWidget, data: bytes, title: str, *,
                    printer: QPrinter | None = None, ask: bool = True) -> bool:
    """Print a PDF that is not on screen (a report rendered on request), from memory."""
    document = QPdfDocument(parent)
    buffer = load_pdf(document, data, parent)
    try:
        return print_pdf(parent, document, title, printer=printer, ask=ask)
    finally:
        document.close()
        buffer.close()


def report_buttons(dialog: QDialog, on_print, on_save) -> QDialogButtonBox:
    """Close, Print… and Save as PDF… for a dialog showing a printable report."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("PdfOutput", "Sluiten"))
    dialog.print_button = buttons.addButton(translate("PdfOutput", "&Afdrukken…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
    dialog.save_button = buttons.addButton(translate("PdfOutput", "Opslaan als &PDF…"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
    dialog.print_button.clicked.connect(lambda: on_print())
    dialog.save_button.clicked.connect(lambda: on_save())
    buttons.rejected.connect(dialog.reject)
    return buttons


def save_pdf(parent: QWidget, data: bytes, suggested: str, path: str | None = None) -> bool:
    from pgdesk.reports.files import write_atomically

    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("PdfOutput", "Opslaan als PDF"), suggested,
                                              translate("PdfOutput", "PDF-bestanden (*.pdf)"))
        if not path:
            return False
    try:
        write_atomically(path, data)
    except PgdeskError as exc:
        plain.warning(parent, "pgdesk", str(exc))
        return False
    return True
