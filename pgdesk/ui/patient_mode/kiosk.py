"""`pgdesk kiosk`: a waiting-room tablet or PC that shows only the patient mode. Unlocked once by
the practice at the start of the day; a patient types the one-time code the practice prepared and
sees only their own questions, never a name or a list. When the patient is done (or walks away)
the answers are stored and the screen asks for the next code. Closing needs the passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from pgdesk.storage.invitations import CODE_LENGTH, redeem_invitation
from pgdesk.storage.patient_answers import PatientSession, end_run, start_run
from pgdesk.ui.feedback import guarded
from pgdesk.ui.lock import IdleWatcher
from pgdesk.ui.messages import screen_text
from pgdesk.ui.patient_mode.flow import PatientFlow
from pgdesk.ui.patient_mode.language import PatientLanguage, words_in_every_language
from pgdesk.ui.patient_mode.mode import Cover, check_passphrase
from pgdesk.ui.patient_mode.rows import scrolled, touch_button
from pgdesk.ui.patient_mode.script import use_font_for
from pgdesk.ui.patient_mode.style import PATIENT_STYLE, patient_palette
from pgdesk.ui.plain import Label
from pgdesk.ui.variant_choice import consult_instrument

WRONG_CODES_BEFORE_WAIT = 5
WAIT_MS = 30_000  # after that many wrong codes in a row: guessing codes takes long


def _label(text: str, name: str) -> Label:
    label = Label(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class CodeScreen(QWidget):
    codeEntered = Signal(str)  # noqa: N815 (Qt naming)
    practiceRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thanks = _label(self.tr("Dank u wel. Uw antwoorden zijn bewaard."), "patientText")
        self.thanks.hide()
        self.code = QLineEdit()
        self.code.setMaxLength(CODE_LENGTH + 4)  # room for a space or dash typed between
        self.code.setPlaceholderText(self.tr("Bijvoorbeeld K7MX4P"))
        self.code.returnPressed.connect(self._enter)
        self.start = touch_button(self.tr("Beginnen"), "patientPrimary")
        self.start.clicked.connect(self._enter)
        self.error = _label("", "patientError")
        self.practice = touch_button(self.tr("Voor de praktijk"))
        self.practice.clicked.connect(self.practiceRequested)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addStretch(1)
        column.addWidget(self.thanks)
        column.addWidget(_label(self.tr("Welkom"), "patientTitle"))
        prompt = self.tr("Typ de code die u van de praktijk kreeg.")
        column.addWidget(_label(prompt, "patientText"))
        # before a code nobody knows the patient's language: the prompt in each handout language
        self.prompts = []
        for text, instrument in words_in_every_language(
                "Typ de code die u van de praktijk kreeg.", "CodeScreen"):
            if text != prompt:
                line = _label(text, "patientHint")
                if instrument.rtl:
                    line.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                use_font_for(line, instrument)
                self.prompts.append(line)
                column.addWidget(line)
        column.addWidget(self.code)
        column.addWidget(self.error)
        column.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        column.addWidget(self.practice, 0, Qt.AlignmentFlag.AlignRight)
        inner.setMaximumWidth(820)
        area = scrolled(inner)
        area.setAlignment(Qt.AlignmentFlag.AlignHCenter)  # a calm column in the middle
        layout = QVBoxLayout(self)
        layout.addWidget(area)

    def _enter(self) -> None:
        if self.start.isEnabled():
            self.codeEntered.emit(self.code.text())

    def reset(self, thanks: bool) -> None:
        self.thanks.setVisible(thanks)
        self.code.clear()
        self.error.clear()
        self.code.setFocus()


class KioskWindow(QWidget):
    """The kiosk's only window: the code, then one patient's flow, then the code again."""

    def __init__(self, store, instrument, keyring, idle_minutes: int, parent=None):
        super().__init__(parent)
        self.setObjectName("patientMode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PATIENT_STYLE)
        self.setPalette(patient_palette())
        self.setWindowTitle("pgdesk")
        self.store, self.instrument, self.keyring = store, instrument, keyring
        self.flow: PatientFlow | None = None
        self.language: PatientLanguage | None = None
        self.wrong_codes = 0
        self._closing = False
        self.code_screen = CodeScreen()
        self.code_screen.codeEntered.connect(self.open_code)
        self.code_screen.practiceRequested.connect(self._ask_practice)
        who = None if keyring is None else ("" if keyring.mode == "shared" else store.actor.name)
        self.cover = Cover(who)
        self.cover.thanks.hide()
        self.cover.title.setText(self.tr("Voor de praktijk: de wachtkamer sluiten"))
        self.cover.leave_button.setText(self.tr("Sluiten"))
        self.cover.resume_button.setText(self.tr("Terug naar de wachtkamer"))
        self.cover.unlockRequested.connect(self._practice)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.code_screen)
        self.stack.addWidget(self.cover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle = IdleWatcher(idle_minutes, self)
        self.idle.idle.connect(lambda: self.show_code_screen(thanks=False))
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(lambda: self.code_screen.start.setEnabled(True))
        self.code_screen.reset(False)

    def open_code(self, code: str) -> None:
        """A right code opens that patient's questions where they were; any other shows why not,
        and nothing of anyone."""
        try:
            cid = redeem_invitation(self.store, code)
        except Exception as exc:  # noqa: BLE001 (every failure is told, nothing is shown)
            self.wrong_codes += 1
            self.code_screen.code.clear()
            self.code_screen.error.setText(screen_text(exc))
            if self.wrong_codes >= WRONG_CODES_BEFORE_WAIT:
                self.code_screen.start.setEnabled(False)
                self._wait.start(WAIT_MS)
            return
        consultation = guarded(self, self.store.consultation, cid)
        language = consultation and guarded(self, PatientLanguage, self.store,
                                            consultation.patient_id, self.instrument)
        # the patient's variant (Jongeren, Kind) speaks its own words here as in the patient mode
        instrument = language and consult_instrument(self, self.store, language.instrument, cid)
        session = instrument and guarded(self, PatientSession, self.store, instrument, cid)
        screen = session and guarded(self, start_run, self.store, cid, kiosk=True)
        if session is None or screen is None:
            return
        self.wrong_codes = 0
        self.language = language
        language.apply(session.instrument)  # the patient's words until the code screen comes back
        self.flow = PatientFlow(session)
        self.flow.finished.connect(lambda: self.show_code_screen(thanks=True))
        self.stack.addWidget(self.flow)
        self.stack.setCurrentWidget(self.flow)
        self.flow.go_to(screen)

    def show_code_screen(self, thanks: bool) -> None:
        """The patient is done or walked away: their answers are stored, and go off the screen."""
        if self.flow is not None:
            # the thanks in the patient's words, while they are still installed
            self.code_screen.thanks.setText(self.code_screen.tr(
                "Dank u wel. Uw antwoorden zijn bewaard."))
            self.code_screen.thanks.setLayoutDirection(self.flow.layoutDirection())
            self.code_screen.thanks.setFont(self.flow.font())
            self.flow.end.flush()
            guarded(self, end_run, self.store, self.flow.session.id)
            self.stack.removeWidget(self.flow)
            self.flow.deleteLater()
            self.flow = None
        if self.language is not None:
            self.language.remove()
            self.language = None
        self.stack.setCurrentWidget(self.code_screen)
        self.code_screen.reset(thanks)

    def _ask_practice(self) -> None:
        self.stack.setCurrentWidget(self.cover)
        self.cover.reset(done=False)

    def _practice(self, passphrase: str, close: bool) -> None:
        error = check_passphrase(self.store, self.keyring, passphrase) if close else None
        self.cover.passphrase.clear()
        if error is not None:
            self.cover.error.setText(error)
            self.cover.passphrase.setFocus()
            return
        if close:
            self._closing = True
            self.close()
        else:
            self.show_code_screen(thanks=False)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self._closing:  # only through the passphrase
            self.idle.timer.stop()
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
