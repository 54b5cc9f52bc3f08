"""The drawn webs of the spinnenweb: the current one (an opaque fill under the grid, its outline
above it) and the earlier ones behind it, as path items in view coordinates. Kept apart from the
widget because this is what is redrawn on every score change, and drawn so that a change costs
little: the current web is one fill and one edge item per sector, so a new score re-sets and
repaints the two sectors beside its spoke only; the earlier webs do not change while scoring, so
each is kept as a cached picture and its item is re-used, not re-made, when the same webs come
again."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from pgdesk.domain.geometry import clamp_score
from pgdesk.ui.chart_colours import ChartColours
from pgdesk.ui.radar import geometry
from pgdesk.ui.radar.items import Fill, HistoryWeb, RadarViewBox
from pgdesk.ui.web_pens import current_pen, history_pen

FILL_Z = 0.5  # under the grid: its rings and spokes stay visible through the opaque fill
EDGE_Z = 8  # over the grid and the earlier webs
HISTORY_Z = 5  # behind the current web's edge, the oldest on top (minus 0.01 per web)


def path_item(vb: RadarViewBox, pen: QPen, z: float, item: QGraphicsPathItem | None = None
              ) -> QGraphicsPathItem:
    """A path item in view coordinates that never takes the mouse (the view box does)."""
    item = item or QGraphicsPathItem()
    item.setPen(pen)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setZValue(z)
    vb.addItem(item, ignoreBounds=True)
    return item


class Edge(QGraphicsItem):
    """One side of the current web, a line in view coordinates drawn with a pixel-wide pen.
    Its bounds hold that pen at the view's scale (`set_scale`); a QGraphicsPathItem would take
    the pen's width in view units (a score point is some 15 px), so every change would repaint
    a far larger area, and stroke the path first to find out how large."""

    def __init__(self, pen: QPen, px_per_unit: float) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(EDGE_Z)
        self._pen = pen
        self._scale = px_per_unit
        self._line = QLineF()
        self._rect = QRectF()

    def pen(self) -> QPen:
        return QPen(self._pen)

    def set_pen(self, pen: QPen) -> None:
        self._pen = pen
        self._bound()

    def set_scale(self, px_per_unit: float) -> None:
        self._scale = px_per_unit
        self._bound()

    def set_line(self, a: QPointF, b: QPointF) -> None:
        self._line = QLineF(a, b)
        self._bound()

    def line(self) -> QLineF:
        return QLineF(self._line)

    def _bound(self) -> None:
        self.prepareGeometryChange()
        m = (self._pen.widthF() / 2 + 1) / self._scale  # half the pen, and a pixel to blend
        self._rect = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-m, -m, m, m)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self._pen)
        painter.drawLine(self._line)


class Webs:
    """The current web and the earlier webs, drawn in the view box `vb`."""

    def __init__(self, vb: RadarViewBox) -> None:
        self._vb = vb
        self.history: list[HistoryWeb] = []
        self._fills: list[QGraphicsPathItem] = []  # sector k: between spokes k and k + 1
        self._edges: list[Edge] = []
        self._drawn: list[float] = []  # where each point of the current web is drawn now
        self._brush = QBrush()
        self._pen = QPen()
        self._scale = 20.0  # px per score point, told by the widget as it fits the web

    def sectors(self) -> list[tuple[QGraphicsPathItem, Edge]]:
        """The current web's (fill, edge) items, one pair per sector (for tests)."""
        return list(zip(self._fills, self._edges, strict=True))

    def current_pen(self) -> QPen:
        return QPen(self._pen)

    def show(self, values: Sequence[float | None]) -> None:
        """Draw the current web through these values: only the sectors whose points moved."""
        drawn = [clamp_score(v) for v in values]
        n = len(drawn)
        if n != len(self._fills):
            self._make_sectors(n)
            changed = set(range(n))
        else:  # a point on spoke i bounds sectors i - 1 and i
            changed = {k % n for i in range(n) if drawn[i] != self._drawn[i] for k in (i - 1, i)}
        self._drawn = drawn
        for k in changed:
            a = geometry.view_point(k, n, drawn[k])
            b = geometry.view_point((k + 1) % n, n, drawn[(k + 1) % n])
            self._fills[k].setPath(geometry.sector_fill(a, b))
            self._edges[k].set_line(a, b)

    def set_scale(self, px_per_unit: float) -> None:
        """The view's new scale: the edges' bounds hold their pens in pixels."""
        self._scale = px_per_unit
        for edge in self._edges:
            edge.set_scale(px_per_unit)

    def _make_sectors(self, n: int) -> None:
        for item in self._fills + self._edges:
            self._vb.removeItem(item)
        self._fills = [path_item(self._vb, QPen(Qt.PenStyle.NoPen), FILL_Z, Fill())
                       for _ in range(n)]
        self._edges = [Edge(self._pen, self._scale) for _ in range(n)]
        for fill, edge in self.sectors():
            fill.setBrush(self._brush)
            self._vb.addItem(edge, ignoreBounds=True)

    def set_history(self, webs: Sequence[tuple[Hashable, str, Sequence[float | None]]], n: int,
                    ink: ChartColours) -> None:
        """Earlier webs as (key, legend label, scores), oldest first, each with `n` values; a key
        shown before keeps its visibility. Items are re-used in order, and a path is re-set
        only where its web's values changed."""
        was_visible = {h.key: h.visible for h in self.history}
        old = self.history
        for h in old[len(webs):]:
            self._vb.removeItem(h.item)
        self.history = []
        for k, (key, label, scores) in enumerate(webs):
            pen = history_pen(k, ink)
            values = (list(scores) + [None] * n)[:n]
            visible = was_visible.get(key, True)
            if k < len(old):
                item = old[k].item
                if item.pen() != pen:
                    item.setPen(pen)
                if old[k].values != values:
                    item.setPath(geometry.polygon_path(values))
            else:
                item = path_item(self._vb, pen, HISTORY_Z - 0.01 * k)
                # it stays put while the current web changes over it: painted from a picture
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                item.setPath(geometry.polygon_path(values))
            item.setVisible(visible)
            self.history.append(HistoryWeb(key, str(label), values, pen, item, visible))

    def history_web(self, key: Hashable) -> HistoryWeb:
        for h in self.history:
            if h.key == key:
                return h
        raise KeyError(key)

    def show_history(self) -> None:
        for h in self.history:
            h.item.setPath(geometry.polygon_path(h.values))

    def set_colours(self, ink: ChartColours) -> None:
        self._brush = QBrush(ink.soft)
        self._pen = current_pen(ink)
        for fill, edge in self.sectors():
            fill.setBrush(self._brush)
            edge.set_pen(self._pen)
        for k, h in enumerate(self.history):
            h.pen = history_pen(k, ink)
            h.item.setPen(h.pen)
