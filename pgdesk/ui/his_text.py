"""'Kopieer naar HIS': the conversation as SOEP journal text on the clipboard (logged as an export
for the patient), and the practice's choice of parts (Praktijk → HIS-tekst…)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import InputError
from pgdesk.storage import driver
from pgdesk.storage.errors import explain_write_error
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import clipboard
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label

SOEP_WHAT = "soep"  # the access log's 'what' of a copied journal text


def journal_instrument(instrument: Instrument) -> Instrument:
    """The journal text is Dutch: the practice's own instrument when it is Dutch, else the
    shipped Dutch one."""
    if instrument.language == "nl":
        return instrument
    from pgdesk.domain.content import shipped_instrument

    return shipped_instrument("nl")


def copy_to_his(parent: QWidget, session: ConsultationSession) -> str | None:
    """Put the SOEP text of this conversation on the clipboard and log it; the text, or None when
    nothing was copied (the user was told why)."""
    from pgdesk.reports.soep import render_soep
    from pgdesk.storage.documents import soep_data

    text = guarded(parent, lambda: render_soep(soep_data(session.store, session.id),
                                               journal_instrument(session.instrument)))
    if text is None:
        return None
    # logged first: what leaves pgdesk is in the patient's access log, or it does not leave
    if not attempt(parent, session.store.record_exported, session.patient.id, SOEP_WHAT):
        return None
    clipboard.copy_for_a_while(text)
    return text


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
        self.setMinimumWidth(600)

    def chosen(self) -> str:
        return "".join(letter for letter, box in self.parts.items() if box.isChecked())

    def validate(self) -> None:
        from pgdesk.storage.documents import ICPC_SETTING, NOTE_SETTING, set_soep_parts

        try:
            with self.store.db.atomic():
                set_soep_parts(self.store, self.chosen())
                self.store.set_setting(ICPC_SETTING, " ".join(self.icpc.text().split()).upper())
                self.store.set_setting(NOTE_SETTING, self.note_part.currentData())
        except InputError:
            raise
        except (PgdeskError, driver.Error, OSError) as exc:
            raise InputError(explain_write_error(exc)) from None
