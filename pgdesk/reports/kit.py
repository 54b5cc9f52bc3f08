"""The shared kit of the printed reports: colours, the A4 page, fonts in drawings and tables,
the instrument's texts, safe markup, word wrap and how numbers are shown to a patient.

Every report (handout, paper web, access log, export, overview) builds on these, so they look
alike and a patient never sees a decimal.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from html import escape as _html_escape
from io import BytesIO

from reportlab import rl_config
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak as _CondPageBreak
from reportlab.platypus import Spacer as _Spacer
from reportlab.platypus import TableStyle

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.dates import format_date
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.scores import whole_number
from pgdesk.reports.fonts import register_fonts

__all__ = ["format_date"]  # re-exported: reports format dates through the kit

INK = colors.HexColor("#1b1b1b")  # body text: near black on white
ACCENT = colors.HexColor("#1c4e7a")  # headings, web outline, pictograms
ACCENT_SOFT = colors.HexColor("#e4eef7")  # pictogram discs
RING = colors.HexColor("#c7d2dc")
RING_OUTER = colors.HexColor("#9fb0c0")
MUTED = colors.HexColor("#3a3a3a")  # secondary text, still high contrast

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 17 * mm  # room for the footer line
FRAME_PAD = 6  # platypus frames keep 6 pt padding on every side
FRAME_W = PAGE_W - 2 * MARGIN_X - 2 * FRAME_PAD
BODY_SIZE = 13.5
LABEL_SIZE = 12.5
MIN_LABEL_SIZE = 11

PDF_LANG = {"nl": "nl-NL", "en": "en-GB"}

# Page content compressed (Flate) and written as it is, not also in ASCII85 on top: that text
# form is for 7-bit channels, makes a page's stream a quarter larger and takes reportlab a
# tenth of a handout to make (a Python codec over every character). Read at writing time, so
# it holds for every report made after this module is loaded.
rl_config.useA85 = 0
# reportlab checks every attribute given to a shape against its type while this is on, a
# developer's aid that was a twentieth of a handout (the web's shapes); pgdesk's shapes are
# made by code the tests run, not from input
rl_config.shapeChecking = 0


def escape(text: str) -> str:
    """&, < and > as entities for reportlab's markup (what xml.sax.saxutils.escape does, without
    importing it: that module loads urllib.request, http and ssl, a fifth of the handout's
    start-up)."""
    return _html_escape(text, quote=False)


def unescape(text: str) -> str:
    """The reverse of `escape`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

def text(instrument: Instrument, key: str) -> str:
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


# A handout shows at most this much of one answer. reportlab breaks a paragraph again from
# its first line at every page it spills onto, so an answer of thousands of short lines (one
# paragraph) took time quadratic in its length: 4,000 lines 4 s, 10,000 about a minute.
MAX_ANSWER_LINES = 60
MAX_ANSWER_CHARS = 4_000


def markup(text: str, cut_note: str = "") -> str:
    """User text made safe for Paragraph markup; line breaks kept. Beyond the limits above it
    ends in "…" and, on a line of its own, `cut_note` (that the answer was shortened)."""
    lines: list[str] = []
    room = MAX_ANSWER_CHARS
    cut = False
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if len(lines) == MAX_ANSWER_LINES or len(line) > room:
            cut = True
            if len(lines) < MAX_ANSWER_LINES and room > 0:  # the part that fits, whole words
                lines.append(line[:room].rsplit(" ", 1)[0] if " " in line[:room] else line[:room])
            break
        lines.append(line)
        room -= len(line)
    if not cut:
        return "<br/>".join(escape(line) for line in lines)
    lines[-1] += " …"
    return "<br/>".join(escape(line) for line in lines + ([cut_note] if cut_note else []))


def format_score(value: float, language: str = "nl") -> str:
    """A number in the web as a patient sees it: always whole (see domain.scores.whole_number)."""
    return str(whole_number(value))


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
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


def two_lines(text: str, font: str, size: float, width: float) -> list[str] | None:
    """The most even split into two lines that both fit, or None."""
    words = text.split()
    best = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        widest = max(stringWidth(line, font, size) for line in lines)
        if widest <= width and (best is None or widest < best[0]):
            best = (widest, lines)
    return best[1] if best else None


def label_lines(text: str, font: str, width: float, size: float = LABEL_SIZE,
                 min_size: float = MIN_LABEL_SIZE) -> tuple[list[str], float]:
    """A dimension name on one line, or evenly on two; the type shrinks a little before a cut."""
    text = " ".join(text.split())
    while True:
        if stringWidth(text, font, size) <= width:
            return [text], size
        lines = two_lines(text, font, size, width)
        if lines:
            return lines, size
        if size <= min_size:
            break
        size -= 0.5
    lines = wrap_words(text, font, size, width)
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        while rest and stringWidth(rest + "…", font, size) > width:
            rest = rest[:-1]
        lines = [lines[0], rest.rstrip() + "…"]
    return lines, size


@lru_cache(maxsize=128)
def balanced_markup(text: str, font: str, size: float, width: float) -> str:
    """A short note as Paragraph markup: on one line if it fits, else broken between its
    sentences (or evenly in two) rather than leaving one word alone on the last line. Notes are
    the instrument's fixed texts: each is measured once per process."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return escape(text)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 1 and all(stringWidth(x, font, size) <= width for x in sentences):
        return "<br/>".join(escape(x) for x in sentences)
    lines = two_lines(text, font, size, width)
    return "<br/>".join(escape(x) for x in lines) if lines else escape(text)


def drawing(width: float, height: float, kind: type[Drawing] = Drawing) -> Drawing:
    """A Drawing whose default font is DejaVu, so Helvetica never enters the PDF."""
    font, _ = register_fonts()
    d = kind(width, height)
    d.initialFontName = font
    d.initialFontSize = BODY_SIZE
    return d


class Picture(Drawing):
    """A drawing of shapes only (a pictogram), turned into PDF drawing operators the first time
    it is drawn and replayed in every document after that: a handout draws the same pictograms
    each time. Build it completely before it is first drawn; one holding text (which refers to
    the document's fonts) is drawn the ordinary way."""

    _operators: list[str] | None = None

    def draw(self, showBoundary=None):  # noqa: N803 (reportlab API)
        if self._operators is None:
            from reportlab.graphics import renderPDF
            from reportlab.pdfgen.canvas import Canvas

            scratch = Canvas(BytesIO())
            renderPDF.draw(self, scratch, 0, 0)
            # a named resource (font, graphics state, image) belongs to one document
            self._operators = [] if any("/" in op for op in scratch._code) else scratch._code
        if not self._operators:
            return super().draw()
        self.canv._code.extend(self._operators)
        return None

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab API)
        if not self._operators:
            return super().drawOn(canvas, x, y, _sW)
        place_operators(canvas, self, x, y, _sW, self._operators)
        return None


def place_operators(canvas, flowable, x, y, _sW, operators: list[str]) -> None:  # noqa: N803
    """Write kept `operators` of `flowable` at (x, y) as reportlab's drawOn would place its
    drawing (save, move, draw, restore), without its graphics-state bookkeeping."""
    canvas._code += ["q", f"1 0 0 1 {fp_str(flowable._hAlignAdjust(x, _sW), y)} cm",
                     *operators, "Q"]


def quick_canvas(*args, **kwargs):
    """reportlab's Canvas (as a document template's `canvasmaker`) whose pages' drawing is
    compressed at zlib's fastest level instead of its default: about 15 kB of operators per
    handout page in a third of the time, the stream a sixth larger; the same Flate stream."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(*args, **kwargs)
    add_page = canvas._doc.addPage

    def add_compressed(page) -> None:
        if page.compression and isinstance(page.stream, str) and not page.Contents:
            stream = pdfdoc.PDFStream(content=zlib.compress(page.stream.encode("utf8"), 1))
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
            stream.__Comment__ = "page stream"
            page.Contents = stream  # PDFPage.prepare keeps contents it is given
        add_page(page)

    canvas._doc.addPage = add_compressed
    return canvas


class Spacer(_Spacer):
    """reportlab's Spacer, placed as it places it, writing nothing onto the page (reportlab's
    writes an empty save, move and restore for each: a handout has a dozen)."""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab API)
        return None


class CondPageBreak(_CondPageBreak):
    """reportlab's CondPageBreak (a new page unless `height` still fits), writing nothing onto
    the page, as kit.Spacer."""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab API)
        return None


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
