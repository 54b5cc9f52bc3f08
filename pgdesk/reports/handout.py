"""The take-home handout: one page (A4 or A5) with the patient's web, what matters and the next steps.

The referrals of the conversation (and earlier ones still running) close it, under "Wie kan mij
helpen", with their contact details in large type.

Built in memory with reportlab only (patient data never touches the disk). Every fixed text
comes from the instrument's "texts", so the handout follows the instrument's language, and the
web follows the instrument's dimensions (any number, three or more).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING
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
from reportlab.lib.pagesizes import A4, A5
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

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.dates import format_appointment, format_date
from pgdesk.domain.instrument import SCALE_MAX, Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.domain.scores import score_changes as domain_score_changes
from pgdesk.domain.social_map import Referral
from pgdesk.reports.fonts import register_fonts

if TYPE_CHECKING:  # storage only for trajectory_start, imported there
    from pgdesk.storage.repository import Store

# --- look -------------------------------------------------------------------------------

INK = colors.HexColor("#1b1b1b")  # body text: near black on white
ACCENT = colors.HexColor("#1c4e7a")  # headings, web outline, pictograms
ACCENT_SOFT = colors.HexColor("#e4eef7")  # pictogram discs
WEB_FILL = colors.Color(0.11, 0.31, 0.48, alpha=0.16)
RING = colors.HexColor("#c7d2dc")
RING_OUTER = colors.HexColor("#9fb0c0")
SPOKE = colors.HexColor("#d3dbe3")
PREVIOUS = colors.HexColor("#8a8a8a")
CHANGE_MAX = 3  # at most this many dimensions up, and as many down
START_WIDTH = 2.2  # the start web on an end handout: heavier than a faint 'previous'
START_DASH = [6, 3.5]
LEGEND_SAMPLE = 34
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
LEGEND_SIZE = 12.5
QUIET_SIZE = 12.5  # 'not about a high number': one line, a little quieter than the body

WEB_RADIUS = 78
# the end handout has a few lines more: its web starts a little smaller and shrinks further,
# down to the minimum, while that keeps the page to one sheet
COMPARE_RADIUS = 72
COMPARE_RADIUS_MIN = 60
ICON = 28  # pictogram box (points)
INDENT = ICON + 10  # section text lines up right of the pictograms


@dataclass(frozen=True)
class Layout:
    """Page size, margins, type sizes and web size of one paper format."""

    paper: str
    page: tuple[float, float]
    margin_x: float
    margin_top: float
    margin_bottom: float
    title: float
    who: float
    heading: float
    fact: float
    body: float
    note: float
    label: float
    min_label: float
    badge: float
    legend: float
    quiet: float
    footer: float
    web_radius: float
    compare_radius: float
    compare_radius_min: float
    icon: float
    space: float = 1.0  # vertical spacing between sections, relative to A4
    label_gap: tuple[float, float] = (16, 11)  # outer ring to the top / bottom dimension name
    footer_y: float = 8 * mm  # baseline of the footer, from the bottom edge
    referral_name: float = 14.5  # "Wie kan mij helpen": the name of each service, bold
    contact: float = 13  # its organisation and contact lines
    referral_gap: float = 8  # between two services
    referral_columns: bool = True  # contact lines beside the name (False: under it)

    @property
    def page_w(self) -> float:
        return self.page[0]

    @property
    def page_h(self) -> float:
        return self.page[1]

    @property
    def frame_w(self) -> float:
        return self.page_w - 2 * self.margin_x - 2 * FRAME_PAD

    @property
    def indent(self) -> float:
        return self.icon + 10 * self.icon / ICON

    @property
    def room(self) -> float:
        """The height the flowables of one page may take (a little slack for rounding)."""
        return self.page_h - self.margin_top - self.margin_bottom - 2 * FRAME_PAD - 6


A4_LAYOUT = Layout(
    paper="A4", page=A4, margin_x=MARGIN_X, margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM,
    title=TITLE_SIZE, who=15, heading=HEADING_SIZE, fact=FACT_SIZE, body=BODY_SIZE,
    note=NOTE_SIZE, label=LABEL_SIZE, min_label=MIN_LABEL_SIZE, badge=BADGE_SIZE,
    legend=LEGEND_SIZE, quiet=QUIET_SIZE, footer=12.5, web_radius=WEB_RADIUS,
    compare_radius=COMPARE_RADIUS, compare_radius_min=COMPARE_RADIUS_MIN, icon=ICON,
)
# A5 (148 x 210 mm): the same content; type stays large enough to read (body 12 pt, nothing
# under 11 pt), margins, pictograms and the web are smaller, and the spacing is tighter
A5_LAYOUT = Layout(
    paper="A5", page=A5, margin_x=11 * mm, margin_top=8 * mm, margin_bottom=14 * mm,
    title=18, who=13.5, heading=13.5, fact=12.5, body=12, note=11, label=11.5, min_label=11,
    badge=11, legend=11, quiet=11, footer=11, web_radius=58, compare_radius=54,
    compare_radius_min=48, icon=20, space=0.5, label_gap=(13, 10), footer_y=6.5 * mm,
    referral_name=12.5, contact=12, referral_gap=5, referral_columns=False,
)
LAYOUTS = {"A4": A4_LAYOUT, "A5": A5_LAYOUT}
PAPERS = tuple(LAYOUTS)


def paper_name(paper: str) -> str:
    """'A4' or 'A5' from any case; anything else is a ValueError."""
    name = str(paper).strip().upper()
    if name not in PAPERS:
        raise ValueError(f"onbekend papierformaat: {paper!r} (A4 of A5)")
    return name


def layout_for(paper: str) -> Layout:
    return LAYOUTS[paper_name(paper)]


_PDF_LANG = {"nl": "nl-NL", "en": "en-GB"}



# --- small text helpers -------------------------------------------------------------------


def _text(instrument: Instrument, key: str) -> str:
    """The instrument's text; a practice's own file without one of the newer keys borrows it from
    the shipped instrument of its language rather than printing the key."""
    value = instrument.texts.get(key)
    if value is None:
        value = shipped_instrument(instrument.language).texts.get(key)
    return value if value is not None else key


def fill_text(template: str, **values: object) -> str:
    """str.format that never fails on a practice's own wording: a bad template stays as typed."""
    try:
        return template.format(**values)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


def _markup(text: str) -> str:
    """User text made safe for Paragraph markup; line breaks kept."""
    lines = [escape(line.strip()) for line in text.strip().splitlines()]
    return "<br/>".join(line for line in lines if line)


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


def _label_lines(text: str, font: str, width: float, size: float = LABEL_SIZE,
                 min_size: float = MIN_LABEL_SIZE) -> tuple[list[str], float]:
    """A dimension name on one line, or evenly on two; the type shrinks a little before a cut."""
    text = " ".join(text.split())
    while True:
        if stringWidth(text, font, size) <= width:
            return [text], size
        lines = _two_lines(text, font, size, width)
        if lines:
            return lines, size
        if size <= min_size:
            break
        size -= 0.5
    lines = _wrap(text, font, size, width)
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        while rest and stringWidth(rest + "…", font, size) > width:
            rest = rest[:-1]
        lines = [lines[0], rest.rstrip() + "…"]
    return lines, size


def balanced_markup(text: str, font: str, size: float, width: float) -> str:
    """A short note as Paragraph markup: on one line if it fits, else broken between its
    sentences (or evenly in two) rather than leaving one word alone on the last line."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return escape(text)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 1 and all(stringWidth(x, font, size) <= width for x in sentences):
        return "<br/>".join(escape(x) for x in sentences)
    lines = _two_lines(text, font, size, width)
    return "<br/>".join(escape(x) for x in lines) if lines else escape(text)


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


def web_drawing(view: ConsultationView, instrument: Instrument, width: float = FRAME_W, *,
                compare: Consultation | None = None, radius: float = WEB_RADIUS,
                layout: Layout = A4_LAYOUT) -> Drawing:
    """The spider web as vector graphics, sized to its labels.

    Behind it, dashed and grey, the web of `compare` (the start of the trajectory) if given,
    otherwise that of the previous conversation."""
    font, bold = register_fonts()
    dims = instrument.dimensions
    n = len(dims)
    R = radius
    g = Group()

    # rings (2, 4, ... 10) and spokes
    for step in range(2, SCALE_MAX + 1, 2):
        last = step == SCALE_MAX
        g.add(Circle(0, 0, R * step / SCALE_MAX, fillColor=None,
                     strokeColor=RING_OUTER if last else RING, strokeWidth=1.2 if last else 0.7))
    for x, y in _points([SCALE_MAX] * n, R):
        g.add(Line(0, 0, x, y, strokeColor=SPOKE, strokeWidth=0.7))

    # the earlier web, dashed and grey, behind the current one
    behind = compare if compare is not None else view.previous
    if behind is not None and _has_scores(behind, instrument):
        prev = _points(behind.scores(instrument), R)
        width_, dash = (START_WIDTH, START_DASH) if compare is not None else (1.6, [5, 3])
        g.add(Polygon([c for p in prev for c in p], fillColor=None, strokeColor=PREVIOUS,
                      strokeWidth=width_, strokeDashArray=dash, strokeLineJoin=1))

    scores = view.consultation.scores(instrument)
    pts = _points(scores, R)
    g.add(Polygon([c for p in pts for c in p], fillColor=WEB_FILL, strokeColor=ACCENT,
                  strokeWidth=2.4, strokeLineJoin=1))

    # a badge with the number at each scored point
    for (x, y), s in zip(pts, scores, strict=True):
        if s is None:
            continue
        label = format_score(s, instrument.language)
        badge = layout.badge
        w = max(badge + 9, stringWidth(label, bold, badge) + 9)
        h = badge + 8
        g.add(Rect(x - w / 2, y - h / 2, w, h, rx=h / 2, ry=h / 2, fillColor=ACCENT,
                   strokeColor=colors.white, strokeWidth=1.5))
        g.add(String(x, y - badge * 0.36, label, fontName=bold, fontSize=badge,
                     fillColor=colors.white, textAnchor="middle"))

    # dimension names outside the outer ring
    half = width / 2
    for i, dim in enumerate(dims):
        angle = 2 * math.pi * i / n
        ux, uy = math.sin(angle), math.cos(angle)
        # clear of the outer ring and of a number badge sitting on it (about 32 x 19 pt)
        if abs(ux) < 0.25:
            # text hangs below its top, stands on its baseline
            gap = layout.label_gap[0] if uy > 0 else layout.label_gap[1]
            ax, ay = (R + gap) * ux, (R + gap) * uy
            anchor, room = "middle", 2 * (half - 6)
        else:
            ax, ay = R * ux + math.copysign(18, ux), (R + 6) * uy
            anchor, room = ("start" if ux > 0 else "end"), half - abs(ax) - 6
        lines, size = _label_lines(dim.name, bold, min(room, 150), layout.label, layout.min_label)
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


def _line_sample(start: bool) -> Drawing:
    """A short piece of web edge for the legend: dashed grey (start) or solid over the fill (now)."""
    d = _drawing(LEGEND_SAMPLE, 14)
    if start:
        d.add(Line(2, 7, LEGEND_SAMPLE - 2, 7, strokeColor=PREVIOUS, strokeWidth=START_WIDTH,
                   strokeDashArray=START_DASH))
    else:
        d.add(Rect(2, 1, LEGEND_SAMPLE - 4, 6, fillColor=WEB_FILL, strokeColor=None))
        d.add(Line(2, 7, LEGEND_SAMPLE - 2, 7, strokeColor=ACCENT, strokeWidth=2.4))
    return d


def _compare_legend(start: Consultation, instrument: Instrument, style: ParagraphStyle) -> Table:
    """'- - - start 10-01-2025     ——— nu' on one line."""
    entries = [(True, fill_text(_text(instrument, "web_start"), date=format_date(start.date))),
               (False, _text(instrument, "web_now"))]
    cells, widths = [], []
    for n, (is_start, label) in enumerate(entries):
        cells += [_line_sample(is_start), Paragraph(escape(label), style)]
        gap = 22 if n < len(entries) - 1 else 0
        widths += [LEGEND_SAMPLE + 6, stringWidth(label, style.fontName, style.fontSize) + 2 + gap]
    table = Table([cells], colWidths=widths, hAlign="RIGHT")
    table.setStyle(plain_table_style())
    return table


def _heading_with_legend(heading: str, start: Consultation, instrument: Instrument,
                         st: dict, frame_w: float = FRAME_W) -> Table:
    """The web's heading on the left, the legend on the right of the same line."""
    legend = _compare_legend(start, instrument, st["legend"])
    legend_w = sum(legend._colWidths)
    head_w = frame_w - legend_w
    if stringWidth(heading, st["heading"].fontName, st["heading"].fontSize) + 12 > head_w:
        # a long heading: the legend goes on a line of its own under it
        table = Table([[Paragraph(escape(heading), st["heading"])], [legend]], colWidths=[frame_w])
    else:
        table = Table([[Paragraph(escape(heading), st["heading"]), legend]],
                      colWidths=[head_w, legend_w])
    style = plain_table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "BOTTOM")
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 2)
    table.setStyle(style)
    return table


# --- pictograms ---------------------------------------------------------------------------


def _icon(kind: str, size: float = ICON) -> Drawing:
    """A small, plain pictogram on a soft disc (drawn on 30 x 30, shown `size` points wide)."""
    d = _drawing(30, 30)
    d.scale(size / 30, size / 30)
    d.width = d.height = size
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
    elif kind == "change":  # an arrow up beside an arrow down
        for x, up in ((11, True), (19.5, False)):
            tip, tail = (23.5, 8.5) if up else (6.5, 21.5)
            d.add(Line(x, tail, x, tip + (-3 if up else 3), **line))
            head = 4.2 if up else -4.2
            d.add(Polygon([x - 3.8, tip - head, x + 3.8, tip - head, x, tip], **ink))
    elif kind == "signpost":  # a post with two boards pointing either way
        d.add(Line(15, 5.5, 15, 24.5, **line))
        d.add(Polygon([9, 17.5, 21, 17.5, 24, 20.25, 21, 23, 9, 23], **ink))
        d.add(Polygon([21, 10, 9, 10, 6, 12.75, 9, 15.5, 21, 15.5], **ink))
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


def _styles(lay: Layout = A4_LAYOUT) -> dict[str, ParagraphStyle]:
    font, bold = register_fonts()
    indent = lay.indent
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=lay.title,
                                leading=lay.title * 1.2, textColor=ACCENT, spaceAfter=6 * lay.space),
        "who": ParagraphStyle("who", fontName=bold, fontSize=lay.who, leading=lay.who + 4,
                              textColor=INK),
        "meta": ParagraphStyle("meta", fontName=font, fontSize=lay.body, leading=lay.body + 4.5,
                               textColor=INK),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=lay.heading,
                                  leading=lay.heading * 1.2, textColor=ACCENT),
        "fact_heading": ParagraphStyle("fact_heading", fontName=bold, fontSize=lay.fact,
                                       leading=lay.fact * 1.2, textColor=ACCENT),
        "body": ParagraphStyle("body", fontName=font, fontSize=lay.body,
                               leading=lay.body * 1.3, textColor=INK, alignment=TA_LEFT,
                               leftIndent=indent),
        "bullet": ParagraphStyle("bullet", fontName=font, fontSize=lay.body,
                                 leading=lay.body * 1.3, textColor=INK, leftIndent=indent + 14,
                                 bulletIndent=indent, bulletFontName=bold,
                                 bulletFontSize=min(lay.body, 11)),
        "note": ParagraphStyle("note", fontName=font, fontSize=lay.note,
                               leading=lay.note * 1.3, textColor=MUTED, alignment=TA_CENTER),
        "legend": ParagraphStyle("legend", fontName=font, fontSize=lay.legend,
                                 leading=lay.legend * 1.2, textColor=INK),
        "quiet": ParagraphStyle("quiet", fontName=font, fontSize=lay.quiet,
                                leading=lay.quiet * 1.25, textColor=MUTED, leftIndent=indent,
                                spaceBefore=2, spaceAfter=3),
        "referral_name": ParagraphStyle("referral_name", fontName=bold, fontSize=lay.referral_name,
                                        leading=lay.referral_name * 1.25, textColor=INK,
                                        leftIndent=indent),
        "contact": ParagraphStyle("contact", fontName=font, fontSize=lay.contact,
                                  leading=lay.contact * 1.3, textColor=INK, leftIndent=indent),
        "contact_beside": ParagraphStyle("contact_beside", fontName=font, fontSize=lay.contact,
                                         leading=lay.contact * 1.3, textColor=INK),
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


def plain_table_style(valign: str = "MIDDLE", extra: list | None = None) -> TableStyle:
    """No padding, DejaVu as cell font (the default would pull in Helvetica), plus `extra`."""
    font, _ = register_fonts()
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *(extra or []),
    ])


def _section(kind: str, heading: str, body: list, st: dict, lay: Layout = A4_LAYOUT, *,
             keep: float | None = None) -> list:
    # the row is one heading line high; the pictogram, centred on it, reaches a little into
    # the white space above and into the empty margin left of the answer
    head = Table([[_icon(kind, lay.icon), Paragraph(escape(heading), st["heading"])]],
                 colWidths=[lay.indent, lay.frame_w - lay.indent],
                 rowHeights=[st["heading"].leading])
    head.setStyle(plain_table_style())
    # never a heading alone at the foot of a page: start a new page unless the heading and
    # two lines of the answer (or the first `keep` points of it) fit; after that a long answer
    # simply flows on
    gap = 10 * lay.space
    need = gap + st["heading"].leading + 2 + (2 * st["body"].leading if keep is None else keep)
    return [CondPageBreak(need), Spacer(1, gap), head, Spacer(1, 2), *body]


def _fact_row(kind: str, heading: str, value: str, label_w: float, st: dict,
              lay: Layout = A4_LAYOUT) -> Table | None:
    """Pictogram, heading and answer on one row; None if the answer is too long for that."""
    value_w = lay.frame_w - lay.indent - label_w
    body_style = ParagraphStyle("fact", parent=st["body"], leftIndent=0)
    body = Paragraph(_markup(value), body_style)
    _, h = body.wrap(value_w, lay.page_h)
    if h > 3.2 * body_style.leading:
        return None
    # centre the pictogram on the heading's line, and put heading and answer on one baseline
    head = st["fact_heading"]
    head_pad = (lay.icon - head.leading) / 2
    body_pad = head_pad + (getAscent(head.fontName, head.fontSize)
                           - getAscent(body_style.fontName, body_style.fontSize))
    row = Table([[_icon(kind, lay.icon), Paragraph(escape(heading), head), body]],
                colWidths=[lay.indent, label_w, value_w], hAlign="LEFT")
    style = plain_table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    style.add("TOPPADDING", (1, 0), (1, 0), head_pad)
    style.add("TOPPADDING", (2, 0), (2, 0), body_pad)
    row.setStyle(style)
    return row


def compares_with_start(view: ConsultationView, instrument: Instrument,
                        start: Consultation | None) -> bool:
    """An end conversation with a scored start conversation to set beside it."""
    return (view.consultation.type == "eind" and start is not None
            and start.id != view.consultation.id and _has_scores(start, instrument))


def score_changes(start: Consultation, end: Consultation, instrument: Instrument
                  ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(higher, lower): (dimension name, change) for changes of at least one point since the
    start, largest first, at most three each; ties keep the instrument's order."""
    return domain_score_changes([d.name for d in instrument.dimensions], start.scores(instrument),
                                end.scores(instrument), limit=CHANGE_MAX)


def format_change(delta: float, language: str) -> str:
    """'+2', '−1', '+1,5': always signed, with a real minus sign."""
    return ("+" if delta > 0 else "\u2212") + format_score(abs(delta), language)


def change_sentences(start: Consultation, end: Consultation, instrument: Instrument
                     ) -> list[tuple[str, str]]:
    """(label, rest) per line: ('Meer dan bij de start:', 'Meedoen (+2), Zingeving (+1)'), ...;
    one 'about the same' line when nothing moved a whole point."""
    higher, lower = score_changes(start, end, instrument)
    lines = []
    for key, items in (("change_more", higher), ("change_less", lower)):
        if items:
            # no-break spaces keep 'Kwaliteit van leven (+2)' together on one line
            listed = ", ".join(
                f"{name} ({format_change(d, instrument.language)})".replace(" ", "\u00a0")
                for name, d in items)
            lines.append((_text(instrument, key), listed))
    if not lines:
        lines.append(("", _text(instrument, "change_same")))
    return lines


def _start_step(start: Consultation) -> str:
    """What was agreed at the start: its first step, else its goal (the wheel's answers if the
    plan was left empty)."""
    for value in (start.plan.first_step, start.wheel_answers.get("besluit", ""),
                  start.plan.goal, start.wheel_answers.get("wens", "")):
        if (value or "").strip():
            return value.strip()
    return ""


def _labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """'<b>label</b> value' with both parts printed literally."""
    head = f"<b>{escape(label)}</b> " if label else ""
    return Paragraph(head + _markup(value), style)


def _change_section(start: Consultation, end: Consultation, instrument: Instrument,
                    st: dict, lay: Layout = A4_LAYOUT) -> list:
    body = [_labelled(label, rest, st["body"])
            for label, rest in change_sentences(start, end, instrument)]
    body.append(Paragraph(escape(_text(instrument, "change_note")), st["quiet"]))
    did = _start_step(start)
    if did:
        body.append(_labelled(_text(instrument, "did_label"), did, st["body"]))
    return _section("change", _text(instrument, "change_heading"), body, st, lay)


def referral_contact(referral: Referral) -> list[str]:
    """What the patient needs to get in touch: phone, e-mail, website (without 'https://') and
    the address on one line; those that are known."""
    s = referral.snapshot
    lines = []
    for f in ("phone", "email", "website", "address"):
        value = str(s.get(f) or "")
        if f == "address":
            value = ", ".join(part.strip().rstrip(",") for part in value.splitlines() if part.strip())
        value = " ".join(value.split())
        if f == "website":
            value = re.sub(r"^https?://", "", value, flags=re.I).rstrip("/")
        if value:
            lines.append(value)
    return lines


def _contact_left(lay: Layout) -> float:
    """Width of the name column when the contact lines stand beside it."""
    return lay.indent + (lay.frame_w - lay.indent) * 0.42


NAME_GAP = 10  # between the name column and the contact lines beside it


def _fits(words, style: ParagraphStyle, room: float) -> bool:
    room -= style.leftIndent + style.rightIndent
    return all(stringWidth(word, style.fontName, style.fontSize) <= room for word in words)


def _contact_beside(referrals: Sequence[Referral], st: dict, lay: Layout) -> bool:
    """Contact lines beside the names: on a wide page, when no word of them (a long web address)
    nor of the names ("Mantelzorgsteunpunt") would have to be broken there. The same for every
    service, so the section reads as a list."""
    if not lay.referral_columns:
        return False
    room = lay.frame_w - _contact_left(lay) - 2
    name_room = _contact_left(lay) - NAME_GAP - 2
    return all(_fits(line.split(), st["contact_beside"], room)
               and _fits(r.name.split(), st["referral_name"], name_room)
               and _fits(r.organisation.split(), st["contact"], name_room)
               for r in referrals for line in referral_contact(r) or [""])


def _hyphenated(text: str, style: ParagraphStyle, room: float) -> str:
    """Escaped text in which a word wider than the column is broken with a hyphen, rather than
    cut anywhere without one by the paragraph."""
    room -= style.leftIndent + style.rightIndent

    def pieces(word: str):
        while stringWidth(word, style.fontName, style.fontSize) > room and len(word) > 2:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut] + "-", style.fontName, style.fontSize) > room:
                cut -= 1
            yield escape(word[:cut]) + "-<br/>"
            word = word[cut:]
        yield escape(word)
    return " ".join("".join(pieces(word)) for word in text.split())


def _referral_block(referral: Referral, st: dict, lay: Layout, beside: bool) -> Table | None:
    """One service: its name in bold and the organisation, then the contact lines (beside them,
    or under them). One table cell or row, so never split over pages."""
    name = " ".join(referral.name.split()) or " ".join(referral.organisation.split())
    if not name:
        return None
    room = (_contact_left(lay) - NAME_GAP if beside else lay.frame_w) - 2
    who = [Paragraph(_hyphenated(name, st["referral_name"], room), st["referral_name"])]
    org = " ".join(referral.organisation.split())
    if org and org.casefold() != name.casefold():
        who.append(Paragraph(_hyphenated(org, st["contact"], room), st["contact"]))
    contact = referral_contact(referral)
    style = plain_table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    if beside and contact:
        left = _contact_left(lay)
        lines = Paragraph("<br/>".join(escape(x) for x in contact), st["contact_beside"])
        table = Table([[who, lines]], colWidths=[left, lay.frame_w - left], hAlign="LEFT")
        style.add("RIGHTPADDING", (0, 0), (0, 0), NAME_GAP)
    else:
        if contact:
            who.append(Paragraph("<br/>".join(escape(x) for x in contact), st["contact"]))
        table = Table([[who]], colWidths=[lay.frame_w], hAlign="LEFT")
    table.setStyle(style)
    return table


def _referral_section(referrals: Sequence[Referral], instrument: Instrument, st: dict,
                      lay: Layout = A4_LAYOUT) -> list:
    """'Wie kan mij helpen': per service its name, organisation and how to reach it."""
    beside = _contact_beside(referrals, st, lay)
    blocks = [b for b in (_referral_block(r, st, lay, beside) for r in referrals) if b is not None]
    if not blocks:
        return []
    body: list = []
    for n, block in enumerate(blocks):
        if n:
            body.append(Spacer(1, lay.referral_gap))
        body.append(block)
    # the services stay together with their heading: if they do not all fit under the plan they
    # start the next page (unless they are more than a page)
    whole = sum(f.wrap(lay.frame_w, lay.page_h)[1] for f in body)
    keep = min(whole, lay.room - 10 * lay.space - st["heading"].leading - 2 - 12)
    return _section("signpost", _text(instrument, "referrals_heading"), body, st, lay, keep=keep)


def handout_story(view: ConsultationView, instrument: Instrument, *,
                  start: Consultation | None = None, radius: float | None = None,
                  layout: Layout = A4_LAYOUT, referrals: Sequence[Referral] = ()) -> list:
    """The flowables of the handout, in reading order, for the page of `layout`.

    For an end conversation with its trajectory's `start`, the web shows both (start dashed)
    and a short section says in plain words what changed and what the plan at the start was.
    `radius` is the web's (default: the layout's, a little smaller for two webs)."""
    lay = layout
    st = _styles(lay)
    frame_w = lay.frame_w
    t = instrument.text
    c = view.consultation
    plan = c.plan
    compare = start if compares_with_start(view, instrument, start) else None
    story: list = []

    # who, when, what kind of conversation
    story.append(Paragraph(escape(t("handout_title")), st["title"]))
    story.append(Paragraph(escape(view.patient.display_name), st["who"]))
    meta = [format_date(c.date)]
    kind = instrument.texts.get(f"type_{c.type}") or t("type_los")
    if view.professional is not None and view.professional.name.strip():
        # no-break spaces keep 'dr. A. de Vries' together when the line wraps
        name = " ".join(view.professional.name.split()).replace(" ", "\u00a0")
        kind = f"{kind} {t('with')} {name}"
    meta.append(kind)
    story.append(Paragraph(escape("  ·  ".join(m for m in meta if m)), st["meta"]))
    rule = 7 * lay.space
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=rule,
                            spaceAfter=rule))

    # the web; beside an end conversation's heading the legend 'start dd-mm-jjjj / nu' (the
    # change section below says that a high number is not the point)
    if compare is not None:
        story.append(_heading_with_legend(t("web_heading"), compare, instrument, st, frame_w))
        story.append(Spacer(1, 5 * lay.space))
        story.append(web_drawing(view, instrument, frame_w, compare=compare,
                                 radius=radius or lay.compare_radius, layout=lay))
        notes = []
    else:
        story.append(Paragraph(escape(t("web_heading")), st["heading"]))
        story.append(web_drawing(view, instrument, frame_w, radius=radius or lay.web_radius,
                                 layout=lay))
        story.append(Spacer(1, 4 * lay.space))
        notes = [Paragraph(balanced_markup(t("web_note"), st["note"].fontName, lay.note,
                                          frame_w - 2), st["note"])]
    if compare is None and view.previous is not None and _has_scores(view.previous, instrument):
        note = t("web_previous")
        note_w = min(frame_w - 34, stringWidth(note, st["note"].fontName, lay.note) + 2)
        legend = Table([[_previous_legend(), Paragraph(escape(note), st["note"])]],
                       colWidths=[34, note_w], hAlign="CENTER")
        legend.setStyle(plain_table_style())
        notes.append(legend)
    story.extend(notes)
    story.append(Spacer(1, 4 * lay.space))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=4 * lay.space,
                            spaceAfter=0))

    if compare is not None:
        story += _change_section(compare, c, instrument, st, lay)

    # what matters, and the plan
    def text_body(value: str) -> list:
        return [Paragraph(_markup(value), st["body"])] if value.strip() else []

    focus = _focus_lines(c, instrument)
    if focus:
        body = [Paragraph(escape(line), st["bullet"], bulletText="•") for line in focus]
        story += _section("heart", t("important_heading"), body, st, lay)

    goal = plan.goal if plan.goal.strip() else c.wheel_answers.get("wens", "")
    first = plan.first_step if plan.first_step.strip() else c.wheel_answers.get("besluit", "")
    for kind, key, value in (("flag", "want_heading", goal),
                             ("steps", "first_step_heading", first)):
        body = text_body(value or "")
        if body:
            story += _section(kind, t(key), body, st, lay)

    # who, when, next appointment: short facts, one row each (long answers get a full section);
    # the next appointment is always shown: "not agreed yet" is useful to know too
    facts = [("person", "helper_heading", plan.helper), ("clock", "when_heading", plan.when),
             ("calendar", "next_heading",
              format_appointment(plan.next_appointment) or t("nothing_yet"))]
    facts = [(kind, t(key), value) for kind, key, value in facts if value.strip()]
    head = st["fact_heading"]
    label_w = max(stringWidth(h, head.fontName, head.fontSize) for _, h, _ in facts)
    label_w = min(label_w + 14 * lay.icon / ICON, frame_w * 0.42)
    first_fact = True
    for kind, heading, value in facts:
        row = _fact_row(kind, heading, value, label_w, st, lay)
        if row is None:
            story += _section(kind, heading, text_body(value), st, lay)
            first_fact = True
        else:
            story += [Spacer(1, (9 if first_fact else 5) * lay.space), row]
            first_fact = False

    # who can help: the services referred to, with how to reach them
    story += _referral_section(referrals, instrument, st, lay)
    return story


def _page_decor(footer: str, running_head: str, lay: Layout = A4_LAYOUT):
    """Footer on every page; on later pages also a small line saying whose sheet this is."""
    font, _ = register_fonts()
    left, right = lay.margin_x + FRAME_PAD, lay.page_w - lay.margin_x - FRAME_PAD
    y = lay.footer_y

    def first(canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RING)
        canvas.setLineWidth(1)
        canvas.line(left, y + lay.footer + 4.5, right, y + lay.footer + 4.5)
        canvas.setFillColor(INK)
        canvas.setFont(font, lay.footer)
        canvas.drawString(left, y, footer)
        canvas.restoreState()

    def later(canvas, doc) -> None:
        first(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(font, lay.note)
        top = lay.page_h - min(8 * mm, lay.margin_top - 2)
        canvas.drawString(left, top, running_head)
        canvas.drawRightString(right, top, str(doc.page))
        canvas.restoreState()

    return first, later


def trajectory_start(store: Store, consultation_id: str, instrument: Instrument) -> Consultation | None:
    """The start conversation of an end conversation's trajectory, for `render_handout(start=)`;
    None for any other conversation, or when there is no (other) start."""
    from pgdesk.storage.trajectories import trajectory_of  # storage: only for this look-up

    row = store.db.execute("SELECT type FROM consultations WHERE id = ?",
                           [consultation_id]).fetchone()
    if row is None or row[0] != "eind":
        return None
    trajectory = trajectory_of(store, consultation_id, instrument)
    if trajectory is None:
        return None
    first = next((w for w in trajectory.webs if w.type == "start"), None)
    if first is None or first.consultation_id == consultation_id:
        return None
    return store.consultation(first.consultation_id)


def handout_referrals(store: Store, consultation_id: str) -> list[Referral]:
    """The referrals for `render_handout(referrals=)`: those of earlier conversations that are
    still running, then those made in this one, oldest first; one that did not go ahead is
    left out (and an earlier one that was completed), and a service referred to twice is
    listed once."""
    from pgdesk.storage.social_map import follow_ups, referrals_for_consultation

    def key(r: Referral) -> tuple[str, str]:
        return ("service", r.service_id) if r.service_id else ("name", r.name.casefold().strip())

    made = [r for r in referrals_for_consultation(store, consultation_id)
            if r.status != "niet_doorgegaan"]
    seen = {key(r) for r in made}  # referred again today: listed once
    earlier = []
    for r in follow_ups(store, consultation_id):
        if r.is_open and key(r) not in seen:
            seen.add(key(r))
            earlier.append(r)
    return earlier + made


def render_handout(view: ConsultationView, instrument: Instrument, *,
                   start: Consultation | None = None, paper: str = "A4",
                   referrals: Sequence[Referral] = ()) -> bytes:
    """The patient's handout as PDF bytes (A4 or A5, normally one page), built in memory.

    The language is the instrument's: pass ``shipped_instrument("en")`` for English.
    `start` is the start conversation of the trajectory; an end conversation ("eind") then
    shows both webs and what changed. Other conversations ignore it. `referrals` are listed
    at the end with their contact details (see handout_referrals). On A5 the type stays
    large and the web gets smaller; a long plan flows onto a second page."""
    lay = layout_for(paper)
    font, _ = register_fonts()
    buffer = BytesIO()
    professional = view.professional.name.strip() if view.professional else ""
    doc = SimpleDocTemplate(
        buffer,
        pagesize=lay.page,
        leftMargin=lay.margin_x,
        rightMargin=lay.margin_x,
        topMargin=lay.margin_top,
        bottomMargin=lay.margin_bottom,
        title=instrument.text("handout_title"),
        author=professional or instrument.title,
        subject=instrument.title,
        creator="pgdesk",
        lang=_PDF_LANG.get(instrument.language, instrument.language),
        displayDocTitle=1,
        initialFontName=font,
        initialFontSize=lay.body,
    )
    head = "  ·  ".join(p for p in (view.patient.display_name.strip(),
                                   format_date(view.consultation.date)) if p)
    first, later = _page_decor(instrument.text("footer"), head, lay)
    doc.build(_fitted_story(view, instrument, start, lay, referrals), onFirstPage=first,
              onLaterPages=later)
    return buffer.getvalue()


def _story_height(story: list, lay: Layout = A4_LAYOUT) -> float:
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(lay.frame_w, lay.page_h)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _fit_radius(view: ConsultationView, instrument: Instrument, start: Consultation | None,
                lay: Layout, referrals: Sequence[Referral], full: float) -> float | None:
    """The largest web radius (from `full` down to the layout's minimum) at which the whole
    story fits on one page, or None."""
    radius = full
    while True:
        story = handout_story(view, instrument, start=start, radius=radius, layout=lay,
                              referrals=referrals)
        height = _story_height(story, lay)
        if height <= lay.room:
            return radius
        if radius <= lay.compare_radius_min:
            return radius if height <= lay.room + 6 else None  # just fits, without the slack
        radius = max(lay.compare_radius_min, radius - 4)


def _fitted_story(view: ConsultationView, instrument: Instrument,
                  start: Consultation | None, lay: Layout = A4_LAYOUT,
                  referrals: Sequence[Referral] = ()) -> list:
    """The story; the web made smaller (within limits) until the page holds it all.

    On A4 only an end handout (two webs and what changed) or one with referrals needs that;
    on A5 any handout may. When even the smallest web leaves too much, the text flows onto a
    second page; referrals that do not fit on the first page start the second one together
    (the first page is then fitted as if they were not there)."""
    compare = compares_with_start(view, instrument, start)
    full = lay.compare_radius if compare else lay.web_radius
    radius = None
    if referrals:
        radius = _fit_radius(view, instrument, start, lay, referrals, full)
    if radius is None and (compare or lay.paper != "A4"):
        radius = _fit_radius(view, instrument, start, lay, (), full)
    # two pages whatever the web's size: then it may as well be easy to read
    return handout_story(view, instrument, start=start, radius=radius or full, layout=lay,
                         referrals=referrals)
