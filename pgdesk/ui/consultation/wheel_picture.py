"""A picture of the actiewiel: one segment per question, the current one highlighted."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pgdesk.ui.accessibility import install as install_accessibility
from pgdesk.ui.chart_colours import over, widget_colours


class WheelPicture(QWidget):
    segmentClicked = Signal(int)

    def __init__(self, labels: list[str], parent=None):
        super().__init__(parent)
        install_accessibility()  # a screen reader reads the question and goes to another
        self.labels = labels
        self.current = 0
        self.answered: set[int] = set()
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(self.tr("Klik op een vraag om ernaartoe te gaan"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(300, 300)

    def set_state(self, current: int, answered: set[int]) -> None:
        self.current, self.answered = current, set(answered)
        self.update()

    def _geometry(self):
        side = min(self.width(), self.height()) - 8
        center = QPointF(self.width() / 2, self.height() / 2)
        return center, side / 2, side / 2 * 0.34

    def paintEvent(self, _event):  # noqa: N802
        n = len(self.labels)
        if not n:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        center, outer, inner = self._geometry()
        span = 360 / n
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, outer / 14))
        p.setFont(font)
        self.drawn: list[tuple[QPainterPath, QRectF]] = []  # each segment and its label's box
        ink = widget_colours(self)  # the desktop's light, dark or high-contrast palette
        gap = self.palette().color(QPalette.ColorRole.Window)  # segments apart as on the page
        quiet = QColor(ink.ink)
        quiet.setAlphaF(0.07)
        quiet = over(quiet, ink.background)
        for i, text in enumerate(self.labels):
            start = 90 - i * span  # clockwise from the top
            path = QPainterPath()
            path.arcMoveTo(QRectF(center.x() - outer, center.y() - outer, 2 * outer, 2 * outer),
                           start)
            path.arcTo(QRectF(center.x() - outer, center.y() - outer, 2 * outer, 2 * outer),
                       start, -span)
            path.arcTo(QRectF(center.x() - inner, center.y() - inner, 2 * inner, 2 * inner),
                       start - span, span)
            path.closeSubpath()
            if i == self.current:
                fill = ink.accent
            elif i in self.answered:
                fill = ink.soft
            else:
                fill = quiet
            p.setPen(QPen(gap, 3))
            p.setBrush(fill)
            p.drawPath(path)
            mid = math.radians(start - span / 2)
            r = (outer + inner) / 2
            pos = QPointF(center.x() + r * math.cos(mid), center.y() - r * math.sin(mid))
            # The label keeps inside its segment: a box as wide as the segment's chord at mid
            # radius, the font made smaller until the (word-wrapped) text fits in it.
            width = 2 * r * math.sin(math.radians(min(span, 120) / 2)) * 0.78
            height = (outer - inner) * 0.78
            box = QRectF(pos.x() - width / 2, pos.y() - height / 2, width, height)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            label = f"{i + 1}\n{text}"
            fitted = QFont(font)
            while fitted.pointSizeF() > 6:
                p.setFont(fitted)
                used = p.boundingRect(box, flags, label)
                if used.width() <= box.width() and used.height() <= box.height():
                    break
                fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
            p.setPen(ink.on_accent if i == self.current else ink.ink)
            p.drawText(box, flags, label)
            self.drawn.append((path, used))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink.accent)
        p.drawEllipse(center, inner * 0.55, inner * 0.55)
        p.end()

    def mousePressEvent(self, event):  # noqa: N802
        center, outer, inner = self._geometry()
        d = event.position() - center
        dist = math.hypot(d.x(), d.y())
        if inner <= dist <= outer and self.labels:
            angle = (90 - math.degrees(math.atan2(-d.y(), d.x()))) % 360
            self.segmentClicked.emit(int(angle // (360 / len(self.labels))))
