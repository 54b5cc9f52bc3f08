"""Patiëntmodus in the main window: full screen, no menus, only this patient's questions. Close,
Esc and idle time do not leave it; the professional's passphrase (the practice passphrase on a
shared workstation) does, checked as the lock screen checks it. After an idle spell the answers
go behind "Geef het scherm terug aan de praktijk"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage.invitations import conversation_for_today
from pgdesk.storage.patient_answers import PatientSession, end_run, start_run
from pgdesk.ui.feedback import guarded
from pgdesk.ui.lock import IdleWatcher
from pgdesk.ui.messages import screen_text
from pgdesk.ui.patient_mode.flow import PatientFlow
from pgdesk.ui.patient_mode.language import PatientLanguage
from pgdesk.ui.patient_mode.rows import touch_button
from pgdesk.ui.patient_mode.style import PATIENT_STYLE, patient_palette
from pgdesk.ui.plain import Label
from pgdesk.ui.unlock_dialog import busy


def check_passphrase(store, keyring, passphrase: str) -> str | None:
    """None if the passphrase is the unlocked user's (or the practice's), else why not; with the
    wait after repeated wrong tries, as the lock screen."""
    from pgdesk.storage.keyring import WrongCredentials
    from pgdesk.storage.vault import unlock_key

    if keyring is None:
        return None
    try:
        busy(unlock_key, store.path, keyring, store.actor.name, passphrase)
    except (WrongCredentials, PgdeskError) as exc:
        return screen_text(exc)
    return None


class Cover(QWidget):
    """Hides the answers; only the practice's passphrase goes on, back to the patient or out."""

    unlockRequested = Signal(str, bool)  # noqa: N815 (Qt naming) passphrase, leave the mode

    def __init__(self, who: str | None, parent=None):
        super().__init__(parent)
        self.title = Label(self.tr("Geef het scherm terug aan de praktijk"))
        self.title.setObjectName("patientTitle")
        self.title.setWordWrap(True)
        self.thanks = Label(self.tr("Dank u wel. Uw antwoorden zijn bewaard."))
        self.thanks.setObjectName("patientText")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(lambda: self._go(True))
        if who is None:
            prompt = self.tr("Deze database heeft geen wachtwoord.")
            self.passphrase.hide()
        elif who:
            prompt = self.tr("Voor de praktijk: wachtwoord van %1").replace("%1", who)
        else:
            prompt = self.tr("Voor de praktijk: het wachtwoord van de praktijk")
        self.prompt = Label(prompt)
        self.prompt.setObjectName("patientHint")
        self.error = Label()
        self.error.setObjectName("patientError")
        self.error.setWordWrap(True)
        self.leave_button = touch_button(self.tr("Terug naar het dossier"), "patientPrimary")
        self.leave_button.clicked.connect(lambda: self._go(True))
        self.resume_button = touch_button(self.tr("De patiënt laten verder invullen"))
        self.resume_button.clicked.connect(lambda: self._go(False))
        for button in (self.leave_button, self.resume_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QWidget()  # a calm column in the middle, not lines across a wide screen
        column.setMaximumWidth(820)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        for widget in (self.title, self.thanks, self.prompt, self.passphrase, self.error,
                       self.leave_button, self.resume_button):
            inner.addWidget(widget)
        middle = QHBoxLayout()  # stretches, not an alignment: the wrapped title keeps its height
        middle.addStretch(1)
        middle.addWidget(column, 100)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)

    def _go(self, leave: bool) -> None:
        self.unlockRequested.emit(self.passphrase.text(), leave)

    def reset(self, done: bool) -> None:
        self.thanks.setVisible(done)
        self.passphrase.clear()
        self.error.clear()
        (self.passphrase if self.passphrase.isVisibleTo(self) else self.leave_button).setFocus()


def show_on_consult(window, consultation_id: str) -> None:
    """The patient answered on the screen beside the desk: the professional's consult window,
    holding this conversation, shows it at once (step 1's numbers, marks and the patient's own)."""
    page = window.consultation_page
    if (page is not None and page.session.id == consultation_id and page.hold is not None
            and page.hold.held):
        page.web.show_stored()


class PatientMode(QWidget):
    """The patient's whole screen. `start` puts it into the main window (turned to the patient),
    or on a second screen or tablet beside the desk as a window of its own; `leave` ends it."""

    def __init__(self, window, session: PatientSession, idle_minutes: int, parent=None):
        super().__init__(parent)
        self.setObjectName("patientMode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PATIENT_STYLE)
        self.setPalette(patient_palette())
        self.window_ = window
        self._was = window.windowState()
        self._stack_policy = window.stack.sizePolicy()
        self.language: PatientLanguage | None = None
        self.separate = False  # a window of its own on the patient's screen
        self._leaving = False
        self.session = session
        keyring = window.keyring
        who = None if keyring is None else ("" if keyring.mode == "shared" else session.store.actor.name)
        self.flow = PatientFlow(session)
        self.flow.finished.connect(lambda: self.cover(done=True))
        self.cover_screen = Cover(who)
        self.cover_screen.unlockRequested.connect(self._unlock)
        if session.instrument.rtl:  # the patient's lines; the passphrase part is the practice's
            for label in (self.cover_screen.title, self.cover_screen.thanks):
                label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for label in (self.cover_screen.title, self.cover_screen.thanks):
            label.setFont(self.flow.font())  # the patient's script
        self.stack = QStackedWidget()
        self.stack.addWidget(self.flow)
        self.stack.addWidget(self.cover_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle = IdleWatcher(idle_minutes, self)
        self.idle.idle.connect(lambda: self.cover(done=False))

    @property
    def covered(self) -> bool:
        return self.stack.currentWidget() is self.cover_screen

    @classmethod
    def start(cls, window, patient_id: str, idle_minutes: int,
              consultation_id: str | None = None, on: QScreen | None = None) -> PatientMode | None:
        """Today's conversation with this patient (a new one if there is none), or the one given
        (a mode that was open when pgdesk stopped), full screen, on the screen the patient was;
        on the screen `on` (beside the desk) while the main window stays the professional's."""
        store = window.store
        pro = store.current_professional()
        cid = consultation_id or guarded(window, conversation_for_today, store, patient_id,
                                         pro.id if pro else None)
        language = cid and guarded(window, PatientLanguage, store, patient_id, window.instrument)
        if language is None:
            return None
        from pgdesk.ui.variant_choice import consult_instrument  # the patient's variant

        instrument = consult_instrument(window, store, language.instrument, cid)
        session = guarded(window, PatientSession, store, instrument, cid)
        screen = session and guarded(window, start_run, store, cid)
        if session is None or screen is None:
            return None
        language.apply(instrument)  # the patient's words on the patient's screens, until `leave`
        mode = cls(window, session, idle_minutes)
        mode.language = language
        if on is not None:
            mode.separate = True
            # the same pgdesk writes these answers: no change notice reaches its own consult window
            mode.flow.answered.connect(lambda: show_on_consult(window, cid))
            mode.setWindowTitle("pgdesk")
            mode.setScreen(on)
            mode.setGeometry(on.geometry())
            mode.showFullScreen()
            mode.activateWindow()
            window.statusBar().showMessage(QCoreApplication.translate(
                "PatientMode", "De patiënt vult in op het andere scherm."))
            mode.flow.go_to(screen)
            return mode
        # The professional's pages may need more room than a small or scaled screen has; hidden
        # behind the mode they must not widen the window past the screen.
        window.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        window.outer.addWidget(mode)
        window.outer.setCurrentWidget(mode)
        window.menuBar().setEnabled(False)  # no menu shortcut works either
        window.menuBar().hide()
        window.statusBar().hide()
        window.setWindowTitle("pgdesk")
        window.showFullScreen()
        mode.flow.go_to(screen)
        return mode

    def leave(self) -> None:
        """Back to the professional's view of this patient (all answers are stored already)."""
        window = self.window_
        self.flow.end.flush()
        self.idle.timer.stop()
        guarded(window, end_run, self.session.store, self.session.id)
        if self.language is not None:
            self.language.remove()
        window.patient_mode = None
        if self.separate:
            self._leaving = True
            self.close()
            self.deleteLater()
            window.statusBar().clearMessage()
            window.show_patient(self.session.patient.id)
            return
        window.outer.removeWidget(self)
        window.stack.setSizePolicy(self._stack_policy)
        window.outer.setCurrentWidget(window.stack)
        window.menuBar().setEnabled(True)
        window.menuBar().show()
        window.statusBar().show()
        window.setWindowState(self._was)
        window.show()
        self.deleteLater()
        window.show_patient(self.session.patient.id)

    def cover(self, done: bool) -> None:
        if not self.covered:
            self.flow.end.flush()
            self.stack.setCurrentWidget(self.cover_screen)
        self.cover_screen.reset(done)

    def check(self, passphrase: str) -> str | None:
        """None if the passphrase is the professional's (or the practice's), else why not."""
        return check_passphrase(self.window_.store, self.window_.keyring, passphrase)

    def _unlock(self, passphrase: str, leave: bool) -> None:
        error = self.check(passphrase)
        self.cover_screen.passphrase.clear()
        if error is not None:
            self.cover_screen.error.setText(error)
            self.cover_screen.passphrase.setFocus()
            return
        if leave:
            self.leave()
        else:
            self.stack.setCurrentWidget(self.flow)
            self.idle.timer.start()
            self.flow.go_to(self.flow.index)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.separate and not self._leaving:  # Alt+F4 on the patient's screen: stays
            event.ignore()
        else:
            super().closeEvent(event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        if event.key() != Qt.Key.Key_Escape:  # Esc does not leave the mode
            super().keyPressEvent(event)
