"""The variant chosen on the patient page is remembered and the conversation and its handout use
it; the handout's language list, large print and the note on an unchecked translation."""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage.variants import instrument_variant, large_print


def _pdf_text(pdf: bytes) -> str:
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))  # Arabic: the joined forms


def test_variant_on_the_patient_page_is_used_by_the_conversation_and_handout(window, store,
                                                                              professional):
    patient = store.add_patient("Sem Testkind")
    c = store.new_consultation(patient.id, professional.id)
    window.show_patient(patient.id)
    box = window.patient_page.variant_box
    box.setCurrentIndex(box.findData("kind"))  # as the user picks it
    assert instrument_variant(store, patient.id) == "kind"
    window.open_consultation(c.id)
    page = window.consultation_page
    assert page.session.instrument.code == "nl-kind"
    assert page.session.instrument.dimensions[0].name == "Mijn lijf"
    summary = page.summary
    summary.refresh()
    assert "Mijn lijf" in _pdf_text(summary.pdf)
    assert summary.unchecked.isHidden()  # our own Dutch: no note
    summary.large_box.setChecked(True)
    assert large_print(store, patient.id)
    assert "Mijn cijfers" in _pdf_text(summary.pdf)
    summary.set_choice(language="ar")
    assert shipped_instrument("ar").text("handout_title") in _pdf_text(summary.pdf)
    assert not summary.unchecked.isHidden()  # not checked by a native speaker: the note shows


def test_who_was_present_is_ticked_in_the_plan_and_said_in_the_soep_and_export(
        window, store, professional, tmp_path):
    from pgdesk.domain.content import shipped_instrument as shipped
    from pgdesk.reports.evaluation import export_evaluation as write_evaluation
    from pgdesk.reports.soep import render_soep
    from pgdesk.storage.documents import evaluation_data, soep_data

    patient = store.add_patient("Mevrouw Testtolk")
    c = store.new_consultation(patient.id, professional.id)
    window.show_patient(patient.id)
    window.open_consultation(c.id)
    row = window.consultation_page.plan.present
    row.boxes["tolk"].setChecked(True)
    row.boxes["naaste"].setChecked(True)
    soep = render_soep(soep_data(store, c.id), shipped("nl"))
    assert "Aanwezig: naaste/mantelzorger, tolk" in soep
    paths = write_evaluation(evaluation_data(store, shipped("nl")), shipped("nl"), tmp_path / "e.csv")
    lines = paths[0].read_text(encoding="utf-8-sig").splitlines()
    head = lines[0].split(";")
    values = dict(zip(head, lines[1].split(";"), strict=False))
    assert (values["present_naaste"], values["present_tolk"], values["present_namens"]) == ("1", "1", "0")
    assert "Testtolk" not in "".join(lines)


def test_blank_web_dialog_prints_large_letters_in_any_language(qtbot):
    from pgdesk.ui.paper_web_dialog import PaperWebDialog
    from tests.reports.test_handout_languages import _runs

    dialog = PaperWebDialog(shipped_instrument("nl"))
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("tr"))
    dialog.large.setChecked(True)
    assert shipped_instrument("tr").text("paper_title") in _pdf_text(dialog.pdf)
    assert min(size for _, size, _, _ in _runs(dialog.pdf)) >= 16 - 0.01
    again = PaperWebDialog(shipped_instrument("nl"))  # remembered on this computer
    qtbot.addWidget(again)
    assert again.large.isChecked() and again.language == "tr"


def test_patient_mode_speaks_in_the_patients_variant(qtbot, window, store, professional):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from pgdesk.storage.variants import set_instrument_variant

    patient = store.add_patient("Kim Testkind", "2016")
    set_instrument_variant(store, patient.id, "kind")
    window.show_patient(patient.id)
    qtbot.mouseClick(window.patient_page.fill_in, Qt.MouseButton.LeftButton)
    mode = window.patient_mode
    assert mode is not None and mode.session.instrument.code == "nl-kind"
    shown = " ".join(w.text() for w in mode.findChildren(QLabel))
    assert "Mijn lijf" in shown  # the child's words on the patient's own screen
    mode.leave()
