"""The consult room looks on while the patient fills in at the kiosk (issue 17): opening the
conversation then does not claim it (a claim would refuse the patient's next answer), and step 1
shows each new answer within a second. The kiosk is a second Store on the same file."""

from __future__ import annotations

import pytest

from pgdesk.storage.access_log import Actor
from pgdesk.storage.patient_answers import PatientSession, end_run, start_run
from pgdesk.storage.repository import Store


@pytest.fixture
def kiosk(db_path):
    s = Store.open(db_path, actor=Actor("Wachtkamer", workstation="wachtkamer-pc"), lock=False)
    yield s
    s.close()


@pytest.fixture
def conversation(store, professional):
    patient = store.add_patient("Fictief, Truus", "1952-07-08")
    return store.new_consultation(patient.id, professional.id, "start").id


def test_step_one_shows_the_patients_answers_from_the_kiosk_as_they_come(
        window, kiosk, conversation, nl, qtbot):
    start_run(kiosk, conversation, kiosk=True)
    patient = PatientSession(kiosk, nl, conversation)
    first, second = nl.dimensions[0], nl.dimensions[1]
    patient.set_aspect_score(first.id, first.aspects[0].id, 6)

    window.open_consultation(conversation)
    page = window.consultation_page
    assert page.current_step == "web"
    assert not page.hold.held and "De patiënt vult dit gesprek nu zelf in" in page.hold.bar.text.text()
    # the patient goes on: not refused (the consult room holds nothing), and shown here
    for aspect in first.aspects:
        patient.set_aspect_score(first.id, aspect.id, 8)
    patient.set_mark("talk", second.id, "", True)

    def shows_it() -> bool:
        web = window.consultation_page.web
        return (web.table.item(0, 1).text().startswith("8") and web.radar.scores()[0] == 8
                and web.own.aspect_scores[first.id][first.aspects[0].id] == 8
                and web.table.item(1, 2).text() == "✓")
    qtbot.waitUntil(shows_it, timeout=1000)
    assert window.consultation_page.current_step == "web"

    # done at the kiosk: the professional takes the conversation over and changes a number
    end_run(kiosk, conversation)
    page = window.consultation_page
    page.hold.take_over()
    assert page.hold.held
    page.web.set_score(0, 5)
    assert kiosk.consultation(conversation).manual_scores[first.id] == 5


def test_the_patient_mode_on_this_computer_does_not_keep_the_consult_room_looking_on(
        window, store, conversation, nl):
    start_run(store, conversation)  # the second screen beside the desk: same pgdesk, same room
    window.open_consultation(conversation)
    assert window.consultation_page.hold.held
