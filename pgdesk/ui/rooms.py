"""A conversation open in another room: "Open bij Dr. A. de Vries (kamer 2)".

Opening a conversation claims it for this workstation (storage/claims.py) and keeps the claim
alive with a heartbeat. Held elsewhere, it opens read-only under a bar naming who has it, with
"Overnemen" to take it over explicitly. A room whose hold was taken over turns read-only at the
next heartbeat or change notice; what it had typed and could not store stays on screen, and
leaving asks first. The room's name is a setting of this workstation (the host name until set).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from pgdesk.storage import claims
from pgdesk.storage.access_log import this_workstation
from pgdesk.storage.patient_answers import filling_in_elsewhere
from pgdesk.storage.versions import clock
from pgdesk.ui import clipboard, plain
from pgdesk.ui.conflicts import save_text
from pgdesk.ui.feedback import guarded
from pgdesk.ui.plain import Label

ROOM_SETTING = "rooms/name"
TEXT_EDITORS = (QLineEdit, QPlainTextEdit, QTextEdit)
INPUTS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView)


translate = QCoreApplication.translate


def room_name() -> str:
    """What other rooms see as this workstation's name ("kamer 2"); the host name until set."""
    return str(QSettings().value(ROOM_SETTING, "") or "").strip() or this_workstation()


def set_room_name(name: str) -> None:
    QSettings().setValue(ROOM_SETTING, " ".join(name.split()))


def ask_room_name(window) -> None:
    """Praktijk → Naam van deze werkplek…"""
    question = translate("Rooms", "Onder deze naam zien de andere kamers waar een gesprek open "
                                  "is (bijvoorbeeld 'kamer 2'):")
    name, ok = plain.get_text(window, translate("Rooms", "Naam van deze werkplek"), question,
                              text=room_name())
    if ok and name.strip():
        set_room_name(name)
        window.store.room = room_name()


class ClaimBar(QFrame):
    """Above the steps: who has this conversation open, and "Overnemen"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimBar")
        self.setStyleSheet("#claimBar { background: #fff4ce; border: 1px solid #e0c060; }"
                           " #claimBar QLabel { color: #1d2b3a; }")
        self.text = Label()
        self.text.setWordWrap(True)
        self.take_over = QPushButton(translate("Rooms", "&Overnemen"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.take_over)
        self.hide()

    def say(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class Hold(QObject):
    """A consultation page's hold on its conversation: claimed when the page opens (unless
    `claim` is False: a page shown again after a change, which only looks), renewed by a
    heartbeat, given up when the page goes."""

    def __init__(self, page, *, claim: bool = True):
        super().__init__(page)
        self.page, self.session = page, page.session
        self.store = self.session.store
        self.bar = ClaimBar()
        self.bar.take_over.clicked.connect(self.take_over)
        page.layout().insertWidget(0, self.bar)
        page.hold = self
        self._disabled: list[QWidget] = []
        self.timer = QTimer(self, interval=claims.HEARTBEAT_SECONDS * 1000)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        if claim and guarded(page, filling_in_elsewhere, self.store, self.session.id):
            # the patient is filling it in at the kiosk: a claim here would refuse their next
            # answer, so this room looks on (follow() shows each answer) until they are done
            claim = False
        other = guarded(page, claims.claim, self.store, self.session.id) if claim \
            else claims.holder(self.store, self.session.id)
        if other is not None or not claim:
            self._read_only(other, lost=False)

    @property
    def held(self) -> bool:
        return not self.session.read_only

    def check(self) -> None:
        """The heartbeat: keep the hold, or learn it was taken over, or, read-only, show
        whether the other room still has it."""
        if self.store.closed:
            return
        if self.held:
            alive = guarded(self.page, claims.heartbeat, self.store, self.session.id)
            if alive is False:
                self.lose()
        elif not self.session.refused:
            self._say(claims.holder(self.store, self.session.id))

    def lose(self) -> None:
        """Another room took the conversation over: what was typed is tried once more (refused,
        it stays on screen and the user is told), then the page only shows."""
        self.page.leave_current()
        self._read_only(claims.holder(self.store, self.session.id), lost=True)

    def take_over(self) -> None:
        """"Overnemen": the hold moves here; text typed here meanwhile is written now (a newer
        text from the other room is not overwritten: the conflict question comes first)."""
        if guarded(self.page, claims.claim, self.store, self.session.id, take_over=True) is not None:
            return
        self.session.read_only = False
        for widget in self._disabled:
            widget.setEnabled(True)
        self._disabled = []
        for widget in self._editors():
            widget.setReadOnly(False)
        self.bar.hide()
        # what was typed here meanwhile is written now: the step on screen as it stands, then
        # any other text that was refused (a newer text from there: the question comes first)
        self.page.leave_current()
        for field, text in list(self.session.refused.items()):
            save_text(self.page, self.session, field, text, lambda _text: None)

    def may_leave(self) -> bool:
        """Closing a read-only page: text that could not be stored is offered to the clipboard
        (not when the window locks: the lock hides it, and it is still there after unlocking)."""
        if not self.session.refused:
            return True
        question = translate("Rooms", "Wat u typte nadat het gesprek in een andere kamer is "
                                      "overgenomen, is niet bewaard. Neem het gesprek over om het "
                                      "te bewaren, of kopieer het naar het klembord.")
        choice = plain.choose(self.page, translate("Rooms", "Niet bewaarde tekst"), question,
                              [translate("Rooms", "Kopiëren en sluiten"),
                               translate("Rooms", "Blijven")], default=1)
        if choice != 0:
            return False
        clipboard.copy_for_a_while("\n\n".join(self.session.refused.values()))
        return True

    def release(self) -> None:
        self.timer.stop()
        if self.held and not self.store.closed:
            guarded(self.page, claims.release, self.store, self.session.id)

    # -- read-only ------------------------------------------------------------------------
    def _editors(self) -> list[QWidget]:
        return [w for w in self.page.stack.findChildren(QWidget) if isinstance(w, TEXT_EDITORS)
                and not isinstance(w.parent(), QAbstractSpinBox)]

    def _read_only(self, other: claims.Claim | None, *, lost: bool) -> None:
        self.session.read_only = True
        for widget in self._editors():
            widget.setReadOnly(True)
        inputs = [self.page.type_box, self.page.web.radar]
        inputs += [w for w in self.page.stack.findChildren(QWidget) if isinstance(w, INPUTS)
                   and not self.page.summary.isAncestorOf(w)]
        for widget in inputs:
            if widget.isEnabled() and widget not in self._disabled:
                widget.setEnabled(False)
                self._disabled.append(widget)
        self._say(other, lost=lost)

    def _say(self, other: claims.Claim | None, *, lost: bool = False) -> None:
        if other is None and guarded(self.page, filling_in_elsewhere, self.store,
                                     self.session.id):
            self.bar.say(translate("Rooms", "De patiënt vult dit gesprek nu zelf in (wachtkamer of "
                                   "ander scherm); de antwoorden verschijnen hier. Neem het "
                                   "gesprek over als de patiënt klaar is."))
            return
        if other is None:
            self.bar.say(translate("Rooms", "Niet meer open in een andere kamer. U kijkt mee; "
                                   "neem het gesprek over om te bewerken."))
            return
        who = (translate("Rooms", "Open bij %1 (%2) sinds %3").replace("%1", other.who)
               .replace("%2", other.room).replace("%3", clock(other.since)))
        after = (translate("Rooms", "Het is overgenomen; wat u nog typte staat op het scherm en "
                           "is niet bewaard.") if lost
                 else translate("Rooms", "U kijkt mee: alleen lezen."))
        self.bar.say(f"{who}. {after}")


def follow(window, payloads: set[str]) -> None:
    """After another room's change: a held conversation learns whether it was taken over (by
    reading only: a write here would be a change notice there, and so on); one shown read-only
    is shown again as it is stored now, unless it holds text typed here that was not stored."""
    from pgdesk.storage.changes import ANY

    page = window.consultation_page
    session, hold = page.session, page.hold
    about = {f"{table}:{session.patient.id}" for table in ("consultations", "consultation_claims")}
    if hold.held:
        other = guarded(page, claims.holder, session.store, session.id)
        if other is not None:
            hold.lose()
        elif ANY in payloads or about & payloads:
            page.web.show_stored()  # the patient's answers from a screen of their own
        return
    if session.refused:
        return
    if ANY in payloads or about & payloads:
        step = page.index
        window.open_consultation(session.id, claim=False)
        if window.consultation_page is not None:
            window.consultation_page.go_to(step)
