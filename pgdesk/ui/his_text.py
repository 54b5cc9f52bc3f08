"""'Kopieer naar HIS': the conversation as SOEP journal text on the clipboard (logged as an export
for the patient), and the practice's choice of parts (Praktijk → HIS-tekst…)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import InputError
from pgdesk.storage import driver
from pgdesk.storage.errors import explain_write_error
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import clipboard, plain
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label

translate = QCoreApplication.translate  # module functions: explicit context
SOEP_WHAT = "soep"  # the access log's 'what' of a copied journal text


def journal_instrument(instrument: Instrument) -> Instrument:
    """The journal text is Dutch: the practice's own instrument when it is Dutch, else the
    shipped Dutch one."""
    if instrument.language == "nl":
        return instrument
    from pgdesk.domain.content import shipped_instrument

    return shipped_instrument("nl")


def copy_to_his(parent: QWidget, session: ConsultationSession,
                parts: tuple[str, ...] | None = None) -> str | None:
    """Put the SOEP text of this conversation (the practice's parts, or only `parts`) on the
    clipboard and log it; the text, or None when nothing was copied (the user was told why)."""
    from pgdesk.reports.soep import render_soep
    from pgdesk.storage.documents import soep_data

    text = guarded(parent, lambda: render_soep(soep_data(session.store, session.id),
                                               journal_instrument(session.instrument), parts=parts))
    if text is None:
        return None
    if not text.strip():
        plain.information(parent, "pgdesk", translate(
            "HisText", "Dit deel is nog leeg; er is niets gekopieerd."))
        return None
    # logged first: what leaves pgdesk is in the patient's access log, or it does not leave
    if not attempt(parent, session.store.record_exported, session.patient.id, SOEP_WHAT):
        return None
    clipboard.copy_for_a_while(text)
    return text


def parts_button(parent: QWidget, copy: Callable[[str], object]) -> QToolButton:
    """The small arrow beside "Kopieer naar HIS": one part at a time, for a HIS with a field
    per part (S, O, E, P)."""
    button = QToolButton(parent)
    # drawn like the push buttons beside it (style.py), as high as they are, focus border too
    button.setObjectName("menuArrow")
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
    button.setArrowType(Qt.ArrowType.DownArrow)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolTip(translate("HisText", "Eén deel kopiëren (S, O, E of P)"))
    button.setAccessibleName(translate("HisText", "Eén deel kopiëren"))
    menu = QMenu(button)
    for letter, text in (("S", translate("HisText", "Alleen &S (subjectief)")),
                         ("O", translate("HisText", "Alleen &O (objectief)")),
                         ("E", translate("HisText", "Alleen &E (evaluatie)")),
                         ("P", translate("HisText", "Alleen &P (plan)"))):
        action = menu.addAction(text)
        action.setData(letter)
        action.triggered.connect(lambda _=False, letter=letter: copy(letter))
    button.setMenu(menu)
    return button


class SoepPartsDialog(FormDialog):
    """Which parts of S, O, E and P the practice puts in the journal text."""

    def __init__(self, store: Store, parent=None):
        from pgdesk.storage.documents import soep_parts

        super().__init__(self.tr("Tekst voor het HIS"), parent)
        self.store = store
        intro = Label(self.tr("Welke delen komen in de tekst die “Kopieer naar HIS” (Ctrl+Shift+C) "
                               "op het klembord zet voor het journaal van het HIS?"))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        chosen = set(soep_parts(store))
        self.parts: dict[str, QCheckBox] = {}
        for letter, text in (
            ("S", self.tr("&S: de woorden van de patiënt (wat belangrijk is, het actiewiel)")),
            ("O", self.tr("&O: de cijfers van het spinnenweb en het verschil met de vorige keer")),
            ("E", self.tr("&E: het soort gesprek en wat de patiënt koos")),
            ("P", self.tr("&P: eerste stap, verwijzingen en volgende afspraak")),
        ):
            box = QCheckBox(text)
            box.setChecked(letter in chosen)
            self.parts[letter] = box
            self.form.addRow(box)
        from pgdesk.storage.documents import ICPC_SETTING, NOTE_SETTING

        self.icpc = QLineEdit(store.setting(ICPC_SETTING, "") or "")
        self.icpc.setMaxLength(12)
        self.icpc.setPlaceholderText(self.tr("bijvoorbeeld A98; leeg: geen code"))
        self.icpc.setToolTip(self.tr("Per gesprek te wijzigen in de stap Plan"))
        self.form.addRow(self.tr("Standaard &ICPC-code (in E):"), self.icpc)
        self.note_part = QComboBox()
        self.note_part.addItem(self.tr("bij E"), "E")
        self.note_part.addItem(self.tr("bij P"), "P")
        self.note_part.setCurrentIndex(1 if store.setting(NOTE_SETTING, "E") == "P" else 0)
        self.form.addRow(self.tr("&Notitie van de hulpverlener:"), self.note_part)
        from pgdesk.domain.his_templates import TEMPLATES, template
        from pgdesk.storage.documents import CP1252_SETTING, TEMPLATE_SETTING

        self.template = QComboBox()
        for t in TEMPLATES:
            self.template.addItem(translate("HisTemplates", t.label), t.key)
        self.template.setCurrentIndex(self.template.findData(
            template(store.setting(TEMPLATE_SETTING)).key))
        self.form.addRow(self.tr("S&jabloon voor het journaal:"), self.template)
        self.cp1252 = QCheckBox(self.tr("Alleen tekens die elk HIS kan bewaren (Windows-1252; "
                                        "ĳ wordt ij, ş wordt s)"))
        self.cp1252.setChecked(store.setting(CP1252_SETTING, "0") == "1")
        self.form.addRow(self.cp1252)
        self.setMinimumWidth(600)

    def chosen(self) -> str:
        return "".join(letter for letter, box in self.parts.items() if box.isChecked())

    def validate(self) -> None:
        from pgdesk.storage.documents import (
            CP1252_SETTING,
            ICPC_SETTING,
            NOTE_SETTING,
            TEMPLATE_SETTING,
            set_soep_parts,
        )

        try:
            with self.store.db.atomic():
                set_soep_parts(self.store, self.chosen())
                self.store.set_setting(ICPC_SETTING, " ".join(self.icpc.text().split()).upper())
                self.store.set_setting(NOTE_SETTING, self.note_part.currentData())
                self.store.set_setting(TEMPLATE_SETTING, self.template.currentData())
                self.store.set_setting(CP1252_SETTING, "1" if self.cp1252.isChecked() else "0")
        except InputError:
            raise
        except (PgdeskError, driver.Error, OSError) as exc:
            raise InputError(explain_write_error(exc)) from None
