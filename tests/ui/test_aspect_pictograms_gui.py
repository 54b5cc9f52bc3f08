"""Every aspect of the eenvoudig and kind variants has a pictogram that really draws, on screen
(QtSvg) and on paper (reportlab, through svg_path), and it stands beside the aspect's words in
patient mode, the consultation and the printed pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from reportlab.graphics import renderPDF

from pgdesk.domain.content import shipped_instrument
from pgdesk.reports.aspect_icons import aspect_icon as paper_icon
from pgdesk.ui import pdf_output
from pgdesk.ui.patient_mode.pictograms import aspect_icon

VARIANTS = ("nl-eenvoudig", "nl-kind")


def _aspects(code: str):
    return [a for d in shipped_instrument(code).dimensions for a in d.aspects]


def _inked(image: QImage, on_white: bool) -> float:
    """The share of the image's pixels that carry ink (opaque, or darker than near-white)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    w, h = image.width(), image.height()
    inked = 0
    for y in range(h):
        for x in range(w):
            c = image.pixelColor(x, y)
            inked += (c.lightness() < 200 and c.alpha() > 128) if on_white else c.alpha() > 128
    return inked / (w * h)


@pytest.mark.parametrize("code", VARIANTS)
def test_every_aspect_has_a_pictogram_that_draws_on_screen(qapp, code):
    for a in _aspects(code):
        assert a.icon, f"{code}: {a.id} has no pictogram"
        icon = aspect_icon(a.icon)
        assert not icon.isNull(), a.icon
        share = _inked(icon.pixmap(QSize(32, 32)).toImage(), on_white=False)
        assert 0.15 < share < 0.95, (a.icon, share)  # a shape, neither empty nor a square


@pytest.mark.parametrize("code", VARIANTS)
def test_every_aspect_has_a_pictogram_that_draws_in_the_pdf(qapp, code):
    for a in _aspects(code):
        drawing = paper_icon(a.icon, 36)
        assert drawing is not None, a.icon
        document = QPdfDocument()
        buffer = pdf_output.load_pdf(document, renderPDF.drawToString(drawing), document)
        white = pdf_output.on_white(document.render(0, QSize(72, 72)))  # rendered on transparency
        document.close()
        buffer.close()
        share = _inked(white, on_white=True)
        # FA's solid shapes fill 15-80 % of their square; the same icon in Qt (above)
        assert 0.1 < share < 0.9, (a.icon, share)


def test_an_unknown_icon_draws_nothing_rather_than_something_else():
    assert paper_icon("no-such-icon", 20) is None
    assert aspect_icon("no-such-icon").isNull()


def test_patient_mode_rows_show_each_aspects_pictogram_beside_its_name(qtbot):
    from pgdesk.ui.patient_mode.screens import DimensionScreen

    dim = shipped_instrument("nl-kind").dimensions[0]
    screen = DimensionScreen(dim)
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    screen.show()
    scored = [r for r in screen.rows if r.scorable]
    assert len(scored) == len(dim.aspects)
    for row, aspect in zip(scored, dim.aspects, strict=True):
        assert row.pictogram is not None and row.pictogram.isVisible()
        assert row.name.text() == aspect.name  # the words are always there too
        assert row.pictogram.geometry().right() < row.name.geometry().left()
    # the adult instrument has none: the rows are as they were
    adult = DimensionScreen(shipped_instrument("nl").dimensions[0])
    qtbot.addWidget(adult)
    assert all(r.pictogram is None for r in adult.rows)


def test_on_a_dark_desktop_the_consultations_pictograms_take_the_palettes_accent(qapp):
    from PySide6.QtGui import QColor

    from pgdesk.ui.chart_colours import contrast

    dark_base, ink = QColor("#2a2a2a"), QColor("#8cc2f2")
    image = aspect_icon("bed", ink).pixmap(QSize(32, 32)).toImage()
    shape = [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
             if image.pixelColor(x, y).alpha() == 255]  # (a bed is wider than high: 32 x 25)
    assert shape and all(c.rgb() == ink.rgb() for c in shape)
    assert contrast(ink, dark_base) >= 3
    # the file's own dark blue would all but vanish there
    assert contrast(QColor("#1d3f66"), dark_base) < 1.5


def test_the_focus_steps_aspects_carry_the_variants_pictograms(window, store, professional):
    from pgdesk.storage.variants import set_instrument_variant

    patient = store.add_patient("Sem Testkind")
    set_instrument_variant(store, patient.id, "kind")
    c = store.new_consultation(patient.id, professional.id)
    window.show_patient(patient.id)
    window.open_consultation(c.id)
    tree = window.consultation_page.focus.tree
    first = tree.topLevelItem(0)
    assert first.childCount() == 7
    assert all(not first.child(k).icon(0).isNull() for k in range(first.childCount()))
    assert first.child(0).text(0) == "Me gezond voelen"


def test_blank_web_and_handout_put_the_pictograms_beside_the_words():
    import io

    from pypdf import PdfReader

    from pgdesk.reports.handout import render_handout
    from pgdesk.reports.paper_web import render_paper_web
    from tests.reports.test_handout import make_view

    kind = shipped_instrument("nl-kind")
    pages = PdfReader(io.BytesIO(render_paper_web(kind))).pages
    assert len(pages) == 2  # the aspects with their pictograms on the back
    back = " ".join(pages[1].extract_text().split())
    assert all(" ".join(a.name.split()) in back for a in _aspects("nl-kind"))
    view = make_view(kind)  # chose 'slapen' and 'bewegen' of Mijn lijf
    text = " ".join(PdfReader(io.BytesIO(render_handout(view, kind))).pages[0].extract_text().split())
    assert "Slapen (Mijn lijf)" in text and "Spelen en sporten (Mijn lijf)" in text
