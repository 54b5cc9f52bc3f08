"""Child process for the patient mode's kill test: `fill DB` answers in the real window and then
waits to be killed; `resume DB` starts pgdesk's window as app.run does and reports where the
patient mode reopened. Fictitious data only."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage.repository import Store
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.patient_mode import hooks

SCREEN = 3  # the patient is on the third dimension when the power goes


def main(action: str, db: str) -> None:
    app = QApplication(sys.argv)
    store = Store.open(db)
    window = MainWindow(store, shipped_instrument("nl"), None)
    window.backups.enabled = False
    window.show()
    window.ensure_professional()
    if action == "fill":
        patient = store.add_patient("Petronella Testpersoon", "1950")
        window.show_patient(patient.id)
        hooks.start(window)
        flow = window.patient_mode.flow
        QTest.keyClick(flow.welcome, Qt.Key.Key_Return)
        for n in range(SCREEN - 1):
            screen = flow.dimension_screens[n]
            for _aspect in screen.dimension.aspects:
                QTest.keyClick(screen, Qt.Key.Key_0 + n + 3)
                QTest.keyClick(screen, Qt.Key.Key_Return)
            QTest.keyClick(screen, Qt.Key.Key_Return)
        QTest.keyClick(flow.dimension_screens[SCREEN - 1], Qt.Key.Key_Backspace)  # "weet ik niet"
        print("READY", window.patient_mode.session.id, flush=True)
        app.exec()  # until killed
    else:
        hooks.resume(window)
        mode = window.patient_mode
        screen = mode.flow.dimension_screens[mode.flow.index - 1]
        print(json.dumps({"index": mode.flow.index, "consultation": mode.session.id,
                          "full_screen": window.isFullScreen(),
                          "skip_checked": screen.rows[0].skip.isChecked(),
                          "scores": mode.session.c.aspect_scores}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
