"""The colours of what pgdesk paints itself (the spinnenweb, the actiewiel picture, the practice
overview's charts), taken from the palette they are painted in: text, lines and background follow
a dark or high-contrast desktop, and the patient mode's own light palette keeps them light there.
Coloured marks (the web, bars, earlier webs) keep their hue where it stands out from the
background by at least 3:1 (WCAG 2.1, non-text contrast) and are lightened or darkened until it
does where not."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

GRAPHIC_CONTRAST = 3.0  # lines, bars, marks against their background
TEXT_CONTRAST = 4.5  # text against its background


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as it looks painted over `background`."""
    a = colour.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()),
        (background.redF(), background.greenF(), background.blueF()), strict=True)))


def standing_out(colour: QColor, background: QColor, minimum: float = GRAPHIC_CONTRAST) -> QColor:
    """`colour`, or the nearest shade of its hue (towards white on a dark background, black on a
    light one) that reaches `minimum` contrast against `background`."""
    result = QColor(colour)
    towards_light = luminance(background) < 0.18
    for _ in range(40):
        if contrast(over(result, background), background) >= minimum:
            return result
        result = result.lighter(110) if towards_light else result.darker(110)
        if towards_light and result.value() >= 255:  # lighter() stops at full value: whiten
            result = QColor.fromHsvF(result.hsvHueF(), max(0.0, result.hsvSaturationF() - 0.1),
                                     1.0, result.alphaF())
    return result


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    ink: QColor  # labels and numbers
    muted: QColor  # secondary text, still readable (4.5:1)
    line: QColor  # axes, the outer ring
    faint: QColor  # grid and inner rings: translucent ink
    accent: QColor  # bars, the current web's handles and bold labels
    on_accent: QColor  # text on the accent
    soft: QColor  # a second, quieter fill (a decrease, the web's area)
    dark: bool

    def series(self, colour: QColor) -> QColor:
        """A coloured mark (an earlier web, a dimension) made to stand out here."""
        return standing_out(colour, self.background)


_LIGHT_ACCENT, _DARK_ACCENT = QColor("#2f5f98"), QColor("#8cc2f2")
_LIGHT_SOFT, _DARK_SOFT = QColor("#cad9eb"), QColor("#2c4258")
_cache: dict[int, ChartColours] = {}


def chart_colours(palette: QPalette) -> ChartColours:
    """The colours for a drawing on `palette`'s Base (its text in Text)."""
    key = palette.cacheKey()
    found = _cache.get(key)
    if found is not None:
        return found
    background = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    dark = luminance(background) < luminance(ink)
    accent = standing_out(_DARK_ACCENT if dark else _LIGHT_ACCENT, background)
    muted = QColor(ink)
    muted.setAlphaF(0.72)
    muted = standing_out(over(muted, background), background, TEXT_CONTRAST)
    faint, line = QColor(ink), QColor(ink)
    faint.setAlphaF(0.16 if dark else 0.14)
    line.setAlphaF(0.5 if dark else 0.55)  # axes and the outer ring: at least 3:1
    white, black = QColor("white"), QColor("black")
    on_accent = white if contrast(white, accent) >= contrast(black, accent) else black
    found = ChartColours(background=background, ink=ink, muted=muted, line=line, faint=faint,
                         accent=accent, on_accent=on_accent,
                         soft=_DARK_SOFT if dark else _LIGHT_SOFT, dark=dark)
    if len(_cache) > 16:  # palettes come and go rarely; never let this grow
        _cache.clear()
    _cache[key] = found
    return found


def widget_colours(widget: QWidget | None) -> ChartColours:
    return chart_colours(widget.palette() if widget is not None else QApplication.palette())


def item_colours(item: QGraphicsItem, widget: QWidget | None) -> ChartColours:
    """For a graphics item's paint(): the palette of the view it is painted in (Qt passes no
    widget while it fills an item's cache, so then the scene's first view)."""
    if widget is None and item.scene() is not None and item.scene().views():
        widget = item.scene().views()[0]
    return widget_colours(widget)
