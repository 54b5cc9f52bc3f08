"""The main window's menus as one table of actions (text, shortcut, slot), apart from the
window's behaviour, as picard keeps its actions."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from pgdesk.ui import rooms
from pgdesk.ui.patient_mode import hooks as patient_mode

translate = QCoreApplication.translate  # in the window's own context: its translations hold


def _on_use(module: str, function: str, *args):
    """A slot that imports its module when first chosen: the menus are built at start, before
    the patient list paints, and most of their dialogs (PDF and print support among them) are
    never opened in a session."""
    return lambda: getattr(importlib.import_module(f"pgdesk.ui.{module}"), function)(*args)


def add_actions(window: QMainWindow, menu: QMenu, entries) -> None:
    """(text, shortcut, slot) entries as the menu's actions; None is a separator."""
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, seq, slot = entry
        action = QAction(text, window)
        if seq:
            action.setShortcut(QKeySequence(seq))
        action.triggered.connect(slot)
        menu.addAction(action)


def build_menus(window: QMainWindow) -> None:
    """The menu bar of the main window (ui.main_window, whose slots the actions call): Bestand,
    Patiënt, Huisbezoek, Praktijk and Help (the patient page's own shortcuts come with the page)."""
    encrypted = window.keyring is not None
    add_actions(window, window.menuBar().addMenu(translate("MainWindow", "&Bestand")), [
        (translate("MainWindow", "&Nieuwe patiënt…"), "Ctrl+Shift+N", window.add_patient),
        (translate("MainWindow", "&Zoek patiënt"), "Ctrl+F", window.show_list),
        (translate("MainWindow", "Patiënten uit het HIS &inlezen (CSV)…"), None,
         _on_use("patient_import_dialog", "import_from_menu", window)),
        (translate("MainWindow", "&Wie werkt er?…"), None, window.choose_professional),
        *([(translate("MainWindow", "&Vergrendelen"), "Ctrl+L", window.lock)] if encrypted else []),
        None,
        (translate("MainWindow", "&Leeg spinnenweb afdrukken…"), None, window.print_blank_web),
        None,
        (translate("MainWindow", "&Afsluiten"), "Ctrl+Q", window.close),
    ])
    window.patient_menu = window.menuBar().addMenu(translate("MainWindow", "&Patiënt"))
    add_actions(window, window.patient_menu, [
        (translate("MainWindow", "&Gegevens wijzigen…"), None, window.edit_patient),
        (translate("MainWindow", "Nieuw &traject beginnen (startgesprek)…"), None, window.start_trajectory),
        (translate("MainWindow", "Gesprek ver&wijderen…"), None, window.delete_consultation),
        (translate("MainWindow", "Spinnenweb van &papier overnemen…"), "F2", window.copy_paper_web),
        (translate("MainWindow", "&Laat de patiënt invullen…"), "Ctrl+Shift+P",
         lambda: patient_mode.start(window)),
        (translate("MainWindow", "Klaarzetten voor de &wachtkamer…"), None,
         lambda: patient_mode.prepare_for_waiting_room(window)),
        (translate("MainWindow", "&Inzagelog: wie zag dit dossier?…"), "Ctrl+I", window.show_access_log),
        (translate("MainWindow", "Alles &exporteren (AVG)…"), None, window.export_patient),
        (translate("MainWindow", "Gesprek exporteren als &FHIR (JSON)…"), None,
         _on_use("fhir_export_dialog", "export_from_window", window)),
        None,
        (translate("MainWindow", "Patiënt &verwijderen…"), None, window.erase_patient),
    ])
    window.patient_menu.setEnabled(False)
    visits = window.menuBar().addMenu(translate("MainWindow", "&Huisbezoek"))
    add_actions(window, visits, [
        (translate("MainWindow", "Patiënten &meegeven…"), None, window.take_along),
        (translate("MainWindow", "Overdrachtsbestand &inlezen…"), None, window.read_transfer),
        (translate("MainWindow", "Wijzigingen &terugbrengen naar de praktijk…"), None, window.bring_back),
        None,
        (translate("MainWindow", "Meegenomen patiënten &verwijderen…"), None, window.clear_brought_along),
    ])
    practice = window.menuBar().addMenu(translate("MainWindow", "P&raktijk"))
    add_actions(window, practice, [
        *([(translate("MainWindow", "Mijn &wachtwoord wijzigen…"), None, window.change_passphrase),
           (translate("MainWindow", "&Collega toevoegen…"), None, window.add_colleague),
           (translate("MainWindow", "Collega &verwijderen…"), None, lambda: window.rekey(leaked=False)),
           (translate("MainWindow", "Mijn wachtwoord is &uitgelekt…"), None,
            lambda: window.rekey(leaked=True)),
           (translate("MainWindow", "Nieuwe &herstelcode…"), None, window.new_recovery_code),
           (translate("MainWindow", "Automatisch ver&grendelen na…"), None, window.choose_idle_minutes),
           (translate("MainWindow", "&Patiëntmodus: antwoorden verbergen na…"), None,
            lambda: patient_mode.choose_idle_minutes(window, window.store)),
           None] if encrypted else []),
        (translate("MainWindow", "&Reservekopie maken"), None, lambda: window.backups.backup_now(window)),
        (translate("MainWindow", "Reservekopie &terugzetten…"), None, window.restore_backup),
        (translate("MainWindow", "&Map voor reservekopieën…"), None,
         _on_use("practice_actions", "choose_backup_folder", window)),
        None,
        (translate("MainWindow", "&Gegevens van de praktijk…"), None, window.edit_practice_details),
        (translate("MainWindow", "Patiëntmodus: &scherm…"), None,
         lambda: patient_mode.choose_screen(window)),
        (translate("MainWindow", "Naam van deze &werkplek…"), None,
         lambda: rooms.ask_room_name(window)),
        (translate("MainWindow", "&Verbinden met de praktijkserver…"), None,
         _on_use("server_dialog", "connect_from_menu", window)),
        (translate("MainWindow", "Praktijk&overzicht…"), None, window.show_overview),
        (translate("MainWindow", "&Evaluatie exporteren (CSV)…"), None, window.export_evaluation),
        (translate("MainWindow", "&Trajecten: tussen- en eindgesprek na…"), None, window.trajectory_defaults),
        None,
        (translate("MainWindow", "&Sociale kaart…"), None, window.show_social_map),
        (translate("MainWindow", "H&IS-tekst…"), None, window.choose_soep_parts),
        None,
        (translate("MainWindow", "&Dossiers ouder dan 20 jaar…"), None, window.show_stale_records),
    ])
    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    about = QAction(translate("MainWindow", "&Over pgdesk"), window)
    about.triggered.connect(window.show_about)
    help_menu.addAction(about)
