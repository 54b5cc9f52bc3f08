"""SVG path data (`d="M32 32c17.7 0 …z"`) as plain moves, lines and cubic curves, so reportlab
can draw the aspect pictograms (resources/icons/aspects) without an SVG library in the bundle.

Every command of SVG 1.1 paths is read, absolute and relative: M L H V C S Q T A Z. Quadratic
curves become cubics exactly; elliptical arcs become cubics of at most 90 degrees each (the
usual approximation, off by less than 0.03 % of the radius)."""

from __future__ import annotations

import math
import re

Segment = tuple  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_SEPARATORS = re.compile(r"[\s,]*")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


class PathError(ValueError):
    """The path data is not SVG path data."""


class _Reader:
    """Reads the data left to right: commands, numbers and an arc's one-digit flags, which SVG
    lets a writer run together ('a8 8 0 1116 0' is flags 1 and 1, then 16 0)."""

    def __init__(self, d: str) -> None:
        self.d, self.pos = d, 0

    def _skip(self) -> None:
        self.pos = _SEPARATORS.match(self.d, self.pos).end()

    def done(self) -> bool:
        self._skip()
        return self.pos >= len(self.d)

    def command(self) -> str | None:
        self._skip()
        if self.pos < len(self.d) and self.d[self.pos].upper() in _ARGS:
            self.pos += 1
            return self.d[self.pos - 1]
        return None

    def number(self, cmd: str) -> float:
        self._skip()
        match = _NUMBER.match(self.d, self.pos)
        if match is None:
            raise PathError(f"getal verwacht bij '{cmd}' op positie {self.pos}: {self.d[:40]!r}")
        self.pos = match.end()
        return float(match.group())

    def flag(self, cmd: str) -> float:
        self._skip()
        if self.pos >= len(self.d) or self.d[self.pos] not in "01":
            raise PathError(f"vlag 0 of 1 verwacht bij '{cmd}' op positie {self.pos}")
        self.pos += 1
        return float(self.d[self.pos - 1])

    def args(self, cmd: str) -> list[float]:
        if cmd.upper() == "A":
            return [self.number(cmd), self.number(cmd), self.number(cmd), self.flag(cmd),
                    self.flag(cmd), self.number(cmd), self.number(cmd)]
        return [self.number(cmd) for _ in range(_ARGS[cmd.upper()])]


def parse_path(d: str) -> list[Segment]:
    """The path as absolute segments; raises PathError on anything that is not path data."""
    reader = _Reader(d)
    out: list[Segment] = []
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None  # for S and T: the previous control point
    last_cmd = ""
    cmd = ""
    while not reader.done():
        fresh = reader.command()
        if fresh is None and cmd in ("", "Z", "z"):
            raise PathError(f"opdracht verwacht op positie {reader.pos}: {d[:40]!r}")
        cmd = fresh or cmd  # a command's numbers may repeat without the letter
        upper, rel = cmd.upper(), cmd.islower()
        n = reader.args(cmd) if upper != "Z" else []
        ox, oy = (x, y) if rel else (0.0, 0.0)
        ctrl = None
        if upper == "M":
            x, y = ox + n[0], oy + n[1]
            sx, sy = x, y
            out.append(("M", x, y))
            cmd = "l" if rel else "L"  # further pairs after a move are lines
        elif upper in ("L", "H", "V"):
            if upper == "L":
                x, y = ox + n[0], oy + n[1]
            elif upper == "H":
                x = ox + n[0]
            else:
                y = oy + n[0]
            out.append(("L", x, y))
        elif upper in ("C", "S"):
            if upper == "C":
                c1 = (ox + n[0], oy + n[1])
                rest = n[2:]
            else:
                c1 = _mirror(last_ctrl, x, y) if last_cmd in "CS" else (x, y)
                rest = n
            c2 = (ox + rest[0], oy + rest[1])
            x, y = ox + rest[2], oy + rest[3]
            out.append(("C", *c1, *c2, x, y))
            ctrl = c2
        elif upper in ("Q", "T"):
            if upper == "Q":
                q = (ox + n[0], oy + n[1])
                end = (ox + n[2], oy + n[3])
            else:
                q = _mirror(last_ctrl, x, y) if last_cmd in "QT" else (x, y)
                end = (ox + n[0], oy + n[1])
            out.append(_quad_to_cubic(x, y, *q, *end))
            x, y = end
            ctrl = q
        elif upper == "A":
            end = (ox + n[5], oy + n[6])
            out.extend(arc_to_cubics(x, y, n[0], n[1], n[2], n[3] != 0, n[4] != 0, *end))
            x, y = end
        else:  # Z
            out.append(("Z",))
            x, y = sx, sy
        last_ctrl, last_cmd = ctrl, upper
    return out


def _mirror(ctrl: tuple[float, float] | None, x: float, y: float) -> tuple[float, float]:
    if ctrl is None:
        return x, y
    return 2 * x - ctrl[0], 2 * y - ctrl[1]


def _quad_to_cubic(x0: float, y0: float, qx: float, qy: float, x: float, y: float) -> Segment:
    return ("C", x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0),
            x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)


def arc_to_cubics(x1: float, y1: float, rx: float, ry: float, angle: float, large: bool,
                  sweep: bool, x2: float, y2: float) -> list[Segment]:
    """An SVG elliptical arc (endpoint form, SVG 1.1 appendix F.6) as cubic segments."""
    if (x1, y1) == (x2, y2):
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [("L", x2, y2)]
    phi = math.radians(angle % 360)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos_p * dx + sin_p * dy, -sin_p * dx + cos_p * dy
    scale = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if scale > 1:  # radii too small to reach: grow them just enough (F.6.6)
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    coef = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cxp, cyp = coef * rx * y1p / ry, -coef * ry * x1p / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2

    start = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    delta = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx) - start
    if sweep and delta < 0:
        delta += math.tau
    elif not sweep and delta > 0:
        delta -= math.tau
    parts = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / parts
    k = 4 / 3 * math.tan(step / 4)

    def point(t: float) -> tuple[float, float]:
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        return cx + cos_p * ex - sin_p * ey, cy + sin_p * ex + cos_p * ey

    def tangent(t: float) -> tuple[float, float]:
        ex, ey = -rx * math.sin(t), ry * math.cos(t)
        return cos_p * ex - sin_p * ey, sin_p * ex + cos_p * ey

    out: list[Segment] = []
    for n in range(parts):
        a, b = start + n * step, start + (n + 1) * step
        (ax, ay), (bx, by) = point(a), point(b)
        (tax, tay), (tbx, tby) = tangent(a), tangent(b)
        if n == parts - 1:
            bx, by = x2, y2  # end exactly where the path says
        out.append(("C", ax + k * tax, ay + k * tay, bx - k * tbx, by - k * tby, bx, by))
    return out
