"""How each web on the spinnenweb is drawn: the current one solid, each earlier one in its own
colour *and* line style (so they stay apart in black and white), plus small swatches of them.

Kept apart from radar.py so that screens can show the swatches without loading pyqtgraph.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from pgdesk.ui.chart_colours import ChartColours

WEB_BLUE = QColor("#2f6fb7")
WEB_FILL = QColor("#cad9eb")  # a light blue, opaque: much cheaper to paint than a translucent one
CURRENT_WIDTH = 2.6
HISTORY_WIDTH = 2.2

# Earlier webs, oldest first: colours from the Okabe-Ito palette (told apart with any colour vision,
# none of them the blue of the current web), each with its own Qt line style.
HISTORY_STYLES: tuple[tuple[QColor, Qt.PenStyle], ...] = (
    (QColor("#c85200"), Qt.PenStyle.DashLine),        # vermillion, dashed (the start)
    (QColor("#007558"), Qt.PenStyle.DotLine),         # bluish green, dotted (the tussen)
    (QColor("#b4478c"), Qt.PenStyle.DashDotLine),     # reddish purple, dash-dot
    (QColor("#8a6d00"), Qt.PenStyle.DashDotDotLine),  # ochre, dash-dot-dot
)


def cosmetic_pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen whose width is in pixels whatever the zoom."""
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def current_pen(colours: ChartColours | None = None) -> QPen:
    """The current web's line; on a palette (`colours`) made to stand out from its background."""
    return cosmetic_pen(colours.series(WEB_BLUE) if colours else WEB_BLUE, CURRENT_WIDTH)


def history_pen(k: int, colours: ChartColours | None = None) -> QPen:
    """The pen of the k-th earlier web (0 = oldest); colour and style both cycle. On a dark
    palette (`colours`) the colour is lightened as far as it must to stand out (3:1)."""
    colour, style = HISTORY_STYLES[k % len(HISTORY_STYLES)]
    pen = cosmetic_pen(colours.series(colour) if colours else colour, HISTORY_WIDTH, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps would close the gaps of the dots
    return pen


def paint_swatch(painter: QPainter, rect: QRectF, pen: QPen, filled: bool = False,
                 fill: QColor = WEB_FILL) -> None:
    """A short horizontal sample of a web's line (over its fill, for the current web)."""
    cy = rect.center().y()
    if filled:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(QRectF(rect.left(), cy - 4, rect.width(), 8))
    painter.setPen(pen)
    painter.drawLine(QPointF(rect.left() + 1, cy), QPointF(rect.right() - 1, cy))


SWATCH_SIZE = QSize(40, 16)


def swatch_pixmap(pen: QPen, filled: bool = False, size: QSize = SWATCH_SIZE) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint_swatch(painter, QRectF(0, 0, size.width(), size.height()), pen, filled)
    painter.end()
    return pixmap


def swatch_icon(pen: QPen, filled: bool = False, size: QSize = SWATCH_SIZE) -> QIcon:
    return QIcon(swatch_pixmap(pen, filled, size))
