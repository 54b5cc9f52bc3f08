"""Step 5, the summary: the handout on screen, printed through Qt or saved as PDF; and the
conversation as SOEP text for the HIS journal on the clipboard ("Kopieer naar HIS").

The practice chooses per patient the handout's language (Dutch, plain Dutch, English, Turkish,
Arabic, Polish, Ukrainian; Dutch follows the patient's variant), paper (A4 / A5) and large print;
the choice is stored with the patient and comes back at the next conversation.
The PDF lives in memory only; nothing of the patient is left in a temporary file.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QSize
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.storage.handout_preferences import handout_preferences, set_handout_preferences
from pgdesk.storage.practice import handout_changes, needs_reminder, set_handout_changes
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import clipboard, his_text, pdf_output
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label

# each language by its own name (HANDOUT_LANGUAGES); "nl" follows the patient's variant
LANGUAGES = (("nl", "Nederlands"), ("nl-eenvoudig", "Nederlands, eenvoudig"), ("en", "English"),
             ("tr", "Türkçe"), ("ar", "العربية"), ("pl", "Polski"), ("uk", "Українська"))
PAPERS = ("A4", "A5")
DEFAULT_PREFERENCES = ("nl", "A4")


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A5 if paper == "A5" else QPageSize.PageSizeId.A4)


def combo_pick(box: QComboBox, value: str) -> None:
    """Select the item whose data is `value`, without telling anyone."""
    index = box.findData(value)
    if index >= 0 and index != box.currentIndex():
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


def language_box(parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    for code, name in LANGUAGES:
        box.addItem(name, code)
    return box


def paper_box(parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    for paper in PAPERS:
        box.addItem(paper, paper)
    return box


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
        self.his_button = QPushButton(self.tr("Kopieer naar &HIS"))
        self.his_button.setToolTip(self.tr("Ctrl+Shift+C: het gesprek als SOEP-tekst op het klembord, "
                                           "om in het journaal van het HIS te plakken"))
        self.his_button.clicked.connect(lambda: self.copy_to_his())
        self.his_parts = his_text.parts_button(self, lambda letter: self.copy_to_his((letter,)))
        self.copied = Label()
        self.copied.setObjectName("hint")
        self.copied.hide()
        self.language_box = language_box()
        self.language_box.setToolTip(self.tr("De taal van de samenvatting; onthouden voor deze patiënt"))
        self.paper_box = paper_box()
        self.paper_box.setToolTip(self.tr("Het papierformaat; onthouden voor deze patiënt"))
        language_label = Label(self.tr("&Taal:"))
        language_label.setBuddy(self.language_box)
        paper_label = Label(self.tr("Pap&ier:"))
        paper_label.setBuddy(self.paper_box)
        self.language_box.currentIndexChanged.connect(self._chosen)
        self.paper_box.currentIndexChanged.connect(self._chosen)
        # the end handout says in words what changed; some patients are better without it
        self.changes_box = QCheckBox(self.tr("&Wat is er veranderd? op de samenvatting"))
        self.changes_box.setToolTip(self.tr("Alleen bij een eindgesprek; onthouden voor deze patiënt"))
        self.changes_box.toggled.connect(self._changes_chosen)
        self.large_box = QCheckBox(self.tr("&Grote letters"))
        self.large_box.setToolTip(self.tr("Tekst van minstens 16 punt, de cijfers ook als tabel; "
                                          "onthouden voor deze patiënt"))
        self.large_box.toggled.connect(self._large_chosen)
        self.unchecked = Label(self.tr("Let op: deze vertaling is nog niet nagekeken door iemand "
                                       "die de taal als moedertaal spreekt."))
        self.unchecked.setObjectName("hint")
        self.unchecked.hide()
        self.reminder = Label(self.tr("Tip: vul via Praktijk → Gegevens van de praktijk de naam en "
                                       "het telefoonnummer in. Die staan dan op elke samenvatting."))
        self.reminder.setObjectName("hint")
        self.reminder.setWordWrap(True)
        self.reminder.hide()
        title = Label(self.tr("Samenvatting voor de patiënt"))
        title.setObjectName("stepTitle")
        buttons = QHBoxLayout()  # under the title: in one row they need ~1130 px, too wide at 1.5x
        buttons.addStretch(1)
        buttons.addWidget(language_label)
        buttons.addWidget(self.language_box)
        buttons.addSpacing(8)
        buttons.addWidget(paper_label)
        buttons.addWidget(self.paper_box)
        buttons.addSpacing(16)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.his_button)
        buttons.addWidget(self.his_parts)
        note = QHBoxLayout()
        note.addWidget(self.large_box)
        note.addWidget(self.changes_box)
        note.addWidget(self.unchecked)
        note.addWidget(self.reminder, 1)
        note.addStretch(1)
        note.addWidget(self.copied)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addLayout(note)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.language_box, self.paper_box)
        self.setTabOrder(self.paper_box, self.save_button)
        self.setTabOrder(self.save_button, self.print_button)
        self.setTabOrder(self.print_button, self.his_button)
        self.setTabOrder(self.his_button, self.his_parts)
        self.setTabOrder(self.his_parts, self.changes_box)

    def focus_widget(self) -> QWidget:
        return self.print_button

    # -- language and paper, per patient ------------------------------------------------------
    def preferences(self) -> tuple[str, str]:
        """(language, paper) for this patient: stored, else the default."""
        found = guarded(self, handout_preferences, self.session.store, self.session.patient.id)
        if not found:
            return DEFAULT_PREFERENCES
        lang, paper = found
        return (lang if lang in dict(LANGUAGES) else DEFAULT_PREFERENCES[0],
                paper if paper in PAPERS else DEFAULT_PREFERENCES[1])

    @property
    def language(self) -> str:
        return self.language_box.currentData()

    @property
    def paper(self) -> str:
        return self.paper_box.currentData()

    def set_choice(self, language: str | None = None, paper: str | None = None) -> None:
        """Choose as the user would (stored for the patient, handout rendered again)."""
        if language is not None:
            self.language_box.setCurrentIndex(self.language_box.findData(language))
        if paper is not None:
            self.paper_box.setCurrentIndex(self.paper_box.findData(paper))

    def _chosen(self, _index: int = 0) -> None:
        choice = (self.language, self.paper)
        if not attempt(self, set_handout_preferences, self.session.store,
                       self.session.patient.id, *choice):  # not stored: show what is
            lang, paper = self.preferences()
            combo_pick(self.language_box, lang)
            combo_pick(self.paper_box, paper)
        self.update_handout()

    def instrument(self) -> Instrument:
        """The conversation's own instrument in its language; the shipped one in the other."""
        own = self.session.instrument
        if self.language == own.code:
            return own
        from pgdesk.domain.content import handout_instrument
        from pgdesk.storage.variants import instrument_variant

        variant = guarded(self, instrument_variant, self.session.store, self.session.patient.id)
        return handout_instrument(self.language, variant or "")

    # -- the handout ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show this patient's language and paper, and render the handout from what is stored."""
        lang, paper = self.preferences()
        combo_pick(self.language_box, lang)
        combo_pick(self.paper_box, paper)
        self._show_changes_box()
        from pgdesk.storage.variants import large_print

        self.large_box.blockSignals(True)
        self.large_box.setChecked(bool(guarded(self, large_print, self.session.store,
                                               self.session.patient.id)))
        self.large_box.blockSignals(False)
        if guarded(self, needs_reminder, self.session.store):
            self.reminder.show()
        self.update_handout()

    def _show_changes_box(self) -> None:
        """The tick only where there is a change section to leave out: an end conversation."""
        store, patient_id = self.session.store, self.session.patient.id
        self.changes_box.setVisible(self.session.c.type == "eind")
        self.changes_box.blockSignals(True)
        self.changes_box.setChecked(bool(guarded(self, handout_changes, store, patient_id)))
        self.changes_box.blockSignals(False)

    def _large_chosen(self, on: bool) -> None:
        from pgdesk.storage.variants import set_large_print

        attempt(self, set_large_print, self.session.store, self.session.patient.id, on)
        self.update_handout()

    def _changes_chosen(self, on: bool) -> None:
        attempt(self, set_handout_changes, self.session.store, self.session.patient.id, on)
        self._show_changes_box()
        self.update_handout()

    def update_handout(self) -> None:
        from pgdesk.reports.handout import handout_pdf  # reportlab: lazily
        from pgdesk.storage.documents import handout_data

        session, instrument = self.session, self.instrument()
        self.unchecked.setVisible(not instrument.reviewed)
        self.pdf = guarded(self, lambda: handout_pdf(
            handout_data(session.store, session.id, instrument), instrument,
            paper=self.paper)) or b""
        self._buffer = pdf_output.load_pdf(self.document, self.pdf, self)

    def print_handout(self, *, printer: QPrinter | None = None, ask: bool = True) -> bool:
        if not self.pdf:
            self.refresh()
        if not pdf_output.print_pdf(self, self.document, self.tr("Samenvatting afdrukken"),
                                    printer=printer, ask=ask, job="pgdesk samenvatting"):
            return False
        self._log_handout()
        return True

    def save_pdf(self, path: str | None = None) -> bool:
        if not self.pdf:
            self.refresh()
        name = "summary" if self.language == "en" else "samenvatting"
        if not pdf_output.save_pdf(self, self.pdf, f"{name}-{self.session.c.date}.pdf", path):
            return False
        self._log_handout()
        return True

    # -- the HIS journal --------------------------------------------------------------------
    def copy_to_his(self, parts: tuple[str, ...] | None = None) -> bool:
        """The SOEP text (or only `parts`) on the clipboard (logged), and a word that it is there."""
        if his_text.copy_to_his(self, self.session, parts) is None:
            return False
        message = self.tr("Gekopieerd: plak het in het journaal van het HIS (over %1 seconden wordt "
                          "het klembord weer leeggemaakt)").replace("%1", str(round(clipboard.seconds())))
        self.copied.setText(message)
        self.copied.show()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10_000)
        return True

    def _log_handout(self) -> None:
        attempt(self, self.session.store.record_exported, self.session.patient.id, "handout")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, 800)
