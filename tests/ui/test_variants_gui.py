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
