"""How the spinnenweb redraws a score change (issue 16): only the two sectors beside the changed
spoke get new geometry and are repainted; no item is made again, the earlier webs are left as
they are; and the picture is the one a single polygon gave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QRegion

from pgdesk.ui.radar import RadarWidget
from pgdesk.ui.radar import webs as webs_module

pytestmark = pytest.mark.gui

SIX = ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen",
       "Dagelijks functioneren"]
START = [("c-start", "start 14-06-2026", [5, 4, 6, 5, 3, 6])]


@pytest.fixture
def radar(qtbot):
    widget = RadarWidget(SIX)
    qtbot.addWidget(widget)
    widget.resize(500, 500)
    widget.show()
    qtbot.waitExposed(widget)
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


def test_a_score_change_sets_the_two_sectors_beside_its_spoke_only(radar, monkeypatch):
    lines: list[int] = []
    fills: list[int] = []
    sectors = radar._webs.sectors()
    monkeypatch.setattr(webs_module.Edge, "set_line",
                        lambda edge, a, b, real=webs_module.Edge.set_line: (
                            lines.append([e for _f, e in sectors].index(edge)), real(edge, a, b)))
    monkeypatch.setattr(webs_module.Fill, "setPath",
                        lambda fill, path, real=webs_module.Fill.setPath: (
                            fills.append([f for f, _e in sectors].index(fill)), real(fill, path)))
    radar.set_score(0, 3)
    assert sorted(lines) == sorted(fills) == [0, 5]  # sector 5 ends on spoke 0, sector 0 starts there
    lines.clear()
    fills.clear()
    radar.set_score(2, None)
    assert sorted(lines) == sorted(fills) == [1, 2]
    lines.clear()
    radar.set_score(2, 0)  # unscored and 0 are drawn alike: nothing to draw again
    assert lines == []
    assert radar._webs.sectors() == sectors  # the same items, none made again
    edge = sectors[0][1].line()
    assert (edge.p1(), edge.p2()) == (radar._view_point(0, 3), radar._view_point(1, 7))


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
    # the bottom half of the web (spoke 3, sectors 2 and 3) is left as it was
    assert not repaints.region.contains(in_viewport(3, 7))
    assert not repaints.region.contains(in_viewport(3, 3))


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


def test_the_sectors_draw_the_web_a_single_polygon_drew(radar, qtbot):
    """Fill and outline per sector look like one polygon: a point in the middle of each side is
    on the outline's colour, the centre of each sector on the fill's."""
    radar.set_history([])
    radar.set_scores([8, 4, None, 10, 6, 2])
    qtbot.wait(20)
    image = radar.grab().toImage()
    ratio = image.devicePixelRatio()
    scores = [8, 4, 0, 10, 6, 2]
    line = radar._webs.current_pen().color()
    fill = radar._webs.sectors()[0][0].brush().color()

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
