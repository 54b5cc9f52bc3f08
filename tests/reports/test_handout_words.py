"""Issue 15 on the handout: whole numbers only, changes in words, the practice on every page,
the first step / who helps / next appointment on page 1, the patient's own words.

All people and practices are fictitious.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.models import IMPORTANT, Plan
from pgdesk.domain.practice import PracticeDetails
from pgdesk.reports.handout import render_handout
from tests.reports.test_handout import WELZIJN, make_end, make_view, pdf_text, referral

PRACTICE = PracticeDetails("Huisartsenpraktijk De Linde", "071 123 45 67", "www.praktijkdelinde.example")
DECIMAL = re.compile(r"\d[,.]\d(?!\d-)")  # 5,1 or 5.1; dates and times are dd-mm-jjjj and hh:mm


@pytest.fixture
def nl():
    return shipped_instrument("nl")


def pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_an_aspect_mean_shows_as_a_whole_number(nl):
    view = make_view(nl)
    dim = nl.dimensions[2]
    view.consultation.manual_scores.pop(dim.id, None)
    scores = (5, 5, 6)
    view.consultation.aspect_scores = {dim.id: {a.id: scores[n] for n, a in enumerate(dim.aspects[:3])}}
    assert view.consultation.scores(nl)[2] == 5.3
    for paper in ("A4", "A5"):
        text = pdf_text(render_handout(view, nl, paper=paper, practice=PRACTICE))
        assert not DECIMAL.search(text.replace("10:30", "")), text


def test_the_practice_phone_on_every_page_and_its_name(nl):
    long = "Ik wil graag weer beter slapen en minder piekeren over mijn werk. " * 20
    view = make_view(nl, plan=Plan(goal=long, first_step="Bellen", helper="Eline"))
    for paper in ("A4", "A5"):
        shown = pages(render_handout(view, nl, paper=paper, practice=PRACTICE))
        assert len(shown) >= 2
        for page in shown:
            assert "Vragen? Bel de praktijk: 071 123 45 67" in page
            assert "Huisartsenpraktijk De Linde" in page and "www.praktijkdelinde.example" in page
    # not filled in yet: the plain line, and nothing made up
    text = pdf_text(render_handout(view, nl))
    assert "Vragen? Bel de praktijk." in text and "071" not in text


def test_first_step_who_helps_and_next_appointment_on_page_one_of_a_long_a5(nl):
    long = "Ik wil graag weer beter slapen en minder piekeren over mijn werk. " * 12
    plan = Plan(goal=long, first_step="Elke avond om 22:30 de telefoon weg.", helper="Eline",
                when="Maandag", next_appointment="2025-04-02T10:30")
    view = make_view(nl, plan=plan)
    view.consultation.wheel_answers[IMPORTANT] = long
    view.consultation.wheel_answers["kunnen"] = long
    for paper in ("A5", "A4"):
        shown = pages(render_handout(view, nl, paper=paper, referrals=[referral("r1", WELZIJN)]))
        assert len(shown) >= 2
        for value in ("Elke avond om 22:30 de telefoon weg.", nl.text("helper_heading"), "Eline",
                      "Welzijnscoach", "02-04-2025 10:30"):
            assert value in shown[0], (paper, value)
        assert "0800-0000101" in " ".join(shown[1:])  # the contact details may follow


def test_the_patients_own_words_and_what_already_goes_well(nl):
    view = make_view(nl)
    view.consultation.wheel_answers[IMPORTANT] = "Weer met mijn kleinkinderen naar het strand."
    view.consultation.wheel_answers["kunnen"] = "Ik kan goed plannen."
    text = pdf_text(render_handout(view, nl))
    assert f"{nl.text('important_heading')} Weer met mijn kleinkinderen naar het strand." in text
    assert "(Lichaamsfuncties: Slapen, Bewegen; Meedoen)" in text  # the topics as a small label
    assert f"{nl.text('strengths_heading')} Ik kan goed plannen." in text


def test_changes_in_words_can_be_left_out(nl):
    view, start = make_end(nl)
    with_changes = pdf_text(render_handout(view, nl, start=start))
    without = pdf_text(render_handout(view, nl, start=start, show_changes=False))
    assert nl.text("change_heading") in with_changes and nl.text("change_heading") not in without
    assert "start 10-01-2025" in without  # the two webs stay


def test_source_line_on_the_handout(nl):
    en = shipped_instrument("en")
    assert "Bron: Positieve Gezondheid (Machteld Huber; Institute for Positive Health, iPH)" in \
        pdf_text(render_handout(make_view(nl), nl))
    assert "Machteld Huber; iPH" in pdf_text(render_handout(make_view(nl), nl, paper="A5"))
    assert "Source: Positive Health (Machteld Huber" in pdf_text(render_handout(make_view(en), en))


def test_demo_handout_shows_the_practice(tmp_path):
    from pgdesk.reports.handout import handout_pdf
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.documents import handout_data
    from pgdesk.storage.practice import needs_reminder, practice_details
    from pgdesk.storage.repository import Store

    nl = shipped_instrument("nl")
    path = write_demo(tmp_path / "demo.sqlite", nl)
    with Store.open(path) as store:
        assert practice_details(store).phone == "071 123 45 67"
        assert not needs_reminder(store)
        cid = store.latest_consultation_id()
        text = pdf_text(handout_pdf(handout_data(store, cid, nl), nl))
        assert "071 123 45 67" in text and "Huisartsenpraktijk De Linde" in text


def test_u_to_the_patient_je_only_in_aspects_and_wheel_questions():
    """Explanations, prompts and every text pgdesk prints for the patient say "u"; the aspects
    and the wheel's questions keep the "je" of the paper web; no block mixes the two."""
    nl = shipped_instrument("nl")
    je = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.I)
    u = re.compile(r"\b(u|uw|uzelf)\b", re.I)
    blocks = [d.explanation for d in nl.dimensions] + [" ".join(w.prompts) for w in nl.wheel]
    blocks += list(nl.texts.values())
    assert [b for b in blocks if je.search(b)] == []
    assert any(u.search(b) for b in blocks)
    for block in [a.name for d in nl.dimensions for a in d.aspects] + [w.question for w in nl.wheel]:
        assert not u.search(block), block
    meedoen = nl.dimension("meedoen")
    assert meedoen.aspect("maatschappij").name == "Interesse in de maatschappij"
