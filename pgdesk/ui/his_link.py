"""Started from the HIS: `pgdesk --patient NUMBER` opens that patient, in the pgdesk that is
already running for this user and database when there is one (ui.single_instance).

A known number opens the patient's page; an unknown one opens the new-patient form filled in
with what the HIS gave, to confirm. A request that comes while the window is locked or the
patient fills in the web waits until the professional is back: a patient never sees another.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from pgdesk.domain.his import HisRequest
from pgdesk.domain.validation import display_birth_date
from pgdesk.ui.single_instance import InstanceServer, hand_over, socket_name

RETRY_MS = 1000
translate = QCoreApplication.translate  # module functions: explicit context


class HisLink(QObject):
    """The running pgdesk's end: requests before the window is there (the unlock dialog) or
    while it is locked are kept and opened once it can."""

    def __init__(self, server: InstanceServer | None, first: HisRequest | None):
        super().__init__(server)
        self.server = server
        self.window = None
        self.pending: list[HisRequest] = [first] if first is not None else []
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._deliver)
        if server is not None:
            server.requested.connect(self.take)

    def attach(self, window) -> None:
        self.window = window
        self._deliver()

    def take(self, request: HisRequest) -> None:
        if self.window is not None:
            bring_to_front(self.window)
        self.pending.append(request)
        self._deliver()

    def close(self) -> None:
        self.retry.stop()
        if self.server is not None:
            self.server.close()

    def _deliver(self) -> None:
        window = self.window
        if window is None:
            return
        if window.locked or window.patient_mode is not None:
            self.retry.start()
            return
        self.retry.stop()
        while self.pending:
            request = self.pending.pop(0)
            if request.number:
                open_patient(window, request)


def claim(place: Path | str, request: HisRequest | None) -> HisLink | None:
    """None when a pgdesk already running on this database took the request (this start then
    stops); otherwise this pgdesk's link, listening for later starts where it can."""
    name = socket_name(place)
    if name is None:
        return HisLink(None, request)
    if hand_over(name, request or HisRequest("")):
        return None
    server = InstanceServer(name)
    if not server.listen():
        server.deleteLater()
        server = None
    return HisLink(server, request)


def bring_to_front(window) -> None:
    # imported here: PySide6 builds the whole Qt namespace on first use, tens of ms that the
    # start frame (which claims the link before it paints) need not wait for
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def open_patient(window, request: HisRequest) -> str | None:
    """Show the patient with this HIS number, or offer to add them; their id, or None."""
    # imported here: ui.app claims the link before the start frame paints, and these bring storage
    from pgdesk.ui.dialogs import PatientDialog
    from pgdesk.ui.feedback import guarded

    found = guarded(window, lambda: (window.store.patient_by_number(request.number),))
    if found is None:  # the database could not be read: the user was told
        return None
    patient = found[0]
    if patient is None:
        dialog = PatientDialog(window)
        dialog.setWindowTitle(translate("HisLink", "Nieuwe patiënt uit het HIS"))
        dialog.name.setText(request.name)
        dialog.birth.setText(display_birth_date(request.birth_date))
        dialog.number.setText(request.number)
        dialog.number.setReadOnly(True)  # the HIS's number: the reason this form is open
        (dialog.birth if request.name else dialog.name).setFocus()
        accepted = dialog.exec() == PatientDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return None
        patient = guarded(window, window.store.add_patient, *values)
        if patient is None:
            return None
    window.show_patient(patient.id)
    return patient.id
