"""The spinnenweb's geometry in view coordinates (1 unit = 1 score point, y up): where a score
sits, the web's outline and grid, where a label hangs, and the scale at which web and labels fit.
The direction of each spoke comes from pgdesk.domain.geometry, shared with the paper versions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from pgdesk.domain.geometry import clamp_score, spoke
from pgdesk.domain.instrument import SCALE_MAX

MAX_SCORE = SCALE_MAX
RINGS = (2, 4, 6, 8, 10)


def view_point(index: int, count: int, value: float) -> QPointF:
    ux, uy = spoke(index, count)
    return QPointF(ux * value, uy * value)


def label_anchor(index: int, count: int) -> tuple[float, float]:
    """Which point of its text box a label hangs from: the side facing the web."""
    ux, uy = spoke(index, count)
    ax = min(1.0, max(0.0, 0.5 - 0.75 * ux))
    ay = min(1.0, max(0.0, 0.5 + 0.6 * uy))
    # Snap near-vertical/horizontal spokes to clean alignments.
    if abs(ux) < 0.05:
        ax = 0.5
    if abs(uy) < 0.05:
        ay = 0.5
    return ax, ay


def polygon_path(values: Sequence[float | None]) -> QPainterPath:
    """The outline of one web (unscored dimensions at the centre)."""
    path = QPainterPath()
    for i, v in enumerate(values):
        p = view_point(i, len(values), clamp_score(v))
        if i == 0:
            path.moveTo(p)
        else:
            path.lineTo(p)
    path.closeSubpath()
    return path


def grid_paths(count: int) -> tuple[QPainterPath, QPainterPath, QPainterPath]:
    """(inner rings, outer ring, spokes) of a web with `count` spokes."""
    rings, outer, spokes = QPainterPath(), QPainterPath(), QPainterPath()
    for r in RINGS:
        (outer if r == MAX_SCORE else rings).addEllipse(QPointF(0, 0), r, r)
    for i in range(count):
        spokes.moveTo(0, 0)
        spokes.lineTo(view_point(i, count, MAX_SCORE))
    return rings, outer, spokes


def fit_scale(extents: Sequence[QRectF], half_w: float, half_h: float, gap: float,
              handle_radius: float) -> float:
    """The largest scale (px per score point, at least 2) at which the web and every label
    (`extents`: pixel boxes around each label's anchor, one per spoke) stay within ±half."""
    limits = [(min(half_w, half_h) - handle_radius - 2) / MAX_SCORE]
    for i, ext in enumerate(extents):
        ux, uy = spoke(i, len(extents))
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
    return max(2.0, min(limits))


def most_along(candidates: Sequence[int], drag: tuple[float, float],
               scores: Sequence[float | None]) -> int:
    """Of handles lying on top of each other, the one whose spoke points most along the drag
    (view directions, y up)."""
    dx, dy = drag
    norm = math.hypot(dx, dy)
    if norm == 0:
        return candidates[0]

    def alignment(i: int) -> float:
        ux, uy = spoke(i, len(scores))
        # Dragging inwards along a spoke is as meaningful as outwards for
        # a scored handle; an unscored one can only go outwards.
        dot = (ux * dx + uy * dy) / norm
        return abs(dot) if scores[i] not in (None, 0) else dot

    return max(candidates, key=alignment)
