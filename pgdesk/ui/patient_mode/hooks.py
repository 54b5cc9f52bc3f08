"""What the main window calls: start the patient mode, choose its idle time. Light on purpose:
the patient's screens (and pyqtgraph) load only when the mode starts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication

from pgdesk.ui import plain
from pgdesk.ui.feedback import attempt

SETTING_PATIENT_IDLE = "patient_idle_minutes"
DEFAULT_PATIENT_IDLE = 2
SETTING_PATIENT_SCREEN = "patient_mode/screen"  # this computer's (QSettings): its screens


def patient_screen(window):
    """The screen chosen on this computer for the patient (a second screen or a tablet beside the
    desk) if it is connected and not the main window's own; None: the main window turns."""
    name = str(QSettings().value(SETTING_PATIENT_SCREEN, "") or "")
    screen = next((s for s in QGuiApplication.screens() if name and s.name() == name), None)
    return None if screen is None or screen is window.screen() else screen


def choose_screen(window) -> None:
    """Praktijk → Patiëntmodus: scherm…; kept per computer, as its screens are."""
    screens = QGuiApplication.screens()
    items = [QCoreApplication.translate("PatientMode", "Het hoofdvenster, naar de patiënt gedraaid")]
    items += [f"{s.name()} ({s.size().width()}×{s.size().height()})" for s in screens]
    name = str(QSettings().value(SETTING_PATIENT_SCREEN, "") or "")
    current = next((i + 1 for i, s in enumerate(screens) if s.name() == name), 0)
    value, ok = plain.get_item(
        window, QCoreApplication.translate("PatientMode", "Patiëntmodus"),
        QCoreApplication.translate("PatientMode", "Op welk scherm vult de patiënt in?"),
        items, current)
    if ok and value in items:
        index = items.index(value)
        QSettings().setValue(SETTING_PATIENT_SCREEN, screens[index - 1].name() if index else "")


def start(window) -> None:
    """From the patient page (button, Patiënt menu, Ctrl+Shift+P): this patient fills in."""
    from pgdesk.ui.patient_mode.mode import PatientMode

    pid = window.patient_page.patient_id
    if (window.locked or window.patient_mode is not None or pid is None
            or window.stack.currentWidget() is not window.patient_page):
        return
    minutes = int(window.store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    window.patient_mode = PatientMode.start(window, pid, minutes, on=patient_screen(window))


def resume(window) -> None:
    """At start: a patient mode that was open when pgdesk stopped (a crash, a power cut) opens
    again for that patient, on the screen the patient was on."""
    from pgdesk.storage.patient_answers import open_run
    from pgdesk.ui.feedback import guarded

    run = guarded(window, open_run, window.store)
    if run is None or window.locked or window.patient_mode is not None:
        return
    from pgdesk.ui.patient_mode.mode import PatientMode  # only now: most starts resume nothing

    consultation_id, patient_id, _screen = run
    window.show_patient(patient_id)
    minutes = int(window.store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    window.patient_mode = PatientMode.start(window, patient_id, minutes, consultation_id,
                                            on=patient_screen(window))


def prepare_for_waiting_room(window) -> None:
    """"Klaarzetten voor de wachtkamer": a one-time code for this patient, for today, to type at
    the kiosk (`pgdesk kiosk`) on this database."""
    from pgdesk.storage.invitations import prepare_invitation
    from pgdesk.ui.feedback import guarded

    pid = window.patient_page.patient_id
    if window.locked or window.patient_mode is not None or pid is None:
        return
    pro = window.store.current_professional()
    code = guarded(window, prepare_invitation, window.store, pid, pro.id if pro else None)
    if code is None:
        return
    shown = f"{code[:3]} {code[3:]}"
    plain.information(window, QCoreApplication.translate("PatientMode", "Klaarzetten voor de wachtkamer"),
                      QCoreApplication.translate(
                          "PatientMode", "Code voor de wachtkamer: %1\n\nDe patiënt typt deze code op "
                          "het scherm in de wachtkamer (pgdesk kiosk) en ziet dan alleen de eigen "
                          "vragen. De code werkt vandaag, één keer; de antwoorden komen in het "
                          "gesprek van vandaag.").replace("%1", shown))
    window.show_patient(pid)  # the conversation of today is in the list now


def run_kiosk(app, store, instrument, keyring) -> int:
    """`pgdesk kiosk` after the unlock: full screen until the practice closes it."""
    from pgdesk.ui.patient_mode.kiosk import KioskWindow

    minutes = int(store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    kiosk = KioskWindow(store, instrument, keyring, minutes)
    kiosk.showFullScreen()
    code = app.exec()
    store.close()
    return code


def choose_idle_minutes(parent, store) -> None:
    current = int(store.setting(SETTING_PATIENT_IDLE, str(DEFAULT_PATIENT_IDLE)))
    minutes, ok = plain.get_int(
        parent, QCoreApplication.translate("PatientMode", "Patiëntmodus"),
        QCoreApplication.translate(
            "PatientMode", "Antwoorden van de patiënt verbergen na hoeveel minuten zonder invoer?"),
        current, 1, 30)
    if ok:
        attempt(parent, store.set_setting, SETTING_PATIENT_IDLE, str(minutes))
