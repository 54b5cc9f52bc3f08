"""The patient mode and the kiosk in every handout language (issue 18): each language's words for
every patient screen are there (none falls back to Dutch or English unseen), Arabic runs right to
left, and the answers are stored the same whatever the language (fictitious data only)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

import pgdesk.ui.patient_mode as patient_mode_package
from pgdesk.domain.content import HANDOUT_LANGUAGES, shipped_instrument
from pgdesk.storage.handout_preferences import set_handout_preferences
from pgdesk.storage.invitations import prepare_invitation, todays_conversation
from pgdesk.ui.patient_mode.kiosk import KioskWindow
from pgdesk.ui.patient_mode.language import (
    PATIENT_CONTEXTS,
    PRACTICE_WORDS,
    PatientWords,
    patient_words,
)
from pgdesk.ui.patient_mode.script import BUNDLED, patient_texts

NAME = "Petronella Testpersoon"


def _patient_sources() -> set[str]:
    """Every text the patient's screens ask tr() for, read from the source."""
    found = set()
    for path in Path(patient_mode_package.__file__).parent.glob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef) or cls.name not in PATIENT_CONTEXTS:
                continue
            for call in ast.walk(cls):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr" and isinstance(call.args[0], ast.Constant)):
                    found.add(call.args[0].value)
    return found - PRACTICE_WORDS


@pytest.mark.parametrize("code", [c for c in HANDOUT_LANGUAGES if c not in ("nl", "en")]
                         + ["nl-jongeren", "nl-kind"])  # the variants with their own words
def test_each_language_file_has_exactly_the_patient_screens_words(code):
    instrument = shipped_instrument(code)
    sources = _patient_sources()
    assert len(sources) > 20
    assert set(instrument.screens) == sources  # nothing missing, nothing left over
    assert instrument.screens["Weet ik niet"] != "Weet ik niet" or code.startswith("nl")
    # who wrote it and whether a native speaker checked it, like the rest of the file
    assert instrument.author and isinstance(instrument.reviewed, bool)


def test_english_has_the_patient_screens_words_in_the_apps_translation(qapp):
    words = patient_words(shipped_instrument("en"))
    assert words is not None and words.english is not None
    for source in _patient_sources():
        assert words.translate("WelcomeScreen", source) is not None or any(
            words.english.translate(context, source) for context in PATIENT_CONTEXTS), source


def test_the_practice_words_and_the_practice_screens_stay_in_the_practice_language(qapp):
    words = PatientWords(shipped_instrument("tr").screens)
    assert words.translate("WelcomeScreen", "Welkom") == "Hoş geldiniz"
    assert words.translate("Cover", "Terug naar het dossier") is None  # the next translator's
    assert words.translate("PatientPage", "Welkom") is None
    assert words.translate("EndScreen", "een tekst die er niet is") is None
    assert words.missing == {"een tekst die er niet is"}


@pytest.mark.parametrize("code", ["ar", "uk", "tr", "pl", "nl-eenvoudig"])
def test_the_bundled_font_has_every_letter_the_patient_reads(qapp, code):
    from PySide6.QtGui import QRawFont

    from pgdesk.paths import resource

    instrument = shipped_instrument(code)
    for name in BUNDLED:
        font = QRawFont(str(resource("fonts", name)), 20)
        lacking = {ch for text in patient_texts(instrument) for ch in text
                   if not ch.isspace() and not font.supportsCharacter(ord(ch))}
        assert not lacking, (name, lacking)


@pytest.fixture
def kiosk(qtbot, store, professional, instrument):
    window = KioskWindow(store, instrument, None, 2)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.show_code_screen(thanks=False)  # takes the patient's words off the application
    window._closing = True


def _visible(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
            if w.isVisible() and w.text()]


def _texts(widget: QWidget) -> str:
    return " ".join(w.text() for w in _visible(widget))


def _answer(qtbot, flow) -> None:
    """The same taps in every language: a 7, a "weet ik niet", a "wil ik over praten"."""
    screen = flow.dimension_screens[0]
    qtbot.mouseClick(screen.rows[0].score_buttons[7], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.rows[1].skip, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.rows[2].talk, Qt.MouseButton.LeftButton)
    flow.end.important.setPlainText("Weer fietsen")
    flow.end.flush()


@pytest.mark.parametrize("code", HANDOUT_LANGUAGES)
def test_every_patient_screen_speaks_the_patients_language(qtbot, kiosk, code):
    store = kiosk.store
    patient = store.add_patient(NAME, "1950")
    set_handout_preferences(store, patient.id, code, "A4")
    instrument = shipped_instrument(code)
    kiosk.open_code(prepare_invitation(store, patient.id, None))
    flow, language = kiosk.flow, kiosk.language
    assert flow is not None and flow.session.instrument.code == code
    rtl = Qt.LayoutDirection.RightToLeft if instrument.rtl else Qt.LayoutDirection.LeftToRight

    def tr(context: str, source: str) -> str:
        return QCoreApplication.translate(context, source)

    seen = []
    for index in range(flow.stack.count()):  # welcome, every dimension, the end
        flow.go_to(index)
        screen = flow.stack.currentWidget()
        seen.append(_texts(flow))
        for widget in _visible(flow):
            assert widget.layoutDirection() == rtl, (widget, widget.text())
        assert screen.isRightToLeft() == instrument.rtl
    assert tr("WelcomeScreen", "Welkom") in seen[0]
    assert tr("AspectRow", "Weet ik niet") in seen[1]
    assert instrument.dimensions[0].everyday in seen[1]
    assert tr("EndScreen", "Dit is uw spinnenweb") in seen[-1]
    if code not in ("nl", "nl-eenvoudig"):
        for dutch in ("Welkom", "Weet ik niet", "Over praten", "Dit is uw spinnenweb", "Klaar"):
            assert dutch not in " ".join(seen).split(" · "), dutch
        assert tr("WelcomeScreen", "Welkom") != "Welkom"
    if code == "nl-eenvoudig":
        assert "Dit is uw web" in seen[-1]
    assert language.missing == set()  # no patient text fell back to another language
    _answer(qtbot, flow)
    thanks = tr("CodeScreen", "Dank u wel. Uw antwoorden zijn bewaard.")
    qtbot.mouseClick(flow.end.ready, Qt.MouseButton.LeftButton)
    assert kiosk.code_screen.thanks.text() == thanks  # the thanks still in the patient's words
    assert kiosk.code_screen.thanks.layoutDirection() == rtl
    assert tr("WelcomeScreen", "Welkom") == "Welkom"  # the next patient: the practice's again

    c = store.consultation(todays_conversation(store, patient.id))
    dim = instrument.dimensions[0]
    assert c.aspect_scores == {dim.id: {dim.aspects[0].id: 7}}
    assert (dim.id, dim.aspects[2].id) in c.talk and len(c.talk) == 1
    assert c.wheel_answers.get("belangrijk") or any(v == "Weer fietsen"
                                                     for v in c.wheel_answers.values())


def test_arabic_arrow_keys_follow_the_numbers_right_to_left(qtbot, kiosk):
    store = kiosk.store
    patient = store.add_patient(NAME, "1950")
    set_handout_preferences(store, patient.id, "ar", "A4")
    kiosk.open_code(prepare_invitation(store, patient.id, None))
    flow = kiosk.flow
    qtbot.keyClick(flow.welcome, Qt.Key.Key_Return)
    screen = flow.dimension_screens[0]
    row = screen.rows[0]
    assert row.score_buttons[1].x() < row.score_buttons[0].x()  # 0 at the right, 10 at the left
    qtbot.keyClick(screen, Qt.Key.Key_5)
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # towards the higher numbers
    dim = screen.dimension
    c = store.consultation(todays_conversation(store, patient.id))
    assert c.aspect_scores[dim.id][dim.aspects[0].id] == 6
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # back, to the right
    assert flow.index == 0


def test_the_kiosk_asks_for_the_code_in_every_language(kiosk):
    text = _texts(kiosk.code_screen)
    for code in ("tr", "ar", "pl", "uk"):
        assert shipped_instrument(code).screens["Typ de code die u van de praktijk kreeg."] in text
    assert shipped_instrument("nl-eenvoudig").screens[  # Dutch once
        "Typ de code die u van de praktijk kreeg."] not in text
    arabic = [w for w in kiosk.code_screen.prompts if "الرمز" in w.text()]
    assert arabic and arabic[0].layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_patient_mode_cover_thanks_in_arabic_and_keeps_the_practice_words(qtbot, window):
    from pgdesk.ui.patient_mode.mode import PatientMode

    patient = window.store.add_patient(NAME, "1950")
    set_handout_preferences(window.store, patient.id, "ar", "A4")
    window.show_patient(patient.id)
    mode = PatientMode.start(window, patient.id, 2)
    window.patient_mode = mode
    assert mode.flow.isRightToLeft()
    ar = shipped_instrument("ar")
    mode.cover(done=True)
    assert mode.cover_screen.thanks.text() == ar.screens["Dank u wel. Uw antwoorden zijn bewaard."]
    assert mode.cover_screen.title.text() == ar.screens["Geef het scherm terug aan de praktijk"]
    assert mode.cover_screen.title.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert mode.cover_screen.leave_button.text() == "Terug naar het dossier"  # the practice's
    assert mode.language.missing == set()
    mode.leave()
    assert QCoreApplication.translate("Cover", "Dank u wel. Uw antwoorden zijn bewaard.") == \
        "Dank u wel. Uw antwoorden zijn bewaard."


@pytest.mark.parametrize("code", ["ar", "nl"])
def test_the_end_screens_web_reads_in_the_patients_direction(qtbot, window, code):
    """Arabic: the web at the right where the screen starts, each label's lines starting at the
    right and the scale's numbers right of the upright spoke; the spokes stay clockwise, as on the
    Arabic handout. Dutch: as before."""
    from PySide6.QtCore import QPoint, QPointF

    from pgdesk.ui.patient_mode.mode import PatientMode

    patient = window.store.add_patient(NAME, "1950")
    set_handout_preferences(window.store, patient.id, code, "A4")
    window.show_patient(patient.id)
    mode = PatientMode.start(window, patient.id, 2)
    window.patient_mode = mode
    flow = mode.flow
    flow.go_to(flow.stack.count() - 1)
    qtbot.wait(50)
    end, rtl = flow.end, code == "ar"
    radar = end.radar
    assert radar.isRightToLeft() == rtl
    web_x = radar.mapTo(end, QPoint(0, 0)).x()
    words_x = end.summary[0].mapTo(end, QPoint(0, 0)).x()
    assert (web_x > words_x) == rtl  # side by side at 1366 px, the web first in reading order
    spoke = radar._vb.mapViewToScene(QPointF(0, 10)).x()
    ten = radar._numbers[-1].sceneBoundingRect()
    assert (ten.left() >= spoke) if rtl else (ten.right() <= spoke)
    right_of_web = radar._label_items[1]  # hangs from its left side, towards the web
    aligned = right_of_web._alignment()
    assert aligned == (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    labels = [radar.label_pos_in_widget(i) for i in range(len(radar.labels()))]
    assert labels[1].x() > labels[0].x()  # clockwise in both: the second spoke to the right
    mode.leave()
