"""The floor of the start figures: a bare PySide6 app showing one empty window of pgdesk's size,
importing nothing else; prints {"painted": <unix time>} when the window is first painted, and
quits. Run as `python -m bench.bare_window` (bench/__init__.py imports nothing)."""

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1180, 760)
painted: list[float] = []


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if not painted and event.type() == QEvent.Type.Paint and obj is window:
            painted.append(0.0)
            QTimer.singleShot(0, done)  # after this paint (and its flush), as pgdesk's probe
        return False


def done():
    painted[0] = time.time()
    app.quit()


watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
print(json.dumps({"painted": painted[0]}), flush=True)
