"""The small SVG path reader that draws the aspect pictograms on paper: every command, relative
and absolute, arcs against the circle they lie on, and broken data refused."""

from __future__ import annotations

import math

import pytest

from pgdesk.reports.svg_path import PathError, arc_to_cubics, parse_path


def _point(start, seg, t):
    x0, y0 = start
    _, x1, y1, x2, y2, x3, y3 = seg
    m = 1 - t
    return (m ** 3 * x0 + 3 * m * m * t * x1 + 3 * m * t * t * x2 + t ** 3 * x3,
            m ** 3 * y0 + 3 * m * m * t * y1 + 3 * m * t * t * y2 + t ** 3 * y3)


def test_lines_absolute_relative_and_repeated_pairs():
    assert parse_path("M10 20L30 40h5v-5l-10,0 5 5ZM1 1") == [
        ("M", 10, 20), ("L", 30, 40), ("L", 35, 40), ("L", 35, 35), ("L", 25, 35),
        ("L", 30, 40), ("Z",), ("M", 1, 1)]
    # numbers after a move are lines; compact writing with signs and dots
    assert parse_path("m1 1 2 2-1-1.5") == [("M", 1, 1), ("L", 3, 3), ("L", 2, 1.5)]
    # after Z the pen is back at the subpath's start, so a relative move starts from there
    assert parse_path("M5 5l5 0zm1 1")[-1] == ("M", 6, 6)


def test_smooth_and_quadratic_curves_become_the_same_cubics():
    c, s = parse_path("M0 0C0 10 10 10 10 0S20 -10 20 0")[1:]
    assert s[1:3] == (10, -10)  # the reflected control point
    q = parse_path("M0 0Q5 10 10 0")[1]
    assert q == ("C", pytest.approx(10 / 3), pytest.approx(20 / 3), pytest.approx(20 / 3),
                 pytest.approx(20 / 3), 10, 0)
    t = parse_path("M0 0q5 10 10 0t10 0")[2]
    assert t[1:3] == (pytest.approx(10 + 10 / 3), pytest.approx(-20 / 3))  # mirrored control


@pytest.mark.parametrize("large,sweep", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_arcs_stay_on_their_circle(large, sweep):
    segs = parse_path(f"M0 0A10 10 0 {large} {sweep} 10 10")
    start = (0.0, 0.0)
    # of SVG's four arcs between two points (y runs down), the small one turning with the
    # clock (sweep 1) and the large one against it go round (0, 10); the other two round (10, 0)
    centre = (0, 10) if large != sweep else (10, 0)
    for seg in segs[1:]:
        assert seg[0] == "C"
        for t in (0.25, 0.5, 0.75):
            x, y = _point(start, seg, t)
            assert math.hypot(x - centre[0], y - centre[1]) == pytest.approx(10, abs=0.01)
        start = seg[5:7]
    assert start == (10, 10)
    assert len(segs) - 1 == (3 if large else 1)  # a quarter per curve at most


def test_arc_flags_written_together_and_degenerate_arcs():
    assert parse_path("M0 0a5 5 0 1120 0") == parse_path("M0 0a5 5 0 1 1 20 0")
    assert arc_to_cubics(1, 1, 5, 5, 0, False, True, 1, 1) == []  # same point: nothing
    assert arc_to_cubics(0, 0, 0, 5, 0, False, True, 4, 4) == [("L", 4, 4)]  # no radius: a line


@pytest.mark.parametrize("bad", ["10 10", "M10", "M1 1 Z 5", "M1 1 L x", "M0 0a5 5 0 2 1 3 3"])
def test_broken_data_is_refused(bad):
    with pytest.raises(PathError):
        parse_path(bad)
