"""Large print: the six numbers as a table beside the web where A4 leaves room for both (issue
18), on the other side for right to left; page 1 still holds the first step, who helps and the
next appointment."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.models import Plan
from pgdesk.reports.handout import render_handout
from tests.reports.test_handout import make_view


def _page_one(pdf: bytes) -> list[tuple[str, float]]:
    """(text, x) of every text run on page 1."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((unicodedata.normalize("NFKC", text).strip(),
                         tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize(("code", "side", "short"), [
    ("ar", "left", False), ("tr", "right", True)])
def test_large_print_puts_the_numbers_beside_the_web(code, side, short):
    """Beside when page 1 still holds what it must (the full Turkish example needs the room)."""
    instrument = shipped_instrument(code)
    view = make_view(instrument, focus=set(), plan=Plan(
        first_step="Elke dag een rondje lopen.", helper="Mijn dochter Eline",
        next_appointment="2025-04-02T10:30")) if short else make_view(instrument)
    runs = _page_one(render_handout(view, instrument, large_print=True))
    heading = instrument.text("scores_heading")
    x = next(x for t, x in runs if heading in t)  # on page 1
    # under the web the heading starts at the margin (its right margin for right to left)
    assert (x > A4[0] / 2) if side == "right" else (x < A4[0] / 2)
    text = " ".join(t for t, _ in runs)
    for needed in ("Mijn dochter Eline", "02-04-2025 10:30"):
        assert needed in text


def test_where_the_page_is_too_narrow_the_numbers_stay_under_the_web_whole():
    """Dutch names are too wide for the web and the table side by side at 16 pt and more."""
    nl = shipped_instrument("nl")
    pdf = render_handout(make_view(nl), nl, large_print=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert any("Lichaamsfuncties" in p and nl.text("scores_heading") in p for p in pages)
