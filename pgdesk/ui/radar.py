"""The interactive "spinnenweb": a radar chart of the six (or N) dimensions.

pyqtgraph has no polar item, so the chart is a locked-aspect PlotWidget with
hidden axes and no mouse pan/zoom.  The web itself (rings, spokes, polygons)
lives in view coordinates (1 unit = 1 score point); handles, labels and the
small numbers are pixel-sized items (``ItemIgnoresTransformations``) anchored
at view positions, so they stay the same size whatever the widget size.

All mouse interaction is handled centrally by a small ViewBox subclass:

* dragging a handle moves it along its own spoke, snapped to whole numbers
  0..10 (live preview, no signal); on release ``scoreChanged`` is emitted
  once, only if the value changed;
* clicking a handle or a label emits ``axisSelected``;
* clicking empty space inside the web sets the nearest spoke (by angle) to
  the projected distance, rounded and clamped to 0..10, and emits
  ``scoreChanged`` (only if the value changed).

Earlier webs (``set_history``) are drawn behind the current one, each in its
own colour and line style (pgdesk.ui.web_pens), and can be switched off one by
one; a legend along the bottom names them by type and date.

The view range is recomputed on every resize so that the wrapped labels
always fit inside the widget (the web shrinks instead of clipping them).
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pgdesk.ui import plain
from pgdesk.ui.web_pens import WEB_FILL, cosmetic_pen, current_pen, history_pen, paint_swatch

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402  (must come after PySide6 and the env var)

__all__ = ["RadarWidget"]

MAX_SCORE = 10
RINGS = (2, 4, 6, 8, 10)

# Colours: calm blue for the current web, greys for everything structural.
WEB_BLUE = QColor("#4f81bd")
WEB_BLUE_DARK = QColor("#2f5f98")
CURRENT_SPOKE_COLOUR = QColor(79, 129, 189, 200)
# The grid is drawn *over* the (opaque) fill, so it is translucent black: light
# grey on white, a little darker on the blue, as if the fill were translucent.
RING_COLOUR = QColor(0, 0, 0, 36)
RING_OUTER_COLOUR = QColor(0, 0, 0, 76)
SPOKE_COLOUR = QColor(0, 0, 0, 44)
NUMBER_COLOUR = QColor("#959595")
LABEL_COLOUR = QColor("#333333")
UNSCORED_COLOUR = QColor("#9a9a9a")
MARK_COLOUR = QColor("#e8a33d")

HANDLE_RADIUS = 7.5  # px: a 15 px handle, comfortably grabbable on a touchpad
HANDLE_HIT_RADIUS = 11.0  # px: how close a press must be to grab a handle
LABEL_GAP = 15.0  # px between ring 10 and the label anchor
FIT_MARGIN = 6.0  # px kept free along the widget edges
BUBBLE_W = 15.0  # px: the "hier wil ik over praten" speech bubble
BUBBLE_H = 12.0
BUBBLE_SPACING = 4.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("RadarWidget", text)


# Marked for lupdate, translated through _tr at run time.
NOW = QT_TRANSLATE_NOOP("RadarWidget", "nu")
NOT_SCORED = QT_TRANSLATE_NOOP("RadarWidget", "nog niet gescoord")


def wrap_label(text: str, max_single: int = 13) -> str:
    """Wrap a long label onto (at most) two lines, splitting at the space
    that gives the most balanced lines.  Short or single-word labels are
    returned unchanged."""
    text = " ".join(text.split())
    if len(text) <= max_single or " " not in text:
        return text
    words = text.split(" ")
    best: tuple[int, str] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        longest = max(len(first), len(second))
        if best is None or longest < best[0]:
            best = (longest, first + "\n" + second)
    assert best is not None
    return best[1]


def _clamp_score(value: float | None) -> float:
    if value is None or not math.isfinite(value):
        return 0.0
    return min(float(MAX_SCORE), max(0.0, float(value)))


# --------------------------------------------------------------------------
# Graphics items
# --------------------------------------------------------------------------


class _Handle(QGraphicsItem):
    """A round, pixel-sized, grabbable point on one spoke."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(20)
        self._scored = False
        self._current = False
        self._hover = False
        self._dragging = False
        r = HANDLE_RADIUS + 5
        self._rect = QRectF(-r, -r, 2 * r, 2 * r)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), HANDLE_HIT_RADIUS, HANDLE_HIT_RADIUS)
        return path

    def set_state(
        self,
        *,
        scored: bool | None = None,
        current: bool | None = None,
        dragging: bool | None = None,
    ) -> None:
        changed = False
        for name, value in (("_scored", scored), ("_current", current), ("_dragging", dragging)):
            if value is not None and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self.update()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = HANDLE_RADIUS + (1.5 if (self._hover or self._dragging) else 0.0)
        if self._current or self._dragging:
            halo = QColor(WEB_BLUE)
            halo.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(QPointF(0, 0), r + 4, r + 4)
        if self._scored:
            painter.setPen(QPen(QColor("white"), 2.0))
            painter.setBrush(WEB_BLUE_DARK)
        else:
            painter.setPen(QPen(UNSCORED_COLOUR, 1.8))
            painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), r, r)


class _Label(QGraphicsItem):
    """A dimension name, drawn in pixels, anchored at a view position.

    The anchor (ax, ay) is the point of the text block (0..1 of its width
    and height) that sits on ``pos()``; an optional speech bubble hangs off
    the outer side of the text when the dimension is marked.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(15)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._raw = text
        self._text = wrap_label(text)
        self._font = QFont()
        self._bold = False
        self._marked = False
        self._anchor = (0.5, 0.5)
        self._text_rect = QRectF()
        self._bubble_rect = QRectF()
        self._bounds = QRectF()
        self._relayout()

    # -- state ---------------------------------------------------------------
    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._relayout()

    def set_anchor(self, ax: float, ay: float) -> None:
        if (ax, ay) != self._anchor:
            self._anchor = (ax, ay)
            self._relayout()

    def set_bold(self, bold: bool) -> None:
        if bold != self._bold:
            self._bold = bold
            self._relayout()

    def set_marked(self, marked: bool) -> None:
        if marked != self._marked:
            self._marked = marked
            self._relayout()

    def text(self) -> str:
        return self._raw

    def _effective_font(self) -> QFont:
        font = QFont(self._font)
        font.setBold(self._bold)
        return font

    def _alignment(self) -> Qt.AlignmentFlag:
        ax = self._anchor[0]
        if ax < 0.3:
            return Qt.AlignmentFlag.AlignLeft
        if ax > 0.7:
            return Qt.AlignmentFlag.AlignRight
        return Qt.AlignmentFlag.AlignHCenter

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        fm = QFontMetricsF(self._effective_font())
        size = fm.boundingRect(
            QRectF(0, 0, 10_000, 10_000), int(Qt.AlignmentFlag.AlignLeft), self._text
        ).size()
        w, h = math.ceil(size.width()) + 2, math.ceil(size.height())
        ax, ay = self._anchor
        self._text_rect = QRectF(-ax * w, -ay * h, w, h)
        if self._marked:
            # The bubble sits beside the shorter line, on its outer side
            # (left of right-aligned text, right of left-aligned/centred text),
            # so that it adds as little width as possible.
            lines = self._text.split("\n")
            widths = [fm.horizontalAdvance(line) for line in lines]
            k = min(range(len(lines)), key=widths.__getitem__)
            line_h = h / len(lines)
            y = self._text_rect.top() + k * line_h + (line_h - BUBBLE_H) / 2
            align = self._alignment()
            if align == Qt.AlignmentFlag.AlignRight:
                x = self._text_rect.right() - 1 - widths[k] - BUBBLE_SPACING - BUBBLE_W
            elif align == Qt.AlignmentFlag.AlignLeft:
                x = self._text_rect.left() + 1 + widths[k] + BUBBLE_SPACING
            else:
                x = self._text_rect.center().x() + widths[k] / 2 + BUBBLE_SPACING
            self._bubble_rect = QRectF(x, y, BUBBLE_W, BUBBLE_H)
            self._bounds = self._text_rect.united(self._bubble_rect)
        else:
            self._bubble_rect = QRectF()
            self._bounds = QRectF(self._text_rect)
        self._bounds.adjust(-1, -1, 1, 1)
        self.update()

    # -- geometry helpers (pixels, relative to the anchor point) -------------
    def text_rect(self) -> QRectF:
        return QRectF(self._text_rect)

    def pixel_extent(self) -> QRectF:
        return QRectF(self._bounds)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(self._effective_font())
        painter.setPen(WEB_BLUE_DARK if self._bold else LABEL_COLOUR)
        painter.drawText(self._text_rect, int(self._alignment()), self._text)
        if self._marked:
            self._paint_bubble(painter, self._bubble_rect)

    @staticmethod
    def _paint_bubble(painter: QPainter, rect: QRectF) -> None:
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 3)
        path = QPainterPath()
        path.addRoundedRect(body, 3.5, 3.5)
        tail = QPainterPath()
        tail.moveTo(body.left() + 3.5, body.bottom() - 1)
        tail.lineTo(body.left() + 3.0, rect.bottom())
        tail.lineTo(body.left() + 8.0, body.bottom() - 1)
        tail.closeSubpath()
        path = path.united(tail)
        painter.setPen(QPen(MARK_COLOUR.darker(125), 1.0))
        painter.setBrush(MARK_COLOUR)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        cy = body.center().y()
        for dx in (-3.5, 0.0, 3.5):
            painter.drawEllipse(QPointF(body.center().x() + dx, cy), 1.1, 1.1)


class _SmallText(QGraphicsItem):
    """A faint, pixel-sized text (the 0 / 5 / 10 scale numbers, drag tip)."""

    def __init__(self, text: str, anchor: tuple[float, float], offset: QPointF) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(12)
        self._text = text
        self._anchor = anchor
        self._offset = offset
        self._font = QFont()
        self._colour = NUMBER_COLOUR
        self._boxed = False
        self._rect = QRectF()
        self._relayout()

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._relayout()

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._relayout()

    def set_style(self, colour: QColor, boxed: bool) -> None:
        self._colour = QColor(colour)
        self._boxed = boxed
        self._relayout()

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        fm = QFontMetricsF(self._font)
        pad = 3.0 if self._boxed else 0.0
        w = fm.horizontalAdvance(self._text) + 2 * pad + 1
        h = fm.height() + (pad if self._boxed else 0.0)
        ax, ay = self._anchor
        self._rect = QRectF(self._offset.x() - ax * w, self._offset.y() - ay * h, w, h)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self._boxed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour)
            painter.drawRoundedRect(self._rect, 4, 4)
            painter.setPen(QColor("white"))
        else:
            painter.setPen(self._colour)
        painter.setFont(self._font)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignCenter), self._text)


@dataclass(frozen=True)
class LegendEntry:
    text: str
    pen: QPen
    filled: bool = False  # the current web: its line over its fill
    shown: bool = True  # an earlier web switched off stays listed, faded


class _Legend(QGraphicsItem):
    """A small legend of the webs (the current one first), in pixels along the bottom."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(30)
        self._entries: list[LegendEntry] = []
        self._font = QFont()
        self._rows: list[list[tuple[float, LegendEntry]]] = []
        self._row_height = 0.0
        self._rect = QRectF()

    def set_entries(self, entries: list[LegendEntry]) -> None:
        self._entries = entries
        self.update()

    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)

    SWATCH = 30.0
    GAP = 6.0
    SPACING = 16.0

    def layout(self, max_width: float) -> float:
        """Flow the entries into rows at most ``max_width`` wide; return the height."""
        self.prepareGeometryChange()
        fm = QFontMetricsF(self._font)
        self._row_height = fm.height() + 3
        rows: list[list[tuple[float, LegendEntry]]] = []
        row: list[tuple[float, LegendEntry]] = []
        x = 0.0
        for entry in self._entries:
            w = self.SWATCH + self.GAP + fm.horizontalAdvance(entry.text)
            if row and x + w > max_width:
                rows.append(row)
                row, x = [], 0.0
            row.append((x, entry))
            x += w + self.SPACING
        if row:
            rows.append(row)
        self._rows = rows
        width = 0.0
        for r in rows:
            last_x, last = r[-1]
            width = max(width, last_x + self.SWATCH + self.GAP + fm.horizontalAdvance(last.text))
        self._rect = QRectF(0, 0, width, self._row_height * len(rows))
        self.update()
        return self._rect.height()

    def width(self) -> float:
        return self._rect.width()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._font)
        for r, row in enumerate(self._rows):
            y = r * self._row_height
            for x, entry in row:
                painter.setOpacity(1.0 if entry.shown else 0.3)
                paint_swatch(painter, QRectF(x, y, self.SWATCH, self._row_height), entry.pen, entry.filled)
                painter.setPen(LABEL_COLOUR)
                painter.drawText(
                    QRectF(x + self.SWATCH + self.GAP, y, 1000, self._row_height),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    entry.text,
                )
        painter.setOpacity(1.0)


@dataclass
class _HistoryWeb:
    key: Hashable
    label: str
    values: list[float | None]
    pen: QPen
    item: QGraphicsPathItem
    visible: bool = True


class _RadarViewBox(pg.ViewBox):
    """A ViewBox that hands every click and drag to the radar widget."""

    def __init__(self, on_click, on_drag) -> None:
        super().__init__(enableMenu=False)
        self._on_click = on_click
        self._on_drag = on_drag

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph API)
        self._on_click(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph API)
        self._on_drag(ev)

    def wheelEvent(self, ev, axis=None) -> None:  # noqa: N802 (Qt API)
        ev.ignore()


# --------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------


class RadarWidget(QWidget):
    """The spinnenweb.  One spoke per label (N >= 3), clockwise from the top."""

    scoreChanged = Signal(int, int)  # noqa: N815 (Qt naming)
    axisSelected = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels_text: list[str] = []
        self._scores: list[float | None] = []
        self._current = -1
        self._marked: set[int] = set()
        self._history: list[_HistoryWeb] = []
        self._current_label = ""
        self._interactive = True
        self._legend_shown = True
        self._scale = 20.0  # px per score point, recomputed on resize
        self._label_radius = MAX_SCORE + 1.5
        self._drag_index: int | None = None
        self._drag_value: int | None = None

        self._vb = _RadarViewBox(self._on_click, self._on_drag)
        self._plot = pg.PlotWidget(parent=self, background="w", viewBox=self._vb)
        self._plot.setAntialiasing(True)
        self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._plot.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._plot.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        item = self._plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        item.setMenuEnabled(False)
        item.layout.setContentsMargins(0, 0, 0, 0)
        self._vb.setMouseEnabled(False, False)
        self._vb.setAspectLocked(True)
        self._vb.disableAutoRange()
        self._vb.setDefaultPadding(0.0)
        self._vb.sigResized.connect(self._fit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)
        self.setMinimumSize(280, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # Static structure (rebuilt by set_labels).
        self._rings = self._path_item(cosmetic_pen(RING_COLOUR, 1.0), z=1)
        self._outer_ring = self._path_item(cosmetic_pen(RING_OUTER_COLOUR, 1.4), z=1)
        self._spokes = self._path_item(cosmetic_pen(SPOKE_COLOUR, 1.0), z=2)
        self._current_spoke = self._path_item(cosmetic_pen(CURRENT_SPOKE_COLOUR, 2.4), z=3)
        for static in (self._rings, self._outer_ring, self._spokes):
            static.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The current web: an opaque fill under the grid, its outline above it.
        self._fill = self._path_item(QPen(Qt.PenStyle.NoPen), z=0.5)
        self._fill.setBrush(QBrush(WEB_FILL))
        self._polygon = self._path_item(current_pen(), z=8)
        # "0" steps aside a little more: the centre is where unscored handles sit.
        self._numbers = [
            _SmallText(str(v), (1.0, 0.0), QPointF(-9, 3) if v == 0 else QPointF(-3, 1))
            for v in (0, 5, MAX_SCORE)
        ]
        for number, v in zip(self._numbers, (0, 5, MAX_SCORE), strict=True):
            self._vb.addItem(number, ignoreBounds=True)
            number.setPos(0, v)
        self._tip = _SmallText("", (0.5, 1.0), QPointF(0, -HANDLE_RADIUS - 6))
        self._tip.setZValue(40)
        self._tip.setVisible(False)
        self._vb.addItem(self._tip, ignoreBounds=True)
        self._legend = _Legend()
        self._legend.setParentItem(self._vb)
        self._legend.setVisible(False)
        self._legend_height = 0.0
        self._handles: list[_Handle] = []
        self._label_items: list[_Label] = []
        self._apply_fonts()
        self.set_labels(labels)

    # ------------------------------------------------------------------ API
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(480, 480)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(280, 280)

    def repaint(self, *args) -> None:
        """Repaint now, chart included.  (A plain QWidget.repaint() of this
        container does not synchronously repaint the graphics view's
        viewport, which would make timing "set_score + repaint" meaningless.)"""
        super().repaint(*args)
        self._plot.viewport().repaint()

    def set_labels(self, labels: list[str]) -> None:
        """One spoke per label.  Scores are kept per index (padded with None
        or truncated when the number of labels changes)."""
        labels = [str(label) for label in labels]
        if len(labels) < 3:
            raise ValueError("a radar needs at least three dimensions")
        old_n = len(self._labels_text)
        self._labels_text = labels
        n = len(labels)
        if n != old_n:
            self._scores = (self._scores + [None] * n)[:n]
            self._marked = {i for i in self._marked if i < n}
            if self._current >= n:
                self._current = -1
            self._drag_index = None
            self._drag_value = None
            for it in self._handles + self._label_items:
                self._vb.removeItem(it)
            self._handles = []
            self._label_items = []
            for _ in range(n):
                handle = _Handle()
                handle.setVisible(self._interactive)
                self._vb.addItem(handle, ignoreBounds=True)
                self._handles.append(handle)
            for text in labels:
                label = _Label(text)
                self._vb.addItem(label, ignoreBounds=True)
                self._label_items.append(label)
        else:
            for i, text in enumerate(labels):
                if self._label_items[i].text() != text:
                    self._vb.removeItem(self._label_items[i])
                    label = _Label(text)
                    self._vb.addItem(label, ignoreBounds=True)
                    self._label_items[i] = label
        font = self._label_font()
        for i, label in enumerate(self._label_items):
            label.set_font(font)
            label.set_anchor(*self._label_anchor(i))
            label.set_bold(i == self._current)
            label.set_marked(i in self._marked)
            if not self._interactive:
                label.setCursor(Qt.CursorShape.ArrowCursor)
        self._build_static()
        self._update_history_paths()
        self._fit()
        for i in range(n):
            self._place_handle(i, self._scores[i])
        self._update_polygon()
        self._update_current()

    def set_scores(self, scores: Sequence[float | None]) -> None:
        """Show these scores (one per dimension).  Emits nothing."""
        scores = list(scores)
        if len(scores) != len(self._labels_text):
            raise ValueError(f"expected {len(self._labels_text)} scores, got {len(scores)}")
        self._scores = [None if s is None else s for s in scores]
        for i, s in enumerate(self._scores):
            self._place_handle(i, s)
        self._update_polygon()

    def set_score(self, index: int, value: float | None) -> None:
        """Fast path: change one dimension's score.  Emits nothing."""
        if not 0 <= index < len(self._scores):
            raise IndexError(index)
        self._scores[index] = value
        if self._drag_index == index:
            return  # the user is dragging this one; the drag result wins
        self._place_handle(index, value)
        self._update_polygon()

    def set_current(self, index: int) -> None:
        """Highlight one dimension (thicker spoke, bold label); -1 for none."""
        index = index if 0 <= index < len(self._labels_text) else -1
        if index == self._current:
            return
        self._current = index
        self._update_current()

    def set_previous(self, webs: Sequence[tuple[str, Sequence[float | None]]]) -> None:
        """Earlier webs as (legend label, scores), oldest first; see ``set_history``."""
        self.set_history([(k, name, scores) for k, (name, scores) in enumerate(webs)])

    def set_history(self, webs: Sequence[tuple[Hashable, str, Sequence[float | None]]]) -> None:
        """Earlier webs as (key, legend label, scores), oldest first, drawn behind the current
        one, each in its own colour and line style.  A key shown before keeps its visibility."""
        n = len(self._labels_text)
        was_visible = {h.key: h.visible for h in self._history}
        for h in self._history:
            self._vb.removeItem(h.item)
        self._history = []
        for k, (key, label, scores) in enumerate(webs):
            pen = history_pen(k)
            item = self._path_item(pen, z=5 - 0.01 * k)
            visible = was_visible.get(key, True)
            item.setVisible(visible)
            values = (list(scores) + [None] * n)[:n]
            self._history.append(_HistoryWeb(key, str(label), values, pen, item, visible))
        self._update_history_paths()
        self._update_legend_entries()
        self._fit()

    def history_keys(self) -> list[Hashable]:
        return [h.key for h in self._history]

    def _history_web(self, key: Hashable) -> _HistoryWeb:
        for h in self._history:
            if h.key == key:
                return h
        raise KeyError(key)

    def set_history_visible(self, key: Hashable, visible: bool) -> None:
        """Show or hide one earlier web (its legend entry stays, faded)."""
        h = self._history_web(key)
        if h.visible == visible:
            return
        h.visible = visible
        h.item.setVisible(visible)
        self._update_legend_entries()  # same entries, so the layout (and the web) stays put

    def history_visible(self, key: Hashable) -> bool:
        return self._history_web(key).visible

    def history_pen(self, key: Hashable) -> QPen:
        return QPen(self._history_web(key).pen)

    def history_item(self, key: Hashable) -> QGraphicsPathItem:
        """The drawn polygon of an earlier web (for tests)."""
        return self._history_web(key).item

    def legend_entries(self) -> list[LegendEntry]:
        """What the legend lists, in order (empty when there are no earlier webs)."""
        return self._legend.entries() if self._history else []

    def legend_visible(self) -> bool:
        return self._legend.isVisible()

    def current_label(self) -> str:
        return self._current_label or _tr(NOW)

    def set_legend_shown(self, shown: bool) -> None:
        """Off when the screen lists the webs itself (pgdesk.ui.web_history); the web grows."""
        if shown != self._legend_shown:
            self._legend_shown = shown
            self._update_legend_entries()
            self._fit()

    def set_current_label(self, text: str) -> None:
        """The legend's name of the solid web ("nu" unless told otherwise)."""
        if text != self._current_label:
            self._current_label = text
            self._update_legend_entries()
            self._fit()

    def set_interactive(self, interactive: bool) -> None:
        """Off: a picture only (no handles, clicks and drags do nothing), e.g. on the patient page."""
        self._interactive = interactive
        for handle in self._handles:
            handle.setVisible(interactive)
        for label in self._label_items:
            label.setCursor(Qt.CursorShape.PointingHandCursor if interactive else Qt.CursorShape.ArrowCursor)
        if not interactive:
            self.set_current(-1)

    def set_marked(self, indices: set[int]) -> None:
        """Dimensions the patient wants to talk about get a speech bubble."""
        marked = {i for i in indices if 0 <= i < len(self._labels_text)}
        if marked == self._marked:
            return
        self._marked = marked
        for i, label in enumerate(self._label_items):
            label.set_marked(i in marked)
        self._fit()

    def scores(self) -> list[float | None]:
        return list(self._scores)

    def labels(self) -> list[str]:
        return list(self._labels_text)

    def current(self) -> int:
        return self._current

    def point_in_widget(self, index: int, value: float) -> QPoint:
        """Widget (``self``) coordinates of ``value`` on spoke ``index``."""
        scene = self._vb.mapViewToScene(self._view_point(index, value))
        in_viewport = self._plot.mapFromScene(scene)
        return self._plot.viewport().mapTo(self, in_viewport)

    def label_pos_in_widget(self, index: int) -> QPoint:
        """Widget coordinates of the middle of label ``index``'s text (for tests)."""
        label = self._label_items[index]
        scene = self._vb.mapViewToScene(label.pos()) + label.text_rect().center()
        return self._plot.viewport().mapTo(self, self._plot.mapFromScene(scene))

    def viewport(self) -> QWidget:
        """The widget that receives the mouse events (for tests)."""
        return self._plot.viewport()

    # -------------------------------------------------------------- geometry
    def _direction(self, index: int) -> tuple[float, float]:
        angle = math.radians(90.0 - 360.0 * index / len(self._labels_text))
        return math.cos(angle), math.sin(angle)

    def _view_point(self, index: int, value: float) -> QPointF:
        ux, uy = self._direction(index)
        return QPointF(ux * value, uy * value)

    def _label_anchor(self, index: int) -> tuple[float, float]:
        ux, uy = self._direction(index)
        ax = min(1.0, max(0.0, 0.5 - 0.75 * ux))
        ay = min(1.0, max(0.0, 0.5 + 0.6 * uy))
        # Snap near-vertical/horizontal spokes to clean alignments.
        if abs(ux) < 0.05:
            ax = 0.5
        if abs(uy) < 0.05:
            ay = 0.5
        return ax, ay

    def _path_item(self, pen: QPen, z: float) -> QGraphicsPathItem:
        item = QGraphicsPathItem()
        item.setPen(pen)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setZValue(z)
        self._vb.addItem(item, ignoreBounds=True)
        return item

    def _polygon_path(self, values: Sequence[float | None]) -> QPainterPath:
        path = QPainterPath()
        for i, v in enumerate(values):
            p = self._view_point(i, _clamp_score(v))
            if i == 0:
                path.moveTo(p)
            else:
                path.lineTo(p)
        path.closeSubpath()
        return path

    def _build_static(self) -> None:
        n = len(self._labels_text)
        rings = QPainterPath()
        outer = QPainterPath()
        for r in RINGS:
            target = outer if r == MAX_SCORE else rings
            target.addEllipse(QPointF(0, 0), r, r)
        self._rings.setPath(rings)
        self._outer_ring.setPath(outer)
        spokes = QPainterPath()
        for i in range(n):
            spokes.moveTo(0, 0)
            spokes.lineTo(self._view_point(i, MAX_SCORE))
        self._spokes.setPath(spokes)

    def _update_history_paths(self) -> None:
        for h in self._history:
            h.item.setPath(self._polygon_path(h.values))

    def _update_legend_entries(self) -> None:
        if not self._history:
            self._legend.set_entries([])
            self._legend.setVisible(False)
            return
        entries = [LegendEntry(self.current_label(), current_pen(), filled=True)]
        entries += [LegendEntry(h.label, h.pen, shown=h.visible) for h in self._history]
        self._legend.set_entries(entries)
        self._legend.setVisible(self._legend_shown)

    # ---------------------------------------------------------------- fonts
    def _side(self) -> float:
        side = min(self._vb.width(), self._vb.height())
        return side if side >= 10 else 480.0

    def _label_font(self) -> QFont:
        """Label font: a little smaller in a small widget, larger in a big one."""
        font = QFont(self.font())
        font.setPointSizeF(round(min(10.5, max(7.5, self._side() / 52.0)) * 2) / 2)
        return font

    def _label_gap(self) -> float:
        return min(LABEL_GAP, max(9.0, 0.03 * self._side()))

    def _apply_fonts(self) -> None:
        small = QFont(self.font())
        small.setPointSizeF(7.0)
        for number in self._numbers:
            number.set_font(small)
        tip = QFont(self.font())
        tip.setPointSizeF(8.5)
        tip.setBold(True)
        self._tip.set_font(tip)
        self._tip.set_style(WEB_BLUE_DARK, boxed=True)
        legend = QFont(self.font())
        legend.setPointSizeF(8.0)
        self._legend.set_font(legend)

    # ------------------------------------------------------------- fitting
    def _fit(self, *_args) -> None:
        """Choose the scale (px per score point) so that the web and all the
        labels fit in the view box, then set the view range accordingly."""
        if not self._label_items:
            return
        width, height = self._vb.width(), self._vb.height()
        if width < 10 or height < 10:
            return
        font = self._label_font()
        for label in self._label_items:
            label.set_font(font)

        # Legend strip along the bottom.
        legend_h = 0.0
        if self._legend.isVisible():
            legend_h = self._legend.layout(width - 2 * FIT_MARGIN) + 4
        avail_h = height - legend_h
        half_w, half_h = width / 2 - FIT_MARGIN, avail_h / 2 - FIT_MARGIN

        gap = self._label_gap()
        limits = [(min(half_w, half_h) - HANDLE_RADIUS - 2) / MAX_SCORE]
        for i, label in enumerate(self._label_items):
            ux, uy = self._direction(i)
            ext = label.pixel_extent()
            # Screen position of the anchor relative to the centre:
            #   x = (10 s + G) ux,  y = -(10 s + G) uy   (screen y points down)
            # Each edge must stay inside +-half: a*s <= b.
            for a, b in (
                (MAX_SCORE * ux, half_w - gap * ux - ext.right()),
                (-MAX_SCORE * ux, half_w + gap * ux + ext.left()),
                (-MAX_SCORE * uy, half_h + gap * uy - ext.bottom()),
                (MAX_SCORE * uy, half_h - gap * uy + ext.top()),
            ):
                if a > 1e-9:
                    limits.append(b / a)
        scale = max(2.0, min(limits))
        self._scale = scale
        self._label_radius = MAX_SCORE + gap / scale

        # View range: the web's centre sits in the middle of the area above the legend.
        view_w, view_h = width / scale, height / scale
        centre_shift = legend_h / 2 / scale  # centre moves up -> range moves down
        x0, y0 = -view_w / 2, -view_h / 2 - centre_shift
        self._vb.setRange(xRange=(x0, x0 + view_w), yRange=(y0, y0 + view_h), padding=0.0, update=True)
        for i, label in enumerate(self._label_items):
            label.setPos(self._view_point(i, self._label_radius))
        if self._legend.isVisible():
            lx = (width - self._legend.width()) / 2
            self._legend.setPos(lx, height - legend_h + 2)

    # ------------------------------------------------------------ drawing
    def _place_handle(self, index: int, value: float | None) -> None:
        handle = self._handles[index]
        handle.setPos(self._view_point(index, _clamp_score(value)))
        handle.set_state(scored=value is not None)
        name = self._labels_text[index]
        if value is None:
            handle.setToolTip(plain.tip(f"{name}: {_tr(NOT_SCORED)}"))
        else:
            shown = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
            handle.setToolTip(plain.tip(f"{name}: {shown}"))

    def _display_values(self) -> list[float | None]:
        values = list(self._scores)
        if self._drag_index is not None and self._drag_value is not None:
            values[self._drag_index] = self._drag_value
        return values

    def _update_polygon(self) -> None:
        path = self._polygon_path(self._display_values())
        self._fill.setPath(path)
        self._polygon.setPath(path)

    def _update_current(self) -> None:
        for i, label in enumerate(self._label_items):
            label.set_bold(i == self._current)
        for i, handle in enumerate(self._handles):
            handle.set_state(current=i == self._current)
        path = QPainterPath()
        if self._current >= 0:
            path.moveTo(0, 0)
            path.lineTo(self._view_point(self._current, MAX_SCORE))
        self._current_spoke.setPath(path)
        # Keep the layout honest: a bold label is wider.
        self._fit()

    # ---------------------------------------------------------- interaction
    def _to_view(self, scene_pos: QPointF) -> tuple[float, float]:
        p = self._vb.mapSceneToView(scene_pos)
        return p.x(), p.y()

    def _handle_scene_pos(self, index: int) -> QPointF:
        return self._vb.mapViewToScene(self._handles[index].pos())

    def _pick_handle(self, press: QPointF, towards: QPointF | None) -> int | None:
        """The handle under a press (scene px).  When several handles sit on
        top of each other (e.g. unscored ones in the centre), pick the one
        whose spoke points most along the drag direction."""
        found: list[tuple[float, int]] = []
        for i in range(len(self._handles)):
            d = math.dist(
                (press.x(), press.y()),
                (self._handle_scene_pos(i).x(), self._handle_scene_pos(i).y()),
            )
            if d <= HANDLE_HIT_RADIUS:
                found.append((d, i))
        if not found:
            return None
        found.sort()
        best_d = found[0][0]
        close = [i for d, i in found if d <= best_d + 4.0]
        if len(close) == 1 or towards is None:
            return close[0]
        dx, dy = towards.x() - press.x(), -(towards.y() - press.y())  # screen -> math y
        norm = math.hypot(dx, dy)
        if norm == 0:
            return close[0]

        def alignment(i: int) -> float:
            ux, uy = self._direction(i)
            # Dragging inwards along a spoke is as meaningful as outwards for
            # a scored handle; an unscored one can only go outwards.
            dot = (ux * dx + uy * dy) / norm
            return abs(dot) if self._scores[i] not in (None, 0) else dot

        return max(close, key=alignment)

    def _project(self, index: int, scene_pos: QPointF) -> int:
        x, y = self._to_view(scene_pos)
        ux, uy = self._direction(index)
        t = x * ux + y * uy
        return int(min(MAX_SCORE, max(0, round(t))))

    def _show_tip(self, index: int, value: int) -> None:
        self._tip.set_text(str(value))
        self._tip.setPos(self._view_point(index, value))
        self._tip.setVisible(True)

    def _on_drag(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or not self._interactive:
            ev.ignore()
            return
        if ev.isStart():
            index = self._pick_handle(ev.buttonDownScenePos(), ev.scenePos())
            if index is None:
                ev.ignore()
                return
            self._drag_index = index
            self._handles[index].set_state(dragging=True)
        index = self._drag_index
        if index is None:
            ev.ignore()
            return
        ev.accept()
        value = self._project(index, ev.scenePos())
        if value != self._drag_value:
            self._drag_value = value
            self._handles[index].setPos(self._view_point(index, value))
            self._handles[index].set_state(scored=True)
            self._update_polygon()
            self._show_tip(index, value)
        if ev.isFinish():
            self._finish_drag()

    def _finish_drag(self) -> None:
        index, value = self._drag_index, self._drag_value
        self._drag_index = None
        self._drag_value = None
        self._tip.setVisible(False)
        if index is None or value is None:
            return
        self._handles[index].set_state(dragging=False)
        old = self._scores[index]
        self._scores[index] = value
        self._place_handle(index, value)
        self._update_polygon()
        if old is None or old != value:
            self.scoreChanged.emit(index, value)

    def _label_at(self, scene_pos: QPointF) -> int | None:
        for i, label in enumerate(self._label_items):
            centre = self._vb.mapViewToScene(label.pos())
            if label.pixel_extent().translated(centre).contains(scene_pos):
                return i
        return None

    def _on_click(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or not self._interactive:
            ev.ignore()
            return
        pos = ev.scenePos()
        label = self._label_at(pos)
        if label is not None:
            ev.accept()
            self.axisSelected.emit(label)
            return
        handle = self._pick_handle(pos, None)
        if handle is not None:
            ev.accept()
            self.axisSelected.emit(handle)
            return
        x, y = self._to_view(pos)
        r = math.hypot(x, y)
        if r > self._label_radius:
            ev.ignore()
            return
        n = len(self._labels_text)
        # Angle measured clockwise from the top, like the spokes.
        clockwise = (90.0 - math.degrees(math.atan2(y, x))) % 360.0
        index = round(clockwise / (360.0 / n)) % n
        ux, uy = self._direction(index)
        value = int(min(MAX_SCORE, max(0, round(x * ux + y * uy))))
        ev.accept()
        old = self._scores[index]
        self._scores[index] = value
        self._place_handle(index, value)
        self._update_polygon()
        if old is None or old != value:
            self.scoreChanged.emit(index, value)
