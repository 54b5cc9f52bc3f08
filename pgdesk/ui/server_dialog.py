"""Praktijk → Verbinden met de praktijkserver…: the server's address (a postgresql:// URL or a
libpq service name) and the user name, remembered for this workstation. The next start without
--db, --demo, --server or PGDESK_SERVER opens that server (ui.app); the password is asked then,
never stored. An empty address goes back to the file on this computer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLineEdit

from pgdesk.domain.validation import InputError
from pgdesk.ui import plain
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.plain import Label
from pgdesk.ui.server_choice import ADDRESS_SETTING, USER_SETTING, remembered

translate = QCoreApplication.translate


class ServerDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__(self.tr("Verbinden met de praktijkserver"), parent)
        address, user = remembered() or ("", "")
        intro = Label(self.tr("Werkt de praktijk met een gedeelde database op een server? Vul het "
                              "adres in dat de beheerder gaf. Laat het adres leeg om het bestand "
                              "op deze computer te gebruiken. Het wachtwoord vraagt pgdesk bij "
                              "het verbinden; het wordt niet bewaard."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.address = QLineEdit(address)
        self.address.setPlaceholderText(self.tr("postgresql://praktijkserver/pgdesk of de naam van "
                                                "een dienst"))
        self.user = QLineEdit(user)
        self.user.setPlaceholderText(self.tr("uw gebruikersnaam op de server"))
        self.form.addRow(self.tr("&Adres:"), self.address)
        self.form.addRow(self.tr("&Gebruiker:"), self.user)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Bewaren"))
        self.setMinimumWidth(560)

    def validate(self) -> None:
        address, user = self.address.text().strip(), self.user.text().strip()
        if address:
            from pgdesk.storage.errors import StorageError
            from pgdesk.storage.postgres.connection import parse  # psycopg only when asked for

            try:
                params = parse(address)
            except StorageError as exc:
                raise InputError(str(exc)) from None
            if "password" in params:
                raise InputError(self.tr("Laat het wachtwoord weg uit het adres: pgdesk vraagt "
                                         "erom bij het verbinden en bewaart het niet."))
            if not user and not params.get("user"):
                raise InputError(self.tr("Vul uw gebruikersnaam op de server in."))
        settings = QSettings()
        settings.setValue(ADDRESS_SETTING, address)
        settings.setValue(USER_SETTING, user)


def connect_from_menu(window) -> None:
    """Praktijk → Verbinden met de praktijkserver…: the choice is used from the next start on
    (the open store stays as it is: no conversation is cut off halfway)."""
    dialog = ServerDialog(window)
    accepted = dialog.exec()
    dialog.deleteLater()
    if not accepted:
        return
    if remembered():
        text = translate("ServerDialog", "pgdesk gebruikt de praktijkserver bij de volgende start.")
    else:
        text = translate("ServerDialog", "pgdesk opent bij de volgende start het bestand op deze "
                                         "computer.")
    plain.information(window, translate("ServerDialog", "Verbinden met de praktijkserver"), text)
