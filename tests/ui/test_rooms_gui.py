"""Several rooms through the real widgets (issue 13): a text another room changed meanwhile is
never overwritten and never lost; a conversation open in another room is read-only until taken
over. The other room is a second Store on the same file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from pgdesk.storage.access_log import Actor
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import plain
from pgdesk.ui.conflicts import KEEP_BOTH, TAKE_THEIRS


@pytest.fixture
def other_room(db_path):
    s = Store.open(db_path, actor=Actor("Dr. A. de Vries", workstation="kamer 2"), lock=False)
    yield s
    s.close()


@pytest.fixture
def conversation(store, professional):
    patient = store.add_patient("Fictief, Gerrit", "1950-03-04")
    return store.new_consultation(patient.id, professional.id, "start").id


def _at_wheel(window, cid, qtbot):
    window.open_consultation(cid)
    page = window.consultation_page
    page.go_to(2)
    return page.wheel


def _type(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


@pytest.mark.parametrize("choice", [KEEP_BOTH, TAKE_THEIRS, None])
def test_a_text_changed_in_another_room_is_never_lost(window, other_room, conversation, nl,
                                                      qtbot, monkeypatch, choice):
    wheel = _at_wheel(window, conversation, qtbot)
    step = wheel.steps[wheel.index].id
    # the other room writes this answer after this screen read it
    ConsultationSession(other_room, nl, conversation).set_wheel_answer(step, "Hun antwoord.")
    asked = []
    monkeypatch.setattr(plain, "choose", lambda *a, **k: asked.append(a[2]) or choice)
    _type(qtbot, wheel.answer, "Mijn antwoord.")
    assert not asked  # typing alone writes nothing yet
    ok = wheel.flush()
    assert len(asked) == 1
    assert "Dr. A. de Vries (kamer 2" in asked[0] and "Hun antwoord." in asked[0]
    assert "Mijn antwoord." in asked[0]
    stored = other_room.consultation(conversation).wheel_answers[step]
    if choice == KEEP_BOTH:
        assert ok and stored == "Hun antwoord.\n\nMijn antwoord."
        assert wheel.answer.toPlainText() == stored
    elif choice == TAKE_THEIRS:
        assert ok and stored == "Hun antwoord."
        assert wheel.answer.toPlainText() == "Hun antwoord."
        assert QApplication.clipboard().text() == "Mijn antwoord."  # the typed text, to paste
    else:  # closed without a choice: nothing written, the typed text stays, leaving is refused
        assert not ok and stored == "Hun antwoord."
        assert wheel.answer.toPlainText() == "Mijn antwoord."
        window.consultation_page.go_to(3)
        assert window.consultation_page.current_step == "wheel"


def test_a_plan_field_changed_in_another_room_is_kept_with_the_typed_one(
        window, other_room, conversation, nl, qtbot, monkeypatch):
    window.open_consultation(conversation)
    page = window.consultation_page
    page.go_to(3)
    ConsultationSession(other_room, nl, conversation).set_plan_field("goal", "Weer fietsen")
    monkeypatch.setattr(plain, "choose", lambda *a, **k: KEEP_BOTH)
    edit = page.plan.fields["goal"]
    edit.clear()
    _type(qtbot, edit, "Elke dag wandelen")
    assert page.plan.flush()
    assert other_room.consultation(conversation).plan.goal == "Weer fietsen / Elke dag wandelen"
    assert edit.text() == "Weer fietsen / Elke dag wandelen"


def test_a_score_changed_in_another_room_shows_theirs_with_a_message(
        window, other_room, conversation, nl, qtbot, monkeypatch):
    window.open_consultation(conversation)
    web = window.consultation_page.web
    dim = nl.dimensions[0].id
    ConsultationSession(other_room, nl, conversation).set_score(dim, 3)
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: warnings.append(a[2]))
    web.set_score(0, 9)
    assert len(warnings) == 1 and "Deze score" in warnings[0] and "kamer 2" in warnings[0]
    assert web.session.score(dim).value == 3  # their choice on screen
    assert other_room.consultation(conversation).manual_scores[dim] == 3
