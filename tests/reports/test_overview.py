"""The practice overview: counts by hand, the one-page PDF and the window (fictitious data only)."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.numbers import format_signed as signed
from pgdesk.domain.overview import ConsultationFact, month_keys, practice_stats
from pgdesk.domain.trajectory import Trajectory, WebPoint
from pgdesk.reports.overview import render_overview
from pgdesk.storage.documents import collect_facts

TODAY = dt.date(2026, 2, 20)  # the period: March 2025 up to and including February 2026


def web(ctype: str, date: str, scores) -> WebPoint:
    return WebPoint(f"c-{ctype}-{date}", date, ctype, tuple(scores), 0.0, 0.0)


def trajectory(tid: str, *webs: WebPoint) -> Trajectory:
    return Trajectory(tid, f"p-{tid}", webs[0].date, {"tussen": "", "eind": ""}, None, list(webs))


FACTS = [
    ConsultationFact("2025-02-28", "start", "huisarts", True),      # before the period
    ConsultationFact("2025-03-01", "start", "huisarts", True),
    ConsultationFact("2025-03-31", "tussen", "poh-ggz", False),
    ConsultationFact("2025-12-15", "los", None, True),              # nobody recorded
    ConsultationFact("2026-01-05", "eind", "poh-ggz", True),
    ConsultationFact("2026-01-06T09:30", "start", "poh-ggz", True),  # a time is ignored
    ConsultationFact("2026-02-20", "start", "huisarts", False),
    ConsultationFact("2026-03-01", "start", "huisarts", False),     # after the period
]

TRAJECTORIES = [
    # completed in the period: changes +2, -1, 0, +1, +3, None (no end score)
    trajectory("a", web("start", "2025-06-01", (5, 6, 7, 4, 3, 5)),
               web("tussen", "2025-09-01", (9, 9, 9, 9, 9, 9)),
               web("eind", "2025-12-01", (7, 5, 7, 5, 6, None))),
    # completed in the period: changes 0, +1, -2, +1, None (no start score), +2
    trajectory("b", web("start", "2025-08-01", (4, 4, 6, 5, None, 6)),
               web("eind", "2026-02-01", (4, 5, 4, 6, 8, 8))),
    # completed, but the end lies before the period: not counted
    trajectory("c", web("start", "2024-08-01", (1, 1, 1, 1, 1, 1)),
               web("eind", "2025-02-01", (9, 9, 9, 9, 9, 9))),
    # not completed: no end conversation
    trajectory("d", web("start", "2025-10-01", (1, 1, 1, 1, 1, 1)),
               web("tussen", "2026-01-01", (9, 9, 9, 9, 9, 9))),
]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in reader.pages))


def font_names(reader: PdfReader) -> set[str]:
    """BaseFont of every font on every page, charts (Form XObjects) included."""
    found: set[str] = set()

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for ref in (resources.get("/Font") or {}).values():
            found.add(str(ref.get_object().get("/BaseFont")))
        for ref in (resources.get("/XObject") or {}).values():
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Form":
                walk(xobj.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def test_month_keys_cross_the_year():
    assert month_keys(dt.date(2026, 2, 20)) == [
        "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10",
        "2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_keys(dt.date(2025, 12, 31), 3) == ["2025-10", "2025-11", "2025-12"]


def test_practice_stats_by_hand(nl):
    stats = practice_stats(FACTS, TRAJECTORIES, nl, today=TODAY)
    assert (stats.period_start, stats.period_end) == ("2025-03-01", "2026-02-28")
    months = dict(stats.months)
    assert len(stats.months) == 12
    assert stats.months[0][0] == "2025-03" and stats.months[-1][0] == "2026-02"
    assert months == {**{k: 0 for k in month_keys(TODAY)},
                      "2025-03": 2, "2025-12": 1, "2026-01": 2, "2026-02": 1}
    assert stats.conversations == 6
    assert stats.completed_conversations == 4
    # most first; equal counts in the usual role order; nobody recorded comes last
    assert stats.roles == (("poh-ggz", 3), ("huisarts", 2), ("", 1))
    assert stats.completed_trajectories == 2
    means = {c.dimension_id: (c.mean, c.count) for c in stats.changes}
    assert [c.dimension_id for c in stats.changes] == list(nl.dimension_ids)
    ids = nl.dimension_ids
    assert means[ids[0]] == (1.0, 2)     # (+2 + 0) / 2
    assert means[ids[1]] == (0.0, 2)     # (-1 + 1) / 2
    assert means[ids[2]] == (-1.0, 2)    # (0 - 2) / 2
    assert means[ids[3]] == (1.0, 2)     # (+1 + 1) / 2
    assert means[ids[4]] == (3.0, 1)     # only trajectory a has both
    assert means[ids[5]] == (2.0, 1)     # only trajectory b has both
    assert stats.has_changes


def test_practice_stats_when_there_is_nothing(nl):
    stats = practice_stats([], [], nl, today=TODAY)
    assert stats.conversations == 0
    assert all(n == 0 for _, n in stats.months)
    assert stats.roles == ()
    assert stats.completed_trajectories == 0
    assert all(c.mean is None and c.count == 0 for c in stats.changes)
    assert not stats.has_changes


def test_a_trajectory_held_twice_uses_first_start_and_last_end(nl):
    t = trajectory("e", web("start", "2025-05-01", (2,) * 6), web("eind", "2025-08-01", (4,) * 6),
                   web("eind", "2025-09-01", (7,) * 6))
    stats = practice_stats([], [t], nl, today=TODAY)
    assert stats.completed_trajectories == 1
    assert {c.mean for c in stats.changes} == {5.0}


@pytest.mark.parametrize(("value", "nl_text", "en_text"), [
    (0.8, "+0,8", "+0.8"), (-0.55, "−0,6", "−0.6"), (1.0, "+1", "+1"), (0.02, "0", "0")])
def test_signed(value, nl_text, en_text):
    assert signed(value, "nl") == nl_text
    assert signed(value, "en") == en_text


def test_overview_pdf_is_one_page_with_headings_and_no_helvetica(nl):
    stats = practice_stats(FACTS, TRAJECTORIES, nl, today=TODAY)
    pdf = render_overview(stats, nl, "Huisartsenpraktijk De Linde", printed_on=TODAY)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title == nl.text("overview_title")
    text = pdf_text(pdf)
    for key in ("overview_title", "overview_per_month", "overview_per_role",
                "overview_change_heading", "overview_conversations_caption",
                "overview_completed_caption"):
        assert nl.text(key) in text, key
    assert "Hulpmiddel, geen meting" in text
    assert "Huisartsenpraktijk De Linde" in text
    assert "mrt 2025 t/m feb 2026" in text
    assert "Afgedrukt op 20-02-2026" in text
    assert "n = 2" in text
    for label in ("Huisarts", "POH-GGZ", nl.text("overview_role_unknown")):
        assert label in text, label
    for dim in nl.dimensions:
        assert dim.name in text
    assert "+3" in text and "−1" in text  # the mean changes, signed
    fonts = font_names(reader)
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts


def test_overview_pdf_without_completed_trajectories_says_so(nl):
    stats = practice_stats([], [], nl, today=TODAY)
    pdf = render_overview(stats, nl)
    text = pdf_text(pdf)
    assert nl.text("overview_no_change") in text
    assert nl.text("overview_no_conversations") in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_english_overview():
    en = shipped_instrument("en")
    stats = practice_stats(FACTS, TRAJECTORIES, en, today=TODAY)
    text = pdf_text(render_overview(stats, en, printed_on=TODAY))
    assert "An aid, not a measurement" in text
    assert "Mar 2025 to Feb 2026" in text
    assert en.text("overview_per_role") in text
    assert "GP" in text


def test_collect_facts_reads_consultations_and_roles(store, nl):
    """The queries over a real store: facts for every conversation, the completed trajectory
    with its start and eind webs."""
    poh = store.add_professional("Petra Poh", "poh-ggz")
    gp = store.add_professional("Dr. Gert Huis", "huisarts")
    anna = store.add_patient("Anna Test")
    bert = store.add_patient("Bert Test")
    start = store.new_consultation(anna.id, gp.id, "start", "2025-06-01")
    end = store.new_consultation(anna.id, poh.id, "eind", "2025-12-01")
    for dim in nl.dimensions:
        store.set_score(start.id, dim.id, 4)
        store.set_score(end.id, dim.id, 6)
    store.complete(end.id)
    store.new_consultation(bert.id, None, "start", "2026-01-05")  # running: not completed
    store.new_consultation(bert.id, None, "los", "2026-01-10")
    facts, trajectories = collect_facts(store, nl)
    assert sorted((f.date, f.type, f.professional_role, f.completed) for f in facts) == [
        ("2025-06-01", "start", "huisarts", False),
        ("2025-12-01", "eind", "poh-ggz", True),
        ("2026-01-05", "start", "", False),
        ("2026-01-10", "los", "", False),
    ]
    assert [(t.patient_id, [w.type for w in t.webs]) for t in trajectories] == [
        (anna.id, ["start", "eind"])]
    stats = practice_stats(facts, trajectories, nl, today=TODAY)
    assert stats.completed_trajectories == 1
    assert {c.mean for c in stats.changes} == {2.0}


@pytest.mark.file_only  # counts statements with SQLite's trace hook
def test_overview_reads_a_bounded_number_of_statements(store, nl):
    """Two queries for the conversations and the trajectories and one for the referrals,
    however many patients: never one per patient or per conversation."""
    from pgdesk.storage.documents import practice_overview

    def statements(n_patients: int) -> int:
        for i in range(n_patients):
            p = store.add_patient(f"Patiënt {i} Testpersoon")
            store.new_consultation(p.id, None, "start", "2025-06-01")
            store.complete(store.new_consultation(p.id, None, "eind", "2025-12-01").id)
        seen = []
        store.db.conn.set_trace_callback(seen.append)
        try:
            practice_overview(store, nl, today=TODAY)
        finally:
            store.db.conn.set_trace_callback(None)
        return len(seen)

    few = statements(2)
    assert statements(40) == few <= 5  # the three, and sqlite-utils' savepoint around one


def test_reports_and_domain_import_no_qt():
    import subprocess

    code = ("import sys, pgdesk.reports.overview, pgdesk.domain.overview; "
            "print(any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the window ---------------------------------------------------------------------------


@pytest.mark.gui
def test_window_shows_the_numbers_and_prints_and_saves(qtbot, nl, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from pgdesk.ui.overview_window import PracticeOverview

    stats = practice_stats(FACTS, TRAJECTORIES, nl, today=TODAY)
    w = PracticeOverview(stats, nl, practice_name="Huisartsenpraktijk De Linde")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.conversations_label.text() == "6"
    assert w.trajectories_label.text() == "2"
    assert "n = 2" in w.change_note.text()
    assert not w.grab().isNull()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "afgedrukt.pdf"
    printer.setOutputFileName(str(printed))
    assert w.print_overview(printer=printer, ask=False)
    assert printed.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(str(printed)).pages) == 1

    saved = tmp_path / "praktijkoverzicht.pdf"
    assert w.save_overview(str(saved))
    assert nl.text("overview_title") in pdf_text(saved.read_bytes())


@pytest.mark.gui
def test_window_with_nothing_yet(qtbot, nl):
    from pgdesk.ui.overview_window import PracticeOverview

    w = PracticeOverview(practice_stats([], [], nl, today=TODAY), nl)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.conversations_label.text() == "0"
    assert "Nog geen afgeronde trajecten" in w.change_note.text()


def test_with_the_real_trajectories(store, nl):
    """End to end over storage: a completed trajectory, counted and its changes averaged, and
    the end handout's start conversation found."""
    pytest.importorskip("pgdesk.storage.trajectories")
    from pgdesk.reports.handout import render_handout
    from pgdesk.storage.documents import practice_overview, trajectory_start

    gp = store.add_professional("Dr. Gert Huis", "huisarts")
    anna = store.add_patient("Anna Test")
    start = store.new_consultation(anna.id, gp.id, "start", "2025-06-01")
    end = store.new_consultation(anna.id, gp.id, "eind", "2025-12-01")
    for i, d in enumerate(nl.dimension_ids):
        store.set_score(start.id, d, 4)
        store.set_score(end.id, d, 4 + i % 3)  # changes 0, +1, +2, 0, +1, +2
    store.complete(end.id)
    stats = practice_overview(store, nl, today=TODAY)
    assert stats.conversations == 2
    assert stats.completed_trajectories == 1
    assert [c.mean for c in stats.changes] == [0, 1, 2, 0, 1, 2]

    assert trajectory_start(store, start.id, nl) is None
    found = trajectory_start(store, end.id, nl)
    assert found is not None and found.id == start.id
    text = pdf_text(render_handout(store.view(end.id), nl, start=found))
    assert "U gaf nu een hoger cijfer bij Zingeving, Dagelijks functioneren" in text


def test_referrals_by_status_per_service_lead_the_overview(tmp_path):
    """What a pilot's evaluation asks first: referrals to local help, per service and status;
    the mean change per dimension comes after them, as before."""
    import io
    import re

    from pypdf import PdfReader

    from pgdesk.domain.content import shipped_instrument
    from pgdesk.domain.overview import ReferralFact, referrals_per_service
    from pgdesk.reports.overview import render_overview
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.documents import practice_overview
    from pgdesk.storage.repository import Store

    rows = referrals_per_service([
        ReferralFact("2026-03-01", "Welzijnscoach", "verwezen"),
        ReferralFact("2026-04-01", "Welzijnscoach", "gestart"),
        ReferralFact("2026-04-02", "Wandelgroep", "afgerond"),
        ReferralFact("2025-01-01", "Wandelgroep", "afgerond"),  # before the period
    ], "2026-01-01", "2026-12-31")
    assert [(r.service, r.total) for r in rows] == [("Welzijnscoach", 2), ("Wandelgroep", 1)]
    assert dict(rows[0].by_status) == {"voorgesteld": 0, "verwezen": 1, "gestart": 1,
                                       "afgerond": 0, "niet_doorgegaan": 0}
    nl = shipped_instrument("nl")
    path = write_demo(tmp_path / "demo.sqlite", nl)
    with Store.open(path) as store:
        stats = practice_overview(store, nl)
    assert stats.referrals and sum(r.total for r in stats.referrals) > 0
    pdf = render_overview(stats, nl)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    order = [text.index(s) for s in ("gesprekken in deze periode", "Verwijzingen per voorziening",
                                      "Gemiddelde verandering per dimensie")]
    assert order == sorted(order)
    assert stats.referrals[0].service in text
