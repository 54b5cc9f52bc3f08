"""Where the spokes of the spider web point: one rule for the web on screen, on the handout
and on the paper web, so the three always agree.

Spoke `index` of `count` points clockwise from twelve o'clock; x grows to the right and y
upwards, and a score s sits at distance s (times radius / SCALE_MAX) from the centre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN


def spoke(index: int, count: int) -> tuple[float, float]:
    """The unit vector of spoke `index` of `count`."""
    angle = 2 * math.pi * index / count
    return math.sin(angle), math.cos(angle)


def clamp_score(value: float | None) -> float:
    """A score as drawn: unscored (None, NaN) at the centre, anything else within the scale."""
    if value is None or not math.isfinite(value):
        return float(SCALE_MIN)
    return min(float(SCALE_MAX), max(float(SCALE_MIN), float(value)))


def web_points(scores: Sequence[float | None], radius: float = SCALE_MAX
               ) -> list[tuple[float, float]]:
    """The corners of a web: score i on spoke i, the full scale at `radius`."""
    n = len(scores)
    points = []
    for i, score in enumerate(scores):
        ux, uy = spoke(i, n)
        r = radius * clamp_score(score) / SCALE_MAX
        points.append((r * ux, r * uy))
    return points


def nearest_spoke(x: float, y: float, count: int) -> int:
    """The spoke whose direction is closest (by angle) to the point (x, y)."""
    clockwise = (90.0 - math.degrees(math.atan2(y, x))) % 360.0
    return round(clockwise / (360.0 / count)) % count


def score_along(x: float, y: float, index: int, count: int) -> int:
    """The whole score of the point (x, y), in score units, projected onto spoke `index`."""
    ux, uy = spoke(index, count)
    return int(min(SCALE_MAX, max(SCALE_MIN, round(x * ux + y * uy))))
