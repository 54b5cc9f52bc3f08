"""The blank web of a variant with aspect pictograms: the aspects go on the back, one a line
beside their pictogram, and the back stays one page (A4, A5 and large print)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.reports.paper_web import render_paper_web


@pytest.mark.parametrize("code", ["nl-eenvoudig", "nl-kind"])
@pytest.mark.parametrize("kw", [{}, {"paper": "A5"}, {"large_print": True}], ids=["A4", "A5", "large"])
def test_the_back_with_pictograms_is_one_page(code, kw):
    pages = PdfReader(io.BytesIO(render_paper_web(shipped_instrument(code), **kw))).pages
    assert len(pages) == 2  # the web, and the back with every aspect
    back = " ".join(pages[1].extract_text().split())
    for dim in shipped_instrument(code).dimensions:
        assert all(" ".join(a.name.split()) in back for a in dim.aspects)
