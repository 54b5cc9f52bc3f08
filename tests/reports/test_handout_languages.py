"""Every variant and handout language reaches the handout and the blank web: embedded fonts that
hold every glyph, Arabic shaped, in reading order and right-aligned, large print never under
16 pt (fictitious data only)."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from pgdesk.domain.content import HANDOUT_LANGUAGES, instrument_codes, shipped_instrument
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.handout import render_handout
from pgdesk.reports.paper_web import render_paper_web
from tests.reports.test_handout import make_view

CODES = sorted(set(instrument_codes()) | set(HANDOUT_LANGUAGES))


def _runs(pdf: bytes) -> list[tuple[str, float, float, str]]:
    """(text, size in points, x, font) of every text run drawn, as a viewer places them."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            runs.append((text, size * scale, x, (font or {}).get("/BaseFont", "")))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def _fonts(pdf: bytes) -> list[dict]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        found += [fonts[name].get_object() for name in fonts]
    return found


def _check_glyphs(pdf: bytes) -> None:
    """Only embedded TrueType fonts, and every character drawn is one the font has (reportlab
    draws a character the font lacks as its .notdef box, under the same character code)."""
    fonts = _fonts(pdf)
    assert fonts
    for f in fonts:
        assert f["/Subtype"] == "/TrueType", f["/BaseFont"]
        assert "/FontFile2" in f["/FontDescriptor"].get_object(), f["/BaseFont"]
    regular, bold = register_fonts()
    have = (set(pdfmetrics.getFont(regular).face.charToGlyph)
            & set(pdfmetrics.getFont(bold).face.charToGlyph))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    missing = {c for c in text if not c.isspace() and ord(c) not in have}
    assert not missing, f"no glyph for {sorted(missing)}"


@pytest.mark.parametrize("code", CODES)
def test_every_language_and_variant_reaches_the_handout_with_all_glyphs(code):
    instrument = shipped_instrument(code)
    assert instrument.code == code
    pdf = render_handout(make_view(instrument), instrument)
    _check_glyphs(pdf)
    plain = unicodedata.normalize("NFKC", " ".join(t for t, *_ in _runs(pdf)))
    for key in ("handout_title", "first_step_heading"):
        assert unicodedata.normalize("NFKC", instrument.text(key)) in plain, key
    assert unicodedata.normalize("NFKC", instrument.dimensions[0].name) in plain


@pytest.mark.parametrize("code", CODES)
def test_every_language_and_variant_reaches_the_blank_web(code):
    instrument = shipped_instrument(code)
    pdf = render_paper_web(instrument)
    _check_glyphs(pdf)
    plain = unicodedata.normalize("NFKC", " ".join(t for t, *_ in _runs(pdf)))
    assert unicodedata.normalize("NFKC", instrument.text("paper_title")) in plain


def test_arabic_is_shaped_in_reading_order_and_right_aligned():
    ar = shipped_instrument("ar")
    pdf = render_handout(make_view(ar), ar)
    runs = _runs(pdf)
    title = next(r for r in runs
                 if unicodedata.normalize("NFKC", r[0]).strip() == ar.text("handout_title"))
    # joined letter forms (Arabic Presentation Forms), not the isolated letters of the file
    assert re.search("[\ufe70-\ufefc]", title[0])
    assert not re.search("[\u0600-\u06ff]", title[0])
    # right-aligned: the title starts in the right half of the page; the Dutch one at the margin
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert title[2] > width / 2
    nl = shipped_instrument("nl")
    nl_title = next(r for r in _runs(render_handout(make_view(nl), nl))
                    if r[0].strip() == nl.text("handout_title"))
    assert nl_title[2] < width / 4
    # a sentence of several words comes out in logical order, word for word
    note = unicodedata.normalize("NFKC", " ".join(t for t, *_ in runs))
    assert ar.text("web_note").split(".")[0] in note


def test_arabic_long_answer_breaks_in_reading_order():
    """The first words of a long Arabic answer stand on the first line, not the last."""
    ar = shipped_instrument("ar")
    view = make_view(ar)
    goal = " ".join(["بداية"] + ["كلام"] * 60 + ["نهاية"])
    c = replace(view.consultation, plan=replace(view.consultation.plan, goal=goal))
    pdf = render_handout(replace(view, consultation=c), ar)
    lines = [unicodedata.normalize("NFKC", t) for t, *_ in _runs(pdf)]
    first = next(n for n, line in enumerate(lines) if "بداية" in line)
    last = next(n for n, line in enumerate(lines) if "نهاية" in line)
    assert first < last
    assert "بداية كلام" in lines[first]  # and within the line, in reading order


@pytest.mark.parametrize("code", ["nl", "ar", "tr", "nl-kind"])
def test_large_print_has_no_text_under_16_pt(code):
    instrument = shipped_instrument(code)
    view = make_view(instrument, type="eind")
    pdf = render_handout(view, instrument, start=view.previous, large_print=True)
    sizes = [size for _, size, _, _ in _runs(pdf)]
    assert sizes and min(sizes) >= 16 - 0.01, sorted(set(sizes))[:5]
    # every dimension's name whole: large print wraps a long name rather than cutting it
    assert not any("…" in t for t, *_ in _runs(pdf))
    # the numbers also as a table, under its own heading
    assert instrument.text("scores_heading") in unicodedata.normalize(
        "NFKC", " ".join(t for t, *_ in _runs(pdf)))
    blank = render_paper_web(instrument, large_print=True)
    assert min(size for _, size, _, _ in _runs(blank)) >= 16 - 0.01


def test_large_print_keeps_the_first_step_on_page_one():
    nl = shipped_instrument("nl")
    view = make_view(nl)
    pdf = render_handout(view, nl, large_print=True)
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert re.sub(r"\s+", " ", view.consultation.plan.first_step) in re.sub(r"\s+", " ", first_page)


def test_an_unknown_pictogram_is_refused_naming_the_dimension():
    import json

    from pgdesk.domain.errors import InstrumentError
    from pgdesk.domain.instrument import parse_instrument
    from pgdesk.paths import resource

    data = json.loads(resource("instrument", "nl-kind.json").read_text(encoding="utf-8"))
    assert data["dimensions"][0]["icon"] == "person"
    data["dimensions"][0]["icon"] = "raket"
    with pytest.raises(InstrumentError, match="onbekend 'icon' bij dimensie 'lichaamsfuncties'"):
        parse_instrument(data)


def test_large_print_footer_wraps_but_keeps_the_phone_number_whole():
    from pgdesk.domain.practice import PracticeDetails

    uk = shipped_instrument("uk")
    practice = PracticeDetails(name="Huisartsenpraktijk De Linde", phone="071 123 45 67",
                               website="www.praktijkdelinde.example")
    pdf = render_handout(make_view(uk), uk, practice=practice, large_print=True)
    runs = [t.strip() for t, *_ in _runs(pdf)]
    assert "071 123 45 67" in runs  # on a line of its own, not split between its digits
    assert min(size for _, size, _, _ in _runs(pdf)) >= 16 - 0.01


def test_arabic_handout_keeps_the_phone_number_and_dates_left_to_right():
    """Read right to left, a number's groups must not swap: 071 123 45 67, not 67 45 123 071."""
    from pgdesk.domain.practice import PracticeDetails

    ar = shipped_instrument("ar")
    practice = PracticeDetails(name="Huisartsenpraktijk De Linde", phone="071 123 45 67")
    for large in (False, True):
        text = " ".join(t for t, *_ in _runs(render_handout(make_view(ar), ar, practice=practice,
                                                             large_print=large)))
        assert "071 123 45 67" in text
        assert "67 45 123 071" not in text
