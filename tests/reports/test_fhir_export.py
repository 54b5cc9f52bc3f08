"""The FHIR export of one conversation: read back with the R4B models of fhir.resources, it
holds every score, mark, answer, goal and referral (checked field by field), and nothing of
the patient's identity when the practice chose 'without'."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fhir.resources.R4B.bundle import Bundle

from pgdesk.domain.models import ICPC, IMPORTANT, PROFESSIONAL_NOTE, STARTS_WITH
from pgdesk.domain.social_map import Service
from pgdesk.reports.fhir import fhir_json, parse_bundle
from pgdesk.storage import social_map as sm
from pgdesk.storage.fhir_data import fhir_data, set_with_identity


@pytest.fixture
def talk(store, professional, instrument):
    """A full conversation: every dimension scored (one through its aspects), marks on a
    dimension and an aspect, the patient's words, the wheel, a plan and two referrals."""
    p = store.add_patient("Zoë Ĳsselstein-Bakker", "1956-03-14", "100237")
    c = store.new_consultation(p.id, professional.id, "start", "2026-06-14")
    dims = instrument.dimensions
    for i, d in enumerate(dims[1:], 1):
        store.set_score(c.id, d.id, i + 3)
    first = dims[0]
    for j, a in enumerate(first.aspects):
        store.set_aspect_score(c.id, first.id, a.id, 5 + j % 3)
    store.set_mark(c.id, "talk", dims[2].id, "", True)
    store.set_mark(c.id, "talk", first.id, first.aspects[1].id, True)
    store.set_mark(c.id, "focus", dims[4].id, "", True)
    store.set_wheel_answer(c.id, IMPORTANT, "Weer meedoen met de buurt.")
    store.set_wheel_answer(c.id, STARTS_WITH, dims[4].id)
    store.set_wheel_answer(c.id, PROFESSIONAL_NOTE, "Dochter denkt mee.")
    store.set_wheel_answer(c.id, ICPC, "A98")
    for k, w in enumerate(instrument.wheel):
        store.set_wheel_answer(c.id, w.id, f"Antwoord {k} op {w.id} — met <tekens> & \"quotes\"")
    for field, value in (("goal", "Weer naar de koffieochtend"), ("first_step", "Buurthuis bellen"),
                         ("helper", "Dochter"), ("when", "deze week"),
                         ("next_appointment", "2026-09-12")):
        store.set_plan_field(c.id, field, value)
    walk = sm.add_service(store, Service(name="Wandelgroep De Stappers",
                                         organisation="Buurtsportcoach Voorbeeldstad",
                                         dimensions=(dims[0].id,)), instrument=instrument)
    sm.add_referral(store, c.id, walk.id, status="verwezen", note="Belt zelf.")
    sm.add_referral(store, c.id, None, name="Zwemclub De Spetters")
    store.complete(c.id)
    return store.view(c.id)


def entries(bundle: Bundle, kind: str) -> list:
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def flatten(items, into=None) -> dict:
    into = {} if into is None else into
    for item in items or []:
        if item.answer:
            a = item.answer[0]
            into[item.linkId] = next(v for v in (a.valueDecimal, a.valueInteger, a.valueBoolean,
                                                 a.valueString) if v is not None)
        flatten(item.item, into)
    return into


def test_export_parses_back_and_holds_every_field(store, talk, instrument):
    c = talk.consultation
    set_with_identity(store, True)
    raw = fhir_json(fhir_data(store, c.id), instrument)
    bundle = Bundle.model_validate_json(raw)  # the same models, independently of fhir_json
    assert bundle.type == "document"
    assert bundle.entry[0].resource.get_resource_type() == "Composition"
    urls = {e.fullUrl for e in bundle.entry}
    assert len(urls) == len(bundle.entry)

    (patient,) = entries(bundle, "Patient")
    assert patient.name[0].text == "Zoë Ĳsselstein-Bakker"
    assert str(patient.birthDate) == "1956-03-14"
    assert patient.identifier[0].value == "100237"

    answers = flatten(entries(bundle, "QuestionnaireResponse")[0].item)
    dims = instrument.dimensions
    for d in dims:
        assert float(answers[f"{d.id}.score"]) == pytest.approx(
            round(c.dimension_score(instrument, d.id).value, 1)), d.id
    for a in dims[0].aspects:
        assert answers[f"{dims[0].id}.{a.id}.score"] == c.aspect_scores[dims[0].id][a.id]
    marks = {k for k, v in answers.items() if v is True}
    assert marks == {f"{dims[2].id}.talk", f"{dims[0].id}.{dims[0].aspects[1].id}.talk",
                     f"{dims[4].id}.focus"}
    assert answers[IMPORTANT] == "Weer meedoen met de buurt."
    assert answers[STARTS_WITH] == dims[4].name
    for w in instrument.wheel:
        assert answers[f"wheel.{w.id}"] == c.wheel_answers[w.id]
    response = entries(bundle, "QuestionnaireResponse")[0]
    (quest,) = entries(bundle, "Questionnaire")
    assert response.questionnaire == quest.url and response.status == "completed"
    asked = flatten_ids(quest.item)
    assert set(answers) <= asked  # every answer belongs to a question of the instrument

    (goal,) = entries(bundle, "Goal")
    assert goal.description.text == "Weer naar de koffieochtend"
    (plan,) = entries(bundle, "CarePlan")
    details = [a.detail for a in plan.activity if a.detail]
    assert (details[0].description, details[0].scheduledString) == ("Buurthuis bellen", "deze week")
    assert details[1].scheduledString == "2026-09-12"
    assert plan.note[0].text == "Wie helpt: Dochter"
    requests = entries(bundle, "ServiceRequest")
    assert [(r.code.text, r.status, r.intent) for r in requests] == [
        ("Wandelgroep De Stappers (Buurtsportcoach Voorbeeldstad)", "active", "order"),
        ("Zwemclub De Spetters", "draft", "proposal")]
    assert requests[0].performer[0].display == "Buurtsportcoach Voorbeeldstad"
    assert [n.text for n in requests[0].note] == ["Status in pgdesk: Verwezen", "Belt zelf."]
    refs = {a.reference.reference for a in plan.activity if a.reference}
    assert refs == {f"urn:uuid:{r.id}" for r in requests}

    (composition,) = entries(bundle, "Composition")
    titles = [s.title for s in composition.section]
    assert titles == ["S - Subjectief", "O - Objectief", "E - Evaluatie", "P - Plan"]
    e_text = composition.section[2].text.div
    assert "A98" in e_text and "Dochter denkt mee." in e_text
    assert "&lt;tekens&gt; &amp;" in composition.section[0].text.div  # escaped, not markup
    every_ref = {r.reference for r in _references(json.loads(raw))}
    assert every_ref <= urls  # nothing points outside the document


def flatten_ids(items, into=None) -> set:
    into = set() if into is None else into
    for item in items or []:
        into.add(item.linkId)
        flatten_ids(item.item, into)
    return into


class _Ref:
    def __init__(self, reference):
        self.reference = reference


def _references(node):
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield _Ref(node["reference"])
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def test_without_identity_no_name_birth_date_or_number_leaves(store, talk, instrument):
    c = talk.consultation
    set_with_identity(store, False)
    raw = fhir_json(fhir_data(store, c.id), instrument).decode("utf-8")
    for secret in ("Ĳsselstein", "Zoë", "1956", "14-03", "100237", talk.patient.id):
        assert secret not in raw, secret
    (patient,) = entries(parse_bundle(raw), "Patient")
    assert patient.name is None and patient.birthDate is None and patient.identifier is None
    again = fhir_json(fhir_data(store, c.id), instrument).decode("utf-8")
    assert json.loads(again)["entry"][1]["resource"]["id"] != json.loads(raw)["entry"][1]["resource"]["id"]


def test_an_invalid_document_is_refused_by_the_models():
    with pytest.raises(ValueError):
        parse_bundle(json.dumps({"resourceType": "Bundle", "type": "document",
                                 "entry": [{"resource": {"resourceType": "Patient",
                                                         "birthDate": "14-03-1956"}}]}))


def test_command_writes_logged_file_and_refuses_bad_input(tmp_path, store, talk):
    db = store.path
    store.close()
    out = tmp_path / "gesprek.json"

    def pgdesk(*args):
        return subprocess.run([sys.executable, "-m", "pgdesk", "export", "fhir", "--db", str(db),
                               *args], capture_output=True, text=True, timeout=120)

    r = pgdesk("--consultation", "latest", "--out", str(out), "--identity", "zonder")
    assert r.returncode == 0, r.stderr
    bundle = parse_bundle(out.read_bytes())
    assert entries(bundle, "Patient")[0].name is None
    r = pgdesk("--out", str(out))
    assert r.returncode == 2 and "bestaat al" in r.stderr
    other = tmp_path / "ander.json"
    r = pgdesk("--consultation", "bestaat-niet", "--out", str(other))
    assert r.returncode == 2 and r.stderr.startswith("pgdesk: ") and "Traceback" not in r.stderr
    assert not other.exists()
    from pgdesk.storage.repository import Store

    with Store.open(db) as s:
        exported = [ln for ln in s.db.execute("SELECT what FROM access_log WHERE action = 'E'")]
    assert exported == [("fhir",)]
    whole = tmp_path / "traject.json"
    r = pgdesk("--trajectory", "--out", str(whole))
    assert r.returncode == 0, r.stderr
    assert parse_bundle(whole.read_bytes()).type == "collection"


def test_the_documented_example_is_valid_fhir():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "fhir-export.md").read_text("utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    assert parse_bundle(example).entry[1].resource.name is None  # the example is without identity


def test_a_trajectory_is_a_collection_of_documents_for_one_patient(store, professional, instrument):
    from pgdesk.storage.fhir_data import trajectory_data

    p = store.add_patient("Anna de Vries", "1956-03-14", "100237")
    start = store.new_consultation(p.id, professional.id, "start", "2026-01-10")
    store.set_score(start.id, instrument.dimensions[0].id, 4)
    tussen = store.new_consultation(p.id, professional.id, "tussen", "2026-04-10")
    store.set_score(tussen.id, instrument.dimensions[0].id, 7)
    other = store.add_patient("Bert Bos", "1970")
    store.new_consultation(other.id, professional.id, "start", "2026-02-02")
    for identity in (True, False):
        raw = fhir_json(trajectory_data(store, tussen.id, identity=identity), instrument)
        bundle = parse_bundle(raw)
        assert bundle.type == "collection"
        documents = [e.resource for e in bundle.entry]
        assert [d.type for d in documents] == ["document", "document"]
        scores = [flatten(entries(d, "QuestionnaireResponse")[0].item)
                  [f"{instrument.dimensions[0].id}.score"] for d in documents]
        assert [float(s) for s in scores] == [4.0, 7.0]  # start first, then tussen
        patients = {entries(d, "Patient")[0].id for d in documents}
        assert len(patients) == 1  # one patient, also without identity
        assert ("Anna" in raw.decode()) is identity and "Bert" not in raw.decode()


def test_without_the_models_the_export_is_the_same_document(store, talk, instrument, monkeypatch):
    """The installed app leaves fhir.resources out (bundle size): the same bytes come out."""
    from pgdesk.reports import fhir

    data = fhir_data(store, talk.consultation.id)
    with_models = fhir_json(data, instrument)

    def missing(text):
        raise ModuleNotFoundError("No module named 'fhir'")

    monkeypatch.setattr(fhir, "parse_bundle", missing)
    assert fhir_json(data, instrument) == with_models
