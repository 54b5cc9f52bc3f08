"""A PDF held in memory, shown, printed through Qt, or saved where the user chooses.

Patient PDFs are never written to a temporary file: printing renders the pages from
memory; only a file the user saves on purpose reaches the disk.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    QRect,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QWidget,
)

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


PRINT_DPI = 600  # sharp on paper; 1200 dpi made a 12 MB job for a 48 KB handout
# The page is rendered in strips, so memory stays small at any resolution (a whole A4 page at
# 600 dpi is 140 MB). Strips end in white space between lines: text cut by a strip's edge is
# rendered a sliver apart in the two strips.
BAND_MIN, BAND_MAX = 256, 1024  # device pixels (1024 rows of A4 at 600 dpi: 20 MB)
PREVIEW_DPI = 75


def band_cuts(document: QPdfDocument, page: int, height: int) -> list[int]:
    """Where the strips of a page `height` device pixels high begin and end: in white rows."""
    points = document.pagePointSize(page)
    preview = on_white(document.render(page, QSize(round(points.width() * PREVIEW_DPI / 72),
                                                   round(points.height() * PREVIEW_DPI / 72))))
    preview = preview.convertToFormat(QImage.Format.Format_Grayscale8)
    row_bytes, width = preview.bytesPerLine(), preview.width()
    data = bytes(preview.constBits())
    scale = height / preview.height()
    # a row is white when it and its neighbours are: the preview is coarse
    white = [min(data[y * row_bytes:y * row_bytes + width]) >= 250 for y in range(preview.height())]
    safe = [y for y in range(1, len(white) - 1) if white[y - 1] and white[y] and white[y + 1]]
    cuts = [0]
    while height - cuts[-1] > BAND_MAX:
        lowest, highest = cuts[-1] + BAND_MIN, cuts[-1] + BAND_MAX
        inside = [round(y * scale) for y in safe if lowest <= round(y * scale) <= highest]
        cuts.append(inside[-1] if inside else highest)
    cuts.append(height)
    return cuts


def document_layout(document: QPdfDocument, page: int = 0) -> QPageLayout:
    """The paper of the document's page, without margins: printing is 1:1 on the full page."""
    size = document.pagePointSize(page)
    orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                   else QPageLayout.Orientation.Portrait)
    paper = QPageSize(QSizeF(min(size.width(), size.height()), max(size.width(), size.height())),
                      QPageSize.Unit.Point)
    return QPageLayout(paper, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, document: QPdfDocument, job: str) -> None:
    """Paper, full page, resolution and the job's name; again after the print dialog,
    which resets the paper to the printer's default (an A5 handout then came out on A4)."""
    printer.setPageLayout(document_layout(document))
    printer.setFullPage(True)
    printer.setResolution(PRINT_DPI)
    printer.setDocName(job)


def on_white(image: QImage) -> QImage:
    """The page is rendered on transparency; opaque on white, the print job needs no mask."""
    opaque = QImage(image.size(), QImage.Format.Format_RGB32)
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, image)
    painter.end()
    return opaque


def paint_pdf(document: QPdfDocument, printer: QPrinter, parent: QWidget) -> bool:
    """Every page at its true size (1:1), centred on the paper, rendered in strips."""
    painter = QPainter()
    if not painter.begin(printer):
        plain.warning(parent, "pgdesk", translate("PdfOutput", "De printer kon niet worden gestart."))
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            origin = printer.pageRect(QPrinter.Unit.DevicePixel).topLeft()  # (0, 0) on a full page
            dpi = printer.resolution()
            points = document.pagePointSize(page)
            width, height = round(points.width() * dpi / 72), round(points.height() * dpi / 72)
            left = round((paper.width() - width) / 2 - origin.x())
            top = round((paper.height() - height) / 2 - origin.y())
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(QSize(width, height))
            cuts = band_cuts(document, page, height)
            for band, end in pairwise(cuts):
                strip = QRect(0, band, width, end - band)
                options.setScaledClipRect(strip)
                painter.drawImage(left, top + band,
                                  on_white(document.render(page, strip.size(), options)))
    finally:
        painter.end()
    return True


def _tell_sent(parent: QWidget, printer: QPrinter) -> None:
    """A word in the main window's status bar that the job went to the printer."""
    where = printer.printerName() or printer.outputFileName()
    message = translate("PdfOutput", "Naar de printer gestuurd: %1").replace("%1", where)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.statusBar().showMessage(message, 10_000)


def print_pdf(parent: QWidget, document: QPdfDocument, title: str, *,
              printer: QPrinter | None = None, ask: bool = True, job: str = "pgdesk") -> bool:
    """`job` is what the print queue shows, seen by anyone at the printer: never a name."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, document, job)  # so the dialog shows the document's paper
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        prepare_printer(printer, document, job)
    if not paint_pdf(document, printer, parent):
        return False
    _tell_sent(parent, printer)
    return True


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


def in_documents(name: str) -> str:
    """A suggested file name in the user's Documents folder (else the home folder), not
    wherever pgdesk was started."""
    for where in (QStandardPaths.StandardLocation.DocumentsLocation,
                  QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return str(Path(folder) / name)
    return name


def save_pdf(parent: QWidget, data: bytes, suggested: str, path: str | None = None) -> bool:
    from pgdesk.reports.files import write_atomically

    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("PdfOutput", "Opslaan als PDF"),
                                              in_documents(suggested),
                                              translate("PdfOutput", "PDF-bestanden (*.pdf)"))
        if not path:
            return False
    try:
        write_atomically(path, data)
    except PgdeskError as exc:
        plain.warning(parent, "pgdesk", str(exc))
        return False
    return True
