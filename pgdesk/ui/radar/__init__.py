"""The interactive "spinnenweb": a radar chart of the six (or N) dimensions.

pyqtgraph has no polar item, so the chart is a locked-aspect PlotWidget with
hidden axes and no mouse pan/zoom.  The web itself (rings, spokes, polygons)
lives in view coordinates (1 unit = 1 score point); handles, labels and the
small numbers are pixel-sized items (``ItemIgnoresTransformations``) anchored
at view positions, so they stay the same size whatever the widget size.

All mouse interaction is handled centrally by a small ViewBox subclass:

* dragging a handle moves it along its own spoke, snapped to whole numbers
  0..10 (live preview, no signal); on release ``scoreChanged`` is emitted
  once, only if the value changed;
* clicking a handle or a label emits ``axisSelected``;
* clicking empty space inside the web sets the nearest spoke (by angle) to
  the projected distance, rounded and clamped to 0..10, and emits
  ``scoreChanged`` (only if the value changed).

Earlier webs (``set_history``) are drawn behind the current one, each in its
own colour and line style (pgdesk.ui.web_pens), and can be switched off one by
one; a legend along the bottom names them by type and date.

The view range is recomputed on every resize so that the wrapped labels
always fit inside the widget (the web shrinks instead of clipping them).
"""

import os

# pyqtgraph takes whichever Qt binding it finds first; set it before any module of this package
# imports pyqtgraph.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from pgdesk.ui.radar.items import LegendEntry, wrap_label  # noqa: E402
from pgdesk.ui.radar.widget import RadarWidget  # noqa: E402

__all__ = ["LegendEntry", "RadarWidget", "wrap_label"]
