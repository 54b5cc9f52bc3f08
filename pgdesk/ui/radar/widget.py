"""The spinnenweb widget: a locked-aspect pyqtgraph PlotWidget holding the web (rings, spokes and
the webs of pgdesk.ui.radar.webs in view coordinates, 1 unit = 1 score point) and the items of
pgdesk.ui.radar.items; every click and drag goes through one small ViewBox subclass."""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.geometry import clamp_score, nearest_spoke, score_along
from pgdesk.domain.numbers import format_number
from pgdesk.ui import plain
from pgdesk.ui.accessibility import install as install_accessibility
from pgdesk.ui.chart_colours import widget_colours
from pgdesk.ui.radar import fonts, geometry
from pgdesk.ui.radar.items import (
    FIT_MARGIN,
    HANDLE_HIT_RADIUS,
    HANDLE_RADIUS,
    LABEL_GAP,
    NOT_SCORED,
    NOW,
    Grid,
    Handle,
    Label,
    Legend,
    LegendEntry,
    RadarViewBox,
    SmallText,
    tr,
)
from pgdesk.ui.radar.webs import Webs, path_item
from pgdesk.ui.web_pens import cosmetic_pen, current_pen


class RadarWidget(QWidget):
    """The spinnenweb.  One spoke per label (N >= 3), clockwise from the top."""

    scoreChanged = Signal(int, int)  # noqa: N815 (Qt naming)
    axisSelected = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_accessibility()  # a screen reader reads and sets each score (ui.accessibility)
        self._labels_text: list[str] = []
        self._scores: list[float | None] = []
        self._current = -1
        self._marked: set[int] = set()
        self._current_label = ""
        self._interactive = True
        self._legend_shown = True
        self._scale = 20.0  # px per score point, recomputed on resize
        self._label_radius = geometry.MAX_SCORE + 1.5
        self._drag_index: int | None = None
        self._drag_value: int | None = None

        self._vb = RadarViewBox(self._on_click, self._on_drag)
        self._plot = pg.PlotWidget(parent=self, background="w", viewBox=self._vb)
        self._plot.setAntialiasing(True)
        # A score change marks a few small areas close together: repainted as one rectangle,
        # every item is drawn with a plain rectangular clip, markedly faster than the region.
        self._plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
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
        # (pens and brushes in the palette's colours: _apply_colours)
        self._grid = Grid((QPen(), QPen(), QPen()))  # rings, outer ring, spokes
        self._grid.setZValue(1)
        self._vb.addItem(self._grid, ignoreBounds=True)
        self._current_spoke = path_item(self._vb, QPen(), z=3)
        self._webs = Webs(self._vb)
        # "0" steps aside a little more: the centre is where unscored handles sit.
        self._numbers = [SmallText(str(v), (1.0, 0.0), QPointF(-9, 3) if v == 0 else QPointF(-3, 1))
                         for v in (0, 5, geometry.MAX_SCORE)]
        for number, v in zip(self._numbers, (0, 5, geometry.MAX_SCORE), strict=True):
            number.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # they never change
            self._vb.addItem(number, ignoreBounds=True)
            number.setPos(0, v)
        self._tip = SmallText("", (0.5, 1.0), QPointF(0, -HANDLE_RADIUS - 6))
        self._tip.setZValue(40)
        self._tip.setVisible(False)
        self._vb.addItem(self._tip, ignoreBounds=True)
        self._legend = Legend()
        self._legend.setParentItem(self._vb)
        self._legend.setVisible(False)
        self._legend_height = 0.0
        self._handles: list[Handle] = []
        self._label_items: list[Label] = []
        self._apply_fonts()
        self._apply_colours()
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
                handle = Handle()
                handle.setVisible(self._interactive)
                self._vb.addItem(handle, ignoreBounds=True)
                self._handles.append(handle)
            for text in labels:
                label = Label(text)
                self._vb.addItem(label, ignoreBounds=True)
                self._label_items.append(label)
        else:
            for i, text in enumerate(labels):
                if self._label_items[i].text() != text:
                    self._vb.removeItem(self._label_items[i])
                    label = Label(text)
                    self._vb.addItem(label, ignoreBounds=True)
                    self._label_items[i] = label
        font = self._label_font()
        for i, label in enumerate(self._label_items):
            label.set_font(font)
            label.set_right_to_left(self.isRightToLeft())
            label.set_anchor(*geometry.label_anchor(i, n))
            label.set_bold(i == self._current)
            label.set_marked(i in self._marked)
            if not self._interactive:
                label.setCursor(Qt.CursorShape.ArrowCursor)
        self._build_static()
        self._webs.show_history()
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
        self._webs.set_history(webs, len(self._labels_text), widget_colours(self))
        self._update_legend_entries()
        self._fit()

    def history_keys(self) -> list[Hashable]:
        return [h.key for h in self._webs.history]

    def set_history_visible(self, key: Hashable, visible: bool) -> None:
        """Show or hide one earlier web (its legend entry stays, faded)."""
        h = self._webs.history_web(key)
        if h.visible == visible:
            return
        h.visible = visible
        h.item.setVisible(visible)
        self._update_legend_entries()  # same entries, so the layout (and the web) stays put

    def history_visible(self, key: Hashable) -> bool:
        return self._webs.history_web(key).visible

    def history_pen(self, key: Hashable) -> QPen:
        return QPen(self._webs.history_web(key).pen)

    def history_item(self, key: Hashable) -> QGraphicsPathItem:
        """The drawn polygon of an earlier web (for tests)."""
        return self._webs.history_web(key).item

    def legend_entries(self) -> list[LegendEntry]:
        """What the legend lists, in order (empty when there are no earlier webs)."""
        return self._legend.entries() if self._webs.history else []

    def legend_visible(self) -> bool:
        return self._legend.isVisible()

    def current_label(self) -> str:
        return self._current_label or tr(NOW)

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
    def _view_point(self, index: int, value: float) -> QPointF:
        return geometry.view_point(index, len(self._labels_text), value)

    def _build_static(self) -> None:
        self._grid.set_paths(*geometry.grid_paths(len(self._labels_text)))

    def _update_legend_entries(self) -> None:
        if not self._webs.history:
            self._legend.set_entries([])
            self._legend.setVisible(False)
            return
        entries = [LegendEntry(self.current_label(), current_pen(widget_colours(self)), filled=True)]
        entries += [LegendEntry(h.label, h.pen, shown=h.visible) for h in self._webs.history]
        self._legend.set_entries(entries)
        self._legend.setVisible(self._legend_shown)

    # --------------------------------------------------------------- colours
    def _apply_colours(self) -> None:
        """Background, grid and webs in this widget's palette: the desktop's (dark, high
        contrast) or the patient mode's own light one."""
        ink = widget_colours(self)
        self._plot.setBackground(ink.background)
        spoke = QColor(ink.accent)
        spoke.setAlpha(200)
        self._grid.set_pens(cosmetic_pen(ink.faint, 1.0), cosmetic_pen(ink.line, 1.4),
                            cosmetic_pen(ink.faint, 1.0))
        self._current_spoke.setPen(cosmetic_pen(spoke, 2.4))
        self._webs.set_colours(ink)
        self._update_legend_entries()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a new parent's palette, a theme switch
            self._apply_colours()
        elif event.type() == QEvent.Type.FontChange:  # Ctrl+plus/minus: the window's text scale
            self._apply_fonts()
            self._fit()
        elif event.type() == QEvent.Type.LayoutDirectionChange:  # Arabic: right to left
            fonts.apply_direction(self, self._label_items, self._numbers)

    # ---------------------------------------------------------------- fonts
    def _side(self) -> float:
        side = min(self._vb.width(), self._vb.height())
        return side if side >= 10 else 480.0

    def _label_font(self) -> QFont:
        return fonts.label_font(self, self._side())

    def _label_gap(self) -> float:
        return min(LABEL_GAP, max(9.0, 0.03 * self._side()))

    def _apply_fonts(self) -> None:
        fonts.apply_small_fonts(self, self._numbers, self._tip, self._legend)
        self._tip.set_style(None, boxed=True)

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
        scale = geometry.fit_scale([label.fit_extent() for label in self._label_items],
                                   half_w, half_h, gap, HANDLE_RADIUS)
        self._scale = scale
        self._webs.set_scale(scale)
        self._label_radius = geometry.MAX_SCORE + gap / scale

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
        handle.setPos(self._view_point(index, clamp_score(value)))
        handle.set_state(scored=value is not None)
        name = self._labels_text[index]
        if value is None:
            handle.set_tip(plain.tip(f"{name}: {tr(NOT_SCORED)}"))
        else:
            handle.set_tip(plain.tip(f"{name}: {format_number(value)}"))

    def _display_values(self) -> list[float | None]:
        values = list(self._scores)
        if self._drag_index is not None and self._drag_value is not None:
            values[self._drag_index] = self._drag_value
        return values

    def _update_polygon(self) -> None:
        self._webs.show(self._display_values())

    def _update_current(self) -> None:
        for i, label in enumerate(self._label_items):
            label.set_bold(i == self._current)
        for i, handle in enumerate(self._handles):
            handle.set_state(current=i == self._current)
        path = QPainterPath()
        if self._current >= 0:
            path.moveTo(0, 0)
            path.lineTo(self._view_point(self._current, geometry.MAX_SCORE))
        self._current_spoke.setPath(path)
        # nothing to fit again: the web is fitted around every label as if bold

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
        drag = (towards.x() - press.x(), -(towards.y() - press.y()))  # screen -> math y
        return geometry.most_along(close, drag, self._scores)

    def _project(self, index: int, scene_pos: QPointF) -> int:
        x, y = self._to_view(scene_pos)
        return score_along(x, y, index, len(self._labels_text))

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
        self._set_by_user(index, value)

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
        index = nearest_spoke(x, y, n)
        value = score_along(x, y, index, n)
        ev.accept()
        self._set_by_user(index, value)

    def _set_by_user(self, index: int, value: int) -> None:
        """A score the user dropped or clicked: shown, and told only when it changed."""
        old = self._scores[index]
        self._scores[index] = value
        self._place_handle(index, value)
        self._update_polygon()
        if old is None or old != value:
            self.scoreChanged.emit(index, value)
