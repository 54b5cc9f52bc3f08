"""Score rules: the 0-10 scale, a dimension score derived from its aspects, and web area."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pgdesk.domain.errors import ScoreError
from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN


def validate_score(value: object) -> int:
    """A score is a whole number 0..10; anything else is refused with a Dutch message."""
    if isinstance(value, bool):
        raise ScoreError("Een score is een heel getal van 0 tot en met 10.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise ScoreError("Een score is een heel getal van 0 tot en met 10.")
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ScoreError(f"De score {value} kan niet: kies een getal van 0 tot en met 10.")
    return value


@dataclass(frozen=True)
class DimensionScore:
    """The score a dimension shows, and where it came from."""

    value: float | None
    source: str  # "manual", "aspects" or "none"
    aspect_mean: float | None = None


def aspect_mean(aspect_scores: Sequence[int | None]) -> float | None:
    given = [s for s in aspect_scores if s is not None]
    if not given:
        return None
    return round(sum(given) / len(given), 1)


def dimension_score(manual: int | None, aspect_scores: Sequence[int | None]) -> DimensionScore:
    """A score set by hand wins; otherwise the mean of the scored aspects follows."""
    mean = aspect_mean(aspect_scores)
    if manual is not None:
        return DimensionScore(float(manual), "manual", mean)
    if mean is not None:
        return DimensionScore(mean, "aspects", mean)
    return DimensionScore(None, "none", None)


def web_area(scores: Sequence[float | None]) -> float:
    """Area of the web polygon on a chart of radius 10 (unscored axes count as 0)."""
    n = len(scores)
    if n < 3:
        return 0.0
    r = [float(s or 0.0) for s in scores]
    wedge = math.sin(2 * math.pi / n) / 2
    return wedge * sum(r[i] * r[(i + 1) % n] for i in range(n))


def web_area_fraction(scores: Sequence[float | None]) -> float:
    """Web area as a fraction (0..1) of the full web with every score at 10."""
    n = len(scores)
    if n < 3:
        return 0.0
    return web_area(scores) / web_area([SCALE_MAX] * n)


def whole_number(value: float) -> int:
    """The number a patient is shown: whole, halves rounded up (an aspect mean of 5,1 is 5,
    of 5,5 is 6). The web is the patient's own snapshot, not a measurement to a decimal."""
    return math.floor(float(value) + 0.5)


CHANGE_MIN = 1.0  # only a change of a whole point or more is named to the patient


def score_changes(names: Sequence[str], before: Sequence[float | None],
                  after: Sequence[float | None], *, limit: int | None = None
                  ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(higher, lower): (name, change) for dimensions that changed by at least CHANGE_MIN,
    largest first (ties keep the given order), at most `limit` each when given."""
    higher: list[tuple[str, float]] = []
    lower: list[tuple[str, float]] = []
    for name, a, b in zip(names, before, after, strict=True):
        if a is None or b is None:
            continue
        delta = round(b - a, 1)
        if delta >= CHANGE_MIN:
            higher.append((name, delta))
        elif delta <= -CHANGE_MIN:
            lower.append((name, delta))
    higher.sort(key=lambda item: -item[1])
    lower.sort(key=lambda item: item[1])
    return higher[:limit], lower[:limit]
