"""The handout's building blocks: pictograms, a section under a pictogram and heading, a short
fact row, and the services that can help with how to reach them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from math import cos, sin
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Polygon, Rect, Wedge
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.platypus import Flowable, Table

from pgdesk.reports.bidi import Paragraph, fixed_paragraph
from pgdesk.reports.handout_layout import A4_LAYOUT, ICON, Layout
from pgdesk.reports.kit import (
    ACCENT,
    ACCENT_SOFT,
    CondPageBreak,
    Picture,
    Spacer,
    drawing,
    escape,
    markup,
    plain_table_style,
)

if TYPE_CHECKING:  # a type only: the first handout of a session imports less
    from pgdesk.domain.social_map import Referral


@cache
def icon(kind: str, size: float = ICON) -> Drawing:
    """A small, plain pictogram on a soft disc (drawn on 30 x 30, shown `size` points wide);
    made once per process and shared, so its PDF operators are worked out once (kit.Picture)."""
    d = drawing(30, 30, Picture)
    d.scale(size / 30, size / 30)
    d.width = d.height = size
    d.add(icon_group(kind))
    return d


def icon_group(kind: str) -> Group:
    """The pictogram's shapes on 30 x 30, to place in a drawing of one's own (the web)."""
    d = Group()
    c = 15
    d.add(Circle(c, c, c, fillColor=ACCENT_SOFT, strokeColor=None))
    ink = {"fillColor": ACCENT, "strokeColor": None}
    line = {"strokeColor": ACCENT, "strokeWidth": 2, "strokeLineCap": 1}
    if kind == "heart":
        d.add(Circle(11.6, 17.6, 4.1, **ink))
        d.add(Circle(18.4, 17.6, 4.1, **ink))
        d.add(Polygon([7.7, 16.2, 22.3, 16.2, 15, 7.8], **ink))
        d.add(Rect(11.6, 14.5, 6.8, 5, **ink))
    elif kind == "star":  # what already goes well
        d.add(Polygon([15, 24, 17.6, 17.8, 24, 17.6, 19, 13.4, 20.8, 6.5, 15, 10.4, 9.2, 6.5,
                       11, 13.4, 6, 17.6, 12.4, 17.8], **ink))
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
    elif kind == "sun":  # how good life is
        d.add(Circle(15, 15, 5, **ink))
        for n in range(8):
            a = n * 3.14159 / 4
            d.add(Line(15 + 7.5 * cos(a), 15 + 7.5 * sin(a), 15 + 10 * cos(a), 15 + 10 * sin(a), **line))
    elif kind == "people":  # taking part with others
        for x, r in ((11, 3.4), (19, 3.4)):
            d.add(Circle(x, 18.5, r, **ink))
            d.add(Wedge(x, 7, 6.2, 0, 180, **ink))
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


class IconRow(Flowable):
    """Flowables side by side in columns of the given widths, placed exactly as a one-row Table
    with no padding (and `pads` above them) would place them, for a fraction of its work: a
    handout has a dozen of these rows (pictogram, heading, answer). The row is as high as its
    tallest cell, or `height`; each cell sits at its top or in its middle (`valign`)."""

    def __init__(self, cells: list, widths: list[float], *, valign: str = "MIDDLE",
                 height: float | None = None, pads: list[float] | None = None,
                 align: str = "CENTER") -> None:
        super().__init__()
        self.cells, self.widths, self.valign, self.fixed = cells, widths, valign, height
        self.pads = pads or [0.0] * len(cells)
        self.hAlign = align
        self.sizes: list[tuple[float, float]] = []
        self._for: float | None = None

    def wrap(self, avail_width, avail_height):
        if self._for == avail_width:  # measured to fit the page, now laid out: the same again
            return self.width, self.height
        self.sizes = [cell.wrapOn(self.canv if hasattr(self, "canv") else None, width,
                                  avail_height - pad)
                      for cell, width, pad in zip(self.cells, self.widths, self.pads, strict=True)]
        self.width = sum(self.widths)
        self.height = self.fixed if self.fixed is not None else max(
            h + pad for (_, h), pad in zip(self.sizes, self.pads, strict=True))
        self._for = avail_width
        return self.width, self.height

    def draw(self) -> None:
        x = 0.0
        for cell, width, pad, (_, h) in zip(self.cells, self.widths, self.pads, self.sizes,
                                            strict=True):
            room = self.height - pad - h
            cell.drawOn(self.canv, x, room if self.valign == "TOP" else room / 2)
            x += width


def section(kind: str, heading: str, body: list, st: dict, lay: Layout = A4_LAYOUT, *,
             keep: float | None = None) -> list:
    # the row is one heading line high; the pictogram, centred on it, reaches a little into
    # the white space above and into the empty margin left of the answer
    head = IconRow(mirrored([icon(kind, lay.icon), fixed_paragraph(escape(heading), st["heading"])], lay),
                   mirrored([lay.indent, lay.frame_w - lay.indent], lay), height=st["heading"].leading)
    # never a heading alone at the foot of a page: start a new page unless the heading and
    # two lines of the answer (or the first `keep` points of it) fit; after that a long answer
    # simply flows on
    gap = 10 * lay.space
    need = gap + st["heading"].leading + 2 + (2 * st["body"].leading if keep is None else keep)
    return [CondPageBreak(need), Spacer(1, gap), head, Spacer(1, 2), *body]


def mirrored(cells: list, lay: Layout) -> list:
    """A row's cells from right to left when the page reads that way (pictogram on the right)."""
    return cells[::-1] if lay.rtl else cells


@lru_cache(maxsize=16)
def _fact_style(body: ParagraphStyle) -> ParagraphStyle:
    """The body style without the indent for the pictograms: one per layout's (shared) styles."""
    return ParagraphStyle("fact", parent=body, leftIndent=0, rightIndent=0)


def fact_row(kind: str, heading: str, value: str, label_w: float, st: dict,
              lay: Layout = A4_LAYOUT) -> IconRow | None:
    """Pictogram, heading and answer on one row; None if the answer is too long for that."""
    value_w = lay.frame_w - lay.indent - label_w
    body_style = _fact_style(st["body"])
    body = Paragraph(markup(value), body_style)
    _, h = body.wrap(value_w, lay.page_h)
    if h > 3.2 * body_style.leading:
        return None
    # centre the pictogram on the heading's line, and put heading and answer on one baseline
    head = st["fact_heading"]
    head_pad = (lay.icon - head.leading) / 2
    body_pad = head_pad + (getAscent(head.fontName, head.fontSize)
                           - getAscent(body_style.fontName, body_style.fontSize))
    return IconRow(mirrored([icon(kind, lay.icon), fixed_paragraph(escape(heading), head), body], lay),
                   mirrored([lay.indent, label_w, value_w], lay), valign="TOP",
                   pads=mirrored([0, head_pad, body_pad], lay), align="RIGHT" if lay.rtl else "LEFT")


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """'<b>label</b> value' with both parts printed literally."""
    head = f"<b>{escape(label)}</b> " if label else ""
    return Paragraph(head + markup(value), style)


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


def referral_names(referrals: Sequence[Referral], st: dict, lay: Layout = A4_LAYOUT) -> list:
    """Only the services' names (and organisations), one line each: who helps, on page 1, when
    the contact details follow on page 2."""
    out = []
    style = st["bullet"]
    for r in referrals:
        name = " ".join(r.name.split()) or " ".join(r.organisation.split())
        org = " ".join(r.organisation.split())
        if org and org.casefold() != name.casefold():
            name = f"{name} ({org})"
        if name:
            out.append(Paragraph(_hyphenated(name, style, lay.frame_w - 2), style, bulletText="•"))
    return out


def referral_block(referral: Referral, st: dict, lay: Layout, beside: bool) -> Table | None:
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


def referral_section(referrals: Sequence[Referral], heading: str, st: dict,
                     lay: Layout = A4_LAYOUT, *, lead: Sequence = ()) -> list:
    """Per service its name, organisation and how to reach it, under `heading`, after `lead`
    (the helper agreed in the plan)."""
    beside = _contact_beside(referrals, st, lay)
    blocks = [b for b in (referral_block(r, st, lay, beside) for r in referrals) if b is not None]
    if not blocks:
        return []
    body: list = list(lead)
    for n, block in enumerate(blocks):
        if n:
            body.append(Spacer(1, lay.referral_gap))
        body.append(block)
    # the services stay together with their heading: if they do not all fit under the plan they
    # start the next page (unless they are more than a page)
    whole = sum(f.wrap(lay.frame_w, lay.page_h)[1] for f in body)
    keep = min(whole, lay.room - 10 * lay.space - st["heading"].leading - 2 - 12)
    return section("signpost", heading, body, st, lay, keep=keep)
