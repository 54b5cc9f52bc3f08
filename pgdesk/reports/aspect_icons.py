"""An aspect's pictogram (resources/icons/aspects, Font Awesome Free, CC BY 4.0) on paper: the
SVG file's one path read by svg_path and drawn as a reportlab Path in the accent colour. Always
placed beside the aspect's name in words (the blank web, the handout)."""

from __future__ import annotations

import re
from functools import cache

from reportlab.graphics.shapes import FILL_NON_ZERO, Drawing, Group, Path
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from pgdesk.domain.content import aspect_pictogram_path
from pgdesk.reports.bidi import Paragraph
from pgdesk.reports.kit import ACCENT, drawing, escape, plain_table_style
from pgdesk.reports.svg_path import Segment, parse_path

_VIEWBOX = re.compile(r'viewBox="([-\d.\s]+)"')
_PATH_D = re.compile(r'<path\b[^>]*\sd="([^"]+)"')


@cache
def _outline(icon: str) -> tuple[tuple[float, float, float, float], tuple[Segment, ...]] | None:
    """(view box, segments) of the icon's file; None when there is no such file."""
    path = aspect_pictogram_path(icon)
    if not icon or not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8")
    box, d = _VIEWBOX.search(svg), _PATH_D.search(svg)
    if box is None or d is None:
        return None
    x, y, w, h = (float(v) for v in box.group(1).split())
    return (x, y, w, h), tuple(parse_path(d.group(1)))


def aspect_icon_group(icon: str, size: float) -> Group | None:
    """The pictogram fitted into a `size` x `size` square whose lower left corner is (0, 0),
    centred and upright (SVG's y runs down, the PDF's up); None for an unknown icon."""
    outline = _outline(icon)
    if outline is None:
        return None
    (vx, vy, vw, vh), segments = outline
    scale = size / max(vw, vh)
    ox, oy = (size - vw * scale) / 2, (size - vh * scale) / 2

    def at(px: float, py: float) -> tuple[float, float]:
        return ox + (px - vx) * scale, size - oy - (py - vy) * scale

    shape = Path(fillColor=ACCENT, strokeColor=None, fillMode=FILL_NON_ZERO)
    for seg in segments:
        if seg[0] == "M":
            shape.moveTo(*at(seg[1], seg[2]))
        elif seg[0] == "L":
            shape.lineTo(*at(seg[1], seg[2]))
        elif seg[0] == "C":
            shape.curveTo(*at(seg[1], seg[2]), *at(seg[3], seg[4]), *at(seg[5], seg[6]))
        else:
            shape.closePath()
    return Group(shape)


def aspect_icon(icon: str, size: float) -> Drawing | None:
    """The pictogram as a flowable drawing `size` points square, for a table cell."""
    group = aspect_icon_group(icon, size)
    if group is None:
        return None
    d = drawing(size, size)  # DejaVu as its font: Helvetica never enters the PDF
    d.add(group)
    return d


def aspect_row(icon: str, words: str, style: ParagraphStyle, indent: float, width: float,
               rtl: bool = False) -> Table | Paragraph:
    """One line of the handout: the pictogram and, beside it, the words (the pictogram's column
    starts at `indent`, the page's pictogram margin); just the words for an unknown icon."""
    text = ParagraphStyle("aspect_row", parent=style, leftIndent=0, rightIndent=0, firstLineIndent=0)
    size = style.fontSize * 1.5
    drawn = aspect_icon(icon, size)
    if drawn is None:
        return Paragraph(escape(words), style)
    cells = ["", drawn, Paragraph(escape(words), text)]
    widths = [indent, size + 8, width - indent - size - 8]
    row = Table([cells[::-1] if rtl else cells], colWidths=widths[::-1] if rtl else widths,
                hAlign="RIGHT" if rtl else "LEFT")
    row.setStyle(plain_table_style("MIDDLE", [("TOPPADDING", (0, 0), (-1, -1), 1),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return row
