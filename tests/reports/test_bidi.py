"""Brackets in right-to-left text: drawn left to right in visual order, a bracket inside an Arabic
run must take its mirrored form, or "(بلا رقم)" is printed as ")بلا رقم(" (fictitious data)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.reports.bidi import visual
from pgdesk.reports.handout import render_handout
from tests.reports.test_handout import make_view


def test_brackets_around_arabic_words_are_mirrored():
    words = visual("بلا رقم")
    assert visual("(بلا رقم)") == f"({words})"
    assert visual("مع [بلا رقم]") == f"[{words}] {visual('مع')}"


def test_brackets_around_latin_and_numbers_in_arabic_still_enclose_them():
    assert "(iPH)" in visual("المصدر: Machteld Huber (iPH)")
    assert "(071 123 45 67)" in visual("اتصل (071 123 45 67)")
    assert "071 123 45 67" in visual("اتصل: 071 123 45 67")  # a number's groups never swap


def test_the_arabic_handout_prints_the_missing_score_in_brackets_that_enclose_it():
    ar = shipped_instrument("ar")
    pdf = render_handout(make_view(ar), ar)  # the last dimension has no score
    runs = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda text, *_: runs.append(text.strip()))
    # pypdf hands a right-to-left run back in reading order by reversing what is drawn (without
    # mirroring), so reversed again it is the line as drawn, left to right
    drawn = [run[::-1] for run in runs if "(" in run or ")" in run]
    assert f"({visual(ar.text('no_score'))})" in drawn, drawn
