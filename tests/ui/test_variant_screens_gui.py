"""Each instrument variant speaks its own words on the patient's screens (issue 18): Jongeren in
the je-form, Kind short and to a child with a parent beside it, in the patient mode on the desk
and in the waiting-room kiosk, with no patient text falling back to the adult u-form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from pgdesk.domain.content import ADULT, VARIANTS, shipped_instrument, variant_instrument
from pgdesk.storage.invitations import prepare_invitation
from pgdesk.storage.variants import set_instrument_variant
from pgdesk.ui.patient_mode.kiosk import KioskWindow

OWN_WORDS = [v for v in VARIANTS if v != ADULT]  # the adult one is the source text itself
# The adult u-form's own sentences: a child or a young person must not read them.
ADULT_ONLY = ("Wat is voor u nu het belangrijkst?", "Dit is uw spinnenweb",
              "U krijgt zes onderwerpen")


def _shown(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel) + widget.findChildren(
        QAbstractButton) if w.isVisible() and w.text())


def _walk(flow) -> list[str]:
    """What the patient reads on every screen: welcome, each dimension, the end."""
    seen = []
    for index in range(flow.stack.count()):
        flow.go_to(index)
        seen.append(_shown(flow))
    return seen


def _check(seen: list[str], variant: str) -> None:
    words = variant_instrument(variant).screens
    assert words, f"{variant} has no words for the patient's screens"
    assert words["Welkom"] in seen[0] and words["Beginnen"] in seen[0]
    assert words["Weet ik niet"] in seen[1] and words["Over praten"] in seen[1]
    assert words["Dit is uw spinnenweb"] in seen[-1]
    assert words["Wat is voor u nu het belangrijkst?"] in seen[-1]
    everything = " ".join(seen)
    for adult in ADULT_ONLY:
        assert adult not in everything, adult


@pytest.mark.parametrize("variant", OWN_WORDS)
def test_each_variant_reaches_the_patient_mode_with_its_own_words(qtbot, window, store, variant):
    patient = store.add_patient("Robin Testvariant", "2014")
    set_instrument_variant(store, patient.id, variant)
    window.show_patient(patient.id)
    qtbot.mouseClick(window.patient_page.fill_in, Qt.MouseButton.LeftButton)
    mode = window.patient_mode
    assert mode is not None and mode.session.instrument.code == f"nl-{variant}"
    _check(_walk(mode.flow), variant)
    assert mode.language.missing == set()  # nothing fell back to the practice's words
    mode.leave()


@pytest.mark.parametrize("variant", OWN_WORDS)
def test_each_variant_speaks_its_own_words_in_the_kiosk(qtbot, store, professional, instrument,
                                                        variant):
    kiosk = KioskWindow(store, instrument, None, 2)
    qtbot.addWidget(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    patient = store.add_patient("Robin Testvariant", "2014")
    set_instrument_variant(store, patient.id, variant)
    kiosk.open_code(prepare_invitation(store, patient.id, None))
    assert kiosk.flow is not None and kiosk.flow.session.instrument.code == f"nl-{variant}"
    _check(_walk(kiosk.flow), variant)
    assert kiosk.language.missing == set()
    qtbot.mouseClick(kiosk.flow.end.ready, Qt.MouseButton.LeftButton)
    assert kiosk.code_screen.thanks.text() == variant_instrument(variant).screens[
        "Dank u wel. Uw antwoorden zijn bewaard."]
    kiosk._closing = True


def test_the_young_speak_in_the_je_form_and_the_child_short():
    jongeren = shipped_instrument("nl-jongeren").screens
    kind = shipped_instrument("nl-kind").screens
    for text in jongeren.values():
        assert not {"u", "uw", "U", "Uw"} & set(text.replace(".", " ").replace("?", " ").split())
    for source, text in kind.items():  # very short: never longer than the adult's sentence
        assert len(text) <= len(source) + 12, text
    welcome = "Weet u het niet, of wilt u iets niet beantwoorden?"
    for words in (jongeren, kind):  # the welcome names the buttons as the buttons say them
        told = next(t for s, t in words.items() if s.startswith(welcome))
        assert f'"{words["Weet ik niet"]}"' in told and f'"{words["Over praten"]}"' in told
