"""The conversation as a journal entry for the practice's HIS, in SOEP form. No Qt, no PDF.

Plain text without markup, in short lines (at most `width` characters), in Dutch, so it reads
well when pasted into any HIS ("Kopieer naar HIS", and `pgdesk soep`)::

    S: Belangrijk: Meedoen (Sociale contacten)
       Wil ook praten over: Zingeving
       Wat wil je? Ik wil weer dingen doen met anderen.
       Wat houdt je tegen? Ik zie er tegenop om alleen te gaan.
       Wat heb je nodig? Iemand die mee gaat.
    O: Web (eigen cijfers patiënt): Lichaamsfuncties 6, Mentaal
       welbevinden 7, Zingeving 5, Kwaliteit van leven 6, Meedoen 4,
       Dagelijks functioneren 7
       Sinds 14-06-2026: Meedoen +2, Zingeving -1
    E: Tussengesprek Positieve Gezondheid (ICPC A98); gekozen: Meedoen
       Notitie: Wil eerst zelf bellen; dochter denkt mee.
    P: Doel: Weer meedoen met de koffieochtend
       Eerste stap: Bellen met het buurthuis over de koffieochtend
       Verwijzing (verwezen): Welzijnscoach (Stichting Welzijn)
       Volgende afspraak: 12-09-2026 10:00

S holds the patient's own words, condensed: what matters to them (focus and "hier wil ik over
praten") and three answers of the action wheel, one line each (cut short with "…"). O gives the
web in one line and the change since the previous conversation (whole points and more), E the
kind of conversation and its focus, P the first step, the referrals with their status (made in
this conversation, and earlier ones followed up in it) and the next appointment.
The web's numbers are whole, as on the handout. The ICPC code of the conversation (else the
practice's default) goes in E, and the professional's own note in E or P as the practice
chooses (`note_part`).

Only characters that Windows-1252 also has are added around the patient's words (a plain "-"
as minus sign, "…"), since some HIS still store that.

Which parts a practice includes is a setting (storage.documents: `soep_parts`, `set_soep_parts`).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence

from pgdesk.domain.dates import format_appointment
from pgdesk.domain.documents import SOEP_PARTS, SoepData, parse_soep_parts
from pgdesk.domain.his_templates import cp1252_safe
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import (
    ICPC,
    IMPORTANT,
    PROFESSIONAL_NOTE,
    Consultation,
    ConsultationView,
)
from pgdesk.domain.numbers import format_signed
from pgdesk.domain.scores import score_changes, whole_number
from pgdesk.domain.social_map import Referral, status_label

DEFAULT_WIDTH = 72
MIN_WIDTH = 40
UNWRAPPED = 10_000  # width 0: no wrapping, and answers are not cut short
INDENT = "   "
NBSP = "\u00a0"
WHEEL_IN_S = ("wish", "obstacle", "need")  # roles: Wat wil je? Wat houdt je tegen? Wat heb je nodig?
MIN_ANSWER_ROOM = 30  # on narrow lines a wheel answer wraps rather than being cut to nothing
MAX_FIRST_STEP = 200
TYPE_NAMES = {"start": "Startgesprek", "tussen": "Tussengesprek", "eind": "Eindgesprek",
              "los": "Gesprek"}


# --- small text helpers ------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """Whitespace (also a no-break space pasted from elsewhere) as single spaces."""
    return " ".join((text or "").split())


def _keep(text: str) -> str:
    """Never broken over two lines: 'Kwaliteit van leven 6', 'Sinds 14-06-2026:'. The no-break
    spaces become plain ones after wrapping."""
    return text.replace(" ", NBSP)


def shorten(text: str, room: int) -> str:
    """One line of at most `room` characters; cut after a whole word, with "…", if longer."""
    text = _one_line(text)
    if len(text) <= room:
        return text
    cut = text[:room - 1]
    space = cut.rfind(" ")
    if space >= room // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def _date(iso: str) -> str:
    try:
        return f"{dt.date.fromisoformat(iso[:10]):%d-%m-%Y}"
    except ValueError:
        return iso


def _appointment(value: str) -> str:
    return format_appointment(_one_line(value))


def _number(value: float) -> str:
    """Whole, as on the handout: an aspect mean of 5,1 is 5 (the web is no measurement)."""
    return str(whole_number(value))


def _signed(delta: float) -> str:
    # a plain hyphen: the HIS journal may not show U+2212
    return format_signed(delta, minus="-")


def _topics(marks: set[tuple[str, str]], instrument: Instrument, *,
            skip: set[str] = frozenset()) -> str:
    """'Meedoen (Sociale contacten, Steun van anderen), Zingeving' in instrument order."""
    out = []
    for dim in instrument.dimensions:
        if dim.id in skip:
            continue
        picked = {a for d, a in marks if d == dim.id}
        if not picked:
            continue
        aspects = [_keep(a.name) for a in dim.aspects if a.id in picked]
        out.append(f"{_keep(dim.name)} ({', '.join(aspects)})" if aspects else _keep(dim.name))
    return ", ".join(out)


def _wrap(letter: str, entries: Sequence[str], width: int, letters: bool = True) -> list[str]:
    """Lines of at most `width` (0: one line per entry); without `letters` no "S: " and no
    indent, for a HIS with a field per part."""
    lines: list[str] = []
    for n, entry in enumerate(entries):
        first = (f"{letter}: " if n == 0 else INDENT) if letters else ""
        if not width:
            lines.append(first + entry)
            continue
        lines += textwrap.wrap(entry, width=width, initial_indent=first,
                               subsequent_indent=INDENT if letters else "",
                               break_long_words=True, break_on_hyphens=False)
    return [line.replace(NBSP, " ") for line in lines]


# --- the parts ---------------------------------------------------------------------------------


def _subjective(c: Consultation, instrument: Instrument, width: int) -> list[str]:
    entries = []
    focus = _topics(c.focus, instrument)
    if focus:
        entries.append(f"Belangrijk: {focus}")
    own = _one_line(c.wheel_answers.get(IMPORTANT, ""))
    if own:
        room = max(width - len(INDENT) - len("In eigen woorden: "), MIN_ANSWER_ROOM)
        entries.append(f"In eigen woorden: {shorten(own, room)}")
    talk = _topics(c.talk, instrument, skip={d for d, _ in c.focus})
    if talk:
        entries.append(f"{'Wil ook praten over' if focus else 'Wil praten over'}: {talk}")
    for step in instrument.wheel:
        if step.role not in WHEEL_IN_S:
            continue
        answer = _one_line(c.wheel_answers.get(step.id, ""))
        if answer:
            room = max(width - len(INDENT) - len(step.question) - 1, MIN_ANSWER_ROOM)
            entries.append(f"{step.question} {shorten(answer, room)}")
    return entries


def _objective(c: Consultation, previous: Consultation | None, instrument: Instrument) -> list[str]:
    scores = c.scores(instrument)
    if all(s is None for s in scores):
        return []
    web = ", ".join(_keep(f"{d.name} {'-' if s is None else _number(s)}")
                    for d, s in zip(instrument.dimensions, scores, strict=True))
    entries = [f"Web (eigen cijfers patiënt): {web}"]
    if previous is not None and previous.id != c.id:
        before = previous.scores(instrument)
        if any(s is not None for s in before):
            up, down = score_changes([d.name for d in instrument.dimensions],
                                     [None if s is None else whole_number(s) for s in before],
                                     [None if s is None else whole_number(s) for s in scores])
            changes = ", ".join(_keep(f"{name} {_signed(d)}") for name, d in up + down)
            entries.append(_keep(f"Sinds {_date(previous.date)}:")
                           + f" {changes or 'geen verschil van 1 punt of meer'}")
    return entries


def _evaluation(c: Consultation, instrument: Instrument, icpc: str) -> list[str]:
    focus_dims = [d.name for d in instrument.dimensions if any(f == d.id for f, _ in c.focus)]
    kind = f"{TYPE_NAMES.get(c.type, 'Gesprek')} Positieve Gezondheid"
    code = _one_line(c.wheel_answers.get(ICPC, "")) or icpc
    if code:
        kind += f" (ICPC {code})"
    return [f"{kind}; gekozen: {', '.join(_keep(d) for d in focus_dims)}" if focus_dims
            else f"{kind}; nog niets gekozen"]


PRESENT_NAMES = {"naaste": "naaste/mantelzorger", "tolk": "tolk",
                 "namens": "ingevuld namens de patiënt"}


def _present(present: Sequence[str]) -> list[str]:
    """'Aanwezig: naaste/mantelzorger, tolk' when someone else took part."""
    names = [PRESENT_NAMES[p] for p in present if p in PRESENT_NAMES]
    return [f"Aanwezig: {', '.join(names)}"] if names else []


def _note(c: Consultation) -> list[str]:
    note = _one_line(c.wheel_answers.get(PROFESSIONAL_NOTE, ""))
    return [f"Notitie: {note}"] if note else []


def _plan(c: Consultation, instrument: Instrument, referrals: Sequence[Referral]) -> list[str]:
    """Goal and first step as the handout says them (the wheel's answers if the plan is empty)."""
    entries = []
    goal = shorten(c.plan.goal or c.wheel_answer(instrument, "wish"), MAX_FIRST_STEP)
    if goal:
        entries.append(f"Doel: {goal}")
    step = shorten(c.plan.first_step or c.wheel_answer(instrument, "decision"), MAX_FIRST_STEP)
    if step:
        entries.append(f"Eerste stap: {step}")
    for r in referrals:
        title = _one_line(r.title) or "?"
        label = status_label(r.status).lower()
        made = ""
        if r.consultation_id != c.id and r.consultation_date:
            made = f" van {_date(r.consultation_date)}"
        entries.append(_keep(f"Verwijzing{made} ({label}):") + f" {title}")
    nxt = _appointment(c.plan.next_appointment)
    if nxt:
        entries.append(f"Volgende afspraak: {_keep(nxt) if len(nxt) <= 16 else nxt}")
    return entries


def soep_text(view: ConsultationView, instrument: Instrument, *, referrals: Sequence[Referral],
              previous: Consultation | None = None, parts: Iterable[str] = SOEP_PARTS,
              width: int = DEFAULT_WIDTH, icpc: str = "", note_part: str = "E",
              present: Sequence[str] = (), letters: bool = True,
              cp1252: bool = False) -> str:
    """The journal entry (lines joined by "\\n", no newline at the end).

    `referrals`: those to list under P, made in this conversation or earlier (those show the
    day they were made). `previous`: the conversation to compare the web with; None takes
    view.previous. A part with nothing to say is left out. `icpc`: the practice's default code,
    when the conversation has none; `note_part`: "E" or "P", where the professional's note goes;
    `present`: who else took part (domain.documents.PRESENT), said in E.
    `width` 0: no wrapping; `letters` False: no "S: " lead; `cp1252`: only characters
    Windows-1252 has (domain.his_templates).
    """
    if width and width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}")
    wrap_at, width = width, width or UNWRAPPED
    chosen = parse_soep_parts(parts)
    c = view.consultation
    previous = previous if previous is not None else view.previous
    build = {
        "S": lambda: _subjective(c, instrument, width),
        "O": lambda: _objective(c, previous, instrument),
        "E": lambda: (_evaluation(c, instrument, icpc) + _present(present)
                      + (_note(c) if note_part != "P" else [])),
        "P": lambda: _plan(c, instrument, referrals) + (_note(c) if note_part == "P" else []),
    }
    lines: list[str] = []
    for letter in chosen:
        part = _wrap(letter, build[letter](), wrap_at, letters)
        lines += part + ([""] if part and not letters else [])  # a blank line between fields
    text = "\n".join(lines).rstrip("\n")
    return cp1252_safe(text) if cp1252 else text


def render_soep(data: SoepData, instrument: Instrument, *, parts: Iterable[str] | None = None,
                width: int | None = None) -> str:
    """The journal entry of a stored conversation as gathered by storage.documents.soep_data,
    with the practice's parts and template unless `parts` or `width` are given."""
    return soep_text(data.view, instrument, referrals=data.referrals,
                     parts=data.parts if parts is None else parts,
                     width=data.width if width is None else width, icpc=data.icpc,
                     note_part=data.note_part, present=data.present, letters=data.letters,
                     cp1252=data.cp1252)
