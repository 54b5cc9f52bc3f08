"""The pixel-sized pieces of the spinnenweb: handles, dimension labels, small numbers and the
legend, with the colours and sizes they share. Each is a QGraphicsItem that ignores the view's
scale, so it stays the same size whatever the widget's size."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from pgdesk.ui.chart_colours import item_colours
from pgdesk.ui.web_pens import paint_swatch

# Colours: from the palette painted on (ui.chart_colours), so a dark desktop gets a dark web.
MARK_COLOUR = QColor("#e8a33d")  # "hier wil ik over praten": orange, with a darker edge

HANDLE_RADIUS = 7.5  # px: a 15 px handle, comfortably grabbable on a touchpad
HANDLE_HIT_RADIUS = 11.0  # px: how close a press must be to grab a handle
LABEL_GAP = 15.0  # px between ring 10 and the label anchor
FIT_MARGIN = 6.0  # px kept free along the widget edges
BUBBLE_W = 15.0  # px: the "hier wil ik over praten" speech bubble
BUBBLE_H = 12.0
BUBBLE_SPACING = 4.0
# A handle's pens and brushes, made once: it is painted on every score change.


def tr(text: str) -> str:
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



# --------------------------------------------------------------------------
# Graphics items
# --------------------------------------------------------------------------


class Handle(QGraphicsItem):
    """A round, pixel-sized, grabbable point on one spoke."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(20)
        # Moved on every score change: a picture moves along (it stays valid, the handle ignores
        # the view's scale), the antialiased circles are drawn again only when its state changes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._scored = False
        self._current = False
        self._hover = False
        self._dragging = False
        self._tip = ""
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
        ink = item_colours(self, widget)
        if self._current or self._dragging:
            halo = QColor(ink.accent)
            halo.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(QPointF(0, 0), r + 4, r + 4)
        if self._scored:
            painter.setPen(QPen(ink.background, 2.0))
            painter.setBrush(ink.accent)
        else:
            painter.setPen(QPen(ink.muted, 1.8))
            painter.setBrush(ink.background)
        painter.drawEllipse(QPointF(0, 0), r, r)

    def set_tip(self, text: str) -> None:
        """The tooltip, set only when it changes (a handle moves on every score change)."""
        if text != self._tip:
            self._tip = text
            self.setToolTip(text)


class Label(QGraphicsItem):
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
        self._rtl = False
        self._anchor = (0.5, 0.5)
        self._text_rect = QRectF()
        self._bubble_rect = QRectF()
        self._bounds = QRectF()
        self._fit_bounds = QRectF()
        self._relayout()

    # -- state ---------------------------------------------------------------
    def set_font(self, font: QFont) -> None:
        if font != self._font:  # the web is fitted again (a resize, a legend) in the same font
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

    def set_right_to_left(self, rtl: bool) -> None:
        """Arabic: each line starts at the right, whichever side of the web the block hangs."""
        if rtl != self._rtl:
            self._rtl = rtl
            self._relayout()

    def text(self) -> str:
        return self._raw

    def _effective_font(self) -> QFont:
        font = QFont(self._font)
        font.setBold(self._bold)
        return font

    def _alignment(self) -> Qt.AlignmentFlag:
        ax = self._anchor[0]
        if 0.3 <= ax <= 0.7:
            return Qt.AlignmentFlag.AlignHCenter
        if ax > 0.7 or self._rtl:
            return Qt.AlignmentFlag.AlignRight
        return Qt.AlignmentFlag.AlignLeft

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        self._text_rect, self._bubble_rect, self._bounds = self._layout(self._bold)
        # fitted as if bold: a new current row (its label bold) never resizes the web
        self._fit_bounds = self._bounds if self._bold else self._layout(True)[2]
        self.update()

    def _layout(self, bold: bool) -> tuple[QRectF, QRectF, QRectF]:
        """(text, speech bubble, bounds) in pixels around the anchor, in the bold font or not."""
        font = QFont(self._font)
        font.setBold(bold)
        fm = QFontMetricsF(font)
        size = fm.boundingRect(
            QRectF(0, 0, 10_000, 10_000), int(Qt.AlignmentFlag.AlignLeft), self._text
        ).size()
        w, h = math.ceil(size.width()) + 2, math.ceil(size.height())
        ax, ay = self._anchor
        text_rect = QRectF(-ax * w, -ay * h, w, h)
        bubble_rect = QRectF()
        bounds = QRectF(text_rect)
        if self._marked:
            # The bubble sits beside the shorter line, on its outer side
            # (left of right-aligned text, right of left-aligned/centred text),
            # so that it adds as little width as possible.
            lines = self._text.split("\n")
            widths = [fm.horizontalAdvance(line) for line in lines]
            k = min(range(len(lines)), key=widths.__getitem__)
            line_h = h / len(lines)
            y = text_rect.top() + k * line_h + (line_h - BUBBLE_H) / 2
            align = self._alignment()
            if align == Qt.AlignmentFlag.AlignRight:
                x = text_rect.right() - 1 - widths[k] - BUBBLE_SPACING - BUBBLE_W
            elif align == Qt.AlignmentFlag.AlignLeft:
                x = text_rect.left() + 1 + widths[k] + BUBBLE_SPACING
            else:
                x = text_rect.center().x() + widths[k] / 2 + BUBBLE_SPACING
            bubble_rect = QRectF(x, y, BUBBLE_W, BUBBLE_H)
            bounds = text_rect.united(bubble_rect)
        return text_rect, bubble_rect, bounds.adjusted(-1, -1, 1, 1)

    # -- geometry helpers (pixels, relative to the anchor point) -------------
    def text_rect(self) -> QRectF:
        return QRectF(self._text_rect)

    def pixel_extent(self) -> QRectF:
        return QRectF(self._bounds)

    def fit_extent(self) -> QRectF:
        """The pixel box the web is fitted around: as wide as when bold."""
        return QRectF(self._fit_bounds)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(self._effective_font())
        ink = item_colours(self, widget)
        painter.setPen(ink.accent if self._bold else ink.ink)
        # absolute: a right-to-left view would swap left and right once more
        painter.drawText(self._text_rect, int(self._alignment() | Qt.AlignmentFlag.AlignAbsolute),
                         self._text)
        if self._marked:
            self._paint_bubble(painter, self._bubble_rect, ink.background)

    @staticmethod
    def _paint_bubble(painter: QPainter, rect: QRectF, dots: QColor) -> None:
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
        painter.setBrush(dots)
        cy = body.center().y()
        for dx in (-3.5, 0.0, 3.5):
            painter.drawEllipse(QPointF(body.center().x() + dx, cy), 1.1, 1.1)


class SmallText(QGraphicsItem):
    """A faint, pixel-sized text (the 0 / 5 / 10 scale numbers, drag tip)."""

    def __init__(self, text: str, anchor: tuple[float, float], offset: QPointF) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(12)
        self._text = text
        self._anchor = self._home_anchor = anchor
        self._offset = self._home_offset = offset
        self._font = QFont()
        self._colour: QColor | None = None  # None: the palette's muted text
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

    def set_mirrored(self, mirrored: bool) -> None:
        """On the other side of its point (a right-to-left screen), as far from it."""
        (ax, ay), offset = self._home_anchor, self._home_offset
        self._anchor = (1.0 - ax, ay) if mirrored else (ax, ay)
        self._offset = QPointF(-offset.x(), offset.y()) if mirrored else offset
        self._relayout()

    def set_style(self, colour: QColor | None, boxed: bool) -> None:
        """A box in `colour` (None: the palette's accent) or plain text (None: muted)."""
        self._colour = None if colour is None else QColor(colour)
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
        ink = item_colours(self, widget)
        if self._boxed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour or ink.accent)
            painter.drawRoundedRect(self._rect, 4, 4)
            painter.setPen(ink.on_accent)
        else:
            painter.setPen(self._colour or ink.muted)
        painter.setFont(self._font)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignCenter), self._text)


@dataclass(frozen=True)
class LegendEntry:
    text: str
    pen: QPen
    filled: bool = False  # the current web: its line over its fill
    shown: bool = True  # an earlier web switched off stays listed, faded


class Legend(QGraphicsItem):
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
        colours = item_colours(self, widget)
        ink = colours.ink
        for r, row in enumerate(self._rows):
            y = r * self._row_height
            for x, entry in row:
                painter.setOpacity(1.0 if entry.shown else 0.3)
                paint_swatch(painter, QRectF(x, y, self.SWATCH, self._row_height), entry.pen,
                             entry.filled, colours.soft)
                painter.setPen(ink)
                painter.drawText(
                    QRectF(x + self.SWATCH + self.GAP, y, 1000, self._row_height),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    entry.text,
                )
        painter.setOpacity(1.0)


class Grid(QGraphicsItem):
    """The rings and spokes as one item with one cached picture: a score change repaints the web
    over them, and one picture is blended where three were."""

    def __init__(self, pens: tuple[QPen, ...]) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._parts = [(pen, QPainterPath()) for pen in pens]
        self._rect = QRectF()

    def set_pens(self, *pens: QPen) -> None:
        """New colours (the palette changed): the cached picture is drawn again."""
        self._parts = [(pen, path) for pen, (_old, path) in zip(pens, self._parts, strict=True)]
        self.update()

    def set_paths(self, *paths: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._parts = [(pen, path) for (pen, _old), path in zip(self._parts, paths, strict=True)]
        rect = QRectF()
        for path in paths:
            rect = rect.united(path.boundingRect())
        self._rect = rect.adjusted(-0.5, -0.5, 0.5, 0.5)  # room for the (pixel-wide) pens
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._parts:
            painter.setPen(pen)
            painter.drawPath(path)


@dataclass
class HistoryWeb:
    key: Hashable
    label: str
    values: list[float | None]
    pen: QPen
    item: QGraphicsPathItem
    visible: bool = True


class RadarViewBox(pg.ViewBox):
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
