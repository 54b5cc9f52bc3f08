"""The spinnenweb widget: API, geometry and real mouse interaction."""

from __future__ import annotations

import math
import statistics
import time

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from radar_helpers import (
    _LEFT,
    _NONE,
    SIX,
    _send,
    _to_viewport,
    click,
    click_at,
    click_label,
    drag,
    press_move_release,
    shown_radar,
)

from pgdesk.ui import plain
from pgdesk.ui.radar import RadarWidget, wrap_label

pytestmark = pytest.mark.gui

SEVEN = SIX + ["Financiën en wonen"]


@pytest.fixture
def radar(qtbot):
    return shown_radar(qtbot)


def record(radar):
    scores: list[tuple[int, int]] = []
    axes: list[int] = []
    radar.scoreChanged.connect(lambda i, v: scores.append((i, v)))
    radar.axisSelected.connect(axes.append)
    return scores, axes


def off_spoke_point(radar, index: int, value: float, degrees: float) -> QPoint:
    """A widget point at ``value`` but ``degrees`` away from spoke ``index``."""
    centre = radar.point_in_widget(index, 0)
    tip = radar.point_in_widget(index, value)
    dx, dy = tip.x() - centre.x(), tip.y() - centre.y()
    a = math.radians(degrees)
    return QPoint(
        round(centre.x() + dx * math.cos(a) - dy * math.sin(a)),
        round(centre.y() + dx * math.sin(a) + dy * math.cos(a)),
    )


# --------------------------------------------------------------- the API


def test_set_scores_is_reflected_and_silent(radar):
    scores, axes = record(radar)
    radar.set_scores([7, 5, None, 8, 6, 4.5])
    assert radar.scores() == [7, 5, None, 8, 6, 4.5]
    assert scores == [] and axes == []


def test_set_scores_needs_one_per_dimension(radar):
    with pytest.raises(ValueError):
        radar.set_scores([1, 2, 3])


def test_needs_three_dimensions(qtbot):
    with pytest.raises(ValueError):
        RadarWidget(["a", "b"])


def test_point_geometry(radar):
    """First spoke straight up, then clockwise; equal radii for equal values."""
    c = radar.point_in_widget(0, 0)
    for i in range(6):
        assert radar.point_in_widget(i, 0) == c
    top = radar.point_in_widget(0, 10)
    assert abs(top.x() - c.x()) <= 1 and top.y() < c.y()
    right = radar.point_in_widget(1, 10)
    assert right.x() > c.x() and right.y() < c.y()  # 30 degrees above horizontal, right side
    bottom = radar.point_in_widget(3, 10)
    assert abs(bottom.x() - c.x()) <= 1 and bottom.y() > c.y()
    radii = [
        math.dist((c.x(), c.y()), (p.x(), p.y())) for p in (radar.point_in_widget(i, 10) for i in range(6))
    ]
    assert max(radii) - min(radii) <= 2


def test_set_score_changes_only_that_point(radar):
    radar.set_scores([7, 5, None, 8, 6, 4.5])
    before = [h.pos() for h in radar._handles]
    scores, _ = record(radar)
    radar.set_score(2, 6.4)
    after = [h.pos() for h in radar._handles]
    assert radar.scores() == [7, 5, 6.4, 8, 6, 4.5]
    assert [i for i in range(6) if before[i] != after[i]] == [2]
    assert scores == []
    radar.set_score(2, None)
    assert radar.scores()[2] is None
    assert radar._handles[2].pos() == before[2]


def test_unscored_handle_sits_in_the_centre(radar):
    radar.set_scores([None] * 6)
    centre = radar._handles[0].pos()
    assert all(h.pos() == centre for h in radar._handles)
    assert centre.x() == 0 and centre.y() == 0


def test_set_labels_changes_the_number_of_spokes(radar):
    radar.set_scores([1, 2, 3, 4, 5, 6])
    radar.set_labels(SEVEN)
    assert radar.scores() == [1, 2, 3, 4, 5, 6, None]
    radar.set_labels(SIX[:4])
    assert radar.scores() == [1, 2, 3, 4]


def test_current_previous_marked_do_not_emit(radar):
    scores, axes = record(radar)
    radar.set_current(2)
    radar.set_previous([("12-03-2024", [5, 4, None, 6, 5, 3]), ("04-09-2024", [6] * 6)])
    radar.set_marked({1, 4, 99})
    radar.set_current(-1)
    radar.set_previous([])
    assert scores == [] and axes == []


def test_wrap_label():
    assert wrap_label("Zingeving") == "Zingeving"
    assert wrap_label("Lichaamsfuncties") == "Lichaamsfuncties"
    assert wrap_label("Dagelijks functioneren") == "Dagelijks\nfunctioneren"
    assert wrap_label("Kwaliteit van leven").count("\n") == 1


# ------------------------------------------------------------- the mouse


def test_drag_handle_from_3_to_7(qtbot, radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    drag(qtbot, radar, 2, 3, 7)
    assert scores == [(2, 7)]
    assert radar.scores()[2] == 7


@pytest.mark.parametrize("to_value,expected", [
    (6.3, 6),    # snaps to a whole number
    (11.2, 10),  # beyond the outer ring clamps to 10
    (-4, 0),     # through the centre clamps to 0
])
def test_drag_snaps_and_clamps(qtbot, radar, to_value, expected):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    drag(qtbot, radar, 2, 3, to_value)
    assert scores == [(2, expected)]


def test_drag_preview_emits_nothing_until_release(qtbot, radar):
    """Only the release emits; moving to and fro emits once, with the final value."""
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    start = radar.point_in_widget(2, 3)
    far = radar.point_in_widget(2, 9)
    end = radar.point_in_widget(2, 4)
    # Out to 9 and back to 4 in one gesture.
    viewport, a = _to_viewport(radar, start)
    _send(viewport, QEvent.Type.MouseButtonPress, a, _LEFT, _LEFT)
    for target in (far, end):
        _, p = _to_viewport(radar, target)
        qtbot.wait(15)
        _send(viewport, QEvent.Type.MouseMove, p, _NONE, _LEFT)
    assert scores == []
    assert radar.scores()[2] == 3  # not committed yet
    # ... but the handle already shows the preview, snapped to 4 on its spoke.
    shown = radar._vb.mapViewToScene(radar._handles[2].pos())
    shown = viewport.mapTo(radar, radar._plot.mapFromScene(shown))
    assert (shown - end).manhattanLength() <= 2
    _, p = _to_viewport(radar, end)
    _send(viewport, QEvent.Type.MouseButtonRelease, p, _LEFT, _NONE)
    assert scores == [(2, 4)]


def test_drag_without_change_emits_nothing(qtbot, radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    drag(qtbot, radar, 2, 3, 3.3)  # moves a few pixels, stays at 3
    drag(qtbot, radar, 2, 3, 7)
    drag(qtbot, radar, 2, 7, 7.4)
    assert scores == [(2, 7)]


def test_drag_non_integer_score(qtbot, radar):
    radar.set_scores([5, 5, 6.4, 5, 5, 5])
    scores, _ = record(radar)
    drag(qtbot, radar, 2, 6.4, 8)
    assert scores == [(2, 8)]


def test_drag_unscored_handle_out_of_the_centre(qtbot, radar):
    """All unscored handles share the centre; the drag direction picks the spoke."""
    radar.set_scores([None] * 6)
    scores, _ = record(radar)
    drag(qtbot, radar, 2, 0, 5)
    drag(qtbot, radar, 5, 0, 8)
    assert scores == [(2, 5), (5, 8)]
    assert radar.scores() == [None, None, 5, None, None, 8]


def test_drag_on_empty_space_does_nothing(qtbot, radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, axes = record(radar)
    press_move_release(qtbot, radar, radar.point_in_widget(1, 7.5), radar.point_in_widget(1, 2))
    assert scores == [] and axes == []
    assert radar.scores() == [5, 5, 3, 5, 5, 5]


def test_click_on_spoke_sets_value(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, axes = record(radar)
    click(radar, 4, 8)
    assert scores == [(4, 8)]
    assert radar.scores()[4] == 8
    assert axes == []


def test_click_near_spoke_projects_and_rounds(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    # 20 degrees off spoke 1 (less than half of the 60 degrees between spokes),
    # at distance 8.5: projected 8.5 * cos(20) = 7.99 -> 8.
    click_at(radar, off_spoke_point(radar, 1, 8.5, 20))
    # 25 degrees the other way off spoke 3, distance 2.2 -> projected 1.99 -> 2.
    click_at(radar, off_spoke_point(radar, 3, 2.2, -25))
    assert scores == [(1, 8), (3, 2)]


def test_click_beyond_10_clamps_to_10(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    click(radar, 0, 10.8)
    assert scores == [(0, 10)]


def test_click_same_value_emits_nothing(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, _ = record(radar)
    click(radar, 0, 5.3)  # lands on the handle: selects, does not score
    click(radar, 4, 8)
    click(radar, 4, 8)  # now on the handle at 8
    assert scores == [(4, 8)]


def test_click_on_unscored_spoke_near_the_centre(radar):
    radar.set_scores([5, 5, None, 5, 5, 5])
    scores, _ = record(radar)
    radar.resize(700, 700)
    click(radar, 2, 1.2)  # just outside the grab radius of the unscored handle in the centre
    assert scores == [(2, 1)]


def test_click_handle_selects_axis(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, axes = record(radar)
    click(radar, 2, 3)
    assert axes == [2] and scores == []


def test_click_label_selects_axis(radar):
    scores, axes = record(radar)
    for i in (0, 3, 5):
        click_label(radar, i)
    assert axes == [0, 3, 5] and scores == []


def test_right_click_does_nothing(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    scores, axes = record(radar)
    click_at(radar, radar.point_in_widget(4, 8), button=Qt.MouseButton.RightButton)
    assert scores == [] and axes == []


def test_seven_labels(qtbot):
    radar = shown_radar(qtbot, SEVEN)
    radar.set_scores([3, 9, 10, 2, None, 7, 5])
    scores, axes = record(radar)
    # Seven spokes: spoke 1 at 90 - 360/7 degrees.
    c, p = radar.point_in_widget(1, 0), radar.point_in_widget(1, 10)
    angle = math.degrees(math.atan2(c.y() - p.y(), p.x() - c.x()))
    assert abs(angle - (90 - 360 / 7)) < 1.0
    drag(qtbot, radar, 6, 5, 1)
    drag(qtbot, radar, 4, 0, 6)
    click(radar, 3, 8)
    click_label(radar, 6)
    assert scores == [(6, 1), (4, 6), (3, 8)]
    assert axes == [6]
    assert radar.scores() == [3, 9, 10, 8, 6, 7, 1]


# -------------------------------------------------------------- the layout


@pytest.mark.parametrize("size", [(300, 300), (500, 500), (700, 700), (420, 300), (300, 460)])
@pytest.mark.parametrize("labels", [SIX, SEVEN, SIX[:3]])
def test_labels_and_web_are_never_clipped(qtbot, size, labels):
    radar = shown_radar(qtbot, labels, size)
    radar.set_previous([("12-03-2024", [5] * len(labels)), ("04-09-2024", [6] * len(labels))])
    radar.set_marked(set(range(len(labels))))
    radar.set_current(1)
    inside = QRect(0, 0, *size)
    viewport = radar.viewport()
    for i, label in enumerate(radar._label_items):
        scene = radar._vb.mapViewToScene(label.pos())
        rect = label.pixel_extent().translated(scene).toAlignedRect()
        rect = QRect(viewport.mapTo(radar, rect.topLeft()), rect.size())
        assert inside.contains(rect), (i, rect, size)
    for i in range(len(labels)):
        assert inside.contains(radar.point_in_widget(i, 10))
    # The web uses a decent part of the widget (fitted around every label as if bold, as large
    # as the old web was with its widest label current).
    c, top = radar.point_in_widget(0, 0), radar.point_in_widget(0, 10)
    assert c.y() - top.y() >= min(size) * 0.2


def test_size_hints(radar):
    assert radar.sizeHint().width() >= 400
    assert radar.minimumSizeHint().width() <= 300
    assert radar.minimumSize().width() >= 250


def test_grab_renders(radar, tmp_path):
    radar.set_scores([7, 5, None, 8, 6, 4.5])
    radar.set_previous([("12-03-2024", [5, 4, 6, 6, 5, 3])])
    radar.set_marked({3})
    radar.set_current(1)
    image = radar.grab().toImage()
    assert image.width() == 500
    # White background in the corner, blue-ish polygon somewhere near the centre.
    assert image.pixelColor(2, 2).name() == "#ffffff"
    c = radar.point_in_widget(0, 3)
    colour = image.pixelColor(c.x() + 4, c.y())
    assert colour.blue() > colour.red()


def test_set_score_repaint_is_fast(radar):
    """Rough guard against regressions (the real benchmark is stricter)."""
    radar.set_scores([7, 5, None, 8, 6, 4.5])
    times = []
    for k in range(200):
        t = time.perf_counter()
        radar.set_score(k % 6, (k * 7) % 11)
        radar.repaint()
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.02


# ------------------------------------------------------- the earlier webs

HISTORY = [
    ("c-start", "start 14-06-2026", [5, 4, 6, 5, 3, 6]),
    ("c-tussen", "tussen 13-09-2026", [6, 6, 7, 6, 5, 7]),
    ("c-los", "los 01-11-2026", [7, 5, 6, 7, 6, 6]),
]


def test_history_each_web_its_own_colour_and_line_style(radar):
    radar.set_scores([8, 7, 7, 8, 6, 8])
    radar.set_history(HISTORY)
    assert radar.history_keys() == ["c-start", "c-tussen", "c-los"]
    pens = [radar.history_pen(key) for key in radar.history_keys()]
    assert len({p.color().name() for p in pens}) == 3
    assert len({p.style() for p in pens}) == 3
    assert pens[0].style() == Qt.PenStyle.DashLine  # the start dashed, the tussen dotted
    assert pens[1].style() == Qt.PenStyle.DotLine
    current = radar._webs.current_pen()
    assert current.style() == Qt.PenStyle.SolidLine
    assert all(current.widthF() > p.widthF() for p in pens)  # the current web is the strongest
    assert all(p.color() != current.color() for p in pens)
    # What is drawn is what was set.
    for key in radar.history_keys():
        assert radar.history_item(key).pen().style() == radar.history_pen(key).style()


def test_history_toggles_hide_and_show_the_right_web(radar):
    radar.set_history(HISTORY)
    items = {key: radar.history_item(key) for key in radar.history_keys()}
    assert all(item.isVisible() for item in items.values())
    radar.set_history_visible("c-tussen", False)
    assert not items["c-tussen"].isVisible() and not radar.history_visible("c-tussen")
    assert items["c-start"].isVisible() and items["c-los"].isVisible()
    assert all(item.isVisible() for item in radar._webs.current_items())  # the current web shows
    radar.set_history_visible("c-tussen", True)
    assert items["c-tussen"].isVisible()
    with pytest.raises(KeyError):
        radar.set_history_visible("elders", False)


def test_history_visibility_survives_a_new_set_history(radar):
    radar.set_history(HISTORY)
    radar.set_history_visible("c-start", False)
    radar.set_history(HISTORY[:2])
    assert not radar.history_visible("c-start") and radar.history_visible("c-tussen")
    assert not radar.history_item("c-start").isVisible()


def test_legend_names_the_webs_by_type_and_date(radar):
    assert radar.legend_entries() == []  # nothing to tell apart
    radar.set_history(HISTORY)
    entries = radar.legend_entries()
    assert [e.text for e in entries] == ["nu", "start 14-06-2026", "tussen 13-09-2026",
                                         "los 01-11-2026"]
    assert entries[0].filled and entries[0].pen.style() == Qt.PenStyle.SolidLine
    assert [e.pen.style() for e in entries[1:]] == [radar.history_pen(k).style()
                                                   for k in radar.history_keys()]
    radar.set_history_visible("c-los", False)
    # A web switched off stays listed (faded), so the legend and the web do not jump.
    assert [e.shown for e in radar.legend_entries()] == [True, True, True, False]
    radar.set_current_label("eind 12-12-2026")
    assert radar.legend_entries()[0].text == "eind 12-12-2026"


def test_set_previous_is_set_history_by_position(radar):
    radar.set_previous([("12-03-2024", [5] * 6), ("04-09-2024", [6] * 6)])
    assert radar.history_keys() == [0, 1]
    assert [e.text for e in radar.legend_entries()] == ["nu", "12-03-2024", "04-09-2024"]
    assert radar.history_pen(0).style() != radar.history_pen(1).style()
    radar.set_previous([])
    assert radar.history_keys() == [] and not radar.legend_visible()


def test_read_only_radar_ignores_the_mouse(radar):
    radar.set_scores([5, 5, 3, 5, 5, 5])
    radar.set_interactive(False)
    scores, axes = record(radar)
    click(radar, 4, 8)
    click_label(radar, 2)
    assert scores == [] and axes == []
    assert radar.scores() == [5, 5, 3, 5, 5, 5]
    assert not any(h.isVisible() for h in radar._handles)


def test_grab_with_three_earlier_webs_shows_their_colours(radar):
    radar.set_scores([9, 9, 9, 9, 9, 9])
    radar.set_history([("a", "start", [2] * 6), ("b", "tussen", [5] * 6), ("c", "los", [7] * 6)])
    image = radar.grab().toImage()

    def near(key, value):
        colour = radar.history_pen(key).color()
        p = radar.point_in_widget(0, value)  # around the web's corner on the top spoke
        found = [image.pixelColor(p.x() + dx, p.y() + dy) for dx in range(-12, 13)
                 for dy in range(-2, 3)]
        return any(abs(c.red() - colour.red()) + abs(c.green() - colour.green())
                   + abs(c.blue() - colour.blue()) < 60 for c in found)

    assert near("a", 2) and near("b", 5) and near("c", 7)
    radar.set_history_visible("b", False)
    image = radar.grab().toImage()
    assert not near("b", 5) and near("a", 2)


def test_handle_tooltip_writes_a_mean_with_the_decimal_comma(radar):
    radar.set_score(0, 6.5)
    radar.set_score(1, 7)
    radar.set_score(2, None)
    tips = [radar._handles[i].toolTip() for i in range(3)]
    assert tips == [plain.tip(t) for t in (f"{SIX[0]}: 6,5", f"{SIX[1]}: 7", f"{SIX[2]}: nog niet gescoord")]
