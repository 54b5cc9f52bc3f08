"""Bestand → Leeg spinnenweb afdrukken…: the blank paper web, shown, printed or saved.

No patient data: the sheet is the same for everyone. The last language and paper chosen are
remembered on this computer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QSettings, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.practice import PracticeDetails
from pgdesk.ui import pdf_output
from pgdesk.ui.consultation.summary_step import combo_pick, language_box, page_size, paper_box
from pgdesk.ui.plain import Label

SETTING_LANGUAGE = "paper_web/language"
SETTING_LARGE = "paper_web/large_print"
SETTING_PAPER = "paper_web/paper"
SETTING_ASPECTS = "paper_web/aspects"


class PaperWebDialog(QDialog):
    def __init__(self, instrument: Instrument, parent: QWidget | None = None, *,
                 practice: PracticeDetails | None = None):
        super().__init__(parent)
        self.own = instrument
        self.practice = practice  # name and phone at the foot of the sheet
        self.pdf: bytes = b""
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("Leeg spinnenweb afdrukken"))
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

        settings = QSettings()
        self.language_box = language_box()
        combo_pick(self.language_box, str(settings.value(SETTING_LANGUAGE, instrument.language)))
        self.paper_box = paper_box()
        combo_pick(self.paper_box, str(settings.value(SETTING_PAPER, "A4")))
        self.aspects = QCheckBox(self.tr("&Met de aspecten per dimensie"))
        self.aspects.setToolTip(self.tr("Op A4 naast het web, op A5 op de achterkant "
                                        "(dubbelzijdig afdrukken)"))
        self.aspects.setChecked(str(settings.value(SETTING_ASPECTS, "1")) != "0")
        self.large = QCheckBox(self.tr("&Grote letters"))
        self.large.setToolTip(self.tr("Op A4, tekst van minstens 16 punt; de aspecten op de achterkant"))
        self.large.setChecked(str(settings.value(SETTING_LARGE, "0")) == "1")
        language_label = Label(self.tr("&Taal:"))
        language_label.setBuddy(self.language_box)
        paper_label = Label(self.tr("Pap&ier:"))
        paper_label.setBuddy(self.paper_box)
        for box in (self.language_box, self.paper_box):
            box.currentIndexChanged.connect(self.update_sheet)
        self.aspects.toggled.connect(self.update_sheet)
        self.large.toggled.connect(self.update_sheet)

        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(self.tr("Opslaan als &PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)

        choices = QHBoxLayout()
        choices.addWidget(language_label)
        choices.addWidget(self.language_box)
        choices.addSpacing(12)
        choices.addWidget(paper_label)
        choices.addWidget(self.paper_box)
        choices.addSpacing(12)
        choices.addWidget(self.aspects)
        choices.addWidget(self.large)
        choices.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(720, 860)
        self.update_sheet()
        self.print_button.setFocus()

    @property
    def language(self) -> str:
        return self.language_box.currentData()

    @property
    def paper(self) -> str:
        return self.paper_box.currentData()

    def instrument(self) -> Instrument:
        if self.language == self.own.code:
            return self.own
        from pgdesk.domain.content import shipped_instrument

        return shipped_instrument(self.language)

    def update_sheet(self, *_args) -> None:
        from pgdesk.reports.paper_web import render_paper_web  # reportlab: lazily

        settings = QSettings()
        settings.setValue(SETTING_LANGUAGE, self.language)
        settings.setValue(SETTING_PAPER, self.paper)
        settings.setValue(SETTING_ASPECTS, "1" if self.aspects.isChecked() else "0")
        settings.setValue(SETTING_LARGE, "1" if self.large.isChecked() else "0")
        self.pdf = render_paper_web(self.instrument(), paper=self.paper,
                                    with_aspects=self.aspects.isChecked(), practice=self.practice,
                                    large_print=self.large.isChecked())
        self._buffer = pdf_output.load_pdf(self.document, self.pdf, self)

    def print_sheet(self, *, printer: QPrinter | None = None, ask: bool = True) -> bool:
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        large = self.large.isChecked()  # large print is always A4, the aspects on the back
        printer.setPageSize(page_size("A4" if large else self.paper))
        if (self.paper == "A5" or large) and self.aspects.isChecked():
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)  # the aspects on the back
        return pdf_output.print_pdf(self, self.document, self.tr("Leeg spinnenweb afdrukken"),
                                    printer=printer, ask=ask)

    def save_pdf(self, path: str | None = None) -> bool:
        name = "my-web" if self.language == "en" else "mijn-spinnenweb"
        return pdf_output.save_pdf(self, self.pdf, f"{name}-{self.paper}.pdf", path)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(720, 860)
