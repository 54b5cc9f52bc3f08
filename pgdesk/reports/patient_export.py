"""Everything pgdesk holds about one patient (AVG / GDPR right of access), as JSON and as PDF.

Storage gathers the data as one plain dict (the shape is described in docs/export-format.md);
``export_json`` writes it for the patient or another system to read, ``render_patient_export``
prints it in plain language. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from pgdesk.domain.dates import format_appointment, format_date
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import PLAN_FIELDS, Consultation
from pgdesk.domain.scores import DimensionScore, aspect_mean, dimension_score
from pgdesk.domain.social_map import contact_lines, service_title
from pgdesk.reports.access_log import (
    PLAN_HEADINGS,
    build_pdf,
    fill,
    grid_style,
    heading,
    local_time,
    log_explanation,
    log_table,
    para,
    report_styles,
    running_head,
    text,
    wheel_question,
)
from pgdesk.reports.kit import FRAME_W, RING, escape, format_score
from pgdesk.reports.overview import role_name

FORMAT = "pgdesk-patient-export"
VERSION = 1


# --- the data -----------------------------------------------------------------------------


def check_export(data: object) -> None:
    """Refuse anything that is not a version-1 pgdesk patient export (ValueError, in Dutch)."""
    if not isinstance(data, Mapping):
        raise ValueError("Dit is geen pgdesk-export: verwacht een JSON-object.")
    if data.get("format") != FORMAT:
        raise ValueError(f"Dit is geen pgdesk-export: 'format' moet '{FORMAT}' zijn.")
    if data.get("version") != VERSION:
        raise ValueError(f"Deze versie van de export ({data.get('version')!r}) kent pgdesk niet; "
                         f"verwacht versie {VERSION}.")
    if not isinstance(data.get("patient"), Mapping):
        raise ValueError("De export mist de gegevens van de patiënt ('patient').")
    for key in ("consultations", "access_log"):
        if not isinstance(data.get(key, []), list):
            raise ValueError(f"'{key}' in de export moet een lijst zijn.")


def _plain(value: object):
    """Sets (of marks) become sorted lists, so storage may hand over what it holds."""
    if isinstance(value, (set, frozenset)):
        return sorted((list(v) if isinstance(v, tuple) else v for v in value), key=repr)
    raise TypeError(f"{type(value).__name__} kan niet in JSON")


def export_json(data: Mapping) -> bytes:
    """The export as UTF-8 JSON (indent 2, letters as they are), after checking its shape."""
    check_export(data)
    body = json.dumps(data, indent=2, ensure_ascii=False, default=_plain)
    return (body + "\n").encode("utf-8")


# --- helpers for the PDF ------------------------------------------------------------------


def _consultation(c: Mapping) -> Consultation:
    """The export's conversation as the domain record, to score it as the app does."""
    return Consultation(
        id=str(c.get("id") or ""),
        patient_id="",
        professional_id=None,
        date=str(c.get("date") or ""),
        type=str(c.get("type") or "los"),
        manual_scores=dict(c.get("dimension_scores") or {}),
        aspect_scores={d: dict(a or {}) for d, a in (c.get("aspect_scores") or {}).items()},
    )


def _score_text(score: DimensionScore, instrument: Instrument) -> str:
    if score.value is None:
        return text(instrument, "no_score")
    value = format_score(score.value, instrument.language)
    if score.source == "aspects":
        return f"{value} ({text(instrument, 'export_score_from_aspects')})"
    return value


def _facts(rows: Sequence[tuple[str, str]]) -> Table:
    """Label and value side by side, for short facts."""
    st = report_styles()
    label_w = FRAME_W * 0.36
    table = Table([[para(label, st["cell_bold"]), para(value, st["cell"])] for label, value in rows],
                  colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
    table.setStyle(grid_style(header=False))
    return table


def _marks(pairs: object, instrument: Instrument) -> list[str]:
    """'Dimensie' or 'Dimensie: aspect, aspect' in instrument order; unknown ids kept, as ids."""
    picked: dict[str, list[str]] = {}
    for pair in pairs or []:
        if not isinstance(pair, (list, tuple)) or not pair:
            continue
        dim, aspect = str(pair[0]), str(pair[1]) if len(pair) > 1 and pair[1] else ""
        picked.setdefault(dim, [])
        if aspect and aspect not in picked[dim]:
            picked[dim].append(aspect)
    order = [d.id for d in instrument.dimensions if d.id in picked]
    order += sorted(d for d in picked if d not in order)
    lines = []
    for dim_id in order:
        try:
            dim = instrument.dimension(dim_id)
        except KeyError:
            lines.append(f"{dim_id}: {', '.join(picked[dim_id])}" if picked[dim_id] else dim_id)
            continue
        known = [a.id for a in dim.aspects]
        aspects = sorted(picked[dim_id], key=lambda a: known.index(a) if a in known else len(known))
        names = [dim.aspect(a).name if a in known else a for a in aspects]
        lines.append(f"{dim.name}: {', '.join(names)}" if names else dim.name)
    return lines


def _score_rows(c: Mapping, instrument: Instrument) -> list[list]:
    """Per dimension its score (bold), then each scored aspect, indented."""
    st = report_styles()
    record = _consultation(c)
    manual = record.manual_scores
    aspects = record.aspect_scores
    rows = []
    known = list(instrument.dimension_ids)
    extra = sorted((set(manual) | set(aspects)) - set(known))
    for dim_id in known + extra:
        dim = None
        if dim_id in known:
            dim = instrument.dimension(dim_id)
            name = dim.name
            score = record.dimension_score(instrument, dim_id)
            order = [a.id for a in dim.aspects]
        else:
            name = dim_id
            score = dimension_score(manual.get(dim_id), list(aspects.get(dim_id, {}).values()))
            order = []
        rows.append([para(name, st["cell_bold"]), para(_score_text(score, instrument), st["cell"])])
        given = aspects.get(dim_id, {})
        for aspect_id in sorted(given, key=lambda a: order.index(a) if a in order else len(order)):
            aspect_name = dim.aspect(aspect_id).name if dim and aspect_id in order else aspect_id
            rows.append([para(aspect_name, st["cell_indent"]),
                         para(format_score(given[aspect_id], instrument.language), st["cell"])])
    return rows


def _conversation(c: Mapping, instrument: Instrument, *, first: bool = False) -> list[Flowable]:
    st = report_styles()
    t = instrument.texts.get
    out: list[Flowable] = []
    kind = t(f"type_{c.get('type')}") or text(instrument, "type_los")
    date = format_date(str(c.get("date") or ""))
    title = fill(text(instrument, "export_conversation_heading"), date=date)
    if not first:
        out.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=12, spaceAfter=0))
    out += heading(f"{title}  ·  {kind}", st["heading"], room=6)

    facts = [(text(instrument, "export_type"), kind)]
    pro = c.get("professional")
    if isinstance(pro, Mapping) and str(pro.get("name") or "").strip():
        who = str(pro["name"]).strip()
        if pro.get("role"):
            who = f"{who} ({role_name(str(pro['role']), instrument)})"
        facts.append((text(instrument, "export_professional"), who))
    completed = c.get("completed_at")
    if completed:
        facts.append((text(instrument, "export_completed_at"), local_time(str(completed))))
    else:
        facts.append((text(instrument, "export_completed_at"), text(instrument, "export_not_completed")))
        if c.get("step"):
            step = str(c["step"])
            label = text(instrument, f"step_{step}")
            facts.append((text(instrument, "export_step"), label if label != f"step_{step}" else step))
    for key, field in (("export_created_at", "created_at"), ("export_updated_at", "updated_at")):
        if c.get(field):
            facts.append((text(instrument, key), local_time(str(c[field]))))
    out.append(_facts(facts))

    rows = _score_rows(c, instrument)
    if rows:
        out += heading(text(instrument, "export_scores_heading"), st["subheading"])
        table = Table(rows, colWidths=[FRAME_W * 0.62, FRAME_W * 0.38], hAlign="LEFT")
        table.setStyle(grid_style(header=False))
        out.append(table)

    for key, marks in (("export_talk_heading", c.get("talk")),
                       ("important_heading", c.get("focus"))):
        lines = _marks(marks, instrument)
        if lines:
            out += heading(text(instrument, key), st["subheading"])
            out += [Paragraph(escape(line), st["bullet"], bulletText="•") for line in lines]

    own = c.get("filled_in_by_patient")
    if isinstance(own, Mapping):
        out += _own_answers(own, instrument)

    answers = {k: str(v) for k, v in (c.get("wheel_answers") or {}).items() if str(v or "").strip()}
    if answers:
        out += heading(text(instrument, "export_wheel_heading"), st["subheading"])
        order = [w.id for w in instrument.wheel]
        for step_id in sorted(answers, key=lambda s: order.index(s) if s in order else len(order)):
            out += heading(wheel_question(instrument, step_id), st["label"], room=2)
            out.append(para(answers[step_id], st["answer"]))

    plan = c.get("plan") or {}
    fields = [f for f in PLAN_FIELDS if str(plan.get(f) or "").strip()]
    fields += sorted(f for f in plan if f not in PLAN_FIELDS and str(plan.get(f) or "").strip())
    if fields:
        out += heading(text(instrument, "export_plan_heading"), st["subheading"])
        for f in fields:
            value = str(plan[f])
            if f == "next_appointment":
                value = format_appointment(value)
            name = text(instrument, PLAN_HEADINGS[f]) if f in PLAN_HEADINGS else f
            out += heading(name, st["label"], room=2)
            out.append(para(value, st["answer"]))

    referrals = [r for r in (c.get("referrals") or []) if isinstance(r, Mapping)]
    if referrals:
        out += heading(text(instrument, "export_referrals_heading"), st["subheading"])
        for r in referrals:
            out += _referral(r, instrument)
    return out


def _own_answers(own: Mapping, instrument: Instrument) -> list[Flowable]:
    """What the patient filled in themselves (patient mode), as given: it may differ from the
    numbers agreed in the consult above, and the patient has a right to see both."""
    st = report_styles()
    out = heading(text(instrument, "export_patient_heading"), st["subheading"], room=7)
    out.append(Paragraph(escape(text(instrument, "export_patient_intro")), st["body"]))
    given = own.get("aspect_scores") if isinstance(own.get("aspect_scores"), Mapping) else {}
    known = list(instrument.dimension_ids)
    rows = []
    for dim_id in known + sorted(d for d in given if d not in known):
        scores = given.get(dim_id)
        if not isinstance(scores, Mapping) or not scores:
            continue
        dim = instrument.dimension(dim_id) if dim_id in known else None
        order = [a.id for a in dim.aspects] if dim else []
        mean = aspect_mean([v for v in scores.values() if isinstance(v, int)])
        rows.append([para(dim.name if dim else dim_id, st["cell_bold"]),
                     para(text(instrument, "no_score") if mean is None
                          else format_score(mean, instrument.language), st["cell"])])
        for aspect_id in sorted(scores, key=lambda a: order.index(a) if a in order else len(order)):
            value = scores[aspect_id]
            rows.append([para(dim.aspect(aspect_id).name if aspect_id in order else aspect_id,
                              st["cell_indent"]),
                         para(text(instrument, "export_patient_skipped") if value is None
                              else format_score(value, instrument.language), st["cell"])])
    if rows:
        table = Table(rows, colWidths=[FRAME_W * 0.62, FRAME_W * 0.38], hAlign="LEFT")
        table.setStyle(grid_style(header=False))
        out.append(table)
    lines = _marks(own.get("talk"), instrument)
    if lines:
        out += heading(text(instrument, "export_talk_heading"), st["label"], room=2)
        out += [Paragraph(escape(line), st["bullet"], bulletText="•") for line in lines]
    important = str(own.get("important") or "").strip()
    if important:
        out += heading(text(instrument, "export_patient_important"), st["label"], room=2)
        out.append(para(important, st["answer"]))
    return out


def _referral(r: Mapping, instrument: Instrument) -> list[Flowable]:
    """The service's name as a label; under it the status, the contact details and the note."""
    st = report_styles()
    service = r.get("service") if isinstance(r.get("service"), Mapping) else {}
    title = service_title(str(service.get("name") or ""), str(service.get("organisation") or ""))
    status = str(r.get("status") or "")
    label = text(instrument, f"referral_status_{status}")
    lines = [f"{text(instrument, 'export_referral_status')}: "
             f"{label if label != f'referral_status_{status}' else status}"]
    contact = contact_lines(service)
    if contact:
        lines.append(f"{text(instrument, 'export_referral_contact')}: {', '.join(contact)}")
    note = str(r.get("note") or "").strip()
    if note:
        lines.append(f"{text(instrument, 'export_referral_note')}: {note}")
    return [*heading(title or "?", st["label"], room=2), para("\n".join(lines), st["answer"])]


# --- the PDF ------------------------------------------------------------------------------


def export_story(data: Mapping, instrument: Instrument) -> list[Flowable]:
    st = report_styles()
    patient = data["patient"]
    title = text(instrument, "export_title")
    story: list[Flowable] = [Paragraph(escape(title), st["title"])]
    story.append(para(str(patient.get("display_name") or ""), st["who"]))
    made = fill(text(instrument, "export_made"), date=local_time(str(data.get("exported_at") or "")),
                name=str(data.get("exported_by") or "").strip())
    story.append(Paragraph(escape(made), st["meta"]))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=7, spaceAfter=9))
    story.append(Paragraph(escape(text(instrument, "export_intro")), st["body"]))

    story += heading(text(instrument, "export_personal_heading"), st["heading"], room=5)
    facts = [(text(instrument, "export_name"), str(patient.get("display_name") or ""))]
    for key, field, show in (("export_birth_date", "birth_date", format_date),
                             ("export_practice_number", "practice_number", str),
                             ("export_created_at", "created_at", local_time),
                             ("export_updated_at", "updated_at", local_time)):
        value = str(patient.get(field) or "").strip()
        if value:
            facts.append((text(instrument, key), show(value)))
    story.append(_facts(facts))

    story += heading(text(instrument, "export_conversations_heading"), st["heading"], room=8)
    consultations = sorted(data.get("consultations") or [],
                           key=lambda c: (str(c.get("date") or ""), str(c.get("created_at") or "")))
    if not consultations:
        story.append(Paragraph(escape(text(instrument, "export_no_conversations")), st["body"]))
    for n, c in enumerate(consultations):
        story += _conversation(c, instrument, first=n == 0)

    story.append(Spacer(1, 6))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=10, spaceAfter=0))
    story += heading(text(instrument, "log_title"), st["heading"], room=8)
    story += log_explanation(instrument)
    story.append(log_table(data.get("access_log") or [], instrument))
    return story


def render_patient_export(data: Mapping, instrument: Instrument) -> bytes:
    """The export as a readable A4 PDF, built in memory (raises ValueError on a wrong shape)."""
    check_export(data)
    title = text(instrument, "export_title")
    footer = fill(text(instrument, "export_made_on"), date=local_time(str(data.get("exported_at") or "")))
    by = str(data.get("exported_by") or "").strip()
    return build_pdf(export_story(data, instrument), instrument, title=title,
                     author=by or instrument.title, footer=footer,
                     running_head=running_head(data["patient"], title))
