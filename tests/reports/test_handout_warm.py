"""The handout in a warm process and in a fresh one (issue 16): a second handout registers no
font and reads no file again, draws its pictograms from operators worked out once, gives the
same bytes as drawing them anew, and a Dutch handout loads neither the Arabic shaper nor the
standard library's web and mail modules."""

from __future__ import annotations

import builtins
import io
import subprocess
import sys

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.pdfbase import pdfmetrics

from pgdesk.reports import handout_parts
from pgdesk.reports.handout import render_handout
from pgdesk.reports.kit import Picture
from tests.reports.test_handout import make_view


def _counting(monkeypatch, owner, name: str) -> list:
    calls: list = []
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args[:1])
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_second_handout_registers_no_font_and_opens_no_file(instrument, monkeypatch):
    view = make_view(instrument)
    render_handout(view, instrument)
    fonts = _counting(monkeypatch, pdfmetrics, "registerFont")
    opened = _counting(monkeypatch, builtins, "open")
    io_opened = _counting(monkeypatch, io, "open")
    assert render_handout(view, instrument).startswith(b"%PDF")
    assert fonts == []
    assert opened == [] and io_opened == []  # fonts, instrument, everything already in memory


def test_pictograms_are_drawn_from_operators_worked_out_once(instrument, monkeypatch):
    view = make_view(instrument)
    render_handout(view, instrument)
    drawn = _counting(monkeypatch, renderPDF, "draw")
    render_handout(view, instrument)
    # the pictograms are replayed (and the web goes straight onto the page: test_handout_again)
    assert not any(isinstance(d, Picture) for (d,) in drawn)
    assert handout_parts.icon.cache_info().hits > 0


def test_replayed_pictograms_give_the_same_pdf(instrument, monkeypatch):
    # no time stamp or random id, streams readable: the files can be compared line by line
    for name, value in (("invariant", 1), ("pageCompression", 0), ("useA85", 0)):
        monkeypatch.setattr(rl_config, name, value)
    view = make_view(instrument)
    warm = render_handout(view, instrument)
    handout_parts.icon.cache_clear()
    monkeypatch.setattr(Picture, "draw", lambda self, showBoundary=None: renderPDF.draw(
        self, self.canv, 0, 0))  # every pictogram drawn shape by shape, as before
    cold = render_handout(view, instrument)
    # the same operators; reportlab may set a shape's colour, width and dash in another order
    assert len(cold) == len(warm)
    assert sorted(cold.split(b"\n")) == sorted(warm.split(b"\n"))


def test_a_picture_with_text_is_drawn_the_ordinary_way():
    """Text refers to the document's own fonts: such a drawing is never replayed."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfgen.canvas import Canvas

    from pgdesk.reports.fonts import register_fonts
    from pgdesk.reports.kit import drawing

    font, _ = register_fonts()
    picture = drawing(40, 20, Picture)
    picture.add(String(2, 5, "ĳs", fontName=font, fontSize=10))
    for _ in range(2):
        canvas = Canvas(io.BytesIO())
        picture.drawOn(canvas, 10, 10)
        assert any("Tf" in op for op in canvas._code)
    assert picture._operators == []


def test_a_dutch_handout_loads_no_arabic_shaper_nor_web_modules():
    code = (
        "import sys\n"
        "from pgdesk.domain.content import shipped_instrument\n"
        "from pgdesk.reports.handout import render_handout\n"
        "from pgdesk.domain.models import Consultation, ConsultationView, Patient, Plan\n"
        "def make_view(i):\n"
        "    c = Consultation(id='c', patient_id='p', professional_id='d', date='2025-03-12',\n"
        "                     type='tussen', manual_scores={d: 6 for d in i.dimension_ids},\n"
        "                     plan=Plan(first_step='Elke avond wandelen.'))\n"
        "    return ConsultationView(c, Patient(id='p', display_name='Els Test'), None, None)\n"
        "def loaded():\n"
        "    return sorted(m for m in ('arabic_reshaper', 'bidi', 'urllib.request', 'ssl',\n"
        "                              'email', 'http.client') if m in sys.modules)\n"
        "nl = shipped_instrument('nl')\n"
        "render_handout(make_view(nl), nl)\n"
        "print(loaded())\n"
        "ar = shipped_instrument('ar')\n"
        "render_handout(make_view(ar), ar)\n"
        "print(loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert "arabic_reshaper" in out[1] and "bidi" in out[1]
