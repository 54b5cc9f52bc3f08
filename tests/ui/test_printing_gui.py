"""Printing through the real print dialog (accepted from a timer, as a user would), into a PDF
file: the handout's paper survives the dialog, the page comes out at true size, and Qt's own
dialogs speak Dutch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, QTimer, QTranslator
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QPushButton

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import app as app_module
from pgdesk.ui import pdf_output
from pgdesk.ui.consultation.summary_step import SummaryStep

pytestmark = pytest.mark.gui

PAPER_POINTS = {"A4": (595.3, 841.9), "A5": (419.5, 595.3)}


@pytest.fixture
def step(qtbot, store, professional):
    nl = shipped_instrument("nl")
    patient = store.add_patient("Hanna Testpersoon")
    c = store.new_consultation(patient.id, professional.id)
    for dim, score in zip(nl.dimensions, (7, 5, 9, 6, 4, 8), strict=True):
        store.set_score(c.id, dim.id, score)
    summary = SummaryStep(ConsultationSession(store, nl, c.id))
    qtbot.addWidget(summary)
    summary.refresh()
    return summary


def _accept_the_real_dialog(seen: dict) -> None:
    """Once the print dialog is up, note what it shows and press its Print button."""
    def accept():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(10, accept)
            return
        seen["paper"] = dialog.printer().pageLayout().pageSize().id()
        seen["title"] = dialog.windowTitle()
        dialog.accept()
    QTimer.singleShot(0, accept)


def _print_to_file(step, tmp_path, paper: str):
    step.set_choice(paper=paper)
    out = tmp_path / f"geprint-{paper}.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the printer's own default
    seen: dict = {}
    _accept_the_real_dialog(seen)
    assert step.print_handout(printer=printer)  # ask=True: the real QPrintDialog.exec()
    return printer, out, seen


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_chosen_paper_survives_the_real_print_dialog(step, tmp_path, paper):
    printer, out, seen = _print_to_file(step, tmp_path, paper)
    wanted = getattr(QPageSize.PageSizeId, paper)
    assert seen["paper"] == wanted  # the dialog shows the handout's paper
    assert printer.pageLayout().pageSize().id() == wanted
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - PAPER_POINTS[paper][0]) < 1.5 and abs(h - PAPER_POINTS[paper][1]) < 1.5
    # a neutral job name, never the patient's
    assert printer.docName() == "pgdesk samenvatting"
    assert reader.metadata.title == "pgdesk samenvatting"
    assert "Hanna" not in (reader.metadata.title or "")
    assert printer.resolution() == pdf_output.PRINT_DPI
    assert printer.fullPage()


def _ink(image: QImage) -> tuple[int, int, int, int]:
    """The box around everything that is not white (left, top, right, bottom)."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    row_bytes = image.bytesPerLine()
    data = bytes(image.constBits())
    rows = [y for y in range(height) if min(data[y * row_bytes:y * row_bytes + width]) < 245]
    cols = [x for x in range(width) if min(data[y * row_bytes + x] for y in rows) < 245]
    return cols[0], rows[0], cols[-1], rows[-1]


def _render(data: bytes, size: QSize) -> QImage:
    document = QPdfDocument()
    buffer = pdf_output.load_pdf(document, data, document)
    image = pdf_output.on_white(document.render(0, size))  # rendered on transparency
    document.close()
    buffer.close()
    return image


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_printed_page_is_the_handout_at_true_size(step, tmp_path, paper):
    _, out, _ = _print_to_file(step, tmp_path, paper)
    w, h = PAPER_POINTS[paper]
    size = QSize(round(w * 100 / 72), round(h * 100 / 72))  # both at 100 dpi
    handout = _ink(_render(step.pdf, size))
    printed = _ink(_render(out.read_bytes(), size))
    # the same content box to within 1 mm (4 px at 100 dpi: thin grey lines and descenders
    # resampled from 600 dpi); shrunk to 97% into the printable area it moved by 20-35 px
    assert all(abs(a - b) <= 4 for a, b in zip(handout, printed, strict=True)), (handout, printed)


def test_a_status_message_says_the_job_was_sent(qtbot, step, tmp_path):
    window = QMainWindow()  # the main window the summary sits in
    qtbot.addWidget(window)
    window.show()
    _, out, _ = _print_to_file(step, tmp_path, "A4")
    assert str(out) in window.statusBar().currentMessage()
    assert "printer" in window.statusBar().currentMessage()


# -- Qt's own dialogs in Dutch ------------------------------------------------------------------

@pytest.fixture
def dutch_qt(qapp):
    before = set(qapp.findChildren(QTranslator))
    assert app_module.install_translator(qapp, "nl") == "nl"
    yield
    for translator in qapp.findChildren(QTranslator):
        if translator not in before:
            qapp.removeTranslator(translator)


def test_the_print_dialog_speaks_dutch(qtbot, dutch_qt):
    dialog = QPrintDialog(QPrinter())
    qtbot.addWidget(dialog)
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert "Afdrukken" in texts and "Annuleren" in texts, texts
    assert "Print" not in texts and "Cancel" not in texts


def test_the_file_dialog_speaks_dutch(qtbot, dutch_qt):
    dialog = QFileDialog(None, "Opslaan als PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert "Opslaan" in texts and "Annuleren" in texts, texts
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"


def test_english_screens_keep_qt_in_english(qapp):
    before = set(qapp.findChildren(QTranslator))
    try:
        assert app_module.install_translator(qapp, "en") == "en"
        added = [t for t in qapp.findChildren(QTranslator) if t not in before]
        assert added  # pgdesk's own English
        assert all(t.translate("QPrintDialog", "Print") in ("", "Print") for t in added)
    finally:
        for translator in qapp.findChildren(QTranslator):
            if translator not in before:
                qapp.removeTranslator(translator)


@pytest.mark.parametrize("has_documents", [True, False])
def test_save_dialog_starts_in_documents(step, monkeypatch, tmp_path, has_documents):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documenten"))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if has_documents:
        Path(documents).mkdir(parents=True, exist_ok=True)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: asked.append(start) or ("", ""))
    assert not step.save_pdf()
    expected = documents if has_documents else str(tmp_path)  # no Documents folder: home
    assert asked and str(Path(asked[0]).parent) == expected and asked[0].endswith(".pdf")


def test_the_recovery_code_dialog_prints_the_code(qtbot, tmp_path):
    from pgdesk.ui.security_dialogs import RecoveryCodeDialog, print_recovery_code

    code = "7KQM-2F9X-AAAA-BBBB-CCCC-DDDD-EEEE"
    dialog = RecoveryCodeDialog(code)
    qtbot.addWidget(dialog)
    assert dialog.print_button.isEnabled() and "Afdrukken" in dialog.print_button.text()
    out = tmp_path / "herstelcode.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    _accept_the_real_dialog({})
    assert print_recovery_code(dialog, code, printer)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert code in text and "Herstelcode" in text
    assert printer.docName() == "pgdesk"
