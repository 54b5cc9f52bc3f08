"""Patiënt → Gesprek exporteren als FHIR, through the real menu and dialog: the practice's
identity choice is asked (and kept), the file parses as FHIR, the export is logged."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pgdesk.reports.fhir import parse_bundle
from pgdesk.storage.fhir_data import with_identity
from pgdesk.ui import fhir_export_dialog, plain
from pgdesk.ui.fhir_export_dialog import FhirExportDialog


def answer(choose_identity: bool, seen: list):
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FhirExportDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.with_identity.isChecked())
        (dialog.with_identity if choose_identity else dialog.without).click()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(0, act)


def menu_action(window, words: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if words in action.text():
                return action
    raise AssertionError(words)


def test_menu_exports_the_latest_conversation_with_the_chosen_identity(
        qtbot, monkeypatch, window, store, professional, tmp_path):
    p = store.add_patient("Anna de Vries", "1956-03-14", "100237")
    c = store.new_consultation(p.id, professional.id, "start", "2026-06-14")
    store.set_score(c.id, "lichaamsfuncties", 6)
    window.show_patient(p.id)
    out = tmp_path / "gesprek.json"
    monkeypatch.setattr(fhir_export_dialog.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(plain, "information", lambda *a, **k: told.append(a[2]))
    seen: list[bool] = []
    answer(True, seen)
    menu_action(window, "FHIR").trigger()
    assert seen == [False]  # without identity until the practice chooses otherwise
    assert with_identity(store)
    bundle = parse_bundle(out.read_bytes())
    patient = next(e.resource for e in bundle.entry if e.resource.get_resource_type() == "Patient")
    assert patient.name[0].text == "Anna de Vries"
    assert "HIS-nummer" in told[0] and str(out) in told[0]
    what = [r[0] for r in store.db.execute(
        "SELECT what FROM access_log WHERE patient_id = ? AND action = 'E'", [p.id])]
    assert what == ["fhir"]
    # the next time the practice's choice is offered; cancelling writes nothing
    out.unlink()

    def cancel():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FhirExportDialog):
            QTimer.singleShot(20, cancel)
            return
        seen.append(dialog.with_identity.isChecked())
        dialog.reject()

    QTimer.singleShot(0, cancel)
    menu_action(window, "FHIR").trigger()
    assert seen == [False, True] and not out.exists()


def test_patient_without_a_conversation_is_told(qtbot, monkeypatch, window, store):
    p = store.add_patient("Bert Bos", "1970")
    window.show_patient(p.id)
    told: list[str] = []
    monkeypatch.setattr(plain, "information", lambda *a, **k: told.append(a[2]))
    menu_action(window, "FHIR").trigger()
    assert told == ["Er is nog geen gesprek met deze patiënt om te exporteren."]
