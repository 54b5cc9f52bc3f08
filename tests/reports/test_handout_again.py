"""A handout printed again in the same process (issue 16) redoes only what depends on the patient:
the font subsets of the same letters, the paragraph styles and the instrument's fixed texts are
made once, a paragraph is broken into lines once per width; the output stays what reportlab
itself writes. And the first handout of a session leaves reportlab's slow web-address pattern
for later and imports nothing it does not draw."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import replace

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph, paraparser

from pgdesk.domain.content import shipped_instrument
from pgdesk.reports import handout_web
from pgdesk.reports.bidi import plain_frags
from pgdesk.reports.fonts import FONT, FONT_BOLD, register_fonts
from pgdesk.reports.handout import render_handout
from pgdesk.reports.handout_layout import A4_LAYOUT, LARGE_LAYOUT, styles
from pgdesk.reports.kit import escape, markup
from tests.reports.test_handout import PATIENT_NAME, make_view, pdf_text


def _parsed_texts(monkeypatch) -> list[str]:
    texts: list[str] = []
    real = paraparser.ParaParser.parse

    def parse(self, text, style):
        texts.append(text)
        return real(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", parse)
    return texts


def test_the_same_letters_give_no_new_font_subset(nl, monkeypatch):
    view = make_view(nl)
    render_handout(view, nl)
    made = []
    real = ttfonts.TTFontMaker
    monkeypatch.setattr(ttfonts, "TTFontMaker", lambda *a: made.append(1) or real(*a))
    assert render_handout(view, nl).startswith(b"%PDF")
    assert made == []  # both faces' subsets (file and compressed stream) came from memory


def test_the_font_objects_are_what_reportlab_itself_writes(nl, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random document id
    view = make_view(nl)
    render_handout(view, nl)
    kept = render_handout(view, nl)
    register_fonts()
    for name in (FONT, FONT_BOLD):  # reportlab's own subsetting, compression and widths
        monkeypatch.delattr(pdfmetrics.getFont(name), "addObjects")
    assert render_handout(view, nl) == kept


def test_styles_are_made_once_per_layout():
    assert styles(A4_LAYOUT) is styles(A4_LAYOUT)
    assert styles(LARGE_LAYOUT) is not styles(A4_LAYOUT)


def test_a_second_handout_parses_no_fixed_text_and_no_plain_words(nl, monkeypatch):
    """The instrument's texts are parsed once per process; the patient's own words (plain text)
    get their fragments without reportlab's parser, anew in every handout: nothing of them is
    kept. Only markup with tags (a bold label) still goes through the parser."""
    view = make_view(nl)
    render_handout(view, nl)
    texts = _parsed_texts(monkeypatch)
    changed = replace(view, consultation=replace(
        view.consultation, plan=replace(view.consultation.plan, first_step="Om 23:00 naar bed.")))
    pdf = render_handout(changed, nl)
    parsed = "\n".join(texts)
    for key in ("handout_title", "web_heading", "important_heading", "first_step_heading",
                "next_heading"):
        assert nl.text(key) not in parsed, key
    assert "23:00" not in parsed and PATIENT_NAME not in parsed
    assert "Om 23:00 naar bed." in pdf_text(pdf)


def test_plain_words_get_the_fragments_reportlabs_parser_makes():
    tricky = ["Elke  avond &amp; &lt;nu&gt;<br/>tweede   regel", markup("  a <b>x</b> &  \n\n b\tc \n d"),
              "", " ", "a<br/><br/>b", "a <br/> b", escape("dr.\u00a0A.\u00a0de\u00a0Vries"),
              "zoë  ĳ 😀 &amp;&amp;", "12-03-2025  ·  Tussengesprek"]
    for style in [*styles(A4_LAYOUT).values(), *styles(LARGE_LAYOUT).values()]:
        for text in tricky:
            made = plain_frags(text, style)
            assert made is not None, text
            assert [f.__dict__ for f in made] == [f.__dict__ for f in paragraph.Paragraph(
                text, style).frags], text
    assert plain_frags("<b>Wie</b> helpt", styles(A4_LAYOUT)["body"]) is None  # to the parser
    assert plain_frags("&quot;", styles(A4_LAYOUT)["body"]) is None


def test_every_paragraph_is_broken_into_lines_once(nl, monkeypatch):
    """The handout is measured to fit the page and then laid out at the same width."""
    view = make_view(nl)
    render_handout(view, nl)
    broken: Counter = Counter()
    real = paragraph.Paragraph.breakLines

    def break_lines(self, width):
        broken[id(self)] += 1
        return real(self, width)

    monkeypatch.setattr(paragraph.Paragraph, "breakLines", break_lines)
    render_handout(view, nl)
    assert broken and max(broken.values()) == 1


def test_the_web_is_drawn_without_reportlabs_shape_renderer(nl, monkeypatch):
    """Rings, spokes and the 'vorige keer' line are the same for every patient: their operators
    are worked out once, the names around the web placed once; the patient's own web goes
    straight onto the page."""
    from reportlab.graphics import renderPDF

    from pgdesk.reports.kit import Picture

    view = make_view(nl)
    render_handout(view, nl)
    drawn: list = []
    real = renderPDF.draw
    monkeypatch.setattr(renderPDF, "draw", lambda d, *a, **k: drawn.append(d) or real(d, *a, **k))
    render_handout(view, nl)
    assert drawn == []
    grid = handout_web._grid(A4_LAYOUT.web_radius, len(nl.dimensions))
    assert isinstance(grid, Picture) and grid._operators
    assert handout_web._grid.cache_info().hits > 0
    assert handout_web._labels.cache_info().hits > 0  # the names measured and placed once
    # the web is as large as its outer ring, although the ring is not one of its shapes
    web = handout_web.web_drawing(view, nl, radius=A4_LAYOUT.web_radius)
    x0, y0, x1, y1 = web.getBounds()
    assert x1 - x0 >= 2 * A4_LAYOUT.web_radius and y1 - y0 >= 2 * A4_LAYOUT.web_radius
    # pictograms on the spokes (a variant's) are groups of their own: reportlab draws that web
    kind = shipped_instrument("nl-kind")
    assert any(d.icon for d in kind.dimensions)
    render_handout(make_view(kind), kind)
    assert handout_web.WebDrawing in [type(d) for d in drawn]


def test_a_first_handout_leaves_the_web_address_pattern_and_imports_little():
    code = (
        "import sys\n"
        "from pgdesk.domain.content import shipped_instrument\n"
        "from pgdesk.domain.models import Consultation, ConsultationView, Patient, Plan\n"
        "from pgdesk.reports.handout import render_handout\n"
        "nl = shipped_instrument('nl')\n"
        "c = Consultation(id='c', patient_id='p', professional_id='d', date='2025-03-12',\n"
        "                 type='tussen', manual_scores={d: 6 for d in nl.dimension_ids},\n"
        "                 plan=Plan(first_step='Elke avond wandelen.'))\n"
        "render_handout(ConsultationView(c, Patient(id='p', display_name='Els Test'), None, None), nl)\n"
        "from reportlab.platypus import paragraph\n"
        "from reportlab.lib import textsplit\n"
        "print(paragraph.uri_pat._compiled is None, textsplit.rx._compiled is None)\n"
        "print(sorted(m for m in ('pgdesk.domain.documents', 'pgdesk.domain.social_map',\n"
        "                         'pgdesk.reports.aspect_icons', 'pgdesk.reports.svg_path')\n"
        "             if m in sys.modules))\n"
        # used at last, the pattern is compiled then and works as reportlab's
        "print(list(paragraph._uri_split_pairs('https://example.org/a'))[0])\n"
        "print(type(paragraph.uri_pat._compiled).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "True True"
    assert out[1] == "[]"
    assert out[2] == "('https://example.org/', 'a')"
    assert out[3] == "Pattern"
