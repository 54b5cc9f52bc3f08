"""Right-to-left text (Arabic) in reportlab, which draws glyphs left to right as given: letters
take their joined forms (arabic-reshaper) and each line is put in visual order (python-bidi's
levels) after it has been broken in reading order, so the first line holds the first words; a
bracket in a right-to-left run takes its mirror, so "(بلا رقم)" is not drawn as ")بلا رقم(".

Paragraph here is reportlab's for every text without right-to-left letters; the reports import
it instead of reportlab's so an Arabic instrument needs no other change in them."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from pgdesk.reports.kit import escape, place_operators, unescape, wrap_words

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BREAK = re.compile(r"<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")
# A phone number or date is read left to right in Arabic text too; without an isolate the bidi
# algorithm would put "071 123 45 67" as "67 45 123 071" (a wrong number to dial).
_NUMBER = re.compile(r"\d[\d .:/-]*\d")
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
# Markup that is only text: kit.escape's three entities and line breaks, nothing else
_PLAIN = re.compile(r"(?:[^<&]|&(?:amp|lt|gt);|<br/>)*")
_PIECES = re.compile(r"(<br/>|&amp;|&lt;|&gt;)")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}


def has_rtl(text: str) -> bool:
    return bool(text) and _RTL.search(text) is not None


def _levels(text: str) -> list[int]:
    """The embedding level of each character of one right-to-left paragraph.

    python-bidi's get_display (Rust, Unicode 15 with isolates and paired brackets) reorders but
    never mirrors (rule L4); its Python algorithm mirrors but knows no isolates or bracket pairs
    and puts "(iPH)" at a line's end as "(iPH". So the levels come from the Rust algorithm (its
    debug answer, one level per UTF-8 byte) and the last two steps are done here."""
    from bidi import get_display  # only for right-to-left text: the handout starts faster

    info = get_display(text, base_dir="R", debug=True)
    block = re.search(r"levels: \[(.*?)\]", info, re.S)
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", block.group(1) if block else "")]
    if len(per_byte) != len(text.encode("utf-8")):
        raise RuntimeError(f"python-bidi gave no levels for {text!r}")  # its debug form changed
    levels, at = [], 0
    for ch in text:
        levels.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return levels


def _display(shaped: str) -> str:
    """Visual order of one shaped line, numbers kept left to right, brackets mirrored."""
    from bidi.mirror import MIRRORED  # only for right-to-left text: the handout starts faster

    isolated = _NUMBER.sub(lambda m: f"\u2066{m.group(0)}\u2069", shaped)
    levels = _levels(isolated)
    # L4: a mirrored character at an odd (right-to-left) level is drawn as its mirror image
    chars = [MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(isolated, levels,
                                                                            strict=True)]
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it
    lowest_odd = min((lv for lv in levels if lv % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        start = None
        for i in range(len(chars) + 1):
            if i < len(chars) and levels[i] >= level:
                start = i if start is None else start
            elif start is not None:
                chars[start:i], levels[start:i] = chars[start:i][::-1], levels[start:i][::-1]
                start = None
    return "".join(chars).translate(_ISOLATES)


def visual(line: str) -> str:
    """One line as drawn: joined letters in visual order; text without RTL letters unchanged."""
    if not has_rtl(line):
        return line
    return _display(_reshape(line))


def _reshape(text: str) -> str:
    """Arabic letters in their joined forms; the shaper is loaded only for such text."""
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


class Paragraph(_Paragraph):
    """reportlab's Paragraph; markup with right-to-left letters is broken into lines by width
    in reading order, then each line is shaped and reversed (inline tags are dropped)."""

    # the width of the last wrap and its answer: a handout measures its story to fit it on
    # the page, then lays it out at the same width (reportlab would break the lines again)
    _wrapped: tuple[float, tuple[float, float]] | None = None

    def __init__(self, text, style=None, bulletText=None, *args, **kwargs):  # noqa: N803 (reportlab)
        self._logical = text if isinstance(text, str) and has_rtl(text) else None
        if self._logical is None and not args and "frags" not in kwargs and style is not None:
            kwargs["frags"] = plain_frags(text, style)  # None: reportlab's parser
        self._for_width: float | None = None
        if self._logical is not None and bulletText:
            # reportlab puts a bullet at the left edge; here it belongs before the first word
            self._logical, bulletText = f"{escape(bulletText)} {text}", None
        super().__init__(text, style, bulletText, *args, **kwargs)

    def wrap(self, avail_width, avail_height):
        # the height does not change the lines; a failed split drops them (blPara)
        if self._wrapped is not None and self._wrapped[0] == avail_width and hasattr(self, "blPara"):
            return self._wrapped[1]
        if self._logical is not None and avail_width != self._for_width:
            self._for_width = avail_width
            st = self.style
            room = avail_width - st.leftIndent - st.rightIndent
            lines = []
            for part in _BREAK.split(self._logical):
                shaped = _reshape(unescape(_TAG.sub("", part)))
                lines += [_display(x) for x in wrap_words(shaped, st.fontName, st.fontSize, room)]
            _Paragraph.__init__(self, "<br/>".join(escape(x) for x in lines), st,
                                bulletText=self.bulletText)
        size = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size)
        return size


def fixed_paragraph(text: str, style, bulletText=None) -> Paragraph:  # noqa: N803 (reportlab)
    """A Paragraph of fixed markup (an instrument's heading or note, never a patient's words)
    in a style that is never changed (handout_layout.styles): parsed once per process, as
    parsing takes longer than laying it out, and laid out and drawn once per width
    (FixedParagraph). Right-to-left text is shaped per width anyway."""
    if has_rtl(text):
        return Paragraph(text, style, bulletText)
    return FixedParagraph(text, style, bulletText, frags=_parsed(text, style, bulletText),
                          key=(text, style, bulletText))


# FixedParagraph's memory: (text, style, bullet, width) -> its size, and -> the fonts its
# operators name with those operators; a few dozen fixed texts per instrument and page
_SIZES: dict[tuple, tuple[float, float]] = {}
_DRAWN: dict[tuple, tuple[tuple, list[str]]] = {}
KEPT = 1024
_RESOURCE = re.compile(r"/(\S+)")


class FixedParagraph(Paragraph):
    """A fixed text (fixed_paragraph) whose size at a width is worked out once per process, and,
    when it is plain ASCII, also the PDF operators that draw it: every handout draws the same
    headings and notes. ASCII letters have the same code in every document's font subset
    (reportlab's ttfAsciiReadable), so those operators hold for any handout that names its
    fonts as the first one did; otherwise it is drawn anew. Its lines are broken only when
    something asks for them (a split at the foot of a page)."""

    def __init__(self, text, style=None, bulletText=None, *args, key=None, **kwargs):  # noqa: N803
        super().__init__(text, style, bulletText, *args, **kwargs)
        self._key = key  # None: a piece split off, an ordinary paragraph
        self._ascii = key is not None and all(
            part is None or (isinstance(part, str) and part.isascii()) for part in (text, bulletText))

    def wrap(self, avail_width, avail_height):
        if self._key is None:
            return super().wrap(avail_width, avail_height)
        at = (*self._key, avail_width)
        size = _SIZES.get(at)
        if size is None:
            size = super().wrap(avail_width, avail_height)
            _SIZES.clear() if len(_SIZES) > KEPT else None
            _SIZES[at] = size
        self._at = at
        self.width, self.height = size
        return size

    def __getattr__(self, name):
        # the lines of a size that came from memory: broken now, as a split needs them
        if name == "blPara" and "_at" in self.__dict__:
            Paragraph.wrap(self, self._at[-1], self.height)
            return self.__dict__["blPara"]
        raise AttributeError(name)

    def _kept(self, canv) -> list[str] | None:
        """The operators kept for this text at its width, if they hold in this document."""
        at = self.__dict__.get("_at")
        return _holding(canv, at) if at is not None and self._ascii else None

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab API)
        kept = self._kept(canvas)
        if kept is None:
            return super().drawOn(canvas, x, y, _sW)
        place_operators(canvas, self, x, y, _sW, kept)
        return None

    def draw(self):
        at = self.__dict__.get("_at")
        if at is None or not self._ascii:
            return super().draw()
        kept_drawing(self.canv, at, super().draw)
        return None


def kept_drawing(canv, key: tuple, draw) -> None:
    """What `draw` writes onto the canvas for a fixed text in plain ASCII (a heading, the footer),
    kept under `key` the first time and replayed in later documents that name their fonts
    alike; drawn anew wherever the kept operators would not hold."""
    kept = _holding(canv, key)
    if kept is not None:
        canv._code.extend(kept)
        return
    start = len(canv._code)
    draw()
    named = _fonts_named(canv._code[start:], canv._doc.fontMapping)
    if named is not None:
        _DRAWN.clear() if len(_DRAWN) > KEPT else None
        _DRAWN[key] = (named, canv._code[start:])


def _holding(canv, key: tuple) -> list[str] | None:
    """The operators kept under `key`, if this document names their fonts as the first did."""
    known = _DRAWN.get(key)
    if known is None:
        return None
    fonts = canv._doc.fontMapping
    return known[1] if all(fonts.get(font) == name for font, name in known[0]) else None


def _fonts_named(code: list[str], fonts: dict[str, str]) -> tuple | None:
    """(font, its name in this document) for each font the operators name; None if they name
    anything else (a transparency, a font's second subset), which belongs to one document."""
    names = {name: font for font, name in fonts.items()}
    used = set()
    for resource in _RESOURCE.findall(" ".join(code)):
        name, _, subset = resource.partition("+")
        if subset != "0" or f"/{name}" not in names:
            return None
        used.add((names[f"/{name}"], f"/{name}"))
    return tuple(sorted(used))


@lru_cache(maxsize=512)
def _parsed(text: str, style, bullet_text) -> list:
    return _Paragraph(text, style, bullet_text).frags


def plain_frags(text, style) -> list | None:
    """The fragments reportlab's parser makes of markup that is only text with escaped &, <, >
    and line breaks (a patient's words, a name, a date), made without the parser, which takes
    longer than laying the paragraph out; None for any other markup."""
    if not isinstance(text, str) or getattr(style, "textTransform", None):
        return None
    text = cleanBlockQuotedText(text)  # as reportlab's Paragraph does before parsing
    if _PLAIN.fullmatch(text) is None:
        return None
    plain, line_break = _templates(style)
    frags = []
    for piece in _PIECES.split(text):
        if piece == "<br/>":
            frags.append(line_break.clone())
        elif piece:
            frags.append(plain.clone(text=_ENTITIES.get(piece, piece)))
    return frags


@lru_cache(maxsize=64)
def _templates(style) -> tuple:
    """A text fragment and a line break of this style, as the parser makes them (styles are
    shared and never changed: handout_layout.styles)."""
    frags = _Paragraph("x<br/>x", style).frags
    return frags[0], frags[1]
