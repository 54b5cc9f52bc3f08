"""Earlier webs on screen: the switches under the spinnenweb, the web step's choice of webs
(the same trajectory only) and the patient page's trajectory panel with its change table.

Fictitious patients and scores only.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pgdesk.domain.trajectory import Trajectory, WebPoint
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.consultation.web_step import WebStep
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.patient_page import PatientPage
from pgdesk.ui.web_history import (
    ChangeTable,
    TrajectoryPanel,
    WebHistory,
    format_change,
    web_label,
    webs_before,
)

pytestmark = pytest.mark.gui


def point(cid: str, date: str, ctype: str, scores) -> WebPoint:
    from pgdesk.domain.scores import web_area, web_area_fraction

    scores = tuple(scores)
    return WebPoint(cid, date, ctype, scores, web_area(scores), web_area_fraction(scores))


# Areas by hand (six spokes; the full web has sum(10 * 10) = 600 in the same units):
#   [5]*6           -> 6 * 25 / 600                     = 25 %
#   [4,6,5,7,3,5]   -> (24+30+35+21+15+20) = 145 / 600  = 24.2 % -> 24 %
#   [None,6,5,7,3,5]-> (0+30+35+21+15+0)   = 101 / 600  = 16.8 % -> 17 %
#   [8,6,8,6,8,6]   -> 6 * 48 / 600                     = 48 %
START = point("c1", "2026-06-14", "start", [5] * 6)
TUSSEN = point("c2", "2026-09-13", "tussen", [None, 6, 5, 7, 3, 5])
EIND = point("c3", "2026-12-12", "eind", [8, 6, 8, 6, 8, 6])


def trajectory(tid: str, start: str, webs, closed: str | None = None) -> Trajectory:
    return Trajectory(tid, "p1", start, {"tussen": "2026-09-13", "eind": "2026-12-13"}, closed,
                      list(webs))


# ----------------------------------------------------------------- small helpers


def test_labels_and_change_format():
    assert web_label(START) == "start 14-06-2026"
    assert web_label(TUSSEN, "\n") == "tussen\n13-09-2026"
    assert [format_change(v) for v in (3, -1.5, 0, None)] == ["+3", "−1,5", "0", "–"]
    assert format_change(23, "%") == "+23%"


def test_webs_before_takes_only_earlier_scored_webs():
    empty = point("c0", "2026-05-01", "start", [None] * 6)
    t = trajectory("t", "2026-05-01", [empty, START, TUSSEN, EIND])
    assert webs_before(t, "c3", "2026-12-12") == [START, TUSSEN]
    assert webs_before(t, "c1", "2026-06-14") == []
    assert webs_before(t, "elders", "2026-09-13") == [START, TUSSEN]  # not (yet) listed: by date


# ----------------------------------------------------------------- the switches


@pytest.fixture
def history(qtbot, instrument):
    widget = WebHistory([d.name for d in instrument.dimensions])
    qtbot.addWidget(widget)
    widget.resize(620, 620)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_switch_per_earlier_web_named_by_type_and_date(history):
    assert not history.switch_row.isVisible() and not history.caption.isVisible()
    history.set_webs([START, TUSSEN])
    boxes = list(history.switches.values())
    assert [b.text() for b in boxes] == ["&1 start 14-06-2026", "&2 tussen 13-09-2026"]
    assert all(b.isChecked() for b in boxes)
    assert history.caption.isVisible()
    assert history.caption.text() == "Hulpmiddel voor het gesprek, geen meting."
    assert history.current_name.text() == "nu"
    # The radar's own legend gives way to the switches; it still knows the webs by type/date.
    assert not history.radar.legend_visible()
    assert [e.text for e in history.radar.legend_entries()] == [
        "nu", "start 14-06-2026", "tussen 13-09-2026"]


def test_switches_hide_and_show_their_own_web(history):
    history.set_webs([START, TUSSEN])
    seen = []
    history.toggled.connect(lambda key, on: seen.append((key, on)))
    radar = history.radar
    history.switches["c1"].click()
    assert not radar.history_item("c1").isVisible() and radar.history_item("c2").isVisible()
    history.switches["c1"].click()
    history.switches["c2"].setChecked(False)
    assert radar.history_item("c1").isVisible() and not radar.history_item("c2").isVisible()
    assert seen == [("c1", False), ("c1", True), ("c2", False)]
    # A new list of the same webs keeps what was switched off.
    history.set_webs([START, TUSSEN])
    assert not history.switches["c2"].isChecked() and not radar.history_visible("c2")


def test_switch_icons_show_distinct_pens(history):
    history.set_webs([START, TUSSEN, point("c9", "2027-01-01", "los", [4] * 6)])
    pens = [history.radar.history_pen(k) for k in ("c1", "c2", "c9")]
    assert len({(p.color().name(), p.style()) for p in pens}) == 3
    assert len({p.style() for p in pens}) == 3
    assert all(not b.icon().isNull() for b in history.switches.values())


# ------------------------------------------------------------ the change table


def test_change_table_scores_change_and_area(qtbot, instrument):
    table = ChangeTable()
    qtbot.addWidget(table)
    table.set_webs([START, TUSSEN, EIND], instrument)
    assert table.columnCount() == 5 and table.rowCount() == 7
    headers = [table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Dimensie", "start\n14-06-2026", "tussen\n13-09-2026", "eind\n12-12-2026",
                       "verschil\nsinds start"]
    rows = [[table.cell_text(r, c) for c in range(5)] for r in range(7)]
    names = [d.name for d in instrument.dimensions]
    assert rows[0] == [names[0], "5", "–", "8", "+3"]
    assert rows[1] == [names[1], "5", "6", "6", "+1"]
    assert [r[4] for r in rows[:6]] == ["+3", "+1", "+3", "+1", "+3", "+1"]
    assert rows[6] == ["oppervlakte", "25%", "17%", "48%", "+23%"]


def test_change_table_with_one_web_has_no_change_column(qtbot, instrument):
    table = ChangeTable()
    qtbot.addWidget(table)
    table.set_webs([point("x", "2026-01-02", "start", [4, 6, 5, 7, 3, 5])], instrument)
    assert table.columnCount() == 2
    assert table.cell_text(6, 1) == "24%"


# ------------------------------------------------------------ the trajectory panel


def test_trajectory_panel_shows_the_latest_trajectory(qtbot, instrument):
    panel = TrajectoryPanel(instrument)
    qtbot.addWidget(panel)
    panel.show()
    old = trajectory("t-old", "2025-01-06", [point("o1", "2025-01-06", "start", [2] * 6)],
                     closed="2025-07-01")
    panel.set_trajectories([old, trajectory("t-new", "2026-06-14", [START, TUSSEN, EIND])])
    assert panel.choice.isVisible() and panel.choice.count() == 2
    assert panel.choice.itemText(0) == "vanaf 06-01-2025 (afgesloten)"
    assert panel.current_trajectory().id == "t-new"
    radar = panel.web.radar
    assert radar.scores() == [8, 6, 8, 6, 8, 6]  # the latest web is the solid one
    # the tussen web lacks a number: unfinished, so neither drawn nor compared
    assert radar.history_keys() == ["c1"]
    assert panel.web.current_name.text() == "eind 12-12-2026"
    assert list(panel.web.switches) == ["c1"]
    assert panel.table.columnCount() == 4 and panel.table.cell_text(6, 3) == "+23%"
    # The older trajectory, picked in the combo.
    panel.choice.setCurrentIndex(0)
    assert radar.scores() == [2] * 6 and radar.history_keys() == []
    assert panel.table.columnCount() == 2 and panel.table.cell_text(6, 1) == "4%"


def test_a_single_trajectory_needs_no_choice(qtbot, instrument):
    panel = TrajectoryPanel(instrument)
    qtbot.addWidget(panel)
    panel.show()
    unscored = trajectory("t0", "2024-01-01", [point("z", "2024-01-01", "start", [None] * 6)])
    panel.set_trajectories([unscored, trajectory("t1", "2026-06-14", [START, TUSSEN])])
    assert panel.choice.count() == 1 and not panel.choice.isVisible()
    assert panel.single.text() == "vanaf 14-06-2026"
    assert panel.caption.isVisible() and "geen meting" in panel.caption.text()


# ------------------------------------------------------- with a real database


@pytest.fixture
def history_patient(store, professional, instrument):
    """Trajectory A (start, tussen, eind: closed), a los conversation, then trajectory B
    (start, tussen). Every dimension gets the same score per conversation, for easy reading."""
    p = store.add_patient("Fien Verloop")
    made = {}
    for name, ctype, date, score in [
        ("a_start", "start", "2026-01-05", 5), ("a_tussen", "tussen", "2026-04-05", 6),
        ("a_eind", "eind", "2026-07-05", 7), ("los", "los", "2026-08-01", 4),
        ("b_start", "start", "2026-09-01", 3), ("b_tussen", "tussen", "2026-12-01", 8),
    ]:
        c = store.new_consultation(p.id, professional.id, ctype, date)
        for d in instrument.dimensions:
            store.set_score(c.id, d.id, score)
        store.complete(c.id)
        made[name] = c.id
    return p, made


def _web_step(qtbot, store, instrument, cid) -> WebStep:
    step = WebStep(ConsultationSession(store, instrument, cid))
    qtbot.addWidget(step)
    return step


def test_web_step_shows_the_earlier_webs_of_its_own_trajectory_only(qtbot, store, instrument,
                                                                    history_patient):
    _p, ids = history_patient
    step = _web_step(qtbot, store, instrument, ids["a_eind"])
    assert step.radar.history_keys() == [ids["a_start"], ids["a_tussen"]]
    assert [b.text() for b in step.history.switches.values()] == [
        "&1 start 05-01-2026", "&2 tussen 05-04-2026"]
    # B's tussen: only B's start, not A's webs nor the los conversation in between.
    step = _web_step(qtbot, store, instrument, ids["b_tussen"])
    assert step.radar.history_keys() == [ids["b_start"]]
    assert step.radar.scores() == [8] * 6
    # A los conversation compares with the conversation before it.
    step = _web_step(qtbot, store, instrument, ids["los"])
    assert step.radar.history_keys() == [ids["a_eind"]]
    # A new start has nothing earlier in its trajectory: the previous conversation, as before.
    step = _web_step(qtbot, store, instrument, ids["b_start"])
    assert step.radar.history_keys() == [ids["los"]]
    # The very first conversation has nothing to compare with: no switches, no caption.
    step = _web_step(qtbot, store, instrument, ids["a_start"])
    assert step.radar.history_keys() == [] and step.history.switches == {}
    assert step.history.switch_row.isHidden() and step.history.caption.isHidden()


def test_alt_digit_toggles_a_web_and_the_score_list_keeps_the_keyboard(qtbot, store, instrument,
                                                                        history_patient):
    p, ids = history_patient
    window = MainWindow(store, instrument)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_patient(p.id)
    window.open_consultation(ids["a_eind"])
    web = window.consultation_page.web
    if QApplication.activeWindow() is None:  # offscreen: activation comes late
        window.activateWindow()
        qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is web.table)
    box = web.history.switches[ids["a_tussen"]]
    qtbot.keyClick(web.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not box.isChecked())
    assert not web.radar.history_item(ids["a_tussen"]).isVisible()
    assert web.radar.history_item(ids["a_start"]).isVisible()
    assert QApplication.focusWidget() is web.table  # typing digits still scores
    qtbot.keyClick(web.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.isChecked)
    # Reachable with Tab as well.
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_patient_page_shows_the_latest_trajectory(qtbot, store, instrument, history_patient):
    p, ids = history_patient
    page = PatientPage(store, instrument)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.show_patient(p.id)
    panel = page.trajectory_panel
    assert panel is not None and panel.isVisible()
    assert panel.choice.count() == 2 and panel.current_trajectory().webs[0].consultation_id == \
        ids["b_start"]
    assert panel.web.radar.scores() == [8] * 6
    assert panel.web.radar.history_keys() == [ids["b_start"]]
    table = panel.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Dimensie", "start\n01-09-2026", "tussen\n01-12-2026", "verschil\nsinds start"]
    assert [table.cell_text(0, c) for c in range(1, 4)] == ["3", "8", "+5"]
    # [3]*6 -> 9/100 = 9 %; [8]*6 -> 64 %.
    assert [table.cell_text(6, c) for c in range(1, 4)] == ["9%", "64%", "+55%"]
    panel.choice.setCurrentIndex(0)
    assert [table.cell_text(6, c) for c in range(1, 5)] == ["25%", "36%", "49%", "+24%"]
    assert panel.web.radar.history_keys() == [ids["a_start"], ids["a_tussen"]]


def test_patient_page_without_webs_builds_no_chart(qtbot, store, professional, instrument):
    page = PatientPage(store, instrument)
    qtbot.addWidget(page)
    p = store.add_patient("Nog Niets")
    page.show_patient(p.id)
    assert page.trajectory_panel is None
    store.new_consultation(p.id, professional.id)  # begun, nothing scored yet
    page.show_patient(p.id)
    assert page.trajectory_panel is None


def test_earlier_webs_hidden_while_the_patient_gives_numbers(qtbot, store, professional, instrument,
                                                             history_patient):
    _p, ids = history_patient
    c = store.new_consultation(_p.id, professional.id, "eind", "2027-03-01")
    step = _web_step(qtbot, store, instrument, c.id)
    assert step.radar.history_keys() == [] and step.history.switches == {}
    for row in range(len(instrument.dimensions) - 1):
        step.set_score(row, 6)
        assert step.radar.history_keys() == []  # not yet: five of six
    step.set_score(len(instrument.dimensions) - 1, 6)
    assert step.radar.history_keys() == [ids["b_start"], ids["b_tussen"]]
    # a practice that wants them visible all along
    store.set_setting("history_while_scoring", "1")
    c2 = store.new_consultation(_p.id, professional.id, "los", "2027-04-01")
    assert _web_step(qtbot, store, instrument, c2.id).radar.history_keys() != []


def test_patient_page_leaves_out_an_unfinished_web(qtbot, store, professional, instrument):
    from pgdesk.ui.web_history import TrajectoryPanel

    p = store.add_patient("Ria Onaf")
    start = store.new_consultation(p.id, professional.id, "start", "2026-01-05")
    for d in instrument.dimensions:
        store.set_score(start.id, d.id, 5)
    half = store.new_consultation(p.id, professional.id, "tussen", "2026-04-05")
    store.set_score(half.id, instrument.dimensions[0].id, 9)
    from pgdesk.storage.trajectories import trajectories_for

    panel = TrajectoryPanel(instrument)
    qtbot.addWidget(panel)
    panel.set_trajectories(trajectories_for(store, p.id, instrument))
    assert panel.web.current_name.text() == "start 05-01-2026"
    assert panel.table.columnCount() == 2  # one web: no difference column
