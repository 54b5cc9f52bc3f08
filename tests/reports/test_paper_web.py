"""The blank paper web: page sizes, every dimension and aspect, the 0-10 marks, fonts, languages."""

from __future__ import annotations

import copy
import io
import json
import re

import pytest
from pypdf import PdfReader
from test_handout import fonts_of, pdf_text

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import parse_instrument
from pgdesk.paths import resource
from pgdesk.reports.paper_web import render_paper_web

A4_SIZE = (595.3, 841.9)
A5_SIZE = (419.5, 595.3)
PAPER_KEYS = ("paper_title", "paper_name", "paper_date", "paper_instruction", "paper_talk",
              "paper_footer")


def sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height))
            for p in PdfReader(io.BytesIO(data)).pages]


def close_to(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) < 1 for a, b in zip(size, expected, strict=True))


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\b\d+\b", text))


def own_instrument(**changes) -> dict:
    data = copy.deepcopy(json.loads(resource("instrument", "nl.json").read_text(encoding="utf-8")))
    data.update(changes)
    return data


@pytest.fixture(scope="module", params=["nl", "en"])
def instrument(request):
    return shipped_instrument(request.param)


@pytest.mark.parametrize(("paper", "size", "pages"), [("A4", A4_SIZE, 1), ("A5", A5_SIZE, 2)])
def test_page_size_names_aspects_and_marks(instrument, paper, size, pages):
    pdf = render_paper_web(instrument, paper=paper)
    assert pdf.startswith(b"%PDF-")
    found = sizes(pdf)
    # A4 holds it all on one side; on A5 the aspects are on the back
    assert len(found) == pages
    assert all(close_to(s, size) for s in found), found
    text = pdf_text(pdf)
    for key in PAPER_KEYS:
        assert instrument.text(key) in text, key
    for dim in instrument.dimensions:
        assert dim.name in text, dim.name
        for aspect in dim.aspects:
            assert aspect.name in text, (dim.name, aspect.name)
    assert {"0", "10"} <= numbers_in(text)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == instrument.text("paper_title")
    assert reader.trailer["/Root"].get("/Lang") == {"nl": "nl-NL", "en": "en-GB"}[instrument.language]


def test_a5_front_has_the_web_and_the_back_the_aspects():
    nl = shipped_instrument("nl")
    reader = PdfReader(io.BytesIO(render_paper_web(nl, paper="A5")))
    front, back = (re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages)
    assert nl.text("paper_instruction") in front and nl.text("paper_talk") in front
    assert nl.text("paper_see_back") in front  # so the patient turns it over
    assert "Slapen" not in front and "Slapen" in back
    assert nl.text("paper_aspects_lead") in back


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_without_aspects_one_page_names_only(paper):
    nl = shipped_instrument("nl")
    pdf = render_paper_web(nl, paper=paper, with_aspects=False)
    assert len(sizes(pdf)) == 1
    text = pdf_text(pdf)
    for dim in nl.dimensions:
        assert dim.name in text
    assert "Klachten en pijn" not in text
    assert "Rondkomen met je geld" not in text
    assert nl.text("paper_see_back") not in text


@pytest.mark.parametrize("paper", ["A4", "a5"])
def test_only_embedded_dejavu(paper):
    fonts = fonts_of(render_paper_web(shipped_instrument("nl"), paper=paper))
    assert fonts
    for name, font in fonts:
        assert "DejaVuSans" in name, name
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="A4 of A5"):
        render_paper_web(shipped_instrument("nl"), paper="Letter")


@pytest.mark.parametrize("extra", [1, -3])
def test_other_numbers_of_dimensions_follow(extra):
    data = own_instrument()
    if extra > 0:
        data["dimensions"].append({
            "id": "werk", "name": "Werk", "explanation": "Hoe gaat het met uw werk?",
            "aspects": [{"id": "plezier", "name": "Plezier in je werk"},
                        {"id": "collega", "name": "Contact met collega's"}]})
    else:
        data["dimensions"] = data["dimensions"][:extra]
    own = parse_instrument(data)
    for paper in ("A4", "A5"):
        pdf = render_paper_web(own, paper=paper)
        text = pdf_text(pdf)
        for dim in own.dimensions:
            assert dim.name in text
            for aspect in dim.aspects:
                assert aspect.name in text
        assert len(sizes(pdf)) == (1 if paper == "A4" else 2)


def test_own_instrument_without_the_paper_texts_borrows_them():
    data = own_instrument()
    for key in (*PAPER_KEYS, "paper_aspects_lead", "paper_see_back"):
        del data["texts"][key]
    text = pdf_text(render_paper_web(parse_instrument(data), paper="A5"))
    nl = shipped_instrument("nl")
    assert nl.text("paper_title") in text and nl.text("paper_instruction") in text
    assert "paper_" not in text


def test_markup_characters_in_names_are_printed_literally():
    data = own_instrument()
    data["dimensions"][0]["name"] = "Lichaam & <b>geest</b>"
    data["dimensions"][0]["aspects"][0]["name"] = "Eten & drinken <i>"
    text = pdf_text(render_paper_web(parse_instrument(data), paper="A5"))
    assert "Lichaam & <b>geest</b>" in text
    assert "Eten & drinken <i>" in text


# --- Bestand → Leeg spinnenweb afdrukken… (offscreen Qt) -------------------------------------


@pytest.mark.gui
def test_print_dialog_language_paper_and_printer(qtbot, tmp_path, store, professional, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrinter

    from pgdesk.ui.main_window import MainWindow
    from pgdesk.ui.paper_web_dialog import PaperWebDialog

    QSettings().remove("paper_web")  # settings may outlive a test within one process
    window = MainWindow(store, shipped_instrument("nl"))
    qtbot.addWidget(window)
    entry = [a for a in window.findChildren(QAction) if a.text() == "&Leeg spinnenweb afdrukken…"]
    assert len(entry) == 1
    opened = []
    monkeypatch.setattr(PaperWebDialog, "exec", lambda self: opened.append(self) or 0)
    entry[0].trigger()
    assert opened and opened[0].language == "nl"

    dialog = PaperWebDialog(shipped_instrument("nl"))
    qtbot.addWidget(dialog)
    assert dialog.paper == "A4" and close_to(sizes(dialog.pdf)[0], A4_SIZE)
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A5"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert [close_to(s, A5_SIZE) for s in sizes(dialog.pdf)] == [True, True]
    assert "My web" in pdf_text(dialog.pdf)
    out = tmp_path / "web.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert dialog.print_sheet(printer=printer, ask=False)
    printed = sizes(out.read_bytes())
    assert len(printed) == 2 and all(abs(w - A5_SIZE[0]) < 2 and abs(h - A5_SIZE[1]) < 2
                                     for w, h in printed), printed
    saved = tmp_path / "saved.pdf"
    assert dialog.save_pdf(str(saved)) and saved.read_bytes() == dialog.pdf
    # the choice is remembered on this computer for the next time
    again = PaperWebDialog(shipped_instrument("nl"))
    qtbot.addWidget(again)
    assert (again.language, again.paper) == ("en", "A5")
    again.aspects.setChecked(False)
    assert len(sizes(again.pdf)) == 1
    QSettings().remove("paper_web")
