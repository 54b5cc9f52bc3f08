"""Several rooms through the real widgets (issue 13): a text another room changed meanwhile is
never overwritten and never lost; a conversation open in another room is read-only until taken
over. The other room is a second Store on the same file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pgdesk.storage import claims
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
    # the other room writes this answer after this screen read it (unguarded, as an import
    # would; a guarded write from there is refused while this room holds the conversation)
    other_room.set_wheel_answer(conversation, step, "Hun antwoord.")
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
    other_room.set_plan_field(conversation, "goal", "Weer fietsen")
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
    other_room.set_score(conversation, dim, 3)
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: warnings.append(a[2]))
    web.set_score(0, 9)
    assert len(warnings) == 1 and "Deze score" in warnings[0] and "kamer 2" in warnings[0]
    assert web.session.score(dim).value == 3  # their choice on screen
    assert other_room.consultation(conversation).manual_scores[dim] == 3


# -- "Open bij Dr. A. de Vries (kamer 2)" ------------------------------------------------------
def test_a_conversation_open_in_another_room_opens_read_only_until_taken_over(
        window, other_room, conversation, nl, qtbot, monkeypatch):
    ConsultationSession(other_room, nl, conversation).set_wheel_answer("nu", "Hun tekst.")
    assert claims.claim(other_room, conversation) is None  # kamer 2 has it open
    window.open_consultation(conversation)
    page = window.consultation_page
    bar = page.hold.bar
    assert bar.isVisible() and "Open bij Dr. A. de Vries (kamer 2)" in bar.text.text()
    page.go_to(2)  # looking around is fine
    wheel = page.wheel
    assert wheel.answer.isReadOnly() and wheel.answer.toPlainText() == "Hun tekst."
    qtbot.keyClicks(wheel.answer, "Mijn tekst")
    assert wheel.answer.toPlainText() == "Hun tekst."  # nothing can be typed
    assert not page.type_box.isEnabled() and not page.web.radar.isEnabled()
    assert other_room.consultation(conversation).step == "web"  # not even the step is written
    # explicit take-over: editable, the hold moves, kamer 2 learns it at its next heartbeat
    qtbot.mouseClick(bar.take_over, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and not wheel.answer.isReadOnly() and page.type_box.isEnabled()
    assert claims.holder(other_room, conversation).room == window.store.room
    assert not claims.heartbeat(other_room, conversation)
    wheel.answer.moveCursor(wheel.answer.textCursor().MoveOperation.End)
    qtbot.keyClicks(wheel.answer, " Aangevuld.")
    assert wheel.flush()
    assert other_room.consultation(conversation).wheel_answers["nu"] == "Hun tekst. Aangevuld."
    page.close_consultation()  # closing gives the conversation free
    assert claims.holder(other_room, conversation) is None


def test_a_room_whose_conversation_is_taken_over_keeps_its_typed_text(
        window, other_room, conversation, nl, qtbot, monkeypatch):
    window.open_consultation(conversation)
    page = window.consultation_page
    page.go_to(2)
    wheel = page.wheel
    qtbot.keyClicks(wheel.answer, "Bewaard.")
    assert wheel.flush()
    qtbot.keyClicks(wheel.answer, " Nog niet bewaard.")
    assert claims.claim(other_room, conversation, take_over=True) is None  # kamer 2 takes over
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: warnings.append(a[2]))
    page.hold.check()  # the heartbeat
    assert len(warnings) == 1 and "overgenomen door Dr. A. de Vries (kamer 2)" in warnings[0]
    assert "Het is overgenomen" in page.hold.bar.text.text()
    assert wheel.answer.isReadOnly()
    assert wheel.answer.toPlainText() == "Bewaard. Nog niet bewaard."  # still on screen
    assert other_room.consultation(conversation).wheel_answers[
        wheel.steps[wheel.index].id] == "Bewaard."
    # moving about and the window's lock ask nothing (the lock must not wait on a question)
    asked = []
    monkeypatch.setattr(plain, "choose", lambda *a, **k: asked.append(a[2]))
    assert page.leave_current() and not asked
    # closing asks first; "Blijven" stays, "Kopiëren en sluiten" puts the text on the clipboard
    monkeypatch.setattr(plain, "choose", lambda *a, **k: 1)
    page.close_consultation()  # Esc
    assert window.consultation_page is page
    monkeypatch.setattr(plain, "choose", lambda *a, **k: 0)
    page.close_consultation()
    assert window.consultation_page is None
    assert QApplication.clipboard().text() == "Bewaard. Nog niet bewaard."
    assert claims.holder(window.store, conversation).room == "kamer 2"  # theirs stays


def test_taking_back_over_writes_the_typed_text_after_asking(
        window, other_room, conversation, nl, qtbot, monkeypatch):
    window.open_consultation(conversation)
    page = window.consultation_page
    page.go_to(2)
    wheel = page.wheel
    step = wheel.steps[wheel.index].id
    qtbot.keyClicks(wheel.answer, "Van mij.")
    claims.claim(other_room, conversation, take_over=True)
    ConsultationSession(other_room, nl, conversation).set_wheel_answer(step, "Van kamer 2.")
    monkeypatch.setattr(plain, "warning", lambda *a, **k: None)
    page.hold.check()
    monkeypatch.setattr(plain, "choose", lambda *a, **k: KEEP_BOTH)
    qtbot.mouseClick(page.hold.bar.take_over, Qt.MouseButton.LeftButton)
    assert other_room.consultation(conversation).wheel_answers[step] == "Van kamer 2.\n\nVan mij."
    assert not page.session.refused


def test_the_room_name_is_a_workstation_setting(window, qtbot, monkeypatch):
    from pgdesk.ui import rooms

    assert window.store.room == rooms.room_name()  # the host name until set
    monkeypatch.setattr(plain, "get_text", lambda *a, **k: ("  kamer   4 ", True))
    rooms.ask_room_name(window)
    assert window.store.room == "kamer 4" and rooms.room_name() == "kamer 4"


# -- other rooms' changes on screen within a second ----------------------------------------------
def _due_soon(store, name):
    """A patient whose tussen conversation falls due within the next two weeks."""
    import datetime as dt

    patient = store.add_patient(name)
    start = (dt.date.today() - dt.timedelta(days=85)).isoformat()
    store.new_consultation(patient.id, None, "start", start)
    return patient


def test_another_rooms_change_reaches_the_due_list_within_a_second(window, other_room, qtbot):
    due = window.list_page.due
    assert not due.items
    patient = _due_soon(other_room, "Fictief, Anna")
    qtbot.waitUntil(lambda: [d.patient_id for d in due.items] == [patient.id], timeout=1000)


def test_the_patient_page_shows_another_rooms_conversation_and_who_has_it_open(
        window, other_room, conversation, store, qtbot):
    patient_id = store.consultation(conversation).patient_id
    window.show_patient(patient_id)
    page = window.patient_page
    assert page.table.rowCount() == 1
    theirs = other_room.new_consultation(patient_id, None, "los", "2026-01-05").id
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=1000)
    claims.claim(other_room, theirs)
    row = page.selected_consultation_id()

    def shows_holder():
        states = [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
        return any("open bij Dr. A. de Vries (kamer 2)" in s for s in states)

    qtbot.waitUntil(shows_holder, timeout=1000)
    assert page.selected_consultation_id() == row  # the selection stays


def test_the_sociale_kaart_shows_another_rooms_service(window, other_room, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer

    from pgdesk.domain.social_map import Service
    from pgdesk.storage import social_map
    from pgdesk.ui.social_map_dialog import SocialMapDialog

    seen = []

    def add_then_look():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SocialMapDialog) and w.isVisible())
        before = dialog.model.rowCount()
        social_map.add_service(other_room, Service(id="", name="Wandelclub De Stap"))
        qtbot.waitUntil(lambda: dialog.model.rowCount() == before + 1, timeout=1000)
        seen.append(True)
        dialog.reject()

    QTimer.singleShot(0, add_then_look)
    window.show_social_map()
    assert seen


def test_a_read_only_conversation_follows_the_other_rooms_typing(
        window, other_room, conversation, nl, qtbot):
    claims.claim(other_room, conversation)
    window.open_consultation(conversation)
    window.consultation_page.go_to(2)
    theirs = ConsultationSession(other_room, nl, conversation)
    step = window.consultation_page.wheel.steps[window.consultation_page.wheel.index].id
    theirs.set_wheel_answer(step, "Net getypt in kamer 2.")
    qtbot.waitUntil(lambda: window.consultation_page.wheel.answer.toPlainText()
                    == "Net getypt in kamer 2.", timeout=1000)
    page = window.consultation_page
    assert page.session.read_only and page.current_step == "wheel"
    assert "Open bij Dr. A. de Vries (kamer 2)" in page.hold.bar.text.text()


def test_a_held_conversation_learns_of_a_take_over_within_a_second(
        window, other_room, conversation, qtbot):
    window.open_consultation(conversation)
    page = window.consultation_page
    claims.claim(other_room, conversation, take_over=True)
    qtbot.waitUntil(lambda: page.session.read_only, timeout=1000)
    assert "Het is overgenomen" in page.hold.bar.text.text()
