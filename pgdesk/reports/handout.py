"""The take-home handout: one A4 page with the patient's web, what matters and the next steps.

Built in memory with reportlab only (patient data never touches the disk). Every fixed text
comes from the instrument's "texts", so the handout follows the instrument's language, and the
web follows the instrument's dimensions (any number, three or more).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Polygon,
    Rect,
    String,
    Wedge,
)
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from pgdesk.domain.instrument import SCALE_MAX, Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.reports.fonts import register_fonts

# --- look -------------------------------------------------------------------------------

INK = colors.HexColor("#1b1b1b")  # body text: near black on white
ACCENT = colors.HexColor("#1c4e7a")  # headings, web outline, pictograms
ACCENT_SOFT = colors.HexColor("#e4eef7")  # pictogram discs
WEB_FILL = colors.Color(0.11, 0.31, 0.48, alpha=0.16)
RING = colors.HexColor("#c7d2dc")
RING_OUTER = colors.HexColor("#9fb0c0")
SPOKE = colors.HexColor("#d3dbe3")
PREVIOUS = colors.HexColor("#8a8a8a")
MUTED = colors.HexColor("#3a3a3a")  # secondary text, still high contrast

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 17 * mm  # room for the footer line
FRAME_PAD = 6  # platypus frames keep 6 pt padding on every side
FRAME_W = PAGE_W - 2 * MARGIN_X - 2 * FRAME_PAD

TITLE_SIZE = 24
HEADING_SIZE = 16
FACT_SIZE = 14.5  # the short 'who / when / next' rows
BODY_SIZE = 13.5
NOTE_SIZE = 11.5
LABEL_SIZE = 12.5
MIN_LABEL_SIZE = 11
BADGE_SIZE = 11

WEB_RADIUS = 78
ICON = 28  # pictogram box (points)
INDENT = ICON + 10  # section text lines up right of the pictograms

_PDF_LANG = {"nl": "nl-NL", "en": "en-GB"}

_ISO_WHEN = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$"
)


# --- small text helpers -------------------------------------------------------------------


def _markup(text: str) -> str:
    """User text made safe for Paragraph markup; line breaks kept."""
    lines = [escape(line.strip()) for line in text.strip().splitlines()]
    return "<br/>".join(line for line in lines if line)


def format_date(value: str) -> str:
    """'YYYY-MM-DD' (optionally with a time) as dd-mm-jjjj; anything else unchanged."""
    m = _ISO_WHEN.match(value.strip())
    if not m:
        return value.strip()
    try:
        d = datetime(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return value.strip()
    return d.strftime("%d-%m-%Y")


def format_appointment(value: str) -> str:
    """ISO date or date-time as 'dd-mm-jjjj' or 'dd-mm-jjjj HH:MM'; free text unchanged."""
    text = value.strip()
    m = _ISO_WHEN.match(text)
    if not m:
        return text
    try:
        d = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0))
    except ValueError:
        return text
    return d.strftime("%d-%m-%Y %H:%M") if m[4] is not None else d.strftime("%d-%m-%Y")


def format_score(value: float, language: str) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "nl" else text


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def _two_lines(text: str, font: str, size: float, width: float) -> list[str] | None:
    """The most even split into two lines that both fit, or None."""
    words = text.split()
    best = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        widest = max(stringWidth(line, font, size) for line in lines)
        if widest <= width and (best is None or widest < best[0]):
            best = (widest, lines)
    return best[1] if best else None


def _label_lines(text: str, font: str, width: float) -> tuple[list[str], float]:
    """A dimension name on one line, or evenly on two; the type shrinks a little before a cut."""
    text = " ".join(text.split())
    size = LABEL_SIZE
    while True:
        if stringWidth(text, font, size) <= width:
            return [text], size
        lines = _two_lines(text, font, size, width)
        if lines:
            return lines, size
        if size <= MIN_LABEL_SIZE:
            break
        size -= 0.5
    lines = _wrap(text, font, size, width)
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        while rest and stringWidth(rest + "…", font, size) > width:
            rest = rest[:-1]
        lines = [lines[0], rest.rstrip() + "…"]
    return lines, size


def _drawing(width: float, height: float) -> Drawing:
    """A Drawing whose default font is DejaVu, so Helvetica never enters the PDF."""
    font, _ = register_fonts()
    d = Drawing(width, height)
    d.initialFontName = font
    d.initialFontSize = BODY_SIZE
    return d


# --- the web ------------------------------------------------------------------------------


def _has_scores(consultation: Consultation | None, instrument: Instrument) -> bool:
    if consultation is None:
        return False
    return any(s is not None for s in consultation.scores(instrument))


def _points(scores: Sequence[float | None], radius: float) -> list[tuple[float, float]]:
    n = len(scores)
    pts = []
    for i, s in enumerate(scores):
        angle = 2 * math.pi * i / n  # clockwise from twelve o'clock
        r = radius * min(max(float(s or 0.0), 0.0), SCALE_MAX) / SCALE_MAX
        pts.append((r * math.sin(angle), r * math.cos(angle)))
    return pts


def web_drawing(view: ConsultationView, instrument: Instrument, width: float = FRAME_W) -> Drawing:
    """The spider web as vector graphics, sized to its labels."""
    font, bold = register_fonts()
    dims = instrument.dimensions
    n = len(dims)
    R = WEB_RADIUS
    g = Group()

    # rings (2, 4, ... 10) and spokes
    for step in range(2, SCALE_MAX + 1, 2):
        last = step == SCALE_MAX
        g.add(Circle(0, 0, R * step / SCALE_MAX, fillColor=None,
                     strokeColor=RING_OUTER if last else RING, strokeWidth=1.2 if last else 0.7))
    for x, y in _points([SCALE_MAX] * n, R):
        g.add(Line(0, 0, x, y, strokeColor=SPOKE, strokeWidth=0.7))

    # the previous web, faint and dashed, behind the current one
    if view.previous is not None and _has_scores(view.previous, instrument):
        prev = _points(view.previous.scores(instrument), R)
        g.add(Polygon([c for p in prev for c in p], fillColor=None, strokeColor=PREVIOUS,
                      strokeWidth=1.6, strokeDashArray=[5, 3], strokeLineJoin=1))

    scores = view.consultation.scores(instrument)
    pts = _points(scores, R)
    g.add(Polygon([c for p in pts for c in p], fillColor=WEB_FILL, strokeColor=ACCENT,
                  strokeWidth=2.4, strokeLineJoin=1))

    # a badge with the number at each scored point
    for (x, y), s in zip(pts, scores, strict=True):
        if s is None:
            continue
        label = format_score(s, instrument.language)
        w = max(20.0, stringWidth(label, bold, BADGE_SIZE) + 9)
        h = 19.0
        g.add(Rect(x - w / 2, y - h / 2, w, h, rx=h / 2, ry=h / 2, fillColor=ACCENT,
                   strokeColor=colors.white, strokeWidth=1.5))
        g.add(String(x, y - BADGE_SIZE * 0.36, label, fontName=bold, fontSize=BADGE_SIZE,
                     fillColor=colors.white, textAnchor="middle"))

    # dimension names outside the outer ring
    half = width / 2
    for i, dim in enumerate(dims):
        angle = 2 * math.pi * i / n
        ux, uy = math.sin(angle), math.cos(angle)
        # clear of the outer ring and of a number badge sitting on it (about 32 x 19 pt)
        if abs(ux) < 0.25:
            gap = 16 if uy > 0 else 11  # text hangs below its top, stands on its baseline
            ax, ay = (R + gap) * ux, (R + gap) * uy
            anchor, room = "middle", 2 * (half - 6)
        else:
            ax, ay = R * ux + math.copysign(18, ux), (R + 6) * uy
            anchor, room = ("start" if ux > 0 else "end"), half - abs(ax) - 6
        lines, size = _label_lines(dim.name, bold, min(room, 150))
        lead = size * 1.2
        extra = [f"({instrument.text('no_score')})"] if scores[i] is None else []
        block = (len(lines) + len(extra)) * lead
        # centre the block on the anchor, pushed outwards in proportion to the angle
        top = ay + block / 2 + uy * block / 2
        y = top - size
        for text, face, fsize, fill in ([(t, bold, size, INK) for t in lines]
                                        + [(t, font, size - 0.5, MUTED) for t in extra]):
            g.add(String(ax, y, text, fontName=face, fontSize=fsize, fillColor=fill,
                         textAnchor=anchor))
            y -= lead

    x0, y0, x1, y1 = g.getBounds()
    pad = 3
    height = (y1 - y0) + 2 * pad
    g.translate(half, pad - y0)
    d = _drawing(width, height)
    d.add(g)
    d.hAlign = "CENTER"
    return d


def _previous_legend() -> Drawing:
    d = _drawing(28, 12)
    d.add(Line(2, 6, 26, 6, strokeColor=PREVIOUS, strokeWidth=1.6, strokeDashArray=[5, 3]))
    return d


# --- pictograms ---------------------------------------------------------------------------


def _icon(kind: str) -> Drawing:
    """A small, plain pictogram on a soft disc (30 x 30 pt)."""
    d = _drawing(30, 30)
    d.scale(ICON / 30, ICON / 30)
    d.width = d.height = ICON
    c = 15
    d.add(Circle(c, c, c, fillColor=ACCENT_SOFT, strokeColor=None))
    ink = {"fillColor": ACCENT, "strokeColor": None}
    line = {"strokeColor": ACCENT, "strokeWidth": 2, "strokeLineCap": 1}
    if kind == "heart":
        d.add(Circle(11.6, 17.6, 4.1, **ink))
        d.add(Circle(18.4, 17.6, 4.1, **ink))
        d.add(Polygon([7.7, 16.2, 22.3, 16.2, 15, 7.8], **ink))
        d.add(Rect(11.6, 14.5, 6.8, 5, **ink))
    elif kind == "flag":
        d.add(Line(10.5, 6.5, 10.5, 23.5, **line))
        d.add(Polygon([11, 23.5, 22, 20, 11, 16], **ink))
    elif kind == "steps":
        for fx, fy, tilt in ((11.2, 10.8, 8), (18.8, 18.2, -8)):
            foot = Group(Ellipse(0, 2.4, 2.9, 4.0, **ink), Ellipse(0, -3.9, 2.1, 2.1, **ink))
            foot.rotate(tilt)
            foot.shift(fx, fy)
            d.add(foot)
    elif kind == "person":
        d.add(Circle(15, 19.5, 4.2, **ink))
        d.add(Wedge(15, 6.5, 8.5, 0, 180, **ink))
    elif kind == "clock":
        d.add(Circle(15, 15, 8.2, fillColor=colors.white, strokeColor=ACCENT, strokeWidth=2))
        d.add(Line(15, 15, 15, 20.5, **line))
        d.add(Line(15, 15, 19, 15, **line))
    elif kind == "calendar":
        d.add(Rect(7.5, 7.5, 15, 13.5, rx=1.5, ry=1.5, fillColor=colors.white,
                   strokeColor=ACCENT, strokeWidth=1.6))
        d.add(Rect(7.5, 17.5, 15, 3.5, **ink))
        d.add(Line(11, 19.5, 11, 23.5, **line))
        d.add(Line(19, 19.5, 19, 23.5, **line))
        for gx in (10.5, 14, 17.5):
            for gy in (10, 13.5):
                d.add(Rect(gx, gy, 2, 2, **ink))
    return d


# --- the page -----------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    font, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=TITLE_SIZE,
                                leading=TITLE_SIZE * 1.2, textColor=ACCENT, spaceAfter=6),
        "who": ParagraphStyle("who", fontName=bold, fontSize=15, leading=19, textColor=INK),
        "meta": ParagraphStyle("meta", fontName=font, fontSize=BODY_SIZE, leading=18,
                               textColor=INK),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=HEADING_SIZE,
                                  leading=HEADING_SIZE * 1.2, textColor=ACCENT),
        "fact_heading": ParagraphStyle("fact_heading", fontName=bold, fontSize=FACT_SIZE,
                                       leading=FACT_SIZE * 1.2, textColor=ACCENT),
        "body": ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE,
                               leading=BODY_SIZE * 1.3, textColor=INK, alignment=TA_LEFT,
                               leftIndent=INDENT),
        "bullet": ParagraphStyle("bullet", fontName=font, fontSize=BODY_SIZE,
                                 leading=BODY_SIZE * 1.3, textColor=INK, leftIndent=INDENT + 14,
                                 bulletIndent=INDENT, bulletFontName=bold),
        "note": ParagraphStyle("note", fontName=font, fontSize=NOTE_SIZE,
                               leading=NOTE_SIZE * 1.3, textColor=MUTED, alignment=TA_CENTER),
    }


def _focus_lines(consultation: Consultation, instrument: Instrument) -> list[str]:
    """'Dimension' or 'Dimension: aspect, aspect', in instrument order; unknown ids skipped."""
    lines = []
    for dim in instrument.dimensions:
        picked = {a for d, a in consultation.focus if d == dim.id}
        if not picked:
            continue
        aspects = [a.name for a in dim.aspects if a.id in picked]
        lines.append(f"{dim.name}: {', '.join(aspects)}" if aspects else dim.name)
    return lines


def _plain_table_style() -> TableStyle:
    """No padding, centred rows, DejaVu as cell font (the default would pull in Helvetica)."""
    font, _ = register_fonts()
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])


def _section(kind: str, heading: str, body: list, st: dict) -> list:
    # the row is one heading line high; the pictogram, centred on it, reaches a little into
    # the white space above and into the empty margin left of the answer
    head = Table([[_icon(kind), Paragraph(escape(heading), st["heading"])]],
                 colWidths=[INDENT, FRAME_W - INDENT], rowHeights=[st["heading"].leading])
    head.setStyle(_plain_table_style())
    # never a heading alone at the foot of a page: start a new page unless the heading and
    # two lines of the answer fit; after that a long answer simply flows on
    need = 10 + st["heading"].leading + 2 * st["body"].leading
    return [CondPageBreak(need), Spacer(1, 10), head, Spacer(1, 2), *body]


def _fact_row(kind: str, heading: str, value: str, label_w: float, st: dict) -> Table | None:
    """Pictogram, heading and answer on one row; None if the answer is too long for that."""
    value_w = FRAME_W - INDENT - label_w
    body_style = ParagraphStyle("fact", parent=st["body"], leftIndent=0)
    body = Paragraph(_markup(value), body_style)
    _, h = body.wrap(value_w, PAGE_H)
    if h > 3.2 * body_style.leading:
        return None
    # centre the pictogram on the heading's line, and put heading and answer on one baseline
    head = st["fact_heading"]
    head_pad = (ICON - head.leading) / 2
    body_pad = head_pad + (getAscent(head.fontName, head.fontSize)
                           - getAscent(body_style.fontName, body_style.fontSize))
    row = Table([[_icon(kind), Paragraph(escape(heading), head), body]],
                colWidths=[INDENT, label_w, value_w], hAlign="LEFT")
    style = _plain_table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    style.add("TOPPADDING", (1, 0), (1, 0), head_pad)
    style.add("TOPPADDING", (2, 0), (2, 0), body_pad)
    row.setStyle(style)
    return row


def handout_story(view: ConsultationView, instrument: Instrument) -> list:
    """The flowables of the handout, in reading order."""
    st = _styles()
    t = instrument.text
    c = view.consultation
    plan = c.plan
    story: list = []

    # who, when, what kind of conversation
    story.append(Paragraph(escape(t("handout_title")), st["title"]))
    story.append(Paragraph(escape(view.patient.display_name), st["who"]))
    meta = [format_date(c.date)]
    kind = instrument.texts.get(f"type_{c.type}") or t("type_los")
    if view.professional is not None and view.professional.name.strip():
        kind = f"{kind} {t('with')} {view.professional.name.strip()}"
    meta.append(kind)
    story.append(Paragraph(escape("  ·  ".join(m for m in meta if m)), st["meta"]))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=7, spaceAfter=7))

    # the web
    story.append(Paragraph(escape(t("web_heading")), st["heading"]))
    story.append(web_drawing(view, instrument))
    story.append(Spacer(1, 4))
    notes = [Paragraph(escape(t("web_note")), st["note"])]
    if view.previous is not None and _has_scores(view.previous, instrument):
        note = t("web_previous")
        note_w = min(FRAME_W - 34, stringWidth(note, st["note"].fontName, NOTE_SIZE) + 2)
        legend = Table([[_previous_legend(), Paragraph(escape(note), st["note"])]],
                       colWidths=[34, note_w], hAlign="CENTER")
        legend.setStyle(_plain_table_style())
        notes.append(legend)
    story.extend(notes)
    story.append(Spacer(1, 4))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=4, spaceAfter=0))

    # what matters, and the plan
    def text_body(value: str) -> list:
        return [Paragraph(_markup(value), st["body"])] if value.strip() else []

    focus = _focus_lines(c, instrument)
    if focus:
        body = [Paragraph(escape(line), st["bullet"], bulletText="•") for line in focus]
        story += _section("heart", t("important_heading"), body, st)

    goal = plan.goal if plan.goal.strip() else c.wheel_answers.get("wens", "")
    first = plan.first_step if plan.first_step.strip() else c.wheel_answers.get("besluit", "")
    for kind, key, value in (("flag", "want_heading", goal),
                             ("steps", "first_step_heading", first)):
        body = text_body(value or "")
        if body:
            story += _section(kind, t(key), body, st)

    # who, when, next appointment: short facts, one row each (long answers get a full section);
    # the next appointment is always shown: "not agreed yet" is useful to know too
    facts = [("person", "helper_heading", plan.helper), ("clock", "when_heading", plan.when),
             ("calendar", "next_heading",
              format_appointment(plan.next_appointment) or t("nothing_yet"))]
    facts = [(kind, t(key), value) for kind, key, value in facts if value.strip()]
    head = st["fact_heading"]
    label_w = max(stringWidth(h, head.fontName, head.fontSize) for _, h, _ in facts)
    label_w = min(label_w + 14, FRAME_W * 0.42)
    first_fact = True
    for kind, heading, value in facts:
        row = _fact_row(kind, heading, value, label_w, st)
        if row is None:
            story += _section(kind, heading, text_body(value), st)
            first_fact = True
        else:
            story += [Spacer(1, 9 if first_fact else 5), row]
            first_fact = False
    return story


def _page_decor(footer: str, running_head: str):
    """Footer on every page; on later pages also a small line saying whose sheet this is."""
    font, _ = register_fonts()
    left, right = MARGIN_X + FRAME_PAD, PAGE_W - MARGIN_X - FRAME_PAD

    def first(canvas, doc) -> None:
        canvas.saveState()
        y = 8 * mm
        canvas.setStrokeColor(RING)
        canvas.setLineWidth(1)
        canvas.line(left, y + 17, right, y + 17)
        canvas.setFillColor(INK)
        canvas.setFont(font, 12.5)
        canvas.drawString(left, y, footer)
        canvas.restoreState()

    def later(canvas, doc) -> None:
        first(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(font, NOTE_SIZE)
        canvas.drawString(left, PAGE_H - 8 * mm, running_head)
        canvas.drawRightString(right, PAGE_H - 8 * mm, str(doc.page))
        canvas.restoreState()

    return first, later


def render_handout(view: ConsultationView, instrument: Instrument) -> bytes:
    """The patient's handout as PDF bytes (A4, normally one page), built in memory."""
    font, _ = register_fonts()
    buffer = BytesIO()
    professional = view.professional.name.strip() if view.professional else ""
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=instrument.text("handout_title"),
        author=professional or instrument.title,
        subject=instrument.title,
        creator="pgdesk",
        lang=_PDF_LANG.get(instrument.language, instrument.language),
        displayDocTitle=1,
        initialFontName=font,
        initialFontSize=BODY_SIZE,
    )
    head = "  ·  ".join(p for p in (view.patient.display_name.strip(),
                                   format_date(view.consultation.date)) if p)
    first, later = _page_decor(instrument.text("footer"), head)
    doc.build(handout_story(view, instrument), onFirstPage=first, onLaterPages=later)
    return buffer.getvalue()
