"""One conversation as a FHIR R4 document (JSON), or a trajectory as a collection of them, for
systems that read the Dutch health-data standards instead of pasted text. Described with an
example in docs/fhir-export.md.

A Bundle of type "document": a Composition first (the report in the four sections of the zib
SOEPVerslag: S, O, E and P, each with its SOEP text), the Patient (name, birth date and HIS
number only when the practice lets the identity go; otherwise nothing but a random id), the
professional as Practitioner, the instrument as a Questionnaire, the web, marks, the patient's
own words and the wheel's answers as a QuestionnaireResponse, the plan as Goal and CarePlan, and
each referral as a ServiceRequest. Resources refer to each other by `urn:uuid:` full URLs.

The JSON is built here as plain data and then parsed back with the R4B models of
`fhir.resources` before anyone gets it (`fhir_json`): a document those models refuse is never
written. The installed app (packaging/pgdesk.spec) leaves those models out to stay within the
bundle's size; there the tests' read-back of every shape is the guarantee.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from html import escape

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.fhir_export import FhirData
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import IMPORTANT, STARTS_WITH, Consultation
from pgdesk.domain.social_map import Referral
from pgdesk.reports.soep import render_soep

# Stable ids: the same conversation exported twice gives the same resource ids.
NAMESPACE = uuid.UUID("6f1c0b52-3f5e-4c1e-9d57-8a2f0e3c9b41")
SECTIONS = (("S", "Subjectief"), ("O", "Objectief"), ("E", "Evaluatie"), ("P", "Plan"))
# pgdesk's referral statuses in FHIR's ServiceRequest status and intent.
REQUEST_STATUS = {"voorgesteld": "draft", "verwezen": "active", "gestart": "active",
                  "afgerond": "completed", "niet_doorgegaan": "revoked"}
TYPE_NAMES = {"start": "Startgesprek", "tussen": "Tussengesprek", "eind": "Eindgesprek",
              "los": "Gesprek"}
TALK = "Hier wil ik over praten"
FOCUS = "Hier wil ik aan werken"
SCORE = "Cijfer (0-10)"


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _ref(resource: dict, display: str = "") -> dict:
    ref = {"reference": f"urn:uuid:{resource['id']}"}
    if display:
        ref["display"] = display
    return ref


def _div(text: str) -> dict:
    lines = "<br/>".join(escape(line) for line in text.splitlines())
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{lines}</div>'}


def questionnaire_id(instrument: Instrument) -> str:
    return _id("questionnaire", instrument.language, *instrument.dimension_ids,
               *(w.id for w in instrument.wheel))


def questionnaire(instrument: Instrument) -> dict:
    """The instrument: per dimension its score, marks and aspects; the patient's own words; the
    action wheel's questions. linkIds are the instrument's ids (dimension.aspect.score …)."""

    def marks(prefix: str) -> list[dict]:
        return [{"linkId": f"{prefix}.talk", "type": "boolean", "text": TALK},
                {"linkId": f"{prefix}.focus", "type": "boolean", "text": FOCUS}]

    web = []
    for d in instrument.dimensions:
        aspects = [{"linkId": f"{d.id}.{a.id}", "type": "group", "text": a.name,
                    "item": [{"linkId": f"{d.id}.{a.id}.score", "type": "integer", "text": SCORE},
                             *marks(f"{d.id}.{a.id}")]} for a in d.aspects]
        web.append({"linkId": d.id, "type": "group", "text": d.name,
                    "item": [{"linkId": f"{d.id}.score", "type": "decimal", "text": SCORE},
                             *marks(d.id), *aspects]})
    qid = questionnaire_id(instrument)
    return {
        "resourceType": "Questionnaire", "id": qid, "url": f"urn:uuid:{qid}",
        "name": "PositieveGezondheid", "title": instrument.title, "status": "active",
        "language": instrument.language, "subjectType": ["Patient"],
        "item": [
            {"linkId": "web", "type": "group", "text": "Spinnenweb", "item": web},
            {"linkId": IMPORTANT, "type": "text", "text": "Wat is voor mij belangrijk?"},
            {"linkId": STARTS_WITH, "type": "string", "text": "Het actiewiel begint bij"},
            {"linkId": "wheel", "type": "group", "text": "Actiewiel",
             "item": [{"linkId": f"wheel.{w.id}", "type": "text", "text": w.question}
                      for w in instrument.wheel]},
        ],
    }


def _answers(c: Consultation, instrument: Instrument) -> list[dict]:
    """The QuestionnaireResponse's items: only what was answered (an unmarked box is absent)."""

    def marked(prefix: str, dim: str, aspect: str) -> list[dict]:
        return [{"linkId": f"{prefix}.{kind}", "text": text, "answer": [{"valueBoolean": True}]}
                for kind, text, chosen in (("talk", TALK, c.talk), ("focus", FOCUS, c.focus))
                if (dim, aspect) in chosen]

    web = []
    for d in instrument.dimensions:
        items = []
        value = c.dimension_score(instrument, d.id).value
        if value is not None:
            items.append({"linkId": f"{d.id}.score", "text": SCORE,
                          "answer": [{"valueDecimal": round(float(value), 1)}]})
        items += marked(d.id, d.id, "")
        for a in d.aspects:
            sub = []
            score = c.aspect_scores.get(d.id, {}).get(a.id)
            if score is not None:
                sub.append({"linkId": f"{d.id}.{a.id}.score", "text": SCORE,
                            "answer": [{"valueInteger": int(score)}]})
            sub += marked(f"{d.id}.{a.id}", d.id, a.id)
            if sub:
                items.append({"linkId": f"{d.id}.{a.id}", "text": a.name, "item": sub})
        if items:
            web.append({"linkId": d.id, "text": d.name, "item": items})
    result = [{"linkId": "web", "text": "Spinnenweb", "item": web}] if web else []
    important = c.wheel_answers.get(IMPORTANT, "").strip()
    if important:
        result.append({"linkId": IMPORTANT, "text": "Wat is voor mij belangrijk?",
                       "answer": [{"valueString": important}]})
    starts = c.wheel_answers.get(STARTS_WITH, "").strip()
    if starts:
        name = next((d.name for d in instrument.dimensions if d.id == starts), starts)
        result.append({"linkId": STARTS_WITH, "text": "Het actiewiel begint bij",
                       "answer": [{"valueString": name}]})
    wheel = [{"linkId": f"wheel.{w.id}", "text": w.question,
              "answer": [{"valueString": c.wheel_answers[w.id].strip()}]}
             for w in instrument.wheel if c.wheel_answers.get(w.id, "").strip()]
    if wheel:
        result.append({"linkId": "wheel", "text": "Actiewiel", "item": wheel})
    return result


def _service_request(r: Referral, cid: str, subject: dict, requester: dict | None) -> dict:
    resource = {
        "resourceType": "ServiceRequest", "id": _id(cid, "referral", r.id),
        "status": REQUEST_STATUS.get(r.status, "unknown"),
        "intent": "proposal" if r.status == "voorgesteld" else "order",
        "code": {"text": r.title or r.name}, "subject": subject,
        "note": [{"text": f"Status in pgdesk: {r.status_label}"}],
    }
    if r.consultation_date:
        resource["authoredOn"] = r.consultation_date
    if requester is not None:
        resource["requester"] = requester
    if r.organisation:
        resource["performer"] = [{"display": r.organisation}]
    if r.note.strip():
        resource["note"].append({"text": r.note.strip()})
    return resource


def render_fhir(data: FhirData, instrument: Instrument) -> dict:
    """The document as JSON-ready data (not yet checked; fhir_json checks it)."""
    view = data.soep.view
    c, patient, pro = view.consultation, view.patient, view.professional
    cid = c.id
    pat: dict = {"resourceType": "Patient", "id": data.patient_key}
    if data.with_identity:
        if patient.practice_number:
            pat["identifier"] = [{"type": {"text": "HIS-patiëntnummer"},
                                  "value": patient.practice_number}]
        pat["name"] = [{"text": patient.display_name}]
        if patient.birth_date:
            pat["birthDate"] = patient.birth_date
    subject = _ref(pat)
    resources: list[dict] = [pat]
    author = None
    if pro is not None:
        practitioner = {"resourceType": "Practitioner", "id": _id("practitioner", pro.id),
                        "name": [{"text": pro.name}],
                        "qualification": [{"code": {"text": pro.role}}]}
        resources.append(practitioner)
        author = _ref(practitioner, pro.name)
    quest = questionnaire(instrument)
    response: dict = {"resourceType": "QuestionnaireResponse", "id": _id(cid, "response"),
                      "questionnaire": quest["url"],
                      "status": "completed" if c.completed_at else "in-progress",
                      "subject": subject, "authored": c.date}
    if author is not None:
        response["author"] = author
    answers = _answers(c, instrument)
    if answers:
        response["item"] = answers
    resources += [quest, response]

    plan_entries: list[dict] = []
    requests = [_service_request(r, cid, subject, author) for r in data.soep.referrals]
    goal = None
    if c.plan.goal.strip():
        goal = {"resourceType": "Goal", "id": _id(cid, "goal"), "lifecycleStatus": "active",
                "description": {"text": c.plan.goal.strip()}, "subject": subject,
                "startDate": c.date, "expressedBy": subject}
        resources.append(goal)
        plan_entries.append(_ref(goal))
    activities = []
    if c.plan.first_step.strip():
        detail = {"status": "not-started", "description": c.plan.first_step.strip()}
        if c.plan.when.strip():
            detail["scheduledString"] = c.plan.when.strip()
        activities.append({"detail": detail})
    if c.plan.next_appointment.strip():
        activities.append({"detail": {"status": "scheduled", "description": "Volgende afspraak",
                                      "scheduledString": c.plan.next_appointment.strip()}})
    activities += [{"reference": _ref(r)} for r in requests]
    if goal is not None or activities:
        care_plan: dict = {"resourceType": "CarePlan", "id": _id(cid, "careplan"),
                           "status": "active", "intent": "plan",
                           "title": "Plan (Positieve Gezondheid)", "subject": subject,
                           "created": c.date}
        if author is not None:
            care_plan["author"] = author
        if goal is not None:
            care_plan["goal"] = [_ref(goal)]
        if activities:
            care_plan["activity"] = activities
        if c.plan.helper.strip():
            care_plan["note"] = [{"text": f"Wie helpt: {c.plan.helper.strip()}"}]
        resources.append(care_plan)
        plan_entries.insert(0, _ref(care_plan))
    resources += requests
    plan_entries += [_ref(r) for r in requests]

    sections = []
    for letter, title in SECTIONS:
        text = render_soep(data.soep, instrument, parts=(letter,), width=100)
        if not text.strip():
            continue
        section: dict = {"title": f"{letter} - {title}", "code": {"text": title},
                         "text": _div(text)}
        entries = ([_ref(response)] if letter in ("S", "O") and answers else
                   plan_entries if letter == "P" else [])
        if entries:
            section["entry"] = entries
        sections.append(section)
    composition: dict = {
        "resourceType": "Composition", "id": _id(cid, "composition"),
        "status": "final" if c.completed_at else "preliminary",
        "type": {"text": "SOEP-verslag"}, "subject": subject, "date": c.date,
        "author": [author or {"display": "pgdesk"}],
        "title": f"{TYPE_NAMES.get(c.type, 'Gesprek')} Positieve Gezondheid",
    }
    if sections:
        composition["section"] = sections
    bundle_id = _id(cid, "bundle", data.patient_key)
    return {
        "resourceType": "Bundle", "id": bundle_id, "type": "document",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{bundle_id}"},
        "timestamp": data.exported_at,
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r}
                  for r in (composition, *resources)],
    }


def parse_bundle(text: str | bytes):
    """The document read with the FHIR R4B models of fhir.resources (pydantic): a ValueError
    (pydantic's ValidationError) when it is not valid FHIR."""
    from fhir.resources.R4B.bundle import Bundle

    return Bundle.model_validate_json(text)


def render_trajectory(conversations: Sequence[FhirData], instrument: Instrument) -> dict:
    """A trajectory: a Bundle of type "collection" holding one document per conversation,
    oldest first (each whole on its own; the same Patient id in all)."""
    documents = [render_fhir(d, instrument) for d in conversations]
    bundle_id = _id("trajectory", *(d["id"] for d in documents))
    return {"resourceType": "Bundle", "id": bundle_id, "type": "collection",
            "timestamp": conversations[0].exported_at,
            "entry": [{"fullUrl": f"urn:uuid:{d['id']}", "resource": d} for d in documents]}


def fhir_json(data: FhirData | Sequence[FhirData], instrument: Instrument) -> bytes:
    """One conversation's document (or a trajectory's collection of them) as UTF-8 JSON, only
    after the FHIR models have read it back (PgdeskError, in Dutch, when they refuse it: then
    nothing is written)."""
    bundle = (render_fhir(data, instrument) if isinstance(data, FhirData)
              else render_trajectory(data, instrument))
    text = json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
    try:
        parse_bundle(text)
    except ModuleNotFoundError:
        # The installed app leaves the models out (pydantic and 190 resource modules would take
        # the Linux bundle past its 200 MB); the tests read every shape this module writes back.
        pass
    except ValueError as exc:
        first = str(exc).splitlines()[1:2] or [""]
        raise PgdeskError("De FHIR-export is niet geldig en is niet geschreven "
                          f"({first[0].strip()}).") from None
    return text.encode("utf-8")
