"""Every control a keyboard can reach has a name a screen reader says: its accessible name, a
button's own text, or for a text field the label whose buddy it is. Opens the main window's
pages and the main dialogs and lists each nameless control (issue 18, accessible screens)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QTableWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.social_map import Service
from pgdesk.storage import social_map as sm
from pgdesk.ui.dialogs import DateDialog, PatientDialog, ProfessionalDialog
from pgdesk.ui.fhir_export_dialog import FhirExportDialog
from pgdesk.ui.his_text import SoepPartsDialog
from pgdesk.ui.overview_window import PracticeOverview
from pgdesk.ui.paper_web_dialog import PaperWebDialog
from pgdesk.ui.patient_mode.style import PATIENT_STYLE
from pgdesk.ui.practice_details_dialog import PracticeDetailsDialog
from pgdesk.ui.quick_entry import QuickEntryDialog
from pgdesk.ui.security_dialogs import (
    ChangePassphraseDialog,
    RecoveryDialog,
    RekeyDialog,
    SetupDialog,
)
from pgdesk.ui.social_map_dialog import ServiceDialog, SocialMapDialog
from pgdesk.ui.style import DARK, LIGHT, style_sheet
from pgdesk.ui.transfer_dialogs import TakeAlongDialog, TransferPassphraseDialog

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit,
            QTextEdit, QSlider)


def _named(w: QWidget, buddies: set[int]) -> bool:
    if w.accessibleName().strip():
        return True
    if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
        return True
    return id(w) in buddies


def nameless(root: QWidget) -> list[str]:
    """The visible, focusable controls under `root` without a name."""
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(lab.buddy()) for lab in root.findChildren(QLabel) if lab.buddy() is not None}
    # the line edit inside a combo or spin box is named through its owner
    inner = {id(w) for w in widgets
             if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox))}
    return [f"{type(w.window()).__name__} > {type(w.parent()).__name__} > {type(w).__name__}"
            for w in widgets
            if isinstance(w, CONTROLS) and w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and id(w) not in inner and not _named(w, buddies)]


def test_every_page_and_dialog_names_its_controls(window, store, professional, instrument):
    patient = store.add_patient("Naam Testpersoon", "1960")
    c = store.new_consultation(patient.id, professional.id)
    found: list[str] = []
    window.show_list()
    found += nameless(window)
    window.show_patient(patient.id)
    found += nameless(window)
    window.open_consultation(c.id)
    page = window.consultation_page
    for step in range(len(page.steps)):
        page.go_to(step)
        QApplication.processEvents()
        found += nameless(window)
    service = sm.add_service(store, Service(name="Buurtteam Test", organisation="Gemeente",
                                            offer="Hulp", dimensions=("meedoen",)),
                             instrument=instrument)
    dialogs = [ProfessionalDialog(window, store.professionals(), None),
               PatientDialog(window, store.patient(patient.id)),
               DateDialog("Plannen", "Datum", "2026-12-24", window),
               PracticeDetailsDialog(store, window),
               SocialMapDialog(store, instrument, window),
               ServiceDialog(store, instrument, sm.service(store, service.id), window),
               PaperWebDialog(instrument, window),
               PracticeOverview.from_store(store, instrument, window),
               FhirExportDialog(False, window),
               SetupDialog(window),
               ChangePassphraseDialog(window, "Test Huisarts"),
               RecoveryDialog(window, "Test Huisarts"),
               RekeyDialog(window, name="Test Huisarts", colleagues=["Collega"]),
               QuickEntryDialog([d.name for d in instrument.dimensions], window),
               SoepPartsDialog(store, window),
               TransferPassphraseDialog(window, new=True),
               TakeAlongDialog(store, window, [patient.id])]
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        found += nameless(dialog)
        dialog.close()
    assert found == [], "\n".join(found)


def _nameless_in_next_modal(action) -> list[str]:
    """Run `action`, which opens a modal dialog (exec); list that dialog's nameless controls,
    then close it as a user's Escape would."""
    found: list[str] = []

    def inspect() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, inspect)
            return
        QApplication.processEvents()
        found.extend(nameless(modal) or ["(checked)"])
        modal.reject()

    QTimer.singleShot(0, inspect)
    action()
    assert found, "no dialog opened"
    return [f for f in found if f != "(checked)"]


def test_his_link_csv_preview_backup_and_lock_screen_name_their_controls(
        window, store, professional, instrument, monkeypatch, tmp_path):
    from pgdesk.domain.his import HisRequest
    from pgdesk.storage import social_map_csv as smc
    from pgdesk.ui import backups, plain, practice_actions
    from pgdesk.ui.his_link import open_patient
    from pgdesk.ui.lock import LockScreen
    from pgdesk.ui.social_map_dialog import ImportPreviewDialog

    found: list[str] = []
    window.show_list()
    # the HIS hands over a number pgdesk does not know: the new-patient form, filled in
    found += _nameless_in_next_modal(lambda: open_patient(
        window, HisRequest(number="H-1234", name="Nieuw Uit His", birth_date="1970-01-02")))
    # the sociale kaart's CSV preview, with good, known and unreadable lines
    store.add_patient("Naam Testpersoon", "1960")
    data = b"naam;organisatie;dimensies\nBuurtteam;Gemeente;Meedoen\n;;\n"
    for report in (smc.preview_csv(store, data, instrument),
                   smc.preview_csv(store, b"naam;organisatie\nGoed;Org\n", instrument)):
        found += _nameless_in_next_modal(lambda r=report: ImportPreviewDialog(r, "kaart.csv", window).exec())
    # backup and restore: the choice of folder, the file to restore, and what pgdesk says then
    monkeypatch.setattr(backups, "backup_folder", lambda: tmp_path)
    found += _nameless_in_next_modal(lambda: window.backups.backup_now(window))
    found += _nameless_in_next_modal(lambda: plain.question(
        window, "pgdesk", "De nieuwste goede reservekopie terugzetten?"))

    found += _nameless_in_next_modal(lambda: practice_actions.choose_backup_folder(window))
    found += _nameless_in_next_modal(window.restore_backup)
    # the lock screen (the window shows it when locked): the unlock form is all there is
    screen = LockScreen()
    screen.show()
    QApplication.processEvents()
    assert [w for w in screen.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisible()]
    found += nameless(screen)
    screen.close()
    assert found == [], "\n".join(found)


def _edge(widget: QWidget) -> QColor:
    """The colour of the widget's left border, halfway down, as drawn."""
    picture = widget.grab().toImage()
    return picture.pixelColor(1, picture.height() // 2)


@pytest.mark.parametrize("dark", [False, True])
def test_what_has_the_keyboard_wears_the_focus_colour(qtbot, dark):
    page = QWidget()
    qtbot.addWidget(page)
    page.setStyleSheet(style_sheet(dark=dark))
    step = QPushButton("Stap 1")
    step.setObjectName("stepButton")
    step.setCheckable(True)
    step.setChecked(True)
    primary = QPushButton("Verder")
    primary.setObjectName("primary")
    arrow = QToolButton()  # the menu arrow beside "Kopieer naar HIS"
    arrow.setObjectName("menuArrow")
    arrow.setArrowType(Qt.ArrowType.DownArrow)
    arrow.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    controls = [QPushButton("Sluiten"), step, primary, arrow, QLineEdit(), QPlainTextEdit(),
                QTableWidget(2, 2)]
    layout = QVBoxLayout(page)
    for control in controls:
        layout.addWidget(control)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    focus = QColor((DARK if dark else LIGHT)["focus"])
    for control in controls:
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        assert _edge(control) == focus, type(control).__name__
        others = [c for c in controls if c is not control]
        assert all(_edge(c) != focus for c in others)


def test_the_patients_current_row_is_framed_not_only_tinted():
    assert re.search(r'aspectRow\[current="true"\] \{[^}]*border-color: #000000', PATIENT_STYLE)


@pytest.mark.parametrize("dark", [False, True])
def test_a_dialogs_error_follows_the_palette_and_carries_a_sign(window, dark):
    window.setStyleSheet(style_sheet(dark=dark))
    dialog = PatientDialog(window)
    dialog.show()
    dialog.show_error("Vul een naam in.")
    QApplication.processEvents()
    assert dialog.error.text() == "\u26a0\u00a0Vul een naam in."  # not only red
    colour = dialog.error.palette().color(dialog.error.foregroundRole())
    assert colour == QColor((DARK if dark else LIGHT)["error"])
    dialog.close()


def test_no_screen_fixes_a_text_colour_of_its_own():
    """Text colours come from the sheet (LIGHT/DARK) so they follow a dark desktop; a fixed text
    colour is allowed only beside the fixed light background it is readable on."""
    ui = Path(__file__).resolve().parents[2] / "pgdesk" / "ui"
    fixed = []
    for path in ui.rglob("*.py"):
        if path.name == "style.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'setStyleSheet\(\s*f?"[^"]*\bcolor:', line) and "background" not in line:
                fixed.append(f"{path.name}:{n}")
    assert fixed == []


def test_an_overdue_conversation_is_red_that_reads_on_a_dark_desktop(window, store,
                                                                     professional):
    late = store.add_patient("Lotte Laat", "1950")
    store.new_consultation(late.id, professional.id, "start",
                           (dt.date.today() - dt.timedelta(days=120)).isoformat())
    dark = QPalette(QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#2a2a2a"))
    window.list_page.due.list.setPalette(dark)
    window.show_list()
    item = window.list_page.due.list.item(0)
    assert "te laat" in item.text() and item.font().bold()  # the words and bold say it too
    assert item.foreground().color() == QColor(DARK["error"])


def test_the_patient_modes_controls_have_names_too(qtbot, window, store):
    """Its buttons leave the keyboard to the screen, but a screen reader still reads them."""
    patient = store.add_patient("Modus Testpersoon", "1950")
    window.show_patient(patient.id)
    qtbot.mouseClick(window.patient_page.fill_in, Qt.MouseButton.LeftButton)
    mode = window.patient_mode
    assert mode is not None
    found = []
    for screen in [mode.flow.welcome, *mode.flow.dimension_screens]:
        mode.flow.stack.setCurrentWidget(screen)
        QApplication.processEvents()
        found += [f"{type(screen).__name__} > {type(w).__name__} {w.objectName()!r}"
                  for w in screen.findChildren(QWidget)
                  if isinstance(w, CONTROLS) and w.isVisible() and not _named(w, set())]
    assert found == [], "\n".join(found)
    row = mode.flow.dimension_screens[0].rows[0]
    assert {b.accessibleDescription() for b in row.score_buttons} == {row.name.text()}
