"""The radar's lettering: its type sizes times the window's text scale (Ctrl+plus/minus,
pgdesk.ui.text_size), so labels, numbers and legend grow and shrink with the rest of the window's
text; and its direction on a right-to-left screen (Arabic patient mode). Apart from the drawing
code, so that the one place that knows these stays small."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from pgdesk.ui.text_size import SCALE_PROPERTY

NUMBERS, TIP, LEGEND = 7.0, 8.5, 8.0  # pt at the normal text size
LABEL_LEAST, LABEL_MOST = 7.5, 10.5  # pt: a label in a small and in a large radar


def text_scale(widget: QWidget) -> float:
    """The text scale of the window the widget is in (1.0 where nobody chose one: the kiosk)."""
    value = widget.window().property(SCALE_PROPERTY)
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def sized(widget: QWidget, points: float, bold: bool = False) -> QFont:
    """The widget's font (family, script) at `points` times the window's text scale."""
    font = QFont(widget.font())
    font.setPointSizeF(points * text_scale(widget))
    font.setBold(bold)
    return font


def label_font(widget: QWidget, side: float) -> QFont:
    """A dimension's name: a little smaller in a small radar (side in px), larger in a big one."""
    return sized(widget, round(min(LABEL_MOST, max(LABEL_LEAST, side / 52.0)) * 2) / 2)


def apply_small_fonts(widget: QWidget, numbers, tip, legend) -> None:
    """The scale's numbers, the score tip beside a handle and the legend."""
    for number in numbers:
        number.set_font(sized(widget, NUMBERS))
    tip.set_font(sized(widget, TIP, bold=True))
    legend.set_font(sized(widget, LEGEND))


def apply_direction(widget: QWidget, labels, numbers) -> None:
    """Right to left as the screen around it: each label's lines start at the right and the
    scale's numbers stand right of the upright spoke. The spokes keep their clockwise order, as
    on the Arabic handout and blank web, so patient and professional point at the same places."""
    rtl = widget.isRightToLeft()
    for label in labels:
        label.set_right_to_left(rtl)
    for number in numbers:
        number.set_mirrored(rtl)
