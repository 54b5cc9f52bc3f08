"""The drawn webs of the spinnenweb: the current one (an opaque fill under the grid, its outline
above it) and the earlier ones behind it, as path items in view coordinates. Kept apart from the
widget because this is what is redrawn on every score change."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from pgdesk.ui.chart_colours import ChartColours
from pgdesk.ui.radar import geometry
from pgdesk.ui.radar.items import Fill, HistoryWeb, RadarViewBox
from pgdesk.ui.web_pens import current_pen, history_pen


def path_item(vb: RadarViewBox, pen: QPen, z: float, item: QGraphicsPathItem | None = None
              ) -> QGraphicsPathItem:
    """A path item in view coordinates that never takes the mouse (the view box does)."""
    item = item or QGraphicsPathItem()
    item.setPen(pen)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setZValue(z)
    vb.addItem(item, ignoreBounds=True)
    return item


class Webs:
    """The current web and the earlier webs, drawn in the view box `vb`."""

    def __init__(self, vb: RadarViewBox) -> None:
        self._vb = vb
        self.history: list[HistoryWeb] = []
        self._fill = path_item(vb, QPen(Qt.PenStyle.NoPen), z=0.5, item=Fill())
        self._outline = path_item(vb, QPen(), z=8)

    def outline(self) -> QGraphicsPathItem:
        """The current web's line (for tests)."""
        return self._outline

    def show(self, values: Sequence[float | None]) -> None:
        """Draw the current web through these values."""
        path = geometry.polygon_path(values)
        self._fill.setPath(path)
        self._outline.setPath(path)

    def set_history(self, webs: Sequence[tuple[Hashable, str, Sequence[float | None]]], n: int,
                    ink: ChartColours) -> None:
        """Earlier webs as (key, legend label, scores), oldest first, each with `n` values; a key
        shown before keeps its visibility."""
        was_visible = {h.key: h.visible for h in self.history}
        for h in self.history:
            self._vb.removeItem(h.item)
        self.history = []
        for k, (key, label, scores) in enumerate(webs):
            pen = history_pen(k, ink)
            item = path_item(self._vb, pen, z=5 - 0.01 * k)
            visible = was_visible.get(key, True)
            item.setVisible(visible)
            values = (list(scores) + [None] * n)[:n]
            self.history.append(HistoryWeb(key, str(label), values, pen, item, visible))
        self.show_history()

    def history_web(self, key: Hashable) -> HistoryWeb:
        for h in self.history:
            if h.key == key:
                return h
        raise KeyError(key)

    def show_history(self) -> None:
        for h in self.history:
            h.item.setPath(geometry.polygon_path(h.values))

    def set_colours(self, ink: ChartColours) -> None:
        self._fill.setBrush(QBrush(ink.soft))
        self._outline.setPen(current_pen(ink))
        for k, h in enumerate(self.history):
            h.pen = history_pen(k, ink)
            h.item.setPen(h.pen)
