"""'Wat is er veranderd?' on an end handout: in words, never in signed numbers, at most three
lines. The web is the patient's own snapshot; a lower number is something to talk about, not a
failing mark."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation, ConsultationView
from pgdesk.domain.scores import score_changes as domain_score_changes
from pgdesk.reports.bidi import Paragraph
from pgdesk.reports.handout_layout import A4_LAYOUT, Layout
from pgdesk.reports.handout_parts import section
from pgdesk.reports.handout_web import has_scores
from pgdesk.reports.kit import fill_text, markup, text, wrap_words

CHANGE_MAX = 3  # at most this many dimensions named up, and as many down
MAX_LINES = 3  # the whole section, as printed


def compares_with_start(view: ConsultationView, instrument: Instrument,
                        start: Consultation | None) -> bool:
    """An end conversation with a scored start conversation to set beside it."""
    return (view.consultation.type == "eind" and start is not None
            and start.id != view.consultation.id and has_scores(start, instrument))


def score_changes(start: Consultation, end: Consultation, instrument: Instrument
                  ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(higher, lower): (dimension name, change) for changes of at least one point since the
    start, largest first, at most three each; ties keep the instrument's order."""
    return domain_score_changes([d.name for d in instrument.dimensions], start.scores(instrument),
                                end.scores(instrument), limit=CHANGE_MAX)


def listed(names: list[str], instrument: Instrument) -> str:
    """'Meedoen', 'Meedoen en Zingeving', 'A, B en C' in the handout's language."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {text(instrument, 'change_and')} {names[-1]}"


def change_sentences(start: Consultation, end: Consultation, instrument: Instrument, *,
                     limit: int = CHANGE_MAX) -> list[str]:
    """One sentence per direction ('Bij Meedoen gaf u nu een lager cijfer dan bij de start. Daar
    kunt u over praten.'), naming at most `limit` topics each, largest change first; or one
    'about the same' sentence. Never a number."""
    higher, lower = score_changes(start, end, instrument)
    lines = [fill_text(text(instrument, key), names=listed([n for n, _ in items[:limit]], instrument))
             for key, items in (("change_higher", higher), ("change_lower", lower)) if items]
    return lines or [text(instrument, "change_same")]


def _lines(paragraphs: list[Paragraph], width: float) -> int:
    count = 0
    for p in paragraphs:
        p.wrap(width, 10_000)
        count += len(p.blPara.lines)
    return count


def start_step(start: Consultation, instrument: Instrument) -> str:
    """What was agreed at the start: its first step, else its goal (the wheel's answers if the
    plan was left empty)."""
    for value in (start.plan.first_step, start.wheel_answer(instrument, "decision"),
                  start.plan.goal, start.wheel_answer(instrument, "wish")):
        if (value or "").strip():
            return " ".join(value.split())
    return ""


def _one_line(label: str, value: str, font: str, bold: str, size: float, width: float) -> str:
    """'<b>label</b> value' cut to one line with '…' (the section keeps to three lines)."""
    room = width - stringWidth(label + " ", bold, size)
    lines = wrap_words(value, font, size, room)
    shown = lines[0]
    if len(lines) > 1:
        while shown and stringWidth(shown + "…", font, size) > room:
            shown = shown[:-1]
        shown = shown.rstrip(" ,;:.") + "…"
    return f"<b>{markup(label)}</b> {markup(shown)}"


def change_section(start: Consultation, end: Consultation, instrument: Instrument,
                   st: dict, lay: Layout = A4_LAYOUT) -> list:
    """At most MAX_LINES printed lines: fewer topics named while the sentences take more, and the
    plan of the start (cut to one line) only while there is room for it."""
    style = st["body"]
    width = lay.frame_w
    for limit in range(CHANGE_MAX, 0, -1):
        body = [Paragraph(markup(line), style)
                for line in change_sentences(start, end, instrument, limit=limit)]
        if _lines(body, width) <= MAX_LINES:
            break
    did = start_step(start, instrument)
    if did and _lines(body, width) < MAX_LINES:
        bold = st["heading"].fontName
        body.append(Paragraph(_one_line(text(instrument, "did_label"), did, style.fontName, bold,
                                        style.fontSize, width - style.leftIndent - 2), style))
    return section("change", text(instrument, "change_heading"), body, st, lay)
