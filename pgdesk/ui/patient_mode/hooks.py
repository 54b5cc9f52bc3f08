"""What the main window calls: start the patient mode, choose its idle time. Light on purpose:
the patient's screens (and pyqtgraph) load only when the mode starts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pgdesk.ui import plain
from pgdesk.ui.feedback import attempt

SETTING_PATIENT_IDLE = "patient_idle_minutes"
DEFAULT_PATIENT_IDLE = 2


def start(window) -> None:
    """From the patient page (button, Patiënt menu, Ctrl+Shift+P): this patient fills in."""
    from pgdesk.ui.patient_mode.mode import PatientMode

    pid = window.patient_page.patient_id
    if (window.locked or window.patient_mode is not None or pid is None
            or window.stack.currentWidget() is not window.patient_page):
        return
    minutes = int(window.store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    window.patient_mode = PatientMode.start(window, pid, minutes)


def choose_idle_minutes(parent, store) -> None:
    current = int(store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    minutes, ok = plain.get_int(
        parent, QCoreApplication.translate("PatientMode", "Patiëntmodus"),
        QCoreApplication.translate(
            "PatientMode", "Antwoorden van de patiënt verbergen na hoeveel minuten zonder invoer?"),
        current, 1, 30)
    if ok:
        attempt(parent, store.set_setting, SETTING_PATIENT_IDLE, str(minutes))
