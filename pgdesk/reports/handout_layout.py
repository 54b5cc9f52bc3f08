"""The handout's page formats (A4 and A5): margins, type sizes, web size, and the paragraph styles
that follow from them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.kit import (
    ACCENT,
    BODY_SIZE,
    FRAME_PAD,
    INK,
    LABEL_SIZE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MIN_LABEL_SIZE,
    MUTED,
)

TITLE_SIZE = 24
HEADING_SIZE = 16
FACT_SIZE = 14.5  # the short 'who / when / next' rows
NOTE_SIZE = 11.5
BADGE_SIZE = 11
LEGEND_SIZE = 12.5

WEB_RADIUS = 78
# the end handout has a few lines more: its web starts a little smaller and shrinks further,
# down to the minimum, while that keeps the page to one sheet
COMPARE_RADIUS = 72
COMPARE_RADIUS_MIN = 60
ICON = 28  # pictogram box (points)


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
    rtl: bool = False  # right to left (Arabic): text right-aligned, pictograms on the right
    large: bool = False  # large print: no text under LARGE_MIN points

    @property
    def page_w(self) -> float:
        return self.page[0]

    @property
    def page_h(self) -> float:
        return self.page[1]

    @property
    def frame_w(self) -> float:
        # to the last bit as reportlab's frame works it out, so a paragraph measured at this
        # width keeps its lines when the frame lays it out (bidi.Paragraph.wrap)
        width = (self.page_w - self.margin_x) - self.margin_x
        return (self.margin_x + width) - self.margin_x - FRAME_PAD - FRAME_PAD

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
    legend=LEGEND_SIZE, footer=12.5, web_radius=WEB_RADIUS,
    compare_radius=COMPARE_RADIUS, compare_radius_min=COMPARE_RADIUS_MIN, icon=ICON,
)
# A5 (148 x 210 mm): the same content; type stays large enough to read (body 12 pt, nothing
# under 11 pt), margins, pictograms and the web are smaller, and the spacing is tighter
A5_LAYOUT = Layout(
    paper="A5", page=A5, margin_x=11 * mm, margin_top=8 * mm, margin_bottom=14 * mm,
    title=18, who=13.5, heading=13.5, fact=12.5, body=12, note=11, label=11.5, min_label=11,
    badge=11, legend=11, footer=11, web_radius=58, compare_radius=54,
    compare_radius_min=48, icon=20, space=0.5, label_gap=(13, 10), footer_y=6.5 * mm,
    referral_name=12.5, contact=12, referral_gap=5, referral_columns=False,
)
# Large print ("grote letters"), always on A4: no text under 16 pt, a smaller web so its names
# fit at that size, and the scores also as a table
LARGE_MIN = 16
LARGE_LAYOUT = Layout(
    paper="A4", page=A4, margin_x=16 * mm, margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM + 3 * mm,
    title=30, who=20, heading=21, fact=19, body=18, note=LARGE_MIN, label=LARGE_MIN + 1,
    min_label=LARGE_MIN, badge=LARGE_MIN, legend=LARGE_MIN, footer=LARGE_MIN, web_radius=70,
    compare_radius=66, compare_radius_min=56, icon=34, space=1.1, label_gap=(20, 13),
    referral_name=19, contact=LARGE_MIN + 1, referral_columns=False, large=True,
)
LAYOUTS = {"A4": A4_LAYOUT, "A5": A5_LAYOUT}
PAPERS = tuple(LAYOUTS)


def paper_name(paper: str) -> str:
    """'A4' or 'A5' from any case; anything else is a ValueError."""
    name = str(paper).strip().upper()
    if name not in PAPERS:
        raise ValueError(f"onbekend papierformaat: {paper!r} (A4 of A5)")
    return name


def layout_for(paper: str, *, large: bool = False, rtl: bool = False) -> Layout:
    """The layout of this paper; large print is always A4 (A5 would hold too little)."""
    lay = LARGE_LAYOUT if large else LAYOUTS[paper_name(paper)]
    return replace(lay, rtl=rtl) if rtl else lay


@cache
def styles(lay: Layout = A4_LAYOUT) -> dict[str, ParagraphStyle]:
    """The paragraph styles of this layout, made once per process and shared by every handout:
    never change them (derive with ParagraphStyle(parent=...)). Shared styles also let
    bidi.fixed_paragraph reuse the parsed form of the instrument's fixed texts."""
    base = _styles(lay)
    if not lay.rtl:
        return base
    # right to left: every text right-aligned, the indent for the pictograms on the right
    for st in base.values():
        if st.alignment != TA_CENTER:
            st.alignment = TA_RIGHT
        st.leftIndent, st.rightIndent = st.rightIndent, st.leftIndent
    return base


def _styles(lay: Layout) -> dict[str, ParagraphStyle]:
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
                                 bulletFontSize=lay.body if lay.large else min(lay.body, 11)),
        "note": ParagraphStyle("note", fontName=font, fontSize=lay.note,
                               leading=lay.note * 1.3, textColor=MUTED, alignment=TA_CENTER),
        "legend": ParagraphStyle("legend", fontName=font, fontSize=lay.legend,
                                 leading=lay.legend * 1.2, textColor=INK),
        "referral_name": ParagraphStyle("referral_name", fontName=bold, fontSize=lay.referral_name,
                                        leading=lay.referral_name * 1.25, textColor=INK,
                                        leftIndent=indent),
        "contact": ParagraphStyle("contact", fontName=font, fontSize=lay.contact,
                                  leading=lay.contact * 1.3, textColor=INK, leftIndent=indent),
        "small": ParagraphStyle("small", fontName=font, fontSize=lay.note,
                                leading=lay.note * 1.3, textColor=MUTED, leftIndent=indent),
        "contact_beside": ParagraphStyle("contact_beside", fontName=font, fontSize=lay.contact,
                                         leading=lay.contact * 1.3, textColor=INK),
    }
