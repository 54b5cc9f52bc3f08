"""How the spinnenweb redraws a score change (issue 16): only the area around the changed spoke
is marked and repainted; no item is made again, the earlier webs are left as they are; and the
picture is still the web's fill under its line."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF
from PySide6.QtGui import QRegion
from radar_helpers import SIX, shown_radar

from pgdesk.ui.radar import RadarWidget

pytestmark = pytest.mark.gui

START = [("c-start", "start 14-06-2026", [5, 4, 6, 5, 3, 6])]


@pytest.fixture
def radar(qtbot):
    widget = shown_radar(qtbot)
    widget.set_history(START)
    widget.set_scores([7, 7, 7, 7, 7, 7])
    qtbot.wait(20)
    return widget


class Repaints(QObject):
    """The region of every paint of the chart's viewport."""

    def __init__(self, radar: RadarWidget) -> None:
        super().__init__(radar)
        self.region = QRegion()
        self.count = 0
        radar.viewport().installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.region += event.region()
            self.count += 1
        return False


def test_a_score_change_marks_the_area_around_its_spoke_only(radar, monkeypatch):
    fill, line = radar._webs.current_items()
    marked: list[tuple[str, QRectF]] = []
    for name, item in (("fill", fill), ("line", line)):
        monkeypatch.setattr(item, "update", lambda rect=None, name=name: marked.append((name, rect)))
    radar.set_score(0, 3)  # the top spoke: from 7 to 3
    assert [name for name, _rect in marked] == ["fill", "line"]
    rect = marked[0][1]
    assert rect == marked[1][1]
    for index, value in ((0, 3), (0, 7), (1, 7), (5, 7)):  # its point, old and new, neighbours
        assert rect.contains(radar._view_point(index, value))
    for index in (2, 3, 4):  # the lower half of the web is not marked
        assert not rect.contains(radar._view_point(index, 7))
    assert line.polygon()[0] == radar._view_point(0, 3) and line.polygon() == fill.polygon()
    marked.clear()
    radar.set_score(2, None)
    radar.set_score(2, 0)  # unscored and 0 are drawn alike: nothing more to paint
    assert len(marked) == 2
    assert radar._webs.current_items() == (fill, line)  # the same items, none made again


def test_a_score_change_repaints_near_its_spoke_only(radar, qtbot):
    radar.set_score(0, 8)  # what the first showing left to paint is painted with this one
    qtbot.wait(50)
    repaints = Repaints(radar)
    radar.set_score(0, 9)  # the top spoke
    qtbot.waitUntil(lambda: repaints.count > 0)
    qtbot.wait(20)
    viewport = radar.viewport()

    def in_viewport(index: int, value: float) -> QPoint:
        return viewport.mapFrom(radar, radar.point_in_widget(index, value))

    assert repaints.region.contains(in_viewport(0, 9)) and repaints.region.contains(
        in_viewport(0, 7))
    # one rectangle (each item drawn under a plain rectangular clip, not a region)
    assert repaints.count == 1 and repaints.region.rectCount() == 1
    # the rest of the web is left as it was: its bottom half, and even its centre
    assert not repaints.region.contains(in_viewport(3, 7))
    assert not repaints.region.contains(in_viewport(3, 3))
    assert not repaints.region.contains(in_viewport(0, 0))


def test_the_earlier_webs_are_left_alone_while_scoring(radar, monkeypatch):
    item = radar.history_item("c-start")
    before = list(radar._vb.addedItems)
    paths: list[str] = []
    monkeypatch.setattr(item, "setPath", lambda path: paths.append("set"))
    for value in (2, 4, 9):
        radar.set_score(1, value)
    radar.set_history(START)  # the same webs again (the step refreshed): kept as they are
    assert radar.history_item("c-start") is item
    assert paths == []
    assert list(radar._vb.addedItems) == before
    radar.set_history([("c-start", "start 14-06-2026", [5, 4, 6, 5, 3, 8])])  # a web corrected
    assert paths == ["set"] and radar.history_item("c-start") is item
    radar.set_history([])
    assert radar.history_keys() == [] and item not in radar._vb.addedItems


def test_the_web_is_drawn_as_its_fill_under_its_line(radar, qtbot):
    """A point in the middle of each side is on the line's colour, the inside of each sector on
    the fill's."""
    radar.set_history([])
    radar.set_scores([8, 4, None, 10, 6, 2])
    qtbot.wait(20)
    image = radar.grab().toImage()
    ratio = image.devicePixelRatio()
    scores = [8, 4, 0, 10, 6, 2]
    line = radar._webs.current_pen().color()
    fill = radar._webs.current_items()[0].brush().color()

    def colour_at(x: float, y: float):
        return image.pixelColor(int(x * ratio), int(y * ratio))

    def close(a, b) -> bool:
        return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40

    for k in range(6):
        a = radar.point_in_widget(k, scores[k])
        b = radar.point_in_widget((k + 1) % 6, scores[(k + 1) % 6])
        assert close(colour_at((a.x() + b.x()) / 2, (a.y() + b.y()) / 2), line), k
        if scores[k] and scores[(k + 1) % 6]:
            centre = radar.point_in_widget(0, 0)
            # a third of the way from the centre to the side's middle, off the grid's spokes
            x = centre.x() + ((a.x() + b.x()) / 2 - centre.x()) * 0.55
            y = centre.y() + ((a.y() + b.y()) / 2 - centre.y()) * 0.55
            assert close(colour_at(x, y), fill), k


def test_what_the_window_shows_after_many_changes_is_the_whole_picture(radar, qtbot):
    """Only the marked areas are repainted, and they are enough: the window's own pixels after
    60 random changes (set and cleared) are those of the whole chart drawn afresh."""
    radar.set_scores([7, 5, None, 8, 3, 6])
    qtbot.wait(20)
    choice = random.Random(16)
    for change in range(60):
        radar.set_score(choice.randrange(6), choice.choice([None, *range(11)]))
        qtbot.wait(1)
        if change % 20 == 19:
            shown = radar.screen().grabWindow(radar.winId()).toImage()
            whole = radar.grab().toImage()
            assert shown.convertToFormat(whole.format()) == whole, change


def test_a_new_current_row_keeps_the_web_as_it_is(qtbot, monkeypatch):
    """The current dimension's label is bold, and wider: the web is fitted around every label as
    if bold, so moving through the rows never resizes it (it jumped by up to 7% and was drawn
    anew on every row) and nothing is fitted again."""
    radar = RadarWidget(SIX + ["Financiën en wonen"])
    qtbot.addWidget(radar)
    radar.resize(500, 500)
    radar.show()
    qtbot.waitExposed(radar)
    radar.set_marked({0, 2, 5})
    fitted: list[int] = []
    real_fit = radar._fit
    monkeypatch.setattr(radar, "_fit", lambda *a: (fitted.append(1), real_fit(*a)))
    tops = set()
    for k in range(7):
        radar.set_current(k)
        qtbot.wait(1)
        tops.add(radar.point_in_widget(0, 10).y())
        for i, label in enumerate(radar._label_items):  # bold or not, inside what was fitted
            fit = label.fit_extent()
            assert fit.contains(label.pixel_extent()), (k, i)
    assert len(tops) == 1
    assert fitted == []
