"""Drive the spinnenweb (pgdesk.ui.radar.RadarWidget) with real mouse events.

The chart is a pyqtgraph PlotWidget, i.e. a QGraphicsView: mouse events must
go to its *viewport*.  In Qt 6 ``QTest.mouseMove`` carries no pressed
buttons, so a drag is built from QMouseEvent objects with ``buttons`` set,
sent synchronously with ``QApplication.sendEvent``.

Two pyqtgraph details matter for drags:

* ``GraphicsScene`` only starts a drag once the pointer has moved more than
  5 px from the press (or after 0.5 s);
* it drops mouse moves that arrive less than 10 ms after the previous one
  (``mouseRateLimit`` = 100/s), so the helper waits a little between moves.

Reused by the end-to-end test of the whole window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

MOVE_INTERVAL_MS = 15  # > pyqtgraph's 10 ms mouse-move rate limit
DRAG_STEPS = 8

_LEFT = Qt.MouseButton.LeftButton
_NONE = Qt.MouseButton.NoButton

SIX = ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen",
       "Dagelijks functioneren"]


def shown_radar(qtbot, labels=SIX, size=(500, 500)):
    """A RadarWidget of `labels`, shown and exposed at `size`."""
    from pgdesk.ui.radar import RadarWidget

    widget = RadarWidget(labels)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _send(viewport: QWidget, kind: QEvent.Type, pos: QPoint, button, buttons) -> None:
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(viewport.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def _to_viewport(radar, widget_pos: QPoint) -> tuple[QWidget, QPoint]:
    viewport = radar.viewport()
    return viewport, viewport.mapFrom(radar, widget_pos)


def press_move_release(qtbot, radar, start: QPoint, end: QPoint, steps: int = DRAG_STEPS) -> None:
    """A left-button drag from ``start`` to ``end`` (both in radar widget coordinates)."""
    viewport, a = _to_viewport(radar, start)
    _, b = _to_viewport(radar, end)
    _send(viewport, QEvent.Type.MouseMove, a, _NONE, _NONE)  # hover first, like a real pointer
    qtbot.wait(MOVE_INTERVAL_MS)
    _send(viewport, QEvent.Type.MouseButtonPress, a, _LEFT, _LEFT)
    for k in range(1, steps + 1):
        qtbot.wait(MOVE_INTERVAL_MS)
        p = QPoint(
            round(a.x() + (b.x() - a.x()) * k / steps),
            round(a.y() + (b.y() - a.y()) * k / steps),
        )
        _send(viewport, QEvent.Type.MouseMove, p, _NONE, _LEFT)
    qtbot.wait(MOVE_INTERVAL_MS)
    _send(viewport, QEvent.Type.MouseButtonRelease, b, _LEFT, _NONE)
    QApplication.processEvents()


def drag(qtbot, radar, index: int, from_value: float, to_value: float) -> None:
    """Drag the handle of dimension ``index`` from ``from_value`` to ``to_value``
    along its spoke (values may lie outside 0..10 to test clamping)."""
    press_move_release(
        qtbot,
        radar,
        radar.point_in_widget(index, from_value),
        radar.point_in_widget(index, to_value),
    )


def click_at(radar, widget_pos: QPoint, button=_LEFT) -> None:
    """A press + release at ``widget_pos`` (radar widget coordinates)."""
    viewport, p = _to_viewport(radar, widget_pos)
    _send(viewport, QEvent.Type.MouseMove, p, _NONE, _NONE)
    _send(viewport, QEvent.Type.MouseButtonPress, p, button, button)
    _send(viewport, QEvent.Type.MouseButtonRelease, p, button, _NONE)
    QApplication.processEvents()
    # Keep two quick clicks in a row from ever looking like a double click.
    QTest.qWait(1)


def click(radar, index: int, value: float) -> None:
    """Click the empty web at ``value`` on spoke ``index``."""
    click_at(radar, radar.point_in_widget(index, value))


def click_label(radar, index: int) -> None:
    """Click the name of dimension ``index``."""
    click_at(radar, radar.label_pos_in_widget(index))
