"""A repeat handout of a changed conversation (issue 16) lays out and draws the instrument's fixed
texts (title, headings, notes) from memory: their size per width once per process, and the
operators of those in plain ASCII once as well; the patient's words are laid out and drawn anew.
The PDF stays what drawing everything anew gives, page streams Flate only."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from reportlab import rl_config
from reportlab.platypus import paragraph

from pgdesk.domain.content import shipped_instrument
from pgdesk.reports import bidi
from pgdesk.reports.bidi import FixedParagraph, fixed_paragraph
from pgdesk.reports.handout import render_handout
from pgdesk.reports.handout_layout import A4_LAYOUT, styles
from pgdesk.reports.kit import escape
from tests.reports.test_handout import make_view, pdf_text


def _changed(view, first_step: str):
    c = view.consultation
    return replace(view, consultation=replace(c, plan=replace(c.plan, first_step=first_step)))


def _texts(monkeypatch, owner, name: str) -> Counter:
    seen: Counter = Counter()
    real = getattr(owner, name)

    def counted(self, *args, **kwargs):
        seen["".join(getattr(f, "text", "") for f in self.frags)] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return seen


def test_a_changed_handout_lays_out_and_draws_no_fixed_text_again(nl, monkeypatch):
    view = make_view(nl)
    render_handout(view, nl)
    broken = _texts(monkeypatch, paragraph.Paragraph, "breakLines")
    drawn = _texts(monkeypatch, paragraph.Paragraph, "drawPara")
    pdf = render_handout(_changed(view, "Morgen om tien uur bellen."), nl)
    for key in ("handout_title", "web_heading", "important_heading", "first_step_heading",
                "next_heading"):
        assert nl.text(key) not in broken and nl.text(key) not in drawn, key
        assert nl.text(key) in pdf_text(pdf)
    # the patient's words: laid out and drawn for this handout
    assert broken["Morgen om tien uur bellen."] == 1 and drawn["Morgen om tien uur bellen."] == 1


def test_fixed_texts_from_memory_give_the_same_pdf(nl, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random document id
    view = _changed(make_view(nl), "Elke ochtend tien minuten buiten.")
    render_handout(make_view(nl), nl)
    warm = render_handout(view, nl)
    assert bidi._DRAWN  # the operators of fixed texts were kept ...
    monkeypatch.setattr(bidi, "_SIZES", {})
    monkeypatch.setattr(bidi, "_DRAWN", {})
    assert render_handout(view, nl) == warm  # ... and are what drawing them anew writes
    assert b"ASCII85Decode" not in warm  # page streams compressed only


def test_only_plain_ascii_operators_are_kept(monkeypatch):
    monkeypatch.setattr(bidi, "_DRAWN", {})
    pl = shipped_instrument("pl")
    view = make_view(pl)
    render_handout(view, pl)
    render_handout(view, pl)
    assert bidi._DRAWN
    # a letter beyond ASCII has a code of its document's own: never replayed elsewhere
    assert all(text.isascii() for text, *_ in bidi._DRAWN)
    assert not all(pl.text(k).isascii() for k in ("handout_title", "web_heading", "next_heading"))


def test_a_fixed_text_whose_size_came_from_memory_still_splits():
    style = styles(A4_LAYOUT)["note"]
    text = escape(" ".join(["Een vaste tekst die over een paar regels loopt."] * 6))
    first = fixed_paragraph(text, style)
    width, height = first.wrap(200, 1000)
    again = fixed_paragraph(text, style)
    assert isinstance(again, FixedParagraph)
    assert again.wrap(200, 1000) == (width, height)
    assert "blPara" not in again.__dict__  # the size came from memory, no lines broken
    parts = again.split(200, height / 2)  # the foot of a page: the lines are broken now
    assert len(parts) == 2
    assert sum(p.wrap(200, 1000)[1] for p in parts) >= height - 1
