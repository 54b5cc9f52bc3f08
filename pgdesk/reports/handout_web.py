"""The spinnenweb on the handout: vector graphics sized to its labels, with the earlier (or start)
web dashed behind it, and the legend of an end handout."""

from __future__ import annotations

import math
from functools import cache, lru_cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import PATH_OPS
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Table

from pgdesk.domain.geometry import spoke, web_points
from pgdesk.domain.instrument import SCALE_MAX, Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.reports.bidi import Paragraph, fixed_paragraph, visual
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.handout_layout import A4_LAYOUT, WEB_RADIUS, Layout
from pgdesk.reports.handout_parts import icon_group
from pgdesk.reports.kit import (
    ACCENT,
    FRAME_W,
    INK,
    MUTED,
    RING,
    RING_OUTER,
    Picture,
    drawing,
    escape,
    fill_text,
    format_date,
    format_score,
    label_lines,
    plain_table_style,
    text,
    wrap_words,
)

WEB_FILL = colors.Color(0.11, 0.31, 0.48, alpha=0.16)
SPOKE = colors.HexColor("#d3dbe3")
PREVIOUS = colors.HexColor("#8a8a8a")
START_WIDTH = 2.2  # the start web on an end handout: heavier than a faint 'previous'
START_DASH = [6, 3.5]
LEGEND_SAMPLE = 34


def has_scores(consultation: Consultation | None, instrument: Instrument) -> bool:
    if consultation is None:
        return False
    return any(s is not None for s in consultation.scores(instrument))



def web_drawing(view: ConsultationView, instrument: Instrument, width: float = FRAME_W, *,
                compare: Consultation | None = None, radius: float = WEB_RADIUS,
                layout: Layout = A4_LAYOUT, numbered: bool = False) -> Drawing:
    """The spider web as vector graphics, sized to its labels.

    Behind it, dashed and grey, the web of `compare` (the start of the trajectory) if given,
    otherwise that of the previous conversation. `numbered`: each spoke carries its number
    (1-6, in heading size) and its pictogram instead of the name, for large print, whose table
    beside the web gives the names: at 16 pt and more, names and table do not fit side by side."""
    _, bold = register_fonts()
    dims = instrument.dimensions
    R = radius
    g = Group()  # around the centre; the rings and spokes are drawn by WebDrawing beneath it

    # the earlier web, dashed and grey, behind the current one
    behind = compare if compare is not None else view.previous
    if behind is not None and has_scores(behind, instrument):
        prev = web_points(behind.scores(instrument), R)
        width_, dash = (START_WIDTH, START_DASH) if compare is not None else (1.6, [5, 3])
        g.add(Polygon([c for p in prev for c in p], fillColor=None, strokeColor=PREVIOUS,
                      strokeWidth=width_, strokeDashArray=dash, strokeLineJoin=1))

    scores = view.consultation.scores(instrument)
    pts = web_points(scores, R)
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
    missing = tuple(score is None for score in scores)
    for shape in _labels(tuple((dim.name, dim.icon) for dim in dims), instrument.text("no_score"),
                         R, half, layout, numbered, missing):
        g.add(shape)

    x0, y0, x1, y1 = _with_rings(g.getBounds(), 0, 0, R)
    pad = 3
    height = (y1 - y0) + 2 * pad
    g.translate(half, pad - y0)
    d = drawing(width, height, WebDrawing)
    d._grid, d._centre = _grid(R, len(dims)), (half, pad - y0)
    d.add(g)
    d.hAlign = "CENTER"
    return d


@lru_cache(maxsize=64)
def _labels(dims: tuple[tuple[str, str], ...], no_score: str, R: float, half: float,  # noqa: N803
            layout: Layout, numbered: bool, missing: tuple[bool, ...]) -> tuple:
    """The shapes of the dimension names (or numbers) around a web of radius R, with '(no_score)'
    under those `missing` a score: the same for every patient of an instrument and page, so
    worked out once (measuring and wrapping names is a tenth of a handout)."""
    font, bold = register_fonts()
    n = len(dims)
    g = Group()
    for i, (name, icon) in enumerate(dims):
        ux, uy = spoke(i, n)
        # clear of the outer ring and of a number badge sitting on it (about 32 x 19 pt)
        if abs(ux) < 0.25:
            # text hangs below its top, stands on its baseline
            gap = layout.label_gap[0] if uy > 0 else layout.label_gap[1]
            ax, ay = (R + gap) * ux, (R + gap) * uy
            anchor, room = "middle", 2 * (half - 6)
        else:
            ax, ay = R * ux + math.copysign(18, ux), (R + 6) * uy
            anchor, room = ("start" if ux > 0 else "end"), half - abs(ax) - 6
        if numbered:
            _numbered_label(g, str(i + 1), icon, ax, ay, uy, anchor, layout.heading, bold)
            continue
        lines, size = label_lines(name, bold, min(room, 150), layout.label, layout.min_label)
        if layout.large and lines[-1].endswith("…") and not name.endswith("…"):
            lines = wrap_words(name, bold, size, min(room, 150))  # large print: never cut
        extra = [f"({no_score})"] if missing[i] else []
        lead = size * 1.2
        pict = size * 1.7 if icon else 0  # the variant's pictogram, above the name
        block = (len(lines) + len(extra)) * lead + (pict + 2 if pict else 0)
        # centre the block on the anchor, pushed outwards in proportion to the angle
        top = ay + block / 2 + uy * block / 2
        if pict:
            left = {"middle": ax - pict / 2, "start": ax, "end": ax - pict}[anchor]
            inner = icon_group(icon)
            inner.scale(pict / 30, pict / 30)
            placed = Group(inner)
            placed.translate(left, top - pict)
            g.add(placed)
            top -= pict + 2
        y = top - size
        for line, face, fsize, fill in ([(t, bold, size, INK) for t in lines]
                                        + [(t, font, size - 0.5, MUTED) for t in extra]):
            g.add(String(ax, y, visual(line), fontName=face, fontSize=fsize, fillColor=fill,
                         textAnchor=anchor))
            y -= lead
    return tuple(g.contents)


@lru_cache(maxsize=32)  # a few sizes per layout and number of dimensions
def _grid(radius: float, spokes: int) -> Picture:
    """The rings (2, 4, ... 10) and spokes around (0, 0): the same in every web of this size and
    number of dimensions, so their PDF operators are worked out once (kit.Picture)."""
    d = drawing(2 * radius, 2 * radius, Picture)
    for step in range(2, SCALE_MAX + 1, 2):
        last = step == SCALE_MAX
        d.add(Circle(0, 0, radius * step / SCALE_MAX, fillColor=None,
                     strokeColor=RING_OUTER if last else RING, strokeWidth=1.2 if last else 0.7))
    for x, y in web_points([SCALE_MAX] * spokes, radius):
        d.add(Line(0, 0, x, y, strokeColor=SPOKE, strokeWidth=0.7))
    d._radius = radius
    return d


def _with_rings(bounds: tuple, cx: float, cy: float, radius: float) -> tuple:
    """`bounds` grown to hold the outer ring around (cx, cy)."""
    x0, y0, x1, y1 = bounds
    return min(x0, cx - radius), min(y0, cy - radius), max(x1, cx + radius), max(y1, cy + radius)


class WebDrawing(Drawing):
    """The web: its grid (a shared Picture) at `_centre`, then its own shapes over it, drawn
    straight onto the page: reportlab's renderer works out each shape's state from its parents
    (a sixth of a handout), these shapes carry all of theirs. Pictograms on the spokes (groups
    of their own) are left to reportlab's renderer."""

    _grid: Picture
    _centre: tuple[float, float]

    def draw(self, showBoundary=None):  # noqa: N803 (reportlab API)
        self._grid.drawOn(self.canv, *self._centre)
        (web,) = self.contents
        if not all(isinstance(shape, (Polygon, Rect, String)) for shape in web.contents):
            super().draw()
            return
        canv = self.canv
        canv.saveState()
        canv.transform(*web.transform)
        for shape in web.contents:
            ops = _operators(canv, shape)
            if ops is not None:  # each in its own q ... Q: nothing carries to the next
                canv._code.append(ops)
                continue
            canv.saveState()  # as reportlab does: nothing of one shape carries to the next
            _draw_shape(canv, shape)
            canv.restoreState()
        canv.restoreState()

    def getBounds(self):  # noqa: N802 (reportlab API)
        return _with_rings(super().getBounds(), *self._centre, self._grid._radius)


def _rgb(color) -> str | None:
    """'r g b' of an opaque RGB colour as reportlab writes it; None for any other."""
    if type(color) is not colors.Color or color.alpha != 1:
        return None
    return fp_str(color.red, color.green, color.blue)


def _operators(canv, shape: Polygon | Rect | String) -> str | None:
    """The PDF operators of a number badge (its rounded box, its number) or a name around the web,
    written here in one piece inside q ... Q, the pixels reportlab's canvas would draw; None for
    what the canvas itself must draw (a polygon, a see-through fill)."""
    if isinstance(shape, String):
        fill = _rgb(shape.fillColor)
        font = pdfmetrics.getFont(shape.fontName)
        if fill is None or not getattr(font, "_dynamicFont", False):
            return None
        shift = {"start": 0, "middle": 0.5, "end": 1}[shape.textAnchor]
        x = shape.x - _width(shape.text, shape.fontName, shape.fontSize) * shift
        ops = [f"q {fill} rg BT 1 0 0 1 {fp_str(x, shape.y)} Tm"]
        face = f"{fp_str(shape.fontSize)} Tf {fp_str(shape.fontSize * 1.2)} TL"
        current = None
        for subset, chars in font.splitString(shape.text, canv._doc):  # the document's codes
            if subset != current:
                ops.append(f"{font.getSubsetInternalName(subset, canv._doc)} {face}")
                current = subset
            ops.append(f"({canv._escape(chars)}) Tj")
        ops.append("T* ET Q")
        return " ".join(ops)
    if not isinstance(shape, Rect) or not shape.rx or shape.rx != shape.ry \
            or shape.strokeDashArray:
        return None
    stroke, fill = _rgb(shape.strokeColor), _rgb(shape.fillColor)
    if stroke is None or fill is None:
        return None
    return (f"q {stroke} RG {fp_str(shape.strokeWidth)} w {shape.strokeLineJoin} j "
            f"{shape.strokeLineCap} J {fill} rg 1 0 0 1 {fp_str(shape.x, shape.y)} cm\n"
            f"{_round_box(shape.width, shape.height, shape.rx)}\n{PATH_OPS[1, 1, canv._fillMode]}\nQ")


@lru_cache(maxsize=64)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


@lru_cache(maxsize=64)
def _round_box(width: float, height: float, radius: float) -> str:
    """The path of a rounded box from (0, 0), as the canvas makes it: the same few badge sizes
    in every web."""
    code: list[str] = []
    PDFPathObject(code=code).roundRect(0, 0, width, height, radius)
    return "\n".join(code)


def _draw_shape(canv, shape: Polygon | Rect | String) -> None:
    """One of the web's shapes, as reportlab's PDF renderer would draw it."""
    if isinstance(shape, String):
        canv.setFillColor(shape.fillColor)
        canv.setFont(shape.fontName, shape.fontSize)
        shift = {"start": 0, "middle": 0.5, "end": 1}[shape.textAnchor]
        width = stringWidth(shape.text, shape.fontName, shape.fontSize) if shift else 0
        canv.drawString(shape.x - width * shift, shape.y, shape.text)
        return
    stroke, fill = shape.strokeColor is not None, shape.fillColor is not None
    if stroke:
        canv.setStrokeColor(shape.strokeColor)
        canv.setLineWidth(shape.strokeWidth)
        canv.setLineJoin(shape.strokeLineJoin)
        canv.setLineCap(shape.strokeLineCap)
        if shape.strokeDashArray:
            canv.setDash(shape.strokeDashArray, 0)
    if fill:
        canv.setFillColor(shape.fillColor)
    if isinstance(shape, Rect):
        if shape.rx == shape.ry == 0:
            canv.rect(shape.x, shape.y, shape.width, shape.height, stroke=stroke, fill=fill)
        else:
            canv.roundRect(shape.x, shape.y, shape.width, shape.height, shape.rx, stroke=stroke,
                           fill=fill)
        return
    points = shape.points
    path = canv.beginPath()
    path.moveTo(points[0], points[1])
    for i in range(2, len(points), 2):
        path.lineTo(points[i], points[i + 1])
    path.close()
    canv.drawPath(path, stroke=stroke, fill=fill)


def _numbered_label(g: Group, number: str, icon: str, ax: float, ay: float, uy: float,
                    anchor: str, size: float, bold: str) -> None:
    """A spoke's number with the dimension's pictogram (if it has one) before it, side by side
    so the web grows no taller: large print's web beside its table."""
    pict = size * 1.3 if icon else 0
    gap = 3 if icon else 0
    w = pict + gap + stringWidth(number, bold, size)
    block = max(pict, size * 1.2)
    left = {"middle": ax - w / 2, "start": ax, "end": ax - w}[anchor]
    middle = ay + uy * block / 2  # pushed outwards in proportion to the angle
    if icon:
        inner = icon_group(icon)
        inner.scale(pict / 30, pict / 30)
        placed = Group(inner)
        placed.translate(left, middle - pict / 2)
        g.add(placed)
    g.add(String(left + pict + gap, middle - size * 0.36, number, fontName=bold, fontSize=size,
                 fillColor=INK, textAnchor="start"))


@cache
def previous_legend() -> Drawing:
    """The dashed line before 'vorige keer'; made once, its operators replayed (kit.Picture)."""
    d = drawing(28, 12, Picture)
    d.add(Line(2, 6, 26, 6, strokeColor=PREVIOUS, strokeWidth=1.6, strokeDashArray=[5, 3]))
    return d


@cache
def _line_sample(start: bool) -> Drawing:
    """A short piece of web edge for the legend: dashed grey (start) or solid over the fill (now);
    made once, its operators replayed (kit.Picture)."""
    d = drawing(LEGEND_SAMPLE, 14, Picture)
    if start:
        d.add(Line(2, 7, LEGEND_SAMPLE - 2, 7, strokeColor=PREVIOUS, strokeWidth=START_WIDTH,
                   strokeDashArray=START_DASH))
    else:
        d.add(Rect(2, 1, LEGEND_SAMPLE - 4, 6, fillColor=WEB_FILL, strokeColor=None))
        d.add(Line(2, 7, LEGEND_SAMPLE - 2, 7, strokeColor=ACCENT, strokeWidth=2.4))
    return d


def _compare_legend(start: Consultation, instrument: Instrument, style: ParagraphStyle) -> Table:
    """'- - - start 10-01-2025     ——— nu' on one line."""
    entries = [(True, fill_text(text(instrument, "web_start"), date=format_date(start.date))),
               (False, text(instrument, "web_now"))]
    cells, widths = [], []
    for n, (is_start, label) in enumerate(entries):
        cells += [_line_sample(is_start), Paragraph(escape(label), style)]
        gap = 22 if n < len(entries) - 1 else 0
        widths += [LEGEND_SAMPLE + 6, stringWidth(label, style.fontName, style.fontSize) + 2 + gap]
    if instrument.rtl:  # read from the right: each sample before (right of) its right-aligned label
        cells, widths = cells[::-1], widths[::-1]
    table = Table([cells], colWidths=widths, hAlign="LEFT" if instrument.rtl else "RIGHT")
    table.setStyle(plain_table_style())
    return table


def heading_with_legend(heading: str, start: Consultation, instrument: Instrument,
                         st: dict, frame_w: float = FRAME_W) -> Table:
    """The web's heading on the left, the legend on the right of the same line."""
    legend = _compare_legend(start, instrument, st["legend"])
    legend_w = sum(legend._colWidths)
    head_w = frame_w - legend_w
    if stringWidth(heading, st["heading"].fontName, st["heading"].fontSize) + 12 > head_w:
        # a long heading: the legend goes on a line of its own under it
        table = Table([[fixed_paragraph(escape(heading), st["heading"])], [legend]], colWidths=[frame_w])
    else:
        row, widths = [fixed_paragraph(escape(heading), st["heading"]), legend], [head_w, legend_w]
        if instrument.rtl:  # the heading at the right, where the page starts
            row, widths = row[::-1], widths[::-1]
        table = Table([row], colWidths=widths)
    style = plain_table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "BOTTOM")
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 2)
    table.setStyle(style)
    return table
