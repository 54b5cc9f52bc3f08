"""Every control a keyboard can reach has a name a screen reader says: its accessible name, a
button's own text, or for a text field the label whose buddy it is. Opens the main window's
pages and the main dialogs and lists each nameless control (issue 18, accessible screens)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pgdesk.domain.social_map import Service
from pgdesk.storage import social_map as sm
from pgdesk.ui.dialogs import DateDialog, PatientDialog, ProfessionalDialog
from pgdesk.ui.paper_web_dialog import PaperWebDialog
from pgdesk.ui.practice_details_dialog import PracticeDetailsDialog
from pgdesk.ui.social_map_dialog import ServiceDialog, SocialMapDialog

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit)


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
               PaperWebDialog(instrument, window)]
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        found += nameless(dialog)
        dialog.close()
    assert found == [], "\n".join(found)

