"""Large print: the six numbers as a table beside the web (issue 18), in every language: the
web's spokes numbered, the table with number, name and score, on the other side for right to
left; page 1 still holds the first step, who helps and the next appointment."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import HANDOUT_LANGUAGES, instrument_codes, shipped_instrument
from pgdesk.reports.handout import render_handout
from tests.reports.test_handout import make_view


def _runs(pdf: bytes, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, x, y, size) of every text run on one page, as a viewer places them."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1
            runs.append((unicodedata.normalize("NFKC", text).strip(),
                         tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                         tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * scale))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


CODES = sorted(set(instrument_codes()) | set(HANDOUT_LANGUAGES))


@pytest.mark.parametrize("kind", ["tussen", "eind"])
@pytest.mark.parametrize("code", CODES)
def test_every_language_has_the_numbers_beside_the_web_at_16_pt_or_more(code, kind):
    """The web's spokes carry their number (and pictogram); beside it number, name and score
    at 16 pt or more, every name whole; the first step, who helps and the next appointment
    still on page 1."""
    instrument = shipped_instrument(code)
    view = make_view(instrument, type=kind)
    pdf = render_handout(view, instrument, start=view.previous if kind == "eind" else None,
                         large_print=True)
    runs = _runs(pdf)
    # the spokes' numbers, large (the score badges on the web are 16 pt)
    spokes = [r for r in runs if r[0] in {str(n) for n in range(1, 7)} and r[3] >= 20]
    assert sorted({r[0] for r in spokes}) == [str(n) for n in range(1, 7)]
    xs = [r[1] for r in spokes]
    # the table on the far side of the web: right of every spoke, or left for right to left
    table_side = (lambda x: x < min(xs)) if instrument.rtl else (lambda x: x > max(xs))
    heading = next(r for r in runs if instrument.text("scores_heading") in r[0])
    note = next(r for r in runs if instrument.text("web_note").split(".")[0][:12] in r[0])
    assert heading[2] > note[2] and table_side(heading[1])  # beside the web, not under it
    text = " ".join(r[0] for r in runs)
    for dim in instrument.dimensions:  # every name on page 1, in the table, whole
        for word in dim.name.split():
            assert any(word in r[0] and table_side(r[1]) and r[2] > note[2] for r in runs), \
                (dim.name, word)
    assert "…" not in text
    for needed in ("Mijn dochter Eline", "02-04-2025 10:30"):
        assert needed in text
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        assert min(r[3] for r in _runs(pdf, page)) >= 16 - 0.01
