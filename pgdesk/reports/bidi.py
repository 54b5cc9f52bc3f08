"""Right-to-left text (Arabic) in reportlab, which draws glyphs left to right as given: letters
take their joined forms (arabic-reshaper) and each line is put in visual order (python-bidi)
after it has been broken in reading order, so the first line holds the first words.

Paragraph here is reportlab's for every text without right-to-left letters; the reports import
it instead of reportlab's so an Arabic instrument needs no other change in them."""

from __future__ import annotations

import re

from reportlab.platypus import Paragraph as _Paragraph

from pgdesk.reports.kit import escape, unescape, wrap_words

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BREAK = re.compile(r"<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")
# A phone number or date is read left to right in Arabic text too; without an isolate the bidi
# algorithm would put "071 123 45 67" as "67 45 123 071" (a wrong number to dial).
_NUMBER = re.compile(r"\d[\d .:/-]*\d")
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def has_rtl(text: str) -> bool:
    return bool(text) and _RTL.search(text) is not None


def _display(shaped: str) -> str:
    """Visual order of one shaped line, numbers kept left to right."""
    from bidi import get_display  # only for right-to-left text: the handout starts faster

    isolated = _NUMBER.sub(lambda m: f"\u2066{m.group(0)}\u2069", shaped)
    return get_display(isolated, base_dir="R").translate(_ISOLATES)


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

    def __init__(self, text, style=None, bulletText=None, *args, **kwargs):  # noqa: N803 (reportlab)
        self._logical = text if isinstance(text, str) and has_rtl(text) else None
        self._for_width: float | None = None
        if self._logical is not None and bulletText:
            # reportlab puts a bullet at the left edge; here it belongs before the first word
            self._logical, bulletText = f"{escape(bulletText)} {text}", None
        super().__init__(text, style, bulletText, *args, **kwargs)

    def wrap(self, avail_width, avail_height):
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
        return super().wrap(avail_width, avail_height)
