"""The take-home handout: one page (A4 or A5) with the patient's web, what matters to them in
their own words and the next steps; the practice's name and phone number on every page.

The first step, who helps and the next appointment always stand on page 1: when everything does
not fit, the web gets smaller (within limits) and then the longer texts and the services'
contact details move behind them, onto page 2.

Built in memory with reportlab only (patient data never touches the disk). Every fixed text
comes from the instrument's "texts", so the handout follows the instrument's language, and the
web follows the instrument's dimensions (any number, three or more). The parts live in
handout_layout (page formats), handout_web (the web), handout_parts (pictograms, sections,
services) and handout_change (what changed since the start).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import SimpleDocTemplate, Table
from reportlab.platypus.flowables import HRFlowable

from pgdesk.domain.dates import format_appointment, format_date
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import IMPORTANT, Consultation, ConsultationView
from pgdesk.domain.practice import PracticeDetails
from pgdesk.domain.scores import whole_number
from pgdesk.reports.bidi import Paragraph, fixed_paragraph, kept_drawing, visual
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.handout_change import change_section, compares_with_start
from pgdesk.reports.handout_layout import (
    A4_LAYOUT,
    ICON,
    PAPERS,
    Layout,
    layout_for,
    paper_name,
    styles,
)
from pgdesk.reports.handout_parts import (
    fact_row,
    mirrored,
    referral_contact,
    referral_names,
    referral_section,
    section,
)
from pgdesk.reports.handout_web import has_scores, heading_with_legend, previous_legend, web_drawing
from pgdesk.reports.kit import (
    INK,
    MUTED,
    PDF_LANG,
    RING,
    CondPageBreak,
    Spacer,
    balanced_markup,
    escape,
    fill_text,
    markup,
    plain_table_style,
    quick_canvas,
    text,
    wrap_words,
)

if TYPE_CHECKING:  # types only: the first handout of a session imports less
    from pgdesk.domain.documents import HandoutData
    from pgdesk.domain.social_map import Referral

__all__ = ["PAPERS", "handout_pdf", "layout_for", "paper_name", "referral_contact",
           "render_handout"]


@dataclass(frozen=True)
class Handout:
    """Everything one handout shows, gathered once; `compact` puts the first step, who helps and
    the next appointment before the longer texts, `radius` is the web's (None: the layout's),
    `scores_beside` lets large print put its table of numbers beside the web."""

    view: ConsultationView
    instrument: Instrument
    start: Consultation | None = None
    referrals: Sequence[Referral] = ()
    practice: PracticeDetails | None = None
    show_changes: bool = True
    radius: float | None = None
    compact: bool = False
    scores_beside: bool = True


def _focus_lines(consultation: Consultation, instrument: Instrument) -> list[str]:
    """'Dimension' or 'Dimension: aspect, aspect', in instrument order; unknown ids skipped.
    Aspects with a pictogram are left to _pictured (a dimension with only those drops out)."""
    lines = []
    for dim in instrument.dimensions:
        picked = {a for d, a in consultation.focus if d == dim.id}
        if not picked:
            continue
        aspects = [a.name for a in dim.aspects if a.id in picked and not a.icon]
        if any(a.icon and a.id in picked for a in dim.aspects) and not aspects:
            continue
        lines.append(f"{dim.name}: {', '.join(aspects)}" if aspects else dim.name)
    return lines


def _pictured(c: Consultation, instrument: Instrument, st: dict, lay: Layout) -> list:
    """Eenvoudig, kind: each chosen aspect on a line of its own beside its pictogram."""
    chosen = set(c.focus)
    pictured = [(dim, a) for dim in instrument.dimensions for a in dim.aspects
                if a.icon and (dim.id, a.id) in chosen]
    if not pictured:
        return []
    from pgdesk.reports.aspect_icons import aspect_row  # loaded only when there are such aspects

    return [aspect_row(a.icon, f"{a.name} ({dim.name})", st["body"], lay.indent, lay.frame_w, lay.rtl)
            for dim, a in pictured]


def _important(c: Consultation, instrument: Instrument, st: dict, lay: Layout) -> list:
    """The patient's own words with the chosen topics as a small label under them; without
    words, the topics themselves. Topics with a pictogram get a line each."""
    own = c.wheel_answers.get(IMPORTANT, "")
    topics = _focus_lines(c, instrument)
    pictured = _pictured(c, instrument, st, lay)
    if own.strip():
        body = [Paragraph(markup(own, instrument.text("answer_cut")), st["body"])]
        if topics:
            body.append(Paragraph(escape(f"({'; '.join(topics)})"), st["small"]))
        return body + pictured
    return [Paragraph(escape(line), st["bullet"], bulletText="•") for line in topics] + pictured


def _header(h: Handout, st: dict, lay: Layout) -> list:
    t = h.instrument.text
    c = h.view.consultation
    story: list = [fixed_paragraph(escape(t("handout_title")), st["title"]),
                   Paragraph(escape(h.view.patient.display_name), st["who"])]
    kind = h.instrument.texts.get(f"type_{c.type}") or t("type_los")
    if h.view.professional is not None and h.view.professional.name.strip():
        # no-break spaces keep 'dr. A. de Vries' together when the line wraps
        name = " ".join(h.view.professional.name.split()).replace(" ", "\u00a0")
        kind = f"{kind} {t('with')} {name}"
    meta = [m for m in (format_date(c.date), kind) if m]
    story.append(Paragraph(escape("  ·  ".join(meta)), st["meta"]))
    rule = 7 * lay.space
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=rule, spaceAfter=rule))
    return story


def _web(h: Handout, compare: Consultation | None, st: dict, lay: Layout) -> tuple[list, bool]:
    """The web; beside an end conversation's heading the legend 'start dd-mm-jjjj / nu'. With
    it whether large print's table of numbers stands beside the web."""
    t, frame_w = h.instrument.text, lay.frame_w
    story: list = []
    radius = h.radius or (lay.compare_radius if compare is not None else lay.web_radius)
    if compare is not None:
        story.append(heading_with_legend(t("web_heading"), compare, h.instrument, st, frame_w))
        story.append(Spacer(1, 5 * lay.space))
    else:
        story.append(fixed_paragraph(escape(t("web_heading")), st["heading"]))
    beside = _web_beside_scores(h, compare, radius, st, lay) \
        if lay.large and h.scores_beside else None
    if beside is not None:
        story.append(beside)
    else:
        story.append(web_drawing(h.view, h.instrument, frame_w, compare=compare, radius=radius,
                                 layout=lay))
    if lay.large and beside is None and not h.compact:
        story += _scores_table(h, st, lay)  # under the web (compact: on page 2)
    story.append(Spacer(1, 4 * lay.space))
    story.append(fixed_paragraph(balanced_markup(t("web_note"), st["note"].fontName, lay.note,
                                           frame_w - 2), st["note"]))
    # the web and its six topics are Positieve Gezondheid's: credited where they are shown
    # (on A5 in its short form, one line: Institute for Positive Health is then only 'iPH')
    source = text(h.instrument, "source_line" if lay.paper == "A4" else "source_line_short")
    story.append(fixed_paragraph(balanced_markup(source, st["note"].fontName, lay.note, frame_w - 2),
                           st["note"]))
    if compare is None and h.view.previous is not None and has_scores(h.view.previous, h.instrument):
        note = t("web_previous")
        note_w = min(frame_w - 34, stringWidth(note, st["note"].fontName, lay.note) + 2)
        legend = Table([[previous_legend(), fixed_paragraph(escape(note), st["note"])]],
                       colWidths=[34, note_w], hAlign="CENTER")
        legend.setStyle(plain_table_style())
        story.append(legend)
    story.append(Spacer(1, 4 * lay.space))
    story.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=4 * lay.space,
                            spaceAfter=0))
    return story, beside is not None


def _score_cells(h: Handout, st: dict) -> list[tuple[str, str]]:
    c = h.view.consultation
    return [(dim.name, str(whole_number(score)) if score is not None
             else h.instrument.text("no_score"))
            for dim, score in zip(h.instrument.dimensions, c.scores(h.instrument), strict=True)]


def _scores_table(h: Handout, st: dict, lay: Layout,
                  widths: tuple[float, float, float] | None = None) -> list:
    """'Mijn cijfers': one row per dimension, its name and its whole number (or none). Beside
    the web (`widths`: number, name, score) each row starts with the number of its spoke."""
    cells = _score_cells(h, st)
    rows = [mirrored(([fixed_paragraph(str(n), st["fact_heading"])] if widths else [])
                     + [fixed_paragraph(escape(name), st["meta"]),
                        Paragraph(escape(number), st["fact_heading"])], lay)
            for n, (name, number) in enumerate(cells, start=1)]
    table = Table(rows, colWidths=mirrored(list(widths or (lay.frame_w * 0.5, lay.frame_w * 0.15)),
                                           lay), hAlign="CENTER")
    pad = 1.5 if widths else 3  # beside the web: rows close enough for page 1 to hold it
    table.setStyle(plain_table_style("MIDDLE", [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RING), ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        # a little air between the columns, on the side the next one follows
        ("LEFTPADDING" if lay.rtl else "RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    heading = fixed_paragraph(escape(text(h.instrument, "scores_heading")), st["heading"])
    if widths is not None:  # beside the web
        return [heading, Spacer(1, 2 * lay.space), table]
    # heading and table together: on a new page unless both fit
    need = heading.wrap(lay.frame_w, lay.page_h)[1] + table.wrap(lay.frame_w, lay.page_h)[1]
    return [CondPageBreak(need + 6 * lay.space), Spacer(1, 6 * lay.space), heading, table]


def _web_beside_scores(h: Handout, compare: Consultation | None, radius: float, st: dict,
                       lay: Layout) -> Table | None:
    """Large print: the web, its spokes numbered, with 'Mijn cijfers' beside it (number, name,
    score; on the left for right to left), or None when even the smallest web leaves too little
    room for the table's longest word (the table then goes under a web with the names). The web
    takes what it needs, the names the rest, wrapped between words, never cut."""
    cells = _score_cells(h, st)

    def widest(parts, style) -> float:
        return max(stringWidth(p, style.fontName, style.fontSize) for p in parts) + 8

    index_w = widest([str(len(cells))], st["fact_heading"])
    number_w = widest([w for _, number in cells for w in number.split()], st["fact_heading"])
    name_min = widest([w for name, _ in cells for w in name.split()], st["meta"])
    heading_min = widest(text(h.instrument, "scores_heading").split(), st["heading"])
    gap = 20 * lay.space  # the spokes' numbers must not read as one with the table's
    name_st = st["meta"]

    def lines(name: str, room: float) -> int:
        return len(wrap_words(name, name_st.fontName, name_st.fontSize, room - 8))

    radii = list(dict.fromkeys((radius, min(radius, lay.compare_radius_min))))
    # a web as large as leaves every name two lines at most; else the one that leaves most room
    tries = [(r, two) for two in (True, False) for r in (radii if two else radii[::-1])]
    for r, two in tries:
        probe = web_drawing(h.view, h.instrument, lay.frame_w, compare=compare, radius=r,
                            layout=lay, numbered=True)
        x0, _, x1, _ = probe.getBounds()
        half = lay.frame_w / 2
        web_w = 2 * max(half - x0, x1 - half) + 2  # centred: as wide as its wider side
        table_w = lay.frame_w - web_w - gap
        name_w = table_w - index_w - number_w
        if name_w >= name_min and table_w >= heading_min and (
                not two or all(lines(name, name_w) <= 2 for name, _ in cells)):
            break
    else:
        return None
    web = web_drawing(h.view, h.instrument, web_w, compare=compare, radius=r, layout=lay,
                      numbered=True)
    # "geen cijfer" on one line where that leaves each name as many lines as before
    whole_w = widest([number for _, number in cells], st["fact_heading"])
    wider = table_w - index_w - whole_w
    if wider >= name_min and all(lines(n, wider) <= lines(n, name_w) for n, _ in cells):
        number_w = whole_w
    scores = _scores_table(h, st, lay, (index_w, table_w - index_w - number_w, number_w))
    beside = Table([mirrored([web, scores], lay)], colWidths=mirrored([web_w + gap, table_w], lay))
    # the web to the far side of its cell, so the gap stands between it and the table
    web_cell = (1, 0) if lay.rtl else (0, 0)
    beside.setStyle(plain_table_style("MIDDLE", [("ALIGN", web_cell, web_cell,
                                                  "RIGHT" if lay.rtl else "LEFT")]))
    return beside


def _text_section(kind: str, heading: str, value: str, st: dict, lay: Layout,
                  cut: str = "") -> list:
    if not (value or "").strip():
        return []
    return section(kind, heading, [Paragraph(markup(value, cut), st["body"])], st, lay)


def _facts(rows: list[tuple[str, str, str]], st: dict, lay: Layout, cut: str = "") -> list:
    """Short facts one row each (pictogram, heading, answer); a long answer gets a section."""
    rows = [(kind, heading, value) for kind, heading, value in rows if value.strip()]
    if not rows:
        return []
    head = st["fact_heading"]
    label_w = max(stringWidth(h, head.fontName, head.fontSize) for _, h, _ in rows)
    label_w = min(label_w + 14 * lay.icon / ICON, lay.frame_w * 0.42)
    story: list = []
    first = True
    for kind, heading, value in rows:
        row = fact_row(kind, heading, value, label_w, st, lay)
        if row is None:
            story += _text_section(kind, heading, value, st, lay, cut)
            first = True
        else:
            story += [Spacer(1, (9 if first else 5) * lay.space), row]
            first = False
    return story


def _who_helps(h: Handout, st: dict, lay: Layout, *, names_only: bool) -> list:
    """'Wie helpt mij?': the helper agreed in the plan, then the services referred to (with how
    to reach them, or only their names when the details follow on page 2)."""
    t = h.instrument.text
    helper = h.view.consultation.plan.helper
    if not h.referrals:
        return _facts([("person", t("helper_heading"), helper)], st, lay, t("answer_cut"))
    lead = [Paragraph(markup(helper, t("answer_cut")), st["body"]), Spacer(1, 4 * lay.space)] \
        if helper.strip() else []
    if names_only:
        return section("person", t("helper_heading"),
                       lead + referral_names(h.referrals, st, lay), st, lay)
    return referral_section(h.referrals, t("helper_heading"), st, lay, lead=lead)


def story_parts(h: Handout, layout: Layout = A4_LAYOUT) -> tuple[list, list]:
    """(first, rest): the flowables of the handout in reading order for the page of `layout`.

    `first` must stand on page 1: the whole handout, or (`compact`) everything up to the next
    appointment, with the longer texts and the services' details in `rest`. For an end
    conversation with its trajectory's `start`, the web shows both (start dashed) and a short
    section says in words what changed (unless `show_changes` is off)."""
    lay = layout
    st = styles(lay)
    t = h.instrument.text
    c = h.view.consultation
    plan = c.plan
    compare = h.start if compares_with_start(h.view, h.instrument, h.start) else None
    web, scores_beside = _web(h, compare, st, lay)
    story = _header(h, st, lay) + web
    change = change_section(compare, c, h.instrument, st, lay) \
        if compare is not None and h.show_changes else []

    important = section("heart", t("important_heading"), _important(c, h.instrument, st, lay), st, lay) \
        if (c.focus or c.wheel_answers.get(IMPORTANT, "").strip()) else []
    strengths = _text_section("star", text(h.instrument, "strengths_heading"),
                              c.wheel_answer(h.instrument, "strength"), st, lay, t("answer_cut"))
    goal = plan.goal if plan.goal.strip() else c.wheel_answer(h.instrument, "wish")
    first = plan.first_step if plan.first_step.strip() else c.wheel_answer(h.instrument, "decision")
    want = _text_section("flag", t("want_heading"), goal, st, lay, t("answer_cut"))
    step = _text_section("steps", t("first_step_heading"), first, st, lay, t("answer_cut"))
    when = _facts([("clock", t("when_heading"), plan.when)], st, lay, t("answer_cut"))
    # the next appointment is always shown: "not agreed yet" is useful to know too
    nxt = _facts([("calendar", t("next_heading"),
                   format_appointment(plan.next_appointment) or t("nothing_yet"))], st, lay)
    if not h.compact:
        return (story + change + important + strengths + want + step + when
                + _who_helps(h, st, lay, names_only=False) + nxt), []
    details = []
    if h.referrals:
        details = referral_section(h.referrals, text(h.instrument, "contact_heading"), st, lay)
    scores = _scores_table(h, st, lay) if lay.large and not scores_beside else []
    return (story + step + when + _who_helps(h, st, lay, names_only=bool(h.referrals)) + nxt,
            scores + change + important + strengths + want + details)


def handout_story(h: Handout, layout: Layout = A4_LAYOUT) -> list:
    first, rest = story_parts(h, layout)
    return first + rest


def footer_lines(instrument: Instrument, practice: PracticeDetails | None) -> list[str]:
    """'Vragen? Bel de praktijk: 071 123 45 67' and the practice's name and website; the plain
    'Vragen? Bel de praktijk.' while the practice has not filled in its details."""
    if practice is None or not practice.phone.strip():
        lines = [instrument.text("footer")]
    else:
        lines = [fill_text(text(instrument, "footer_phone"), phone=practice.phone)]
    second = "  ·  ".join(v for v in (practice.name, practice.website) if v.strip()) \
        if practice is not None else ""
    return lines + ([second] if second else [])


def _wrapped_footer(lines: list[str], lay: Layout) -> list[str]:
    """The footer's lines wrapped to the page; what follows a colon (the phone number) is kept
    whole on a line of its own rather than broken between its digits."""
    font, bold = register_fonts()
    room = lay.page_w - 2 * lay.margin_x - 12
    out: list[str] = []
    for n, line in enumerate(lines):
        face = bold if n == 0 else font
        head, colon, tail = line.rpartition(": ")
        if stringWidth(line, face, lay.footer) > room and colon and tail.strip():
            out += wrap_words(head + ":", face, lay.footer, room) + [tail]
        else:
            out += wrap_words(line, face, lay.footer, room)
    return out


def page_decor(lines: Sequence[str], running_head: str, lay: Layout = A4_LAYOUT):
    """The practice's lines at the foot of every page; on later pages also a small line saying
    whose sheet this is."""
    font, bold = register_fonts()
    left, right = lay.margin_x + 6, lay.page_w - lay.margin_x - 6
    lead = lay.footer * 1.25

    def footer(canvas) -> None:
        canvas.saveState()
        top = lay.footer_y + lead * (len(lines) - 1)
        canvas.setStrokeColor(RING)
        canvas.setLineWidth(1)
        canvas.line(left, top + lay.footer + 4.5, right, top + lay.footer + 4.5)
        y = top
        for n, line in enumerate(lines):
            canvas.setFillColor(INK)
            size = lay.footer
            face = bold if n == 0 else font
            # a long name or web address shrinks rather than running off the page
            while size > (lay.footer if lay.large else 8) and stringWidth(line, face, size) > right - left:
                size -= 0.5
            canvas.setFont(face, size)
            if lay.rtl:
                canvas.drawRightString(right, y, visual(line))
            else:
                canvas.drawString(left, y, line)
            y -= lead
        canvas.restoreState()

    def first(canvas, doc) -> None:
        # both faces named in the same order in every handout (F1 bold, F2 regular, as the
        # footer's first line would make it), so a kept footer or heading holds in the next one
        for face in (bold, font):
            getFont(face).getSubsetInternalName(0, canvas._doc)
        if all(line.isascii() for line in lines):  # the practice's lines: the same each time
            kept_drawing(canvas, ("footer", tuple(lines), lay), lambda: footer(canvas))
        else:
            footer(canvas)

    def later(canvas, doc) -> None:
        first(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(font, lay.note)
        top = lay.page_h - min(8 * 2.8346, lay.margin_top - 2)
        canvas.drawString(left, top, running_head)
        canvas.drawRightString(right, top, str(doc.page))
        canvas.restoreState()

    return first, later


def footer_room(lay: Layout, lines: int) -> Layout:
    """The layout with its bottom margin grown for a footer of `lines` lines."""
    return replace(lay, margin_bottom=lay.margin_bottom + lay.footer * 1.25 * (lines - 1))


def handout_pdf(data: HandoutData, instrument: Instrument, *, paper: str = "A4",
                large_print: bool | None = None) -> bytes:
    """The handout of a stored conversation as gathered by storage.documents.handout_data, for
    the screen and the command line alike; large print as stored for the patient unless given."""
    return render_handout(data.view, instrument, start=data.start, paper=paper,
                          referrals=data.referrals, practice=data.practice,
                          show_changes=data.show_changes,
                          large_print=data.large_print if large_print is None else large_print)


def render_handout(view: ConsultationView, instrument: Instrument, *,
                   start: Consultation | None = None, paper: str = "A4",
                   referrals: Sequence[Referral] = (), practice: PracticeDetails | None = None,
                   show_changes: bool = True, large_print: bool = False) -> bytes:
    """The patient's handout as PDF bytes (A4 or A5, normally one page), built in memory.

    The language is the instrument's: pass ``shipped_instrument("en")`` for English.
    `start` is the start conversation of the trajectory; an end conversation ("eind") then
    shows both webs and, unless `show_changes` is off, what changed in words. `referrals` are
    listed under "Wie helpt mij?" with their contact details (storage.documents.handout_referrals);
    `practice` gives the name and phone number at the foot of every page. `large_print`: A4
    with no text under 16 pt and the numbers also as a table; a right-to-left instrument (Arabic)
    gives a right-aligned page with the pictograms on the right."""
    lines = footer_lines(instrument, practice)
    lay = layout_for(paper, large=large_print, rtl=instrument.rtl)
    font, _ = register_fonts()
    if lay.large:  # large letters do not shrink to fit: a long line wraps instead
        lines = _wrapped_footer(lines, lay)
    lay = footer_room(lay, len(lines))
    buffer = BytesIO()
    professional = view.professional.name.strip() if view.professional else ""
    doc = SimpleDocTemplate(
        buffer, pagesize=lay.page, leftMargin=lay.margin_x, rightMargin=lay.margin_x,
        topMargin=lay.margin_top, bottomMargin=lay.margin_bottom,
        title=instrument.text("handout_title"), author=professional or instrument.title,
        subject=instrument.title, creator="pgdesk",
        lang=PDF_LANG.get(instrument.language, instrument.language), displayDocTitle=1,
        initialFontName=font, initialFontSize=lay.body,
    )
    head = "  ·  ".join(p for p in (view.patient.display_name.strip(),
                                   format_date(view.consultation.date)) if p)
    first, later = page_decor(lines, head, lay)
    handout = Handout(view, instrument, start, tuple(referrals), practice, show_changes)
    doc.build(fitted_story(handout, lay), onFirstPage=first, onLaterPages=later,
              canvasmaker=quick_canvas)
    return buffer.getvalue()


def _height(story: list, lay: Layout) -> float:
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(lay.frame_w, lay.page_h)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _radii(lay: Layout, full: float):
    radius = full
    while True:
        yield radius
        if radius <= lay.compare_radius_min:
            return
        radius = max(lay.compare_radius_min, radius - 4)


def fitted_story(h: Handout, lay: Layout = A4_LAYOUT) -> list:
    """The story that keeps the first step, who helps and the next appointment on page 1.

    Everything on one page at the largest web that allows it; else, at the largest web that
    allows it, those three first and the rest after them; else the smallest web with the three
    first (a first step too long even for that flows on)."""
    compare = compares_with_start(h.view, h.instrument, h.start)
    full = lay.compare_radius if compare else lay.web_radius
    # large print: the table beside the web wherever page 1 still holds what it must, also
    # when that takes the compact order; under the web only if neither order allows it
    for beside in ((True, False) if lay.large else (False,)):
        for compact in (False, True):
            for radius in _radii(lay, full):
                first, rest = story_parts(replace(h, radius=radius, compact=compact,
                                                  scores_beside=beside), lay)
                if _height(first, lay) <= lay.room:
                    return first + rest
    return handout_story(replace(h, radius=lay.compare_radius_min, compact=True), lay)
