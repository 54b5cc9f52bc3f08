"""Praktijk → Gegevens van de praktijk: the name, phone number and website printed on every
handout and blank web, and whether earlier webs stay visible while a patient gives numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.practice import MAX_NAME, MAX_PHONE, MAX_WEBSITE
from pgdesk.domain.validation import InputError
from pgdesk.storage import driver
from pgdesk.storage.errors import explain_write_error
from pgdesk.storage.practice import practice_details, set_practice_details
from pgdesk.storage.repository import Store
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.plain import Label

# While a patient gives numbers, earlier webs are hidden until all dimensions have one (a
# number is the patient's own now, not measured against before); "1" keeps them visible.
HISTORY_WHILE_SCORING = "history_while_scoring"


def history_while_scoring(store: Store) -> bool:
    return store.setting(HISTORY_WHILE_SCORING, "0") == "1"


class PracticeDetailsDialog(FormDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(self.tr("Gegevens van de praktijk"), parent)
        self.store = store
        details = practice_details(store)
        intro = Label(self.tr("Naam en telefoonnummer staan onderaan elke samenvatting en elk "
                               "leeg spinnenweb, zodat de patiënt weet wie te bellen."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.name = QLineEdit(details.name)
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("bijvoorbeeld Huisartsenpraktijk De Linde"))
        self.phone = QLineEdit(details.phone)
        self.phone.setMaxLength(MAX_PHONE)
        self.phone.setPlaceholderText("071 123 45 67")
        self.website = QLineEdit(details.website)
        self.website.setMaxLength(MAX_WEBSITE)
        self.website.setPlaceholderText(self.tr("niet verplicht"))
        self.form.addRow(self.tr("&Naam:"), self.name)
        self.form.addRow(self.tr("&Telefoon:"), self.phone)
        self.form.addRow(self.tr("&Website:"), self.website)
        self.keep_history = QCheckBox(self.tr("&Eerdere webs ook tonen terwijl de patiënt de "
                                              "cijfers geeft"))
        self.keep_history.setToolTip(self.tr("Anders verschijnen ze pas als alle onderwerpen een "
                                             "cijfer hebben"))
        self.keep_history.setChecked(history_while_scoring(store))
        self.form.addRow(self.keep_history)
        self.setMinimumWidth(520)

    def validate(self) -> None:
        try:
            with self.store.db.atomic():
                set_practice_details(self.store, self.name.text(), self.phone.text(),
                                     self.website.text())
                self.store.set_setting(HISTORY_WHILE_SCORING,
                                       "1" if self.keep_history.isChecked() else "0")
        except InputError:
            raise
        except (PgdeskError, driver.Error, OSError) as exc:
            raise InputError(explain_write_error(exc)) from None
