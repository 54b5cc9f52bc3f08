"""The drawn webs of the spinnenweb: the current one (an opaque fill under the grid, its outline
above it) and the earlier ones behind it, in view coordinates. Kept apart from the widget because
this is what is redrawn on every score change, and drawn so that a change costs little: the
current web's two items keep fixed bounds (nothing to re-index) and mark as changed only the area
around the spoke whose point moved, so the view repaints that area and not the whole web; the
earlier webs do not change while scoring, so each is kept as a cached picture and its item is
re-used, not re-made, when the same webs come again."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from pgdesk.domain.geometry import clamp_score
from pgdesk.ui.chart_colours import ChartColours
from pgdesk.ui.radar import geometry
from pgdesk.ui.radar.items import HistoryWeb, RadarViewBox
from pgdesk.ui.web_pens import current_pen, history_pen

FILL_Z = 0.5  # under the grid: its rings and spokes stay visible through the opaque fill
LINE_Z = 8  # over the grid and the earlier webs
HISTORY_Z = 5  # behind the current web's line, the oldest on top (minus 0.01 per web)


def path_item(vb: RadarViewBox, pen: QPen, z: float) -> QGraphicsPathItem:
    """A path item in view coordinates that never takes the mouse (the view box does)."""
    item = QGraphicsPathItem()
    item.setPen(pen)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setZValue(z)
    vb.addItem(item, ignoreBounds=True)
    return item


class CurrentWeb(QGraphicsItem):
    """The current web's fill or its line. Its bounds are the whole scale, so a moved point never
    changes them (no re-indexing, nothing repainted for that); Webs marks what changed. The fill
    is drawn without antialiasing: its edge lies under the (antialiased) line, and an aliased
    fill paints markedly faster."""

    def __init__(self, filled: bool) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(FILL_Z if filled else LINE_Z)
        self._filled = filled
        self._polygon = QPolygonF()
        self._pen = QPen(Qt.PenStyle.NoPen)
        self._brush = QBrush()
        self._rect = QRectF()

    def polygon(self) -> QPolygonF:
        return QPolygonF(self._polygon)

    def set_polygon(self, polygon: QPolygonF) -> None:
        """New points; the caller marks where they changed (`update`)."""
        self._polygon = polygon

    def set_look(self, pen: QPen, brush: QBrush, margin: float) -> None:
        """Pen, brush, and room around the scale for the pen (view units)."""
        self.prepareGeometryChange()
        self._pen, self._brush = pen, brush
        r = geometry.MAX_SCORE + margin
        self._rect = QRectF(-r, -r, 2 * r, 2 * r)
        self.update()

    def pen(self) -> QPen:
        return QPen(self._pen)

    def brush(self) -> QBrush:
        return QBrush(self._brush)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._filled:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPolygon(self._polygon)


class Webs:
    """The current web and the earlier webs, drawn in the view box `vb`."""

    def __init__(self, vb: RadarViewBox) -> None:
        self._vb = vb
        self.history: list[HistoryWeb] = []
        self._fill = CurrentWeb(filled=True)
        self._line = CurrentWeb(filled=False)
        for item in (self._fill, self._line):
            vb.addItem(item, ignoreBounds=True)
        self._points: list[QPointF] = []  # where each point of the current web is drawn now
        self._brush = QBrush()
        self._pen = QPen()
        self._scale = 20.0  # px per score point, told by the widget as it fits the web

    def current_items(self) -> tuple[CurrentWeb, CurrentWeb]:
        """The current web's (fill, line) (for tests)."""
        return self._fill, self._line

    def current_pen(self) -> QPen:
        return QPen(self._pen)

    def show(self, values: Sequence[float | None]) -> None:
        """Draw the current web through these values, marking as changed only the area around
        each point that moved: between its old and new place and its neighbours, old and new,
        holds all that changed of the two sides that meet there and of the fill between."""
        n = len(values)
        points = [geometry.view_point(i, n, clamp_score(v)) for i, v in enumerate(values)]
        old, self._points = self._points, points
        polygon = QPolygonF(points)
        self._fill.set_polygon(polygon)
        self._line.set_polygon(polygon)
        if len(old) != n:
            self._fill.update()
            self._line.update()
            return
        margin = self._margin()
        for i in range(n):
            if points[i] != old[i]:
                around = [p for k in (i - 1, i, (i + 1) % n) for p in (old[k], points[k])]
                rect = QPolygonF(around).boundingRect().adjusted(-margin, -margin, margin, margin)
                self._fill.update(rect)
                self._line.update(rect)

    def _margin(self) -> float:
        """Half the line's (pixel-wide) pen and a pixel to blend, in view units."""
        return (self._pen.widthF() / 2 + 1) / self._scale

    def set_scale(self, px_per_unit: float) -> None:
        """The view's new scale: the line's pen keeps its width in pixels."""
        if px_per_unit != self._scale:  # fitted again (a resize, a legend) at the same scale
            self._scale = px_per_unit
            self._apply_look()

    def _apply_look(self) -> None:
        self._fill.set_look(QPen(Qt.PenStyle.NoPen), self._brush, 1 / self._scale)
        self._line.set_look(self._pen, QBrush(Qt.BrushStyle.NoBrush), self._margin())

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
        self._apply_look()
        for k, h in enumerate(self.history):
            h.pen = history_pen(k, ink)
            h.item.setPen(h.pen)
