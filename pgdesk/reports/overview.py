"""The practice overview as one A4 page (the "check" of plan-do-check-act): conversations per month
and per role, completed trajectories and their mean change per dimension.

`pgdesk.storage.documents.practice_overview` reads the store (consultations with their
professional's role, and the trajectories of patients who had an end conversation) and
`pgdesk.domain.overview.practice_stats` counts; `render_overview` draws it with reportlab
charts, in memory. No patient appears on the page.
Every fixed word comes from the instrument's "texts". It is an aid for the team, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from pgdesk.domain.dates import format_date
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import ROLE_LABELS_NL
from pgdesk.domain.numbers import format_signed
from pgdesk.domain.overview import (
    UNKNOWN_ROLE,
    PracticeStats,
)
from pgdesk.reports.access_log import build_pdf, fill, report_styles, text
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.kit import ACCENT, FRAME_W, INK, MUTED, RING, drawing, escape

BAR = ACCENT
BAR_SOFT = colors.HexColor("#dbe5ef")  # a lighter bar with a dark edge: tells apart in grey too
GRID = colors.HexColor("#e3e8ee")
NOTICE_BG = colors.HexColor("#f3f6f9")
AXIS_SIZE = 10
VALUE_SIZE = 10.5
BIG_SIZE = 34


# --- words --------------------------------------------------------------------------------


def month_names(instrument: Instrument) -> list[str]:
    names = text(instrument, "overview_months").split()
    if len(names) != 12:
        names = [f"{m:02d}" for m in range(1, 13)]
    return names


def month_label(key: str, instrument: Instrument, *, with_year: bool = False) -> str:
    """'2025-03' as 'mrt', or 'mrt 2025'."""
    try:
        year, month = int(key[:4]), int(key[5:7])
        name = month_names(instrument)[month - 1]
    except (ValueError, IndexError):
        return key
    return f"{name} {year}" if with_year else name


def role_name(role: str, instrument: Instrument) -> str:
    """A professional's role in the document's language (the instrument's `role_<code>` text,
    else the Dutch name of the one role table, domain.models.ROLE_LABELS_NL)."""
    if role == UNKNOWN_ROLE:
        return text(instrument, "overview_role_unknown")
    key = f"role_{role}"
    label = text(instrument, key)
    return label if label != key else ROLE_LABELS_NL.get(role, role)


def period_text(stats: PracticeStats, instrument: Instrument) -> str:
    first, last = stats.months[0][0], stats.months[-1][0]
    return fill(text(instrument, "overview_period"),
                start=month_label(first, instrument, with_year=True),
                end=month_label(last, instrument, with_year=True))


def _nice_max(value: float, steps: int = 4) -> tuple[float, float]:
    """(axis maximum, step): round numbers that hold `value`."""
    value = max(value, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * steps:
            top = step * -(-value // step)
            return float(top), float(step)
    step = 10 ** len(str(int(value // steps)))
    return float(step * -(-value // step)), float(step)


# --- charts -------------------------------------------------------------------------------


def _axis_fonts(chart, font: str) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = AXIS_SIZE
        axis.labels.fillColor = INK
        axis.strokeColor = RING
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = VALUE_SIZE
    chart.barLabels.fillColor = INK


def months_chart(stats: PracticeStats, instrument: Instrument, width: float = FRAME_W,
                 height: float = 128) -> Drawing:
    """Conversations per month: a bar per month, its number on top, the year under January."""
    font, _ = register_fonts()
    d = drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 34, height - 48
    counts = [n for _, n in stats.months]
    chart.data = [counts]
    names = []
    for i, (key, _) in enumerate(stats.months):
        label = month_label(key, instrument)
        names.append(f"{label}\n{key[:4]}" if i == 0 or key.endswith("-01") else label)
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.labels.leading = AXIS_SIZE * 1.15
    chart.categoryAxis.tickDown = 0
    top, step = _nice_max(max(counts, default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleAxis = False
    chart.valueAxis.tickLeft = 0
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 8
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""
    chart.barLabels.nudge = 6
    chart.barLabels.boxAnchor = "s"
    _axis_fonts(chart, font)
    d.add(chart)
    return d


def _label_width(labels: Sequence[str], font: str, size: float) -> float:
    return max((stringWidth(label, font, size) for label in labels), default=0)


def roles_chart(stats: PracticeStats, instrument: Instrument, width: float = FRAME_W) -> Drawing:
    """Conversations per role: a horizontal bar each, most first, the number at its end."""
    font, _ = register_fonts()
    roles = list(stats.roles) or [(UNKNOWN_ROLE, 0)]
    names = [role_name(r, instrument) for r, _ in roles]
    row = 19
    height = row * len(roles) + 8
    label_w = min(_label_width(names, font, AXIS_SIZE + 1) + 10, width * 0.4)
    d = drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 4
    chart.width, chart.height = width - label_w - 40, row * len(roles)
    # the chart draws its first category at the bottom: reverse, so the largest is on top
    chart.data = [[n for _, n in reversed(roles)]]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.tickLeft = 0
    top, step = _nice_max(max((n for _, n in roles), default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 5
    chart.barLabelFormat = "%d"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    _axis_fonts(chart, font)
    chart.categoryAxis.labels.fontSize = AXIS_SIZE + 1
    d.add(chart)
    return d


def changes_chart(stats: PracticeStats, instrument: Instrument, width: float = FRAME_W) -> Drawing:
    """Mean change per dimension: bars right of zero for up, left for down, each labelled '+0,8' /
    '−0,5'; down bars are light with a dark edge, so the two read apart in grey print too."""
    font, bold = register_fonts()
    changes = list(stats.changes)
    names = [c.name for c in changes]
    row = 21
    height = row * len(changes) + 22
    label_w = min(_label_width(names, font, AXIS_SIZE + 1) + 12, width * 0.36)
    largest = max([abs(c.mean) for c in changes if c.mean is not None] + [0.5])
    # whole or half points, with room beside the longest bar for its number
    span = float(-(-(largest / 0.78) // 0.5) * 0.5)
    d = drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 18
    chart.width, chart.height = width - label_w - 44, row * len(changes)
    values = [c.mean if c.mean is not None else 0 for c in reversed(changes)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.labelAxisMode = "low"  # names at the left edge, not at the zero line
    chart.categoryAxis.visibleAxis = False
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = -span, span
    chart.valueAxis.valueStep = 0.5 if span <= 2 else 1
    chart.valueAxis.labelTextFormat = lambda v: format_signed(v, instrument.language)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.strokeColor = RING
    chart.barSpacing = 0
    chart.groupSpacing = 6
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    reversed_changes = list(reversed(changes))
    for i, c in enumerate(reversed_changes):
        if c.mean is not None and c.mean < 0:
            chart.bars[(0, i)].fillColor = BAR_SOFT
            chart.bars[(0, i)].strokeColor = ACCENT
            chart.bars[(0, i)].strokeWidth = 1
    # the number just past the bar's end; reportlab mirrors anchor and dx for a negative bar
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4

    def label(value: float) -> str:
        return format_signed(value, instrument.language)

    chart.barLabelFormat = label
    chart.barLabels.nudge = 0
    _axis_fonts(chart, font)
    chart.categoryAxis.labels.fontSize = AXIS_SIZE + 1
    chart.barLabels.fontName = bold
    d.add(chart)
    # the zero line, on top of the grid
    zero = chart.x + chart.width / 2
    d.add(Line(zero, chart.y - 2, zero, chart.y + chart.height + 2, strokeColor=MUTED,
               strokeWidth=1))
    # dimensions without any pair of scores: say so instead of an empty bar at zero
    for i, c in enumerate(reversed_changes):
        if c.mean is None:
            y = chart.y + row * i + row / 2 - AXIS_SIZE * 0.35
            d.add(String(zero + 6, y, "–", fontName=font, fontSize=AXIS_SIZE, fillColor=MUTED))
    return d


# --- the page -----------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    st = report_styles()
    font, bold = register_fonts()
    st["big"] = ParagraphStyle("big", fontName=bold, fontSize=BIG_SIZE, leading=BIG_SIZE * 1.1,
                               textColor=ACCENT)
    st["caption"] = ParagraphStyle("caption", parent=st["body"], spaceAfter=0)
    st["chart_heading"] = ParagraphStyle("chart_heading", parent=st["subheading"], spaceBefore=10,
                                         spaceAfter=4)
    st["notice"] = ParagraphStyle("notice", parent=st["body"], spaceAfter=0)
    st["table_head"] = ParagraphStyle("table_head", parent=st["caption"], fontName=bold)
    return st


def _notice(instrument: Instrument, st: dict) -> Table:
    """'Hulpmiddel, geen meting' in a soft box with a bar on the left."""
    box = Table([[Paragraph(escape(text(instrument, "overview_tool_note")), st["notice"])]],
                colWidths=[FRAME_W])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()[0]),  # else the cell pulls in Helvetica
        ("BACKGROUND", (0, 0), (-1, -1), NOTICE_BG),
        ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return box


def _big_numbers(stats: PracticeStats, instrument: Instrument, st: dict) -> Table:
    cells = [[Paragraph(str(stats.conversations), st["big"]),
              Paragraph(str(stats.completed_trajectories), st["big"])],
             [Paragraph(escape(text(instrument, "overview_conversations_caption")), st["caption"]),
              Paragraph(escape(text(instrument, "overview_completed_caption")), st["caption"])]]
    table = Table(cells, colWidths=[FRAME_W / 2] * 2, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()[0]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def referrals_table(stats: PracticeStats, instrument: Instrument, st: dict) -> Flowable:
    """Per service (most referred first) its referrals by status in words ('2 verwezen · 1
    gestart'), then the total; statuses with none are left out."""
    if not stats.referrals:
        return Paragraph(escape(text(instrument, "overview_no_referrals")), st["body"])
    head = [text(instrument, "overview_service"), text(instrument, "overview_status"),
            text(instrument, "overview_total")]
    rows = [[r.service,
             "  ·  ".join(f"{n} {text(instrument, f'referral_status_{s}')}"
                          for s, n in r.by_status if n),
             str(r.total)] for r in stats.referrals]
    cells = [[Paragraph(escape(v), st["table_head"]) for v in head]]
    cells += [[Paragraph(escape(v), st["caption"]) for v in row] for row in rows]
    table = Table(cells, colWidths=[FRAME_W * 0.36, FRAME_W * 0.52, FRAME_W * 0.12],
                  hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()[0]),
        ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, RING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _chart_heading(key: str, instrument: Instrument, st: dict) -> Paragraph:
    return Paragraph(escape(text(instrument, key)), st["chart_heading"])


def overview_story(stats: PracticeStats, instrument: Instrument, practice_name: str = ""
                   ) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [Paragraph(escape(text(instrument, "overview_title")), st["title"])]
    meta = "  ·  ".join(p for p in (practice_name.strip(), period_text(stats, instrument)) if p)
    story.append(Paragraph(escape(meta), st["meta"]))
    story.append(Spacer(1, 8))
    story.append(_notice(instrument, st))
    story.append(Spacer(1, 12))
    story.append(_big_numbers(stats, instrument, st))
    story.append(_chart_heading("overview_referrals_heading", instrument, st))
    story.append(referrals_table(stats, instrument, st))

    # a heading never alone at the foot of the page: the long list of services may push it
    story.append(KeepTogether([_chart_heading("overview_per_month", instrument, st),
                               months_chart(stats, instrument)]))
    story.append(_chart_heading("overview_per_role", instrument, st))
    if stats.conversations:
        story.append(roles_chart(stats, instrument))
    else:
        story.append(Paragraph(escape(text(instrument, "overview_no_conversations")), st["body"]))
    story.append(_chart_heading("overview_change_heading", instrument, st))
    if stats.has_changes:
        story.append(changes_chart(stats, instrument))
        story.append(Paragraph(escape(fill(text(instrument, "overview_change_note"),
                                           n=stats.completed_trajectories)), st["note"]))
    else:
        story.append(Paragraph(escape(text(instrument, "overview_no_change")), st["body"]))
    return story


def render_overview(stats: PracticeStats, instrument: Instrument, practice_name: str = "", *,
                    printed_on: dt.date | None = None) -> bytes:
    """The overview as PDF bytes, built in memory: one A4 page, a second when many services
    have referrals."""
    title = text(instrument, "overview_title")
    day = (printed_on or dt.date.today()).isoformat()
    footer = fill(text(instrument, "printed_on"), date=format_date(day))
    return build_pdf(overview_story(stats, instrument, practice_name), instrument, title=title,
                     author=practice_name.strip() or instrument.title, footer=footer,
                     running_head=title)
