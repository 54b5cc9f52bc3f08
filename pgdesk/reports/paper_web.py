"""The blank paper web: one sheet (A4 or A5) the patient fills in at home or in the waiting room.

A title in plain words, a line for name and date, a one-line instruction, the web with its spokes
marked 0 to 10, each dimension's name large at the end of its spoke with its aspects (the
instrument's own plain words) right beside it, and lines to write "Waar wil ik over praten?".
Every fixed text comes from the instrument's "texts" (a practice's own file without them borrows
the shipped ones), so the sheet follows the instrument's language and its dimensions (three or
more). Built in memory with reportlab; it holds no patient data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from io import BytesIO

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from pgdesk.domain.geometry import spoke
from pgdesk.domain.instrument import SCALE_MAX, Aspect, Dimension, Instrument
from pgdesk.domain.practice import PracticeDetails
from pgdesk.reports.aspect_icons import aspect_icon
from pgdesk.reports.bidi import Paragraph, visual
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.handout_layout import paper_name
from pgdesk.reports.kit import (
    ACCENT,
    FRAME_PAD,
    INK,
    MUTED,
    PDF_LANG,
    RING_OUTER,
    drawing,
    escape,
    label_lines,
    plain_table_style,
    two_lines,
    wrap_words,
)
from pgdesk.reports.kit import text as instrument_text

TICK = colors.HexColor("#5f6f7f")  # spokes and their marks: clearly visible, not heavy
FAINT = colors.HexColor("#dfe5eb")  # the rings at every whole number
ASPECT_INK = colors.HexColor("#333333")  # the aspects: a little quieter than the names


@dataclass(frozen=True)
class Sheet:
    """Sizes for one paper format."""

    paper: str
    page: tuple[float, float]
    margin: float
    title: float
    body: float
    label: float  # dimension names
    min_label: float
    aspect: float
    aspect_width: float  # the column of aspects beside a side spoke
    number: float  # the numbers along the spokes
    every: int  # a number at every n-th mark (there is a mark at every whole number)
    radius: float  # the largest web
    min_radius: float
    talk_lines: int
    line_gap: float  # between the lines to write on
    footer: float
    space: float = 1.0  # vertical spacing, relative to A4
    # A5 is too narrow for the aspects beside a web still large enough to fill in: there they
    # go on the back, one per line and as large as the rest
    aspects_on_back: bool = False
    back_aspect: float = 11
    footer_lines: int = 1  # the practice's line and the source line come under the first
    large: bool = False  # large print: nothing under 16 pt
    rtl: bool = False  # right to left (Arabic): the texts right-aligned

    @property
    def frame_w(self) -> float:
        return self.page[0] - 2 * self.margin - 2 * FRAME_PAD

    @property
    def bottom_margin(self) -> float:
        # the footer lines sit under the frame
        return self.margin + 3 * mm + (self.footer_lines - 1) * self.footer * 1.25

    @property
    def frame_h(self) -> float:
        return self.page[1] - self.margin - self.bottom_margin - 2 * FRAME_PAD


SHEETS = {
    "A4": Sheet(paper="A4", page=A4, margin=14 * mm, title=26, body=14, label=15, min_label=12.5,
                aspect=10.5, aspect_width=132, number=10, every=2, radius=175, min_radius=100,
                talk_lines=4, line_gap=26, footer=11.5),
    "A5": Sheet(paper="A5", page=A5, margin=10 * mm, title=20, body=12, label=11.5, min_label=11,
                aspect=9, aspect_width=88, number=8.5, every=2, radius=125, min_radius=70,
                talk_lines=3, line_gap=22, footer=10, space=0.8, aspects_on_back=True),
}
# Large print, A4 only: every text at least 16 pt; the aspects go on the back, as on A5
LARGE_SHEET = Sheet(paper="A4", page=A4, margin=14 * mm, title=30, body=18, label=18, min_label=16,
                    aspect=16, aspect_width=132, number=16, every=2, radius=150, min_radius=90,
                    talk_lines=3, line_gap=34, footer=16, space=1.1, aspects_on_back=True,
                    back_aspect=17, large=True)
PAPERS = tuple(SHEETS)


def sheet_for(paper: str) -> Sheet:
    """The sizes of 'A4' or 'A5' (any case); anything else is a ValueError."""
    return SHEETS[paper_name(paper)]


# --- the web --------------------------------------------------------------------------------


def _is_side(ux: float) -> bool:
    """Spokes pointing sideways get their text beside them; the others above or below."""
    return abs(ux) >= 0.25


# A block of text: (text, font, size, colour, advance to the next line)
Block = list[tuple[str, str, float, object, float]]


def _inline_items(items: list[str], font: str, size: float, width: float) -> list[str]:
    """'Slapen · Eten · Bewegen' in lines of at most `width`; an aspect is only cut when it is
    wider than a line by itself."""
    lines: list[str] = []
    current = ""
    for item in items:
        trial = f"{current} · {item}" if current else item
        if current and stringWidth(trial, font, size) > width:
            lines.append(current + " ·")
            current = ""
            trial = item
        if stringWidth(trial, font, size) > width:
            *full, current = wrap_words(trial, font, size, width)
            lines += full
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _balanced_items(items: list[str], font: str, size: float, width: float) -> list[str]:
    """As _inline_items, with the lines made about equally long (no lone word on the last)."""
    lines = _inline_items(items, font, size, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    while high - low > 2:
        mid = (low + high) / 2
        if len(_inline_items(items, font, size, mid)) > len(lines):
            low = mid
        else:
            high = mid
    return _inline_items(items, font, size, high)


def _clause_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """A short instruction in lines that break after a sentence or a colon where they can:
    'Zet bij elk onderwerp een stip:' / '0 is heel slecht, 10 is heel goed. Verbind de stippen.'"""
    clauses = re.split(r"(?<=[.:;!?])\s+", " ".join(text.split()))
    lines: list[str] = []
    for clause in clauses:
        trial = f"{lines[-1]} {clause}" if lines else clause
        if lines and stringWidth(trial, font, size) <= width:
            lines[-1] = trial
        else:
            lines += wrap_words(clause, font, size, width)
    return lines


def _block(dim: Dimension, width: float, sheet: Sheet, *, side: bool,
           with_aspects: bool) -> Block:
    """The dimension's name (on one or two lines) and, under it, its aspects: one per line
    beside a side spoke, in a row above or below the web."""
    font, bold = register_fonts()
    lines, size = label_lines(dim.name, bold, width, sheet.label, sheet.min_label)
    block: Block = [(line, bold, size, INK, size * 1.18) for line in lines]
    if not with_aspects or not dim.aspects:
        return block
    a = sheet.aspect
    lead = a * 1.22
    items = [" ".join(x.name.split()) for x in dim.aspects]
    name, _, _, _, _ = block[-1]
    block[-1] = (name, bold, size, INK, size * 1.18 + a * 0.25)  # a little air under the name
    if side:
        for item in items:
            wrapped = wrap_words(item, font, a, width)
            for k, line in enumerate(wrapped):
                # a little more room between two aspects than inside one
                block.append((line, font, a, ASPECT_INK, lead + (a * 0.2 if k == len(wrapped) - 1
                                                                 else 0)))
    else:
        for line in _balanced_items(items, font, a, width):
            block.append((line, font, a, ASPECT_INK, lead))
    return block


def _block_height(block: Block) -> float:
    """From the top of the first line to the bottom of the last."""
    if not block:
        return 0.0
    return sum(adv for *_, adv in block[:-1]) + block[0][2] * 0.95 + block[-1][2] * 0.25


def _draw_block(g: Group, block: Block, x: float, top: float, anchor: str) -> None:
    y = top - block[0][2] * 0.95 if block else top
    for text, face, size, fill, advance in block:
        g.add(String(x, y, visual(text), fontName=face, fontSize=size, fillColor=fill, textAnchor=anchor))
        y -= advance


def _name_width(dim: Dimension, sheet: Sheet) -> float:
    """What a dimension's name needs across at full size: one line, or the wider of two."""
    _, bold = register_fonts()
    name = " ".join(dim.name.split())
    lines = two_lines(name, bold, sheet.label, 10_000) if " " in name else None
    widest = max(stringWidth(x, bold, sheet.label) for x in (lines or [name]))
    return min(widest, stringWidth(name, bold, sheet.label)) + 2


def web_radius_for(instrument: Instrument, width: float, sheet: Sheet, with_aspects: bool) -> float:
    """The largest web that leaves the text beside the side spokes its column."""
    dims = instrument.dimensions
    n = len(dims)
    side = [i for i in range(n) if _is_side(spoke(i, n)[0])]
    if not side:
        return sheet.radius
    reach = max(abs(spoke(i, n)[0]) for i in side)
    column = max(_name_width(dims[i], sheet) for i in side)
    if with_aspects:
        column = max(column, sheet.aspect_width)
    return max(sheet.min_radius, min(sheet.radius, (width / 2 - _clear(sheet) - column) / reach))


def _ring_x(radius: float, top: float, bottom: float) -> float:
    """How far out the outer ring reaches between heights `bottom` and `top`."""
    if bottom <= 0 <= top:
        return radius
    nearest = min(abs(top), abs(bottom))
    return math.sqrt(radius * radius - nearest * nearest) if nearest < radius else 0.0


def _clear(sheet: Sheet) -> float:
    """From a spoke's end to its text: room for the number 10 there."""
    return 9 + sheet.number


def blank_web(instrument: Instrument, width: float, radius: float, sheet: Sheet, *,
              with_aspects: bool = True) -> Drawing:
    """Spokes with a mark at each whole number and (every `sheet.every`) the number, faint rings
    to follow round, and each dimension's name large at the end of its spoke with its aspects."""
    font, bold = register_fonts()
    dims = instrument.dimensions
    n = len(dims)
    R = radius
    step = R / SCALE_MAX
    g = Group()

    for k in range(1, SCALE_MAX + 1):
        last = k == SCALE_MAX
        g.add(Circle(0, 0, step * k, fillColor=None, strokeColor=RING_OUTER if last else FAINT,
                     strokeWidth=1.3 if last else (0.9 if k == SCALE_MAX // 2 else 0.6)))
    mark = 3.2 if sheet.paper == "A4" else 2.6
    for i in range(n):
        ux, uy = spoke(i, n)
        px, py = uy, -ux  # across the spoke, to its clockwise side
        g.add(Line(0, 0, R * ux, R * uy, strokeColor=TICK, strokeWidth=1.1))
        for k in range(1, SCALE_MAX + 1):
            x, y = step * k * ux, step * k * uy
            half = mark * (1.5 if k in (5, 10) else 1)
            g.add(Line(x - px * half, y - py * half, x + px * half, y + py * half,
                       strokeColor=TICK, strokeWidth=1.1))
            if k % sheet.every == 0 or k == SCALE_MAX:
                off = half + 2 + sheet.number * 0.5
                face = bold if k == SCALE_MAX else font
                cx, cy = x + px * off, y + py * off
                # on white, so a ring running through it does not make it hard to read
                w = stringWidth(str(k), face, sheet.number) + 2
                h = sheet.number * 0.8
                g.add(Rect(cx - w / 2, cy - h / 2, w, h, fillColor=colors.white, strokeColor=None))
                g.add(String(cx, cy - sheet.number * 0.36, str(k), fontName=face,
                             fontSize=sheet.number, fillColor=INK, textAnchor="middle"))
    # the 0 in the middle, once
    g.add(Circle(0, 0, sheet.number * 0.95, fillColor=colors.white, strokeColor=TICK,
                 strokeWidth=1.1))
    g.add(String(0, -sheet.number * 0.36, "0", fontName=bold, fontSize=sheet.number,
                 fillColor=INK, textAnchor="middle"))

    half_w = width / 2
    clear = _clear(sheet)
    # beside the side spokes: the name level with the spoke's end, the aspects under it; blocks
    # on the same side move down just as far as they must to stay clear of each other
    # (and, where a block reaches down or up past the spoke's end, clear of the ring there)
    def side_block(dim: Dimension, x: float) -> Block:
        room = min(half_w - x - 2, sheet.aspect_width * 1.5)
        return _block(dim, room, sheet, side=True, with_aspects=with_aspects)

    sides: dict[int, list] = {1: [], -1: []}
    for i, dim in enumerate(dims):
        ux, uy = spoke(i, n)
        if not _is_side(ux):
            continue
        x = R * abs(ux) + clear
        block = side_block(dim, x)
        name_h = sum(line[4] for line in block if line[1] == bold)
        sides[1 if ux > 0 else -1].append((R * uy + name_h / 2, x, block, dim))
    placed = []  # (inner x, top, bottom) of each side block
    for sign, blocks in sides.items():
        bottom = math.inf
        for wanted, x, block, dim in sorted(blocks, key=lambda b: -b[0]):
            for _ in range(3):
                top = min(wanted, bottom - 8)
                need = _ring_x(R, top, top - _block_height(block)) + 7
                if x >= need - 0.5:
                    break
                x = need
                block = side_block(dim, x)
            _draw_block(g, block, sign * x, top, "start" if sign > 0 else "end")
            bottom = top - _block_height(block)
            placed.append((x, top, bottom))

    # above and below: the name, then the aspects in a row (above the web they end just over it)
    for i, dim in enumerate(dims):
        ux, uy = spoke(i, n)
        if _is_side(ux):
            continue
        block = _block(dim, 2 * half_w - 8, sheet, side=False, with_aspects=with_aspects)
        height = _block_height(block)
        top = R + clear - 4 + height if uy > 0 else -(R + clear - 2)
        bottom = top - height
        # narrower where a side block is level with it
        inner = [x for x, t, b in placed if t > bottom - 4 and b < top + 4]
        if inner:
            block = _block(dim, 2 * min(inner) - 16, sheet, side=False, with_aspects=with_aspects)
            height = _block_height(block)
            top = R + clear - 4 + height if uy > 0 else -(R + clear - 2)
        _draw_block(g, block, R * ux, top, "middle")

    x0, y0, x1, y1 = g.getBounds()
    pad = 2
    g.translate(half_w, pad - y0)
    d = drawing(width, (y1 - y0) + 2 * pad)
    d.add(g)
    d.hAlign = "CENTER"
    return d


# --- the sheet ------------------------------------------------------------------------------


def _plain(style: list | None = None) -> TableStyle:
    return plain_table_style("BOTTOM", style)


def _styles(sheet: Sheet) -> dict[str, ParagraphStyle]:
    found = _ltr_styles(sheet)
    for st in found.values() if sheet.rtl else ():
        if st.alignment != TA_CENTER:
            st.alignment = TA_RIGHT
    return found


def _ltr_styles(sheet: Sheet) -> dict[str, ParagraphStyle]:
    font, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=sheet.title,
                                leading=sheet.title * 1.15, textColor=ACCENT),
        "body": ParagraphStyle("body", fontName=font, fontSize=sheet.body,
                               leading=sheet.body * 1.3, textColor=INK),
        "field": ParagraphStyle("field", fontName=bold, fontSize=sheet.body,
                                leading=sheet.body * 1.2, textColor=INK),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=sheet.body + 1,
                                  leading=(sheet.body + 1) * 1.2, textColor=ACCENT),
        "see_back": ParagraphStyle("see_back", fontName=font, fontSize=sheet.body - 1,
                                   leading=(sheet.body - 1) * 1.25, textColor=MUTED,
                                   alignment=TA_CENTER),
        "aspect_head": ParagraphStyle("aspect_head", fontName=bold, fontSize=sheet.back_aspect + 1.5,
                                      leading=(sheet.back_aspect + 1.5) * 1.25, textColor=INK,
                                      spaceAfter=2),
        "bullet": ParagraphStyle("bullet", fontName=font, fontSize=sheet.back_aspect,
                                 leading=sheet.back_aspect * 1.3, textColor=INK, leftIndent=12,
                                 bulletIndent=1, bulletFontName=font,
                                 bulletFontSize=sheet.back_aspect if sheet.large else 10),
    }


def _name_and_date(instrument: Instrument, st: dict, width: float) -> Table:
    """'Naam ______________   Datum __________' with lines to write on."""
    name, date = instrument_text(instrument, "paper_name"), instrument_text(instrument, "paper_date")
    field = st["field"]
    name_w = stringWidth(name, field.fontName, field.fontSize) + 8
    date_w = stringWidth(date, field.fontName, field.fontSize) + 8
    gap = 18
    rest = width - name_w - date_w - gap
    cells = [Paragraph(escape(name), field), "", "", Paragraph(escape(date), field), ""]
    widths = [name_w, rest * 0.62, gap, date_w, rest * 0.38]
    lines = (1, 4)
    if instrument.rtl:  # read from the right: the name first, each label right of its line
        cells, widths, lines = cells[::-1], widths[::-1], (3, 0)
    table = Table([cells], colWidths=widths, rowHeights=[field.leading + 8])
    table.setStyle(_plain([("LINEBELOW", (col, 0), (col, 0), 0.9, TICK) for col in lines]))
    return table


def _talk(instrument: Instrument, sheet: Sheet, st: dict, width: float, lines: int) -> list:
    """'Waar wil ik over praten?' with lines to write on."""
    rows = Table([[""] for _ in range(lines)], colWidths=[width],
                 rowHeights=[sheet.line_gap] * lines)
    rows.setStyle(_plain([("LINEBELOW", (0, 0), (-1, -1), 0.8, RING_OUTER)]))
    return [Paragraph(escape(instrument_text(instrument, "paper_talk")), st["heading"]), rows]


def _aspect_line(aspect: Aspect, st: dict, width: float, rtl: bool):
    """An aspect on the back: its pictogram beside its name where the variant has one (eenvoudig,
    kind), else a bullet."""
    name = Paragraph(escape(" ".join(aspect.name.split())), st["bullet"].clone("aspect", leftIndent=0))
    # letter-high and close to the words: the back keeps about the length it has with bullets
    # (in large print it must still fit on one page)
    size = st["bullet"].fontSize
    icon = aspect_icon(aspect.icon, size) if aspect.icon else None
    if icon is None:
        return Paragraph(escape(" ".join(aspect.name.split())), st["bullet"], bulletText="•")
    cells, widths = [icon, name], [size + 3, width - size - 3]
    row = Table([cells[::-1] if rtl else cells], colWidths=widths[::-1] if rtl else widths,
                hAlign="LEFT")
    row.setStyle(_plain([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return row


def has_aspect_pictograms(instrument: Instrument) -> bool:
    """Eenvoudig and kind: aspects with pictograms go on the back, one a line beside their
    pictogram, and the front keeps only the names around the web."""
    return any(a.icon for d in instrument.dimensions for a in d.aspects)


def _aspects_page(instrument: Instrument, sheet: Sheet, st: dict, width: float) -> list:
    """The back of the sheet: per dimension its name and its aspects, one per line."""
    dims = [d for d in instrument.dimensions if d.aspects]
    if not dims:
        return []
    cols, gap = 2, 18
    col_w = (width - gap) / cols
    cells = [[Paragraph(escape(d.name), st["aspect_head"]),
              *(_aspect_line(a, st, col_w, sheet.rtl) for a in d.aspects)] for d in dims]
    rows = [cells[k:k + cols] for k in range(0, len(cells), cols)]
    rows = [[row[0], "", row[1] if len(row) > 1 else ""] for row in rows]
    table = Table(rows, colWidths=[col_w, gap, col_w], hAlign="LEFT")
    table.setStyle(_plain([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    return [PageBreak(), Paragraph(escape(instrument_text(instrument, "paper_aspects_lead")), st["heading"]),
            Spacer(1, 10), table]


def paper_web_story(instrument: Instrument, sheet: Sheet, *, with_aspects: bool = True,
                    radius: float | None = None, talk_lines: int | None = None) -> list:
    st = _styles(sheet)
    width = sheet.frame_w
    space = sheet.space
    back = with_aspects and (sheet.aspects_on_back or has_aspect_pictograms(instrument))
    beside = with_aspects and not back
    if radius is None:
        radius = web_radius_for(instrument, width, sheet, beside)
    return [
        Paragraph(escape(instrument_text(instrument, "paper_title")), st["title"]),
        Spacer(1, 6 * space),
        _name_and_date(instrument, st, width),
        Spacer(1, 12 * space),
        Paragraph("<br/>".join(escape(line) for line in _clause_lines(
            instrument_text(instrument, "paper_instruction"), st["body"].fontName, st["body"].fontSize,
            width - 2)), st["body"]),
        Spacer(1, 10 * space),
        blank_web(instrument, width, radius, sheet, with_aspects=beside),
        *([Spacer(1, 6 * space), Paragraph(escape(instrument_text(instrument, "paper_see_back")),
                                           st["see_back"])] if back else []),
        Spacer(1, 12 * space),
        *_talk(instrument, sheet, st, width, talk_lines or sheet.talk_lines),
        *(_aspects_page(instrument, sheet, st, width) if back else []),
    ]


def _height(story: list, sheet: Sheet) -> float:
    """The height of the story's first page."""
    total = 0.0
    for flowable in story:
        if isinstance(flowable, PageBreak):
            break
        _, h = flowable.wrap(sheet.frame_w, sheet.page[1])
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _fitted(instrument: Instrument, sheet: Sheet, with_aspects: bool) -> list:
    """One page: the largest web the width allows, made smaller only if the page is too short;
    room left over becomes more lines to write on."""
    room = sheet.frame_h - 4
    beside = with_aspects and not (sheet.aspects_on_back or has_aspect_pictograms(instrument))
    radius = web_radius_for(instrument, sheet.frame_w, sheet, beside)
    while True:
        story = paper_web_story(instrument, sheet, with_aspects=with_aspects, radius=radius)
        height = _height(story, sheet)
        if height <= room or radius <= sheet.min_radius:
            break
        radius = max(sheet.min_radius, radius - 5)
    # room left over (or short) changes the number of lines to write on, never below two
    extra = math.floor((room - height) / sheet.line_gap)
    lines = max(2, min(sheet.talk_lines + extra, 2 * sheet.talk_lines))
    if lines != sheet.talk_lines:
        story = paper_web_story(instrument, sheet, with_aspects=with_aspects, radius=radius,
                                talk_lines=lines)
    return story


def footer_lines(instrument: Instrument, sheet: Sheet, practice: PracticeDetails | None) -> list[str]:
    """'Neem dit blad mee…', the practice's name and phone number (when known) and the source of
    the web (its short form on A5)."""
    lines = [instrument_text(instrument, "paper_footer")]
    if practice is not None:
        known = "  ·  ".join(v for v in (practice.name, practice.phone, practice.website) if v.strip())
        if known:
            lines.append(known)
    lines.append(instrument_text(instrument, "source_line" if sheet.paper == "A4"
                                 else "source_line_short"))
    return lines


def render_paper_web(instrument: Instrument, *, paper: str = "A4", with_aspects: bool = True,
                     practice: PracticeDetails | None = None, large_print: bool = False) -> bytes:
    """The blank web as PDF bytes, in the instrument's language: one page of A4 with the aspects
    beside the web; on A5, in large print and for a variant with aspect pictograms the aspects
    on a second page, the back (one page without them). The
    practice's name and phone number and the web's source at the foot of every page."""
    sheet = LARGE_SHEET if large_print else sheet_for(paper)
    lines = footer_lines(instrument, sheet, practice)
    font, _ = register_fonts()
    left = sheet.margin + FRAME_PAD
    room = sheet.page[0] - 2 * left
    if sheet.large:  # large letters do not shrink to fit: a long line wraps instead
        lines = [part for line in lines for part in wrap_words(line, font, sheet.footer, room)]
    sheet = replace(sheet, footer_lines=len(lines), rtl=instrument.rtl)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=sheet.page,
        leftMargin=sheet.margin,
        rightMargin=sheet.margin,
        topMargin=sheet.margin,
        bottomMargin=sheet.bottom_margin,
        title=instrument_text(instrument, "paper_title"),
        author=instrument.title,
        subject=instrument.title,
        creator="pgdesk",
        lang=PDF_LANG.get(instrument.language, instrument.language),
        displayDocTitle=1,
        initialFontName=font,
        initialFontSize=sheet.body,
    )

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        y = 7 * mm + (len(lines) - 1) * sheet.footer * 1.25
        for line in lines:
            size = sheet.footer
            while size > (sheet.footer if sheet.large else 8) and stringWidth(line, font, size) > room:
                size -= 0.5  # a long name or address shrinks rather than leaving the page
            canvas.setFont(font, size)
            if instrument.rtl:
                canvas.drawRightString(left + room, y, visual(line))
            else:
                canvas.drawString(left, y, line)
            y -= sheet.footer * 1.25
        canvas.restoreState()

    doc.build(_fitted(instrument, sheet, with_aspects), onFirstPage=decorate,
              onLaterPages=decorate)
    return buffer.getvalue()
