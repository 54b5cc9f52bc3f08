"""The access log for a patient (in the spirit of NEN 7513): who viewed or changed what, and when.

Storage hands over plain line dicts::

    {"seq": 12, "at": "2026-11-26T10:31:05Z", "user": "Dr. A. de Vries",
     "workstation": "pc-spreekkamer-2", "patient_id": "...", "action": "U", "what": "score:meedoen"}

This module turns them into short sentences (``describe``), folds the bursts that autosave writes
while someone types (``group_lines``), makes table rows in Dutch local time (``log_table_rows``,
shared with the Qt dialog) and prints them as an A4 PDF (``render_access_log``). The PDF pieces
(styles, the table, page numbers "pagina 1 van 3") are shared with the patient export.

Every word a patient reads comes from the instrument's "texts", so the list follows the
instrument's language. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.reports.fonts import register_fonts
from pgdesk.reports.kit import (
    ACCENT,
    FRAME_PAD,
    FRAME_W,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    PDF_LANG,
    RING,
    escape,
    format_date,
    markup,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# The plan's fields, named as the handout names them.
PLAN_HEADINGS = {
    "goal": "want_heading",
    "first_step": "first_step_heading",
    "helper": "helper_heading",
    "when": "when_heading",
    "next_appointment": "next_heading",
}

# 'what' codes without a further part
_SIMPLE = ("record", "patient", "consultation", "handout", "export", "erase", "access_log", "soep",
           "trajectory", "transfer")

TABLE_SIZE = 11  # the log table: the smallest text on the page, still 11 pt
TEXT_SIZE = 12.5  # explanations
FOOTER_SIZE = 11
CELL_PAD = 4
ZEBRA = colors.HexColor("#f3f6f9")


# --- texts --------------------------------------------------------------------------------


def text(instrument: Instrument, key: str) -> str:
    """The instrument's text; a practice's own instrument file that lacks one of the newer keys
    borrows it from the shipped instrument of the same language rather than showing the key."""
    value = instrument.texts.get(key)
    if value is None:
        value = shipped_instrument(instrument.language).texts.get(key)
    return value if value is not None else instrument.text(key)


def _has_text(instrument: Instrument, key: str) -> bool:
    return key in instrument.texts or key in shipped_instrument(instrument.language).texts


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """str.format that never fails on a practice's own wording: unknown fields stay as typed."""
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


# --- time ---------------------------------------------------------------------------------


def parse_utc(value: str) -> datetime | None:
    """An ISO 8601 time as an aware UTC datetime (no zone means UTC); None if it is not one."""
    text_ = (value or "").strip()
    if len(text_) <= 10:  # a date alone is not a moment
        return None
    try:
        moment = datetime.fromisoformat(text_)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def local_time(value: str) -> str:
    """A UTC moment as 'dd-mm-jjjj hh:mm' in Dutch local time (CET/CEST).

    A date alone becomes 'dd-mm-jjjj'; anything else is shown as it was given.
    """
    moment = parse_utc(value)
    if moment is None:
        return format_date(value or "")
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


# --- one line as a sentence ---------------------------------------------------------------


def _dimension_name(instrument: Instrument, dimension_id: str) -> str:
    try:
        return instrument.dimension(dimension_id).name
    except KeyError:
        return dimension_id


def _aspect_name(instrument: Instrument, dimension_id: str, aspect_id: str) -> str:
    try:
        return instrument.dimension(dimension_id).aspect(aspect_id).name
    except KeyError:
        return aspect_id


def topic(instrument: Instrument, dimension_id: str, aspect_id: str = "") -> str:
    """'Lichaamsfuncties' for a whole dimension, 'Slapen (Lichaamsfuncties)' for an aspect."""
    dim = _dimension_name(instrument, dimension_id)
    if not aspect_id:
        return dim
    return f"{_aspect_name(instrument, dimension_id, aspect_id)} ({dim})"


def wheel_question(instrument: Instrument, step_id: str) -> str:
    """The wheel's question, or the name of what the conversation keeps beside it
    (domain.models.NOTE_IDS: the patient's own words, the professional's note, the ICPC code)."""
    for step in instrument.wheel:
        if step.id == step_id:
            return step.question
    return instrument.texts.get(f"note_{step_id}") or step_id


def plan_field_name(instrument: Instrument, field: str) -> str:
    key = PLAN_HEADINGS.get(field)
    return text(instrument, key) if key else field


def _subject(what: str, instrument: Instrument) -> tuple[str, dict[str, str]] | None:
    """(kind, values for its texts) for a known 'what' code, None for anything else."""
    if what in _SIMPLE:
        return what, {}
    kind, sep, rest = what.partition(":")
    if not sep or not rest:
        return None
    if kind == "score":
        return kind, {"dimension": _dimension_name(instrument, rest)}
    if kind == "aspect_score":
        dim, slash, aspect = rest.partition("/")
        if not (dim and slash and aspect):
            return None
        return kind, {"dimension": _dimension_name(instrument, dim),
                      "aspect": _aspect_name(instrument, dim, aspect)}
    if kind == "mark":
        which, colon, place = rest.partition(":")
        dim, _, aspect = place.partition("/")
        if which not in ("talk", "focus") or not colon or not dim:
            return None
        return f"mark_{which}", {"topic": topic(instrument, dim, aspect)}
    if kind == "wheel":
        return kind, {"question": wheel_question(instrument, rest)}
    if kind == "plan":
        return kind, {"field": plan_field_name(instrument, rest)}
    if kind == "referral":  # referral:<id>; the id says nothing to a patient
        return kind, {}
    return None


def describe(line: Mapping, instrument: Instrument) -> str:
    """One short sentence for a patient: 'Score voor Lichaamsfuncties gewijzigd'."""
    action = str(line.get("action") or "").strip().upper()
    what = str(line.get("what") or "").strip()
    action_word = (text(instrument, f"log_action_{action}")
                   if _has_text(instrument, f"log_action_{action}") else action)
    subject = _subject(what, instrument)
    if subject is None:
        kind, values = "unknown", {"code": what or "?"}
    else:
        kind, values = subject
    # a sentence of its own for this action ("Samenvatting afgedrukt of bewaard"), or for any
    # action ("Al uw gegevens gewist"); otherwise "<what> <action>"
    for special in (f"log_{kind}_{action}" if action else "", f"log_{kind}"):
        if special and _has_text(instrument, special):
            return fill(text(instrument, special), **values)
    thing = fill(text(instrument, f"log_what_{kind}"), **values)
    sentence = fill(text(instrument, "log_sentence"), what=thing, action=action_word)
    return " ".join(sentence.split())


# --- grouping -----------------------------------------------------------------------------


def _minute(at: str) -> str:
    moment = parse_utc(at)
    return moment.strftime("%Y-%m-%dT%H:%M") if moment else (at or "")


def _group_key(line: Mapping) -> tuple:
    return (line.get("user"), line.get("workstation"), line.get("patient_id"),
            str(line.get("action") or "").upper(), line.get("what"), _minute(line.get("at", "")))


def group_lines(lines: Iterable[Mapping]) -> list[dict]:
    """Fold runs of the same user, computer, action and 'what' within one calendar minute.

    Autosave writes a line for every pause in typing; a patient wants to read "Antwoord op
    'Wat wil je?' gewijzigd (12×)" once. Only consecutive lines fold, so the order stays
    chronological. Each result is a copy of the run's first line with ``count`` (the number of
    lines it stands for; already grouped lines add up, so grouping twice changes nothing) and
    ``last_at`` (the time of the run's last line).
    """
    grouped: list[dict] = []
    last_key = None
    for line in lines:
        key = _group_key(line)
        count = int(line.get("count", 1) or 1)
        if grouped and key == last_key:
            grouped[-1]["count"] += count
            grouped[-1]["last_at"] = line.get("last_at", line.get("at", ""))
        else:
            item = dict(line)
            item["count"] = count
            item["last_at"] = line.get("last_at", line.get("at", ""))
            grouped.append(item)
            last_key = key
    return grouped


def log_table_rows(lines: Iterable[Mapping], instrument: Instrument) -> list[tuple[str, str, str, str]]:
    """(local time, who, computer, what) per grouped line; the PDF and the Qt dialog use this."""
    rows = []
    for line in group_lines(lines):
        what = describe(line, instrument)
        if line["count"] > 1:
            what = f"{what} ({line['count']}×)"
        who = str(line.get("user") or "").strip() or text(instrument, "log_unknown_user")
        rows.append((local_time(str(line.get("at") or "")), who,
                     str(line.get("workstation") or "").strip(), what))
    return rows


# --- shared PDF pieces (also used by the patient export) ----------------------------------


def report_styles() -> dict[str, ParagraphStyle]:
    font, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=21, leading=26,
                                textColor=ACCENT, spaceAfter=6),
        "who": ParagraphStyle("who", fontName=bold, fontSize=15, leading=19, textColor=INK),
        "meta": ParagraphStyle("meta", fontName=font, fontSize=TEXT_SIZE, leading=17,
                               textColor=INK),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20,
                                  textColor=ACCENT, spaceBefore=14, spaceAfter=4),
        "subheading": ParagraphStyle("subheading", fontName=bold, fontSize=14, leading=18,
                                     textColor=ACCENT, spaceBefore=12, spaceAfter=3),
        "body": ParagraphStyle("body", fontName=font, fontSize=TEXT_SIZE, leading=TEXT_SIZE * 1.35,
                               textColor=INK, spaceAfter=4),
        "label": ParagraphStyle("label", fontName=bold, fontSize=TEXT_SIZE,
                                leading=TEXT_SIZE * 1.35, textColor=INK, spaceBefore=5),
        "answer": ParagraphStyle("answer", fontName=font, fontSize=TEXT_SIZE,
                                 leading=TEXT_SIZE * 1.35, textColor=INK, leftIndent=14,
                                 spaceAfter=2),
        "bullet": ParagraphStyle("bullet", fontName=font, fontSize=TEXT_SIZE,
                                 leading=TEXT_SIZE * 1.35, textColor=INK, leftIndent=14,
                                 bulletIndent=2, bulletFontName=bold),
        "note": ParagraphStyle("note", fontName=font, fontSize=TABLE_SIZE,
                               leading=TABLE_SIZE * 1.35, textColor=MUTED, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=TABLE_SIZE,
                               leading=TABLE_SIZE * 1.3, textColor=INK),
        "cell_indent": ParagraphStyle("cell_indent", fontName=font, fontSize=TABLE_SIZE,
                                      leading=TABLE_SIZE * 1.3, textColor=INK, leftIndent=16),
        "cell_bold": ParagraphStyle("cell_bold", fontName=bold, fontSize=TABLE_SIZE,
                                    leading=TABLE_SIZE * 1.3, textColor=INK),
        "cell_head": ParagraphStyle("cell_head", fontName=bold, fontSize=TABLE_SIZE,
                                    leading=TABLE_SIZE * 1.3, textColor=colors.white),
    }


def heading(value: str, style: ParagraphStyle, room: float = 3) -> list[Flowable]:
    """A heading that never stands alone at the foot of a page: it moves on unless it fits with
    ``room`` lines of text under it. (Not keepWithNext: that would push a long answer that
    follows to a new page as a whole and leave half a page empty.)"""
    need = style.spaceBefore + style.leading + room * TEXT_SIZE * 1.35
    return [CondPageBreak(need), para(value, style)]


def para(value: str, style: ParagraphStyle) -> Paragraph:
    """User or instrument text as a Paragraph, printed literally (markup characters escaped)."""
    return Paragraph(markup(value) if "\n" in value else escape(value), style)


def grid_style(header: bool = True) -> TableStyle:
    """Light rules, a soft band on every other row, DejaVu everywhere (never Helvetica)."""
    font, bold = register_fonts()
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RING),
        ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, ZEBRA]),
    ])
    if header:
        style.add("BACKGROUND", (0, 0), (-1, 0), ACCENT)
        style.add("FONTNAME", (0, 0), (-1, 0), bold)
    return style


def log_table(lines: Iterable[Mapping], instrument: Instrument,
              width: float = FRAME_W) -> Flowable:
    """The log as a table that runs over pages with its header repeated; a sentence if empty."""
    st = report_styles()
    rows = log_table_rows(lines, instrument)
    if not rows:
        return Paragraph(escape(text(instrument, "log_empty")), st["body"])
    cell = st["cell"]
    pad = 2 * CELL_PAD
    when_w = stringWidth("00-00-0000 00:00", cell.fontName, cell.fontSize) + pad + 2
    rest = width - when_w
    # a computer name such as "pc-spreekkamer-2" has no spaces: give it room to stay whole
    widths = [when_w, rest * 0.26, rest * 0.30, rest * 0.44]
    head = [Paragraph(escape(text(instrument, k)), st["cell_head"])
            for k in ("log_col_when", "log_col_who", "log_col_computer", "log_col_what")]
    body = [[Paragraph(escape(v), cell) for v in row] for row in rows]
    table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table


def log_explanation(instrument: Instrument) -> list[Flowable]:
    st = report_styles()
    return [Paragraph(escape(text(instrument, "log_intro")), st["body"]),
            Paragraph(escape(text(instrument, "log_time_note")), st["note"]),
            Spacer(1, 6)]


def patient_header(patient: Mapping, instrument: Instrument) -> list[Flowable]:
    """Name in bold, birth date under it, a rule."""
    st = report_styles()
    out: list[Flowable] = [para(str(patient.get("display_name") or ""), st["who"])]
    born = str(patient.get("birth_date") or "").strip()
    if born:
        out.append(Paragraph(escape(fill(text(instrument, "born"), date=format_date(born))),
                             st["meta"]))
    out.append(HRFlowable(width="100%", thickness=1, color=RING, spaceBefore=7, spaceAfter=9))
    return out


def _numbered_canvas(draw: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say 'pagina 2 van 5'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                draw(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def build_pdf(story: Sequence[Flowable], instrument: Instrument, *, title: str, author: str,
              footer: str, running_head: str) -> bytes:
    """An A4 PDF in memory: footer with 'pagina x van n' on every page, whose sheet it is on
    every page after the first."""
    font, _ = register_fonts()
    left, right = MARGIN_X + FRAME_PAD, PAGE_W - MARGIN_X - FRAME_PAD
    page_of = text(instrument, "page_of")

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        y = 8 * mm
        canvas.setStrokeColor(RING)
        canvas.setLineWidth(1)
        canvas.line(left, y + 15, right, y + 15)
        canvas.setFillColor(INK)
        canvas.setFont(font, FOOTER_SIZE)
        canvas.drawString(left, y, footer)
        canvas.drawRightString(right, y, fill(page_of, page=number, pages=total))
        if number > 1 and running_head:
            canvas.setFillColor(MUTED)
            canvas.drawString(left, PAGE_H - y - 3, running_head)
        canvas.restoreState()

    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP + 4,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=instrument.title,
        creator="pgdesk",
        lang=PDF_LANG.get(instrument.language, instrument.language),
        displayDocTitle=1,
        initialFontName=font,
        initialFontSize=TEXT_SIZE,
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(decorate))
    return buffer.getvalue()


def running_head(patient: Mapping, title: str) -> str:
    name = str(patient.get("display_name") or "").strip()
    return "  ·  ".join(p for p in (name, title) if p)


# --- the access log PDF -------------------------------------------------------------------


def render_access_log(patient: Mapping, lines: Sequence[Mapping], instrument: Instrument, *,
                      printed_at: str) -> bytes:
    """The patient's access log as PDF bytes (A4, as many pages as it needs), built in memory."""
    st = report_styles()
    title = text(instrument, "log_title")
    story: list[Flowable] = [Paragraph(escape(title), st["title"])]
    story += patient_header(patient, instrument)
    story += log_explanation(instrument)
    story.append(log_table(lines, instrument))
    footer = fill(text(instrument, "printed_on"), date=local_time(printed_at))
    return build_pdf(story, instrument, title=title, author=instrument.title, footer=footer,
                     running_head=running_head(patient, title))

