"""Patients from a HIS list, through the real preview dialog: the columns as guessed and as the
user changes them, every line's fate, nothing written until 'toevoegen', the list after."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from pgdesk.ui import patient_import_dialog, plain
from pgdesk.ui.patient_import_dialog import PatientImportDialog
from pgdesk.ui.patient_import_model import COLUMNS

HIS_EXPORT = ("Patiëntnummer;Achternaam;Voorvoegsel;Voornaam;Geboortedatum;Postcode\r\n"
              "100237;Vries;de;Anna;14-03-1956;2311AB\r\n"
              "100238;Jansen;;Joop;02-11-1949;2312CD\r\n"
              "100239;Bos;;Bert;19700102;2313EF\r\n"
              "100240;IJsselstein;van;Zoë;07-11-1967;2314GH\r\n").encode("cp1252")


def cells(dialog) -> list[list[str]]:
    m = dialog.model
    return [[m.data(m.index(r, c)) for c in range(len(COLUMNS))] for r in range(m.rowCount())]


def run_dialog(qtbot, monkeypatch, store, path, act):
    """Open the preview as the menu does; `act(dialog)` plays the user, then the info is noted."""
    told: list[str] = []
    monkeypatch.setattr(plain, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(plain, "warning", lambda *a, **k: told.append(a[2]))

    def find_and_act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PatientImportDialog):
            QTimer.singleShot(20, find_and_act)  # not open yet
            return
        try:
            act(dialog)
        finally:  # a failed check must not leave the dialog waiting for a user
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, find_and_act)
    done = patient_import_dialog.import_patients_from_file(None, store, str(path))
    return done, told


def test_preview_shows_every_line_and_adds_only_on_confirm(qtbot, monkeypatch, window, store,
                                                           tmp_path):
    store.add_patient("Anna de Vries", "1956-03-14", "100237")
    store.add_patient("Bert Bos", "1970-01-02", "")
    path = tmp_path / "his-export.csv"
    path.write_bytes(HIS_EXPORT)
    seen = {}

    def look_then_cancel(dialog):
        seen["format"] = dialog.format_line.text()
        seen["mapping"] = dialog.mapping()
        seen["rows"] = cells(dialog)
        seen["summary"] = dialog.summary.text()
        seen["enabled"] = (dialog.add_button.isEnabled(), dialog.add_button.text())
        dialog.cancel_button.click()

    done, told = run_dialog(qtbot, monkeypatch, store, path, look_then_cancel)
    assert done is None and told == [] and store.patient_count() == 2
    assert seen["format"] == "Gelezen als CP1252, gescheiden door puntkomma, met een kopregel."
    assert seen["mapping"] == {"number": 0, "last": 1, "prefix": 2, "first": 3, "birth_date": 4}
    assert [r[:5] for r in seen["rows"]] == [
        ["4", "Conflict", "100239", "Bert Bos", "02-01-1970"],
        ["3", "Nieuw", "100238", "Joop Jansen", "02-11-1949"],
        ["5", "Nieuw", "100240", "Zoë van IJsselstein", "07-11-1967"],
        ["2", "Staat er al", "100237", "Anna de Vries", "14-03-1956"],
    ]
    assert "zonder nummer" in seen["rows"][0][5]
    assert seen["summary"].startswith("2 nieuw, 1 staat er al, 1 conflict, 0 niet te lezen.")
    assert seen["enabled"] == (True, "2 patiënten &toevoegen")

    done, told = run_dialog(qtbot, monkeypatch, store, path, lambda d: d.add_button.click())
    assert done.applied == 2 and told == ["2 patiënten toegevoegd."]
    assert store.patient_by_number("100240").display_name == "Zoë van IJsselstein"
    assert store.patient_by_number("100239") is None  # the conflict is left to the practice
    assert store.patient_count() == 4


def test_a_bad_line_blocks_the_file_and_a_column_choice_is_judged_again(qtbot, monkeypatch,
                                                                        window, store, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("nummer,naam,geboren\n5001,Piet Pieters,31-02-1960\n5002,Els Bakker,1961\n",
                    encoding="utf-8")
    seen = {}

    def act(dialog):
        seen["before"] = (dialog.add_button.isEnabled(), cells(dialog)[0][1], cells(dialog)[0][5])
        assert "helemaal of niet" in dialog.summary.text()
        # the user says the third column is not the birth date: every line is judged again
        box = dialog.choosers["birth_date"]
        box.setCurrentIndex(box.findData(-1))
        seen["after"] = (dialog.add_button.isEnabled(), dialog.add_button.text())
        dialog.add_button.click()

    done, told = run_dialog(qtbot, monkeypatch, store, path, act)
    assert seen["before"] == (False, "Niet te lezen",
                              "De geboortedatum '31-02-1960' is geen datum (dd-mm-jjjj, "
                              "jjjj-mm-dd of jjjjmmdd).")
    assert seen["after"] == (True, "2 patiënten &toevoegen")
    assert done.applied == 2 and store.patient_by_number("5001").birth_date == ""


def test_unreadable_file_is_told_and_nothing_opens(qtbot, monkeypatch, store, tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    done, told = run_dialog(qtbot, monkeypatch, store, path, lambda d: None)
    assert done is None and told == ["Het bestand is leeg."]


def test_menu_opens_the_import_and_the_list_shows_the_new_patient(qtbot, monkeypatch, window,
                                                                  store, tmp_path):
    path = tmp_path / "een.csv"
    path.write_text("nummer;naam\n7001;Fatima el Amrani\n", encoding="utf-8")
    monkeypatch.setattr(patient_import_dialog.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(plain, "information", lambda *a, **k: None)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().add_button.click())
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if "HIS" in a.text())
    action.trigger()
    names = [window.list_page.model.data(window.list_page.model.index(r, 0), Qt.ItemDataRole.DisplayRole)
             for r in range(window.list_page.model.rowCount())]
    assert "Fatima el Amrani" in names
