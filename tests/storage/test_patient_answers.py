"""The patient's own answers (patient mode, issue 17): stored with the conversation in one
transaction, kept when the professional changes a number, and the screen the patient was on."""

from __future__ import annotations

from pgdesk.domain.models import IMPORTANT
from pgdesk.storage import patient_answers as pa
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.session import ConsultationSession
from pgdesk.storage.trajectories import delete_consultation


def _conversation(store, professional):
    patient = store.add_patient("Petronella Testpersoon", "1950")
    return patient, store.new_consultation(patient.id, professional.id)


def test_each_answer_is_in_the_conversation_and_in_the_patients_copy(store, professional,
                                                                     instrument):
    patient, c = _conversation(store, professional)
    dim = instrument.dimensions[0]
    a0, a1 = dim.aspects[0].id, dim.aspects[1].id
    session = pa.PatientSession(store, instrument, c.id)
    session.set_aspect_score(dim.id, a0, 6)
    session.set_aspect_score(dim.id, a1, None)  # "weet ik niet"
    session.set_mark("talk", dim.id, a0, True)
    session.set_mark("talk", dim.id, "", True)
    session.set_mark("talk", dim.id, "", False)
    session.set_wheel_answer(IMPORTANT, "Weer fietsen")

    stored = store.consultation(c.id)
    assert stored.aspect_scores[dim.id] == {a0: 6}
    assert stored.talk == {(dim.id, a0)}
    assert stored.wheel_answers[IMPORTANT] == "Weer fietsen"
    own = pa.patient_answers(store, c.id)
    assert own.aspect_scores[dim.id] == {a0: 6, a1: None}
    assert own.skipped(dim.id) == {a1}
    assert own.talk == {(dim.id, a0)}
    assert own.important == "Weer fietsen"
    assert own.dimension_score(instrument, dim.id) == 6
    log = [r[0] for r in store.db.execute(
        "SELECT what FROM access_log WHERE what LIKE 'patient_answer:%' ORDER BY rowid")]
    assert log == [f"patient_answer:aspect:{dim.id}/{a0}", f"patient_answer:aspect:{dim.id}/{a1}",
                   f"patient_answer:talk:{dim.id}/{a0}", f"patient_answer:talk:{dim.id}/",
                   f"patient_answer:talk:{dim.id}/", "patient_answer:important"]


def test_a_number_agreed_in_the_consult_keeps_the_patients_own(store, professional, instrument):
    _patient, c = _conversation(store, professional)
    dim = instrument.dimensions[2]
    aspect = dim.aspects[3].id
    pa.PatientSession(store, instrument, c.id).set_aspect_score(dim.id, aspect, 4)
    professional_session = ConsultationSession(store, instrument, c.id)
    professional_session.set_aspect_score(dim.id, aspect, 7)
    professional_session.set_score(dim.id, 8)
    assert store.consultation(c.id).aspect_scores[dim.id][aspect] == 7
    assert pa.patient_answers(store, c.id).aspect_scores[dim.id][aspect] == 4


def test_a_failed_answer_leaves_neither_copy(store, professional, instrument):
    _patient, c = _conversation(store, professional)
    dim = instrument.dimensions[0]
    session = pa.PatientSession(store, instrument, c.id)
    store.db.execute("DROP TABLE patient_answers")  # the second write fails
    try:
        session.set_aspect_score(dim.id, dim.aspects[0].id, 5)
    except Exception:  # noqa: BLE001 (any failure: the point is what is left behind)
        pass
    assert dim.id not in store.consultation(c.id).aspect_scores


def test_the_screen_the_patient_was_on_is_kept_until_the_professional_takes_over(
        store, professional, instrument):
    patient, c = _conversation(store, professional)
    assert pa.open_run(store) is None
    assert pa.start_run(store, c.id) == 0
    pa.set_screen(store, c.id, 4)
    assert pa.open_run(store) == (c.id, patient.id, 4)
    assert pa.start_run(store, c.id) == 4  # reopened after a crash: the same screen
    pa.end_run(store, c.id)
    assert pa.open_run(store) is None
    assert pa.start_run(store, c.id) == 0  # a new turn for the patient starts at the welcome


def test_deleting_the_conversation_or_erasing_the_patient_takes_the_patients_copy(
        store, professional, instrument):
    patient, c = _conversation(store, professional)
    dim = instrument.dimensions[0]
    pa.PatientSession(store, instrument, c.id).set_aspect_score(dim.id, dim.aspects[0].id, 3)
    pa.start_run(store, c.id)
    delete_consultation(store, c.id)
    assert store.db.execute("SELECT count(*) FROM patient_answers").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM patient_mode_runs").fetchone()[0] == 0
    c2 = store.new_consultation(patient.id, professional.id)
    pa.PatientSession(store, instrument, c2.id).set_aspect_score(dim.id, dim.aspects[0].id, 3)
    pa.start_run(store, c2.id)
    erase_patient(store, patient.id)
    assert store.db.execute("SELECT count(*) FROM patient_answers").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM patient_mode_runs").fetchone()[0] == 0


def test_the_patients_own_answers_are_in_their_export(store, professional, instrument):
    """Everything pgdesk holds about a patient (AVG): also what they filled in themselves."""
    from pgdesk.storage.patient_rights import export_patient

    patient, c = _conversation(store, professional)
    dim = instrument.dimensions[1]
    session = pa.PatientSession(store, instrument, c.id)
    session.set_aspect_score(dim.id, dim.aspects[0].id, 2)
    session.set_mark("talk", dim.id, "", True)
    session.set_wheel_answer(IMPORTANT, "Mijn kleinkinderen zien")
    ConsultationSession(store, instrument, c.id).set_aspect_score(dim.id, dim.aspects[0].id, 5)
    (exported,) = export_patient(store, patient.id)["consultations"]
    assert exported["aspect_scores"][dim.id][dim.aspects[0].id] == 5
    assert exported["filled_in_by_patient"] == {
        "aspect_scores": {dim.id: {dim.aspects[0].id: 2}}, "talk": [[dim.id, ""]],
        "important": "Mijn kleinkinderen zien"}


def test_a_run_the_kiosk_or_another_workstation_left_open_is_not_reopened_here(
        store, professional, instrument):
    from dataclasses import replace

    patient, c = _conversation(store, professional)
    pa.start_run(store, c.id, kiosk=True)  # a patient mid-way at the waiting-room kiosk
    assert pa.open_run(store) is None
    here = store.actor
    store.set_actor(replace(here, workstation="spreekkamer-2"))
    pa.start_run(store, c.id)
    store.set_actor(here)
    assert pa.open_run(store) is None
    pa.start_run(store, c.id)
    assert pa.open_run(store) == (c.id, patient.id, 0)


def test_the_consult_room_looks_on_while_the_patient_fills_in_elsewhere(store, professional):
    from dataclasses import replace

    _patient, c = _conversation(store, professional)
    assert not pa.filling_in_elsewhere(store, c.id)
    pa.start_run(store, c.id)  # the second screen of this workstation: this room's own
    assert not pa.filling_in_elsewhere(store, c.id)
    pa.start_run(store, c.id, kiosk=True)
    assert pa.filling_in_elsewhere(store, c.id)
    here = store.actor
    store.set_actor(replace(here, workstation="spreekkamer-2"))
    pa.start_run(store, c.id)
    store.set_actor(here)
    assert pa.filling_in_elsewhere(store, c.id)
    store.db.execute("UPDATE patient_mode_runs SET updated_at = '2020-01-01T00:00:00+00:00'")
    assert not pa.filling_in_elsewhere(store, c.id)  # a kiosk switched off long ago
    pa.start_run(store, c.id, kiosk=True)
    pa.end_run(store, c.id)
    assert not pa.filling_in_elsewhere(store, c.id)
