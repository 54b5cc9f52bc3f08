"""The patient handout PDF: content, fonts, languages and awkward input (fictitious data only)."""

from __future__ import annotations

import copy
import io
import json
import re
import time

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.dates import format_appointment
from pgdesk.domain.instrument import parse_instrument
from pgdesk.domain.models import Consultation, ConsultationView, Patient, Plan, Professional
from pgdesk.paths import resource
from pgdesk.reports.handout import render_handout

PATIENT_NAME = "Zoë Ĳsselmeer-de Bruïne"


def make_view(instrument, *, plan=None, focus=None, previous=True, scores=True, **consult):
    ids = instrument.dimension_ids
    c = Consultation(
        id="c-test",
        patient_id="p-test",
        professional_id="d-test",
        date=consult.pop("date", "2025-03-12"),
        type=consult.pop("type", "tussen"),
        manual_scores={d: 3 + i % 7 for i, d in enumerate(ids[:-1])} if scores else {},
        focus=focus if focus is not None else {(ids[0], "slapen"), (ids[0], "bewegen"),
                                               (ids[4], "")},
        plan=plan if plan is not None else Plan(
            goal="Weer goed slapen, zodat ik overdag energie heb.",
            first_step="Elke avond om 22:30 de telefoon weg en een rondje lopen.",
            helper="Mijn dochter Eline",
            when="Vanaf maandag",
            next_appointment="2025-04-02T10:30",
        ),
        **consult,
    )
    prev = None
    if previous:
        prev = Consultation(id="c-prev", patient_id="p-test", professional_id="d-test",
                            date="2025-01-10", type="start",
                            manual_scores={d: 4 for d in ids})
    return ConsultationView(
        consultation=c,
        patient=Patient(id="p-test", display_name=PATIENT_NAME, birth_date="1961"),
        professional=Professional(id="d-test", name="dr. Anouk van Dijk", role="huisarts"),
        previous=prev,
    )


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def fonts_of(data: bytes) -> list[tuple[str, object]]:
    """(BaseFont, font dictionary) for every font resource on every page, Form XObjects too."""
    found = []

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        fonts = resources.get("/Font")
        if fonts is not None:
            for ref in fonts.get_object().values():
                font = ref.get_object()
                found.append((str(font.get("/BaseFont")), font))
        xobjects = resources.get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                xobj = ref.get_object()
                if xobj.get("/Subtype") == "/Form":
                    walk(xobj.get("/Resources"))

    for page in PdfReader(io.BytesIO(data)).pages:
        walk(page.get("/Resources"))
    return found


@pytest.fixture(scope="module")
def normal_pdf(nl):
    return render_handout(make_view(nl), nl)


def test_is_a_one_page_a4_pdf_with_metadata(normal_pdf, nl):
    assert normal_pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(normal_pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title == nl.text("handout_title")
    assert reader.metadata.author == "dr. Anouk van Dijk"
    assert reader.trailer["/Root"].get("/Lang") == "nl-NL"


def test_contains_patient_header_dimensions_and_plan(normal_pdf, nl):
    text = pdf_text(normal_pdf)
    assert PATIENT_NAME in text
    assert "12-03-2025" in text
    assert nl.text("type_tussen") in text
    assert "met dr. Anouk van Dijk" in text
    for dim in nl.dimensions:
        assert dim.name in text
    for key in ("handout_title", "web_heading", "web_note", "web_previous", "important_heading",
                "want_heading", "first_step_heading", "helper_heading", "when_heading",
                "next_heading", "footer"):
        assert nl.text(key) in text, key
    assert "Weer goed slapen, zodat ik overdag energie heb." in text
    assert "Elke avond om 22:30 de telefoon weg en een rondje lopen." in text
    assert "Mijn dochter Eline" in text
    assert "Vanaf maandag" in text
    assert "02-04-2025 10:30" in text
    # focus: a whole dimension by name, aspects as "Dimension: aspect"
    assert "Lichaamsfuncties: Slapen, Bewegen" in text
    assert "Meedoen" in text
    # the last dimension has no score in make_view
    assert nl.text("no_score") in text


def test_every_font_is_embedded_dejavu(normal_pdf):
    fonts = fonts_of(normal_pdf)
    assert fonts, "no fonts found at all"
    for name, font in fonts:
        assert "DejaVuSans" in name, name
        assert "Helvetica" not in name
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a Type0 font keeps it on its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_seven_dimension_instrument_renders():
    data = json.loads(resource("instrument", "nl.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["dimensions"].append({
        "id": "werk",
        "name": "Werk",
        "short": "Werk",
        "explanation": "Hoe gaat het met uw werk, betaald of vrijwillig?",
        "aspects": [{"id": "plezier", "name": "Plezier in je werk"},
                    {"id": "collega", "name": "Contact met collega's"}],
    })
    seven = parse_instrument(data)
    assert len(seven.dimensions) == 7
    view = make_view(seven, focus={("werk", "plezier")})
    view.consultation.aspect_scores = {"werk": {"plezier": 6, "collega": 8}}
    pdf = render_handout(view, seven)
    text = pdf_text(pdf)
    assert "Werk" in text
    assert "Werk: Plezier in je werk" in text
    for dim in seven.dimensions:
        assert dim.name in text
    assert page_count(pdf) == 1


def test_english_instrument_gives_english_handout():
    en = shipped_instrument("en")
    pdf = render_handout(make_view(en, type="start"), en)
    text = pdf_text(pdf)
    for key in ("handout_title", "want_heading", "first_step_heading", "helper_heading",
                "next_heading", "footer", "type_start"):
        assert en.text(key) in text, key
    assert "with dr. Anouk van Dijk" in text
    assert "Mijn eerste stap" not in text
    assert "Bodily functions" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"


def test_very_long_answers_flow_onto_more_pages(nl):
    long = ("Ik wil graag weer beter slapen en minder piekeren over mijn werk en mijn moeder. "
            * 40)
    plan = Plan(goal=long, first_step=long, helper=long, when=long, next_appointment=long)
    pdf = render_handout(make_view(nl, plan=plan), nl)
    assert page_count(pdf) >= 2
    text = pdf_text(pdf)
    assert nl.text("first_step_heading") in text
    assert nl.text("next_heading") in text
    assert text.count("minder piekeren over mijn werk") >= 5 * 40 * 0.9


@pytest.mark.parametrize("lines", [4_000, 10_000])
def test_an_answer_of_thousands_of_short_lines_is_shortened_quickly(nl, lines):
    """Quadratic before: 4,000 one-word lines took 4-13 s, 10,000 about a minute."""
    answer = "\n".join(f"regel{n}" for n in range(lines))
    plan = Plan(goal=answer, first_step=answer, helper=answer, when="Vanaf maandag")
    # The floor, in the same run (a loaded machine slows both): answers of 100 lines, cut just the
    # same; linear work stays near it, quadratic work was 10-100x it.
    hundred = "\n".join(f"regel{n}" for n in range(100))
    short = Plan(goal=hundred, first_step=hundred, helper=hundred, when="Vanaf maandag")
    began = time.perf_counter()
    render_handout(make_view(nl, plan=short), nl)
    floor = time.perf_counter() - began
    began = time.perf_counter()
    pdf = render_handout(make_view(nl, plan=plan), nl)
    assert time.perf_counter() - began < 2 * floor + 0.5
    text = pdf_text(pdf)
    assert "regel59 …" in text and "regel60" not in text
    assert text.count(nl.text("answer_cut")) == 3  # goal, first step and helper
    assert page_count(pdf) <= 6


def test_one_endless_line_is_cut_between_words_with_the_note(nl):
    answer = "Ik wil weer wandelen. " * 1_000  # 22,000 characters, one line
    pdf = render_handout(make_view(nl, plan=Plan(goal=answer)), nl)
    text = pdf_text(pdf)
    assert f"… {nl.text('answer_cut')}" in text
    assert 150 <= text.count("Ik wil weer wandelen") <= 4_000 // 22


def test_user_text_with_markup_characters_is_printed_literally(nl):
    plan = Plan(goal="Samen <b>wandelen</b> & fietsen",
                first_step="Meer dan 3 < 5 stappen & dan rusten",
                helper="Tom & Jerry <i>", when="", next_appointment="")
    view = make_view(nl, plan=plan)
    view.patient.display_name = "An <b>Jansen</b> & Zn."
    text = pdf_text(render_handout(view, nl))
    assert "Samen <b>wandelen</b> & fietsen" in text
    assert "Meer dan 3 < 5 stappen & dan rusten" in text
    assert "Tom & Jerry <i>" in text
    assert "An <b>Jansen</b> & Zn." in text


def test_empty_plan_shows_no_empty_headings(nl):
    view = make_view(nl, plan=Plan(), focus=set(), previous=False, scores=False)
    pdf = render_handout(view, nl)
    text = pdf_text(pdf)
    for key in ("important_heading", "want_heading", "first_step_heading", "helper_heading",
                "when_heading", "web_previous"):
        assert nl.text(key) not in text, key
    # the next appointment is always there, with "not agreed yet"
    assert nl.text("next_heading") in text
    assert nl.text("nothing_yet") in text
    assert page_count(pdf) == 1


def test_wheel_answers_fill_in_for_missing_goal_and_first_step(nl):
    view = make_view(nl, plan=Plan(), wheel_answers={"wens": "Meer rust in mijn hoofd",
                                                     "besluit": "Morgen de buurvrouw bellen"})
    text = pdf_text(render_handout(view, nl))
    assert nl.text("want_heading") in text
    assert "Meer rust in mijn hoofd" in text
    assert "Morgen de buurvrouw bellen" in text


def test_previous_note_only_with_a_scored_previous_conversation(nl):
    view = make_view(nl)
    view.previous.manual_scores = {}
    assert nl.text("web_previous") not in pdf_text(render_handout(view, nl))


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-04-02", "02-04-2025"),
    ("2025-04-02T10:30", "02-04-2025 10:30"),
    ("2025-04-02 09:05:00", "02-04-2025 09:05"),
    ("over twee weken, bel zelf", "over twee weken, bel zelf"),
    ("2025-13-40", "2025-13-40"),
    ("", ""),
])
def test_format_appointment(value, expected):
    assert format_appointment(value) == expected


def test_no_qt_imported_by_reports():
    import subprocess
    import sys

    code = ("import sys, pgdesk.reports.handout; "
            "print(any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the end conversation: start and end web together, and what changed --------------------

START_STEP = "Elke ochtend tien minuten buiten wandelen."
# scores per dimension in instrument order: lichaamsfuncties, mentaal welbevinden, zingeving,
# kwaliteit van leven, meedoen, dagelijks functioneren
START_SCORES = (5, 7, 6, 6, 5, 6)
END_SCORES = (6, 7, 5, 8, 6, 6.5)


def make_end(instrument, *, start_scores=START_SCORES, end_scores=END_SCORES, ctype="eind",
             start_plan=None):
    ids = instrument.dimension_ids
    view = make_view(instrument, type=ctype, date="2025-07-10")
    c = view.consultation
    c.manual_scores = {d: s for d, s in zip(ids, end_scores, strict=True) if float(s).is_integer()}
    # a half point comes from aspects, as it does in practice
    for d, s in zip(ids, end_scores, strict=True):
        if not float(s).is_integer():
            aspects = [a.id for a in instrument.dimension(d).aspects][:2]
            c.aspect_scores[d] = {aspects[0]: int(s), aspects[1]: int(s) + 1}
    start = Consultation(id="c-start", patient_id="p-test", professional_id="d-test",
                         date="2025-01-10", type="start",
                         manual_scores=dict(zip(ids, start_scores, strict=True)),
                         plan=start_plan if start_plan is not None else Plan(
                             goal="Meer bewegen", first_step=START_STEP))
    return view, start


def test_end_handout_shows_start_and_now_with_plain_changes(nl):
    view, start = make_end(nl)
    pdf = render_handout(view, nl, start=start)
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    # legend beside the heading
    assert f"{nl.text('web_heading')} start 10-01-2025 {nl.text('web_now')}" in text
    assert nl.text("change_heading") in text
    # in words, largest first, only whole points or more; ties keep instrument order
    assert ("U gaf nu een hoger cijfer bij Kwaliteit van leven, Lichaamsfuncties en Meedoen dan "
            "bij de start.") in text
    assert "U gaf nu een lager cijfer bij Zingeving. Daar kunt u over praten." in text
    assert not re.search(r"[+\u2212]\s?\d|\(-\d", text)  # never a signed number
    # 6 -> 6,5 is less than a point: not named
    assert "Dagelijks functioneren dan" not in text
    # the start web replaces the 'previous web' note; the rest of the handout is all there
    assert nl.text("web_previous") not in text
    for key in ("important_heading", "want_heading", "first_step_heading", "next_heading"):
        assert nl.text(key) in text, key


def test_end_handout_names_at_most_three_each_way_and_still_fits_one_page(nl):
    long_step = ("Elke avond om 22:30 de telefoon weg en een rondje lopen, en op zondag met "
                 "mijn buurman naar de markt.")
    view, start = make_end(nl, start_scores=(5, 6, 5, 6, 5, 6), end_scores=(8, 3, 9, 2, 6, 4),
                           start_plan=Plan(first_step=long_step))
    pdf = render_handout(view, nl, start=start)
    text = pdf_text(pdf)
    # at most three printed lines: the largest change each way, the start's plan left out
    assert "U gaf nu een hoger cijfer bij Zingeving dan bij de start." in text
    assert "U gaf nu een lager cijfer bij Kwaliteit van leven. Daar kunt u over praten." in text
    assert "Lichaamsfuncties dan" not in text and long_step not in text
    assert page_count(pdf) == 1


def test_end_handout_with_fractions_and_no_whole_point_change(nl):
    view, start = make_end(nl, start_scores=(5, 5, 5, 5, 5, 5), end_scores=(5, 5, 5, 5, 5, 6.5))
    text = pdf_text(render_handout(view, nl, start=start))
    assert "U gaf nu een hoger cijfer bij Dagelijks functioneren dan bij de start." in text
    assert "lager cijfer" not in text and "1,5" not in text
    view, start = make_end(nl, start_scores=(5, 5, 5, 5, 5, 5), end_scores=(5, 5, 5, 5, 5, 5.5))
    text = pdf_text(render_handout(view, nl, start=start))
    assert nl.text("change_same") in text
    assert "hoger cijfer" not in text


def test_end_handout_falls_back_to_the_start_goal_or_leaves_the_plan_out(nl):
    one_change = {"start_scores": (5,) * 6, "end_scores": (5, 5, 5, 5, 5, 7)}
    view, start = make_end(nl, start_plan=Plan(goal="Weer kunnen fietsen"), **one_change)
    assert f"{nl.text('did_label')} Weer kunnen fietsen" in pdf_text(
        render_handout(view, nl, start=start))
    view, start = make_end(nl, start_plan=Plan())
    text = pdf_text(render_handout(view, nl, start=start))
    assert nl.text("did_label") not in text
    assert nl.text("change_heading") in text


def test_start_is_ignored_for_other_conversations_and_without_scores(nl):
    for ctype in ("start", "tussen", "los"):
        view, start = make_end(nl, ctype=ctype)
        with_start = pdf_text(render_handout(view, nl, start=start))
        assert with_start == pdf_text(render_handout(view, nl)), ctype
        assert nl.text("change_heading") not in with_start
        assert "start 10-01-2025" not in with_start
        assert nl.text("web_note") in with_start
        assert nl.text("web_previous") in with_start  # the previous web, faint, as before
    # an end conversation whose start has no scores: as before too
    view, start = make_end(nl)
    start.manual_scores = {}
    text = pdf_text(render_handout(view, nl, start=start))
    assert nl.text("change_heading") not in text
    assert nl.text("web_previous") in text


def test_english_end_handout():
    en = shipped_instrument("en")
    view, start = make_end(en)
    text = pdf_text(render_handout(view, en, start=start))
    assert "start 10-01-2025 now" in text
    assert "Compared with the start, you now gave a higher number for Quality of life" in text
    assert "you now gave a lower number for Meaningfulness. You can talk about that." in text
    assert "hoger cijfer" not in text


def test_own_instrument_without_the_new_texts_borrows_them():
    data = json.loads(resource("instrument", "nl.json").read_text(encoding="utf-8"))
    for key in ("web_start", "web_now", "change_heading", "change_higher", "change_lower",
                "change_and", "change_same", "did_label", "footer_phone", "source_line",
                "strengths_heading", "contact_heading"):
        del data["texts"][key]
    own = parse_instrument(data)
    view, start = make_end(own)
    text = pdf_text(render_handout(view, own, start=start))
    assert "U gaf nu een hoger cijfer bij Kwaliteit van leven" in text
    assert "change_higher" not in text and "did_label" not in text


def test_end_handout_uses_only_dejavu(nl):
    view, start = make_end(nl)
    names = {name for name, _ in fonts_of(render_handout(view, nl, start=start))}
    assert names and all("DejaVuSans" in name for name in names), names


# --- A5 and English ------------------------------------------------------------------------

A5_SIZE = (419.5, 595.3)


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height))
            for p in PdfReader(io.BytesIO(data)).pages]


def font_sizes(data: bytes) -> list[float]:
    """Every size set with Tf in the page content streams (the pictograms have no text)."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        found += [float(x) for x in re.findall(r"/F\S+\s+([\d.]+)\s+Tf", content)]
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a5_handout_one_page_of_a5_with_everything_in_large_type(language):
    instrument = shipped_instrument(language)
    pdf = render_handout(make_view(instrument), instrument, paper="A5")
    sizes = page_sizes(pdf)
    # the source line and the practice's footer cost a few lines: the want may go to page 2,
    # the first step, who helps and the next appointment stay on page 1
    assert len(sizes) <= 2
    first = re.sub(r"\s+", " ", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    for key in ("first_step_heading", "helper_heading", "next_heading"):
        assert instrument.text(key) in first, key
    assert all(abs(w - A5_SIZE[0]) < 1 and abs(h - A5_SIZE[1]) < 1 for w, h in sizes), sizes
    text = pdf_text(pdf)
    assert PATIENT_NAME in text
    for dim in instrument.dimensions:
        assert dim.name in text
    for key in ("handout_title", "web_heading", "web_note", "web_previous", "important_heading",
                "want_heading", "first_step_heading", "helper_heading", "when_heading",
                "next_heading", "footer"):
        assert instrument.text(key) in text, key
    assert "Elke avond om 22:30 de telefoon weg en een rondje lopen." in text
    assert "02-04-2025 10:30" in text
    # the type stays large on the small sheet
    assert min(font_sizes(pdf)) >= 11
    names = {name for name, _ in fonts_of(pdf)}
    assert names and all("DejaVuSans" in name for name in names), names


def test_english_a5_handout():
    en = shipped_instrument("en")
    pdf = render_handout(make_view(en, type="start"), en, paper="A5")
    text = pdf_text(pdf)
    for key in ("handout_title", "web_heading", "want_heading", "first_step_heading",
                "next_heading", "footer", "type_start"):
        assert en.text(key) in text, key
    assert "My web" in text and "with dr. Anouk van Dijk" in text
    assert "Mijn spinnenweb" not in text and "Mijn eerste stap" not in text
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/Lang") == "en-GB"


def test_paper_is_a4_by_default_any_case_and_nothing_else(nl):
    view = make_view(nl)
    assert [(round(w), round(h)) for w, h in page_sizes(render_handout(view, nl))] == [(595, 842)]
    assert {(round(w), round(h)) for w, h in page_sizes(render_handout(view, nl, paper="a5"))} \
        == {(420, 595)}
    with pytest.raises(ValueError, match="A4 of A5"):
        render_handout(view, nl, paper="Letter")


def test_a5_end_handout_and_long_answers_keep_everything(nl):
    view, start = make_end(nl)
    pdf = render_handout(view, nl, start=start, paper="A5")
    assert len(page_sizes(pdf)) <= 2
    text = pdf_text(pdf)
    assert "U gaf nu een hoger cijfer bij Kwaliteit van leven" in text
    for key in ("change_heading", "important_heading", "want_heading", "first_step_heading",
                "next_heading"):
        assert nl.text(key) in text, key
    assert min(font_sizes(pdf)) >= 11
    long = "Ik wil graag weer beter slapen en minder piekeren over mijn werk. " * 30
    plan = Plan(goal=long, first_step=long, helper="Eline", when="Maandag", next_appointment="")
    pdf = render_handout(make_view(nl, plan=plan), nl, paper="A5")
    assert len(page_sizes(pdf)) >= 3
    assert pdf_text(pdf).count("minder piekeren over mijn werk") >= 2 * 30 * 0.9


# --- the summary step: language and paper chosen per patient (offscreen Qt) -----------------

PREFERENCES_MISSING = ("pgdesk.storage.handout_preferences.handout_preferences / set_handout_preferences "
                       "(the patient handout preferences API) is not there yet; re-run once it is")


def _summary(qtbot, store, instrument, consultation_id):
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.summary_step import SummaryStep

    step = SummaryStep(ConsultationSession(store, instrument, consultation_id))
    qtbot.addWidget(step)
    step.refresh()
    return step


def _printed_sizes(step, tmp_path) -> list[tuple[float, float]]:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "geprint.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert step.print_handout(printer=printer, ask=False)
    return page_sizes(out.read_bytes())


@pytest.mark.gui
def test_summary_language_and_paper_change_the_handout_and_the_printer(qtbot, store, professional,
                                                                       tmp_path):
    nl = shipped_instrument("nl")
    p = store.add_patient("Anna Engels")
    c = store.new_consultation(p.id, professional.id)
    step = _summary(qtbot, store, nl, c.id)
    assert (step.language, step.paper) == ("nl", "A4")
    assert [(round(w), round(h)) for w, h in page_sizes(step.pdf)] == [(595, 842)]
    assert nl.text("handout_title") in pdf_text(step.pdf)
    # both controls are in the tab order, with a mnemonic on their labels
    for box in (step.language_box, step.paper_box):
        assert box.focusPolicy() & box.focusPolicy().TabFocus
    step.language_box.setFocus()
    qtbot.keyClick(step.language_box, "E")  # type-ahead: English
    assert step.language == "en"
    step.set_choice(paper="A5")
    text = pdf_text(step.pdf)
    assert "My conversation about health" in text and "Mijn gesprek" not in text
    assert all(abs(w - A5_SIZE[0]) < 1 and abs(h - A5_SIZE[1]) < 1 for w, h in page_sizes(step.pdf))
    # printing uses the chosen paper
    printed = _printed_sizes(step, tmp_path)
    assert printed and all(abs(w - A5_SIZE[0]) < 2 and abs(h - A5_SIZE[1]) < 2
                           for w, h in printed), printed
    saved = tmp_path / "summary.pdf"
    assert step.save_pdf(str(saved)) and saved.read_bytes() == step.pdf


@pytest.mark.gui
def test_summary_remembers_language_and_paper_per_patient(qtbot, store, professional):
    try:
        from pgdesk.storage.handout_preferences import handout_preferences
    except ImportError:
        pytest.skip(PREFERENCES_MISSING)
    nl = shipped_instrument("nl")
    anna = store.add_patient("Anna Engels")
    bert = store.add_patient("Bert Bakker")
    first = store.new_consultation(anna.id, professional.id)
    step = _summary(qtbot, store, nl, first.id)
    step.set_choice(language="en", paper="A5")
    assert tuple(handout_preferences(store, anna.id)) == ("en", "A5")
    # someone else still gets the default
    other = _summary(qtbot, store, nl, store.new_consultation(bert.id, professional.id).id)
    assert (other.language, other.paper) == ("nl", "A4")
    # Anna's next conversation: remembered, in a new session on the same store
    again = _summary(qtbot, store, nl, store.new_consultation(anna.id, professional.id).id)
    assert (again.language, again.paper) == ("en", "A5")
    assert "My conversation about health" in pdf_text(again.pdf)
    assert all(abs(w - A5_SIZE[0]) < 1 for w, _ in page_sizes(again.pdf))
    # and back to Dutch on A4 is stored just the same
    again.set_choice(language="nl", paper="A4")
    assert tuple(handout_preferences(store, anna.id)) == ("nl", "A4")


# --- "Wie kan mij helpen": the referrals with their contact details -------------------------

WELZIJN = {"name": "Welzijnscoach", "organisation": "Stichting Welzijn Voorbeeldstad",
           "offer": "Denkt met u mee.", "phone": "0800-0000101",
           "email": "welzijnscoach@welzijn.example.org", "website": "https://welzijn.example.org/",
           "address": "Dorpsstraat 12\nVoorbeeldstad", "referral_route": "huisarts"}
STAPPERS = {"name": "Wandelgroep De Stappers", "organisation": "Buurtsportcoach Voorbeeldstad",
            "phone": "0800-0000104", "website": "sport.example.org/wandelen",
            "address": "Start bij de ingang van het Stadspark, Parklaan 1, Voorbeeldstad"}


def referral(rid: str, snapshot: dict, status: str = "voorgesteld"):
    from pgdesk.domain.social_map import Referral

    return Referral(rid, "c-test", "p-test", None if len(snapshot) == 1 else f"s-{rid}", snapshot,
                    status=status)


def test_one_referral_fits_on_the_a4_page_with_its_contact_lines(nl):
    from pgdesk.reports.handout import referral_contact

    r = referral("r1", WELZIJN)
    assert referral_contact(r) == ["0800-0000101", "welzijnscoach@welzijn.example.org",
                                   "welzijn.example.org", "Dorpsstraat 12, Voorbeeldstad"]
    pdf = render_handout(make_view(nl), nl, referrals=[r])
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    # one 'Wie helpt mij?': the helper of the plan, then the service; no practice-side words
    assert text.count(nl.text("helper_heading")) == 1
    assert "Mijn dochter Eline Welzijnscoach" in text and "eigen praktijk" not in text
    for value in ("Welzijnscoach", "Stichting Welzijn Voorbeeldstad", *referral_contact(r)):
        assert value in text, value
    assert "https://" not in text and "Denkt met u mee" not in text
    # without referrals the section is not there at all
    assert "Welzijnscoach" not in pdf_text(render_handout(make_view(nl), nl))


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_several_referrals_stay_together_under_their_heading(nl, paper):
    from pgdesk.reports.handout import referral_contact

    refs = [referral("r1", WELZIJN), referral("r2", STAPPERS), referral("r3", {"name": "Zwemclub"})]
    pdf = render_handout(make_view(nl), nl, referrals=refs, paper=paper)
    pages = [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 2
    # first step, who helps (with the services' names) and the next appointment on page 1;
    # how to reach the services on the next
    for key in ("first_step_heading", "helper_heading", "next_heading"):
        assert nl.text(key) in pages[0], key
    assert all(r.name in pages[0] for r in refs)
    assert nl.text("contact_heading") in pages[1]
    for r in refs:
        for value in (r.name, r.organisation, *referral_contact(r)):
            assert value in pages[1], value
    assert min(font_sizes(pdf)) >= 11
    names = {name for name, _ in fonts_of(pdf)}
    assert names and all("DejaVuSans" in name for name in names), names


def test_english_handout_with_referrals():
    en = shipped_instrument("en")
    for paper in ("A4", "A5"):
        text = pdf_text(render_handout(make_view(en), en, paper=paper,
                                       referrals=[referral("r1", WELZIJN)]))
        assert "Who helps me?" in text and "Wie helpt mij" not in text
        assert "0800-0000101" in text and "welzijn.example.org" in text


def test_handout_referrals_from_the_store(store, professional, nl):
    from pgdesk.domain.social_map import Service
    from pgdesk.storage import social_map as sm
    from pgdesk.storage.documents import handout_referrals

    walk = sm.add_service(store, Service(name="Wandelgroep", phone="0800-0000104",
                                         dimensions=("meedoen",)))
    coach = sm.add_service(store, Service(name="Welzijnscoach", phone="0800-0000101"))
    p = store.add_patient("Ans Overzicht")
    before = store.new_consultation(p.id, professional.id, date="2026-01-12")
    still = sm.add_referral(store, before.id, walk.id, status="gestart")
    done = sm.add_referral(store, before.id, coach.id)
    now = store.new_consultation(p.id, professional.id, date="2026-03-02")
    sm.set_referral_status(store, done.id, "afgerond", consultation_id=now.id)
    made = sm.add_referral(store, now.id, None, name="Zwemclub")
    dropped = sm.add_referral(store, now.id, coach.id, status="niet_doorgegaan")
    got = [r.id for r in handout_referrals(store, now.id)]
    # earlier ones still running first, then this conversation's; finished or dropped ones not
    assert got == [still.id, made.id]
    assert dropped.id not in got and done.id not in got
    pdf = render_handout(store.view(now.id), nl, referrals=handout_referrals(store, now.id))
    text = pdf_text(pdf)
    assert "Wandelgroep" in text and "0800-0000104" in text and "Zwemclub" in text
    assert "0800-0000101" not in text


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_a_long_service_name_is_never_broken_inside_a_word(nl, paper):
    """"Mantelzorgsteunpunt" did not fit the name column beside the contact lines and came out
    as "Mantelzorgsteunpun / t"; a word wider than the whole column is broken with a hyphen."""
    snapshot = {"name": "Mantelzorgsteunpunt", "organisation": "Gemeentelijke Mantelzorgondersteuning",
                "phone": "0800-0000101", "website": "mantelzorg.example.org"}
    def lines(pdf: bytes) -> list[str]:
        return [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages
                for line in (page.extract_text() or "").splitlines()]

    found = lines(render_handout(make_view(nl), nl, referrals=[referral("r1", snapshot)], paper=paper))
    assert "Mantelzorgsteunpunt" in found and "Gemeentelijke Mantelzorgondersteuning" in found
    absurd = "Ervaringsdeskundigenondersteuningsnetwerkcoördinatiepunt"
    found = lines(render_handout(make_view(nl), nl, referrals=[referral("r2", {"name": absurd})],
                                 paper=paper))
    # (on A5 the name stands twice: on page 1 without its details, on page 2 with them)
    pieces = [line.removeprefix("• ") for line in found]
    pieces = [line for line in pieces if line and line.rstrip("-") in absurd]
    assert len(pieces) >= 2 and "\n".join(pieces).replace("-\n", "").count(absurd) >= 1
    # every piece but the word's end is broken with a hyphen
    assert all(line.endswith("-") for line in pieces if not absurd.endswith(line))
