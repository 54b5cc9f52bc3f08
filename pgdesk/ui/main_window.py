"""The main window: patient list, patient page and consultation, one at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from pgdesk import __version__
from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage.access_log import Actor
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import changes, clipboard, connection, plain, rooms
from pgdesk.ui.backups import BackupScheduler
from pgdesk.ui.due_panel import DueCache
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.labels import role_label, type_label
from pgdesk.ui.lock import (
    DEFAULT_IDLE_MINUTES,
    SETTING_IDLE,
    IdleWatcher,
    LockScreen,
    close_other_windows,
)
from pgdesk.ui.main_window_menus import build_menus
from pgdesk.ui.main_window_practice import PracticeActions
from pgdesk.ui.messages import screen_text
from pgdesk.ui.patient_list_page import PatientListPage
from pgdesk.ui.patient_mode import hooks as patient_mode
from pgdesk.ui.plain import Label
from pgdesk.ui.start_frame import place
from pgdesk.ui.unlock_dialog import busy

if TYPE_CHECKING:  # the key library (cryptography) only for an encrypted practice's keyring
    from pgdesk.storage.keyring import Keyring


class MainWindow(PracticeActions, QMainWindow):
    def __init__(self, store: Store, instrument: Instrument, keyring: Keyring | None = None):
        super().__init__()
        self.store = store
        store.room = rooms.room_name()
        self.instrument = instrument
        self.keyring = keyring
        self.demo = store.setting("demo") == "1"
        self.locked = False
        self.patient_mode = None  # patient_mode.mode.PatientMode while the patient fills in
        self._focus_before_lock = None
        self._unkept_code: str | None = None  # a recovery code the lock closed before it was kept
        from pgdesk.ui.text_size import TextSize

        self.text_size = TextSize(self, store)  # the style sheet, at this professional's size
        self.stack = QStackedWidget()
        # While locked the outer stack shows only the unlock form: no patient data at all.
        self.outer = QStackedWidget()
        self.outer.addWidget(self.stack)
        self.lock_screen: LockScreen | None = None  # built at the first lock: most starts never lock
        connection.install(self, self.outer)  # the server gone mid-consult: a banner, retries
        self.due_cache = DueCache(self)
        self.list_page = PatientListPage(store, self.stack, due_source=self._due_items)
        self._patient_page = None  # built when first shown (patient_page)
        self.consultation_page = None
        self.stack.addWidget(self.list_page)

        self.list_page.patientChosen.connect(self.show_patient)
        self.list_page.addRequested.connect(self.add_patient)

        build_menus(self)
        self.who = Label()
        self.statusBar().addPermanentWidget(self.who)
        if self.demo:
            where = self.tr("DEMO: verzonnen patiënten") + (
                "" if store.encrypted else self.tr(", niet versleuteld"))
        else:
            where = str(store.path) + ("" if store.encrypted else self.tr(" (niet versleuteld)"))
        self.statusBar().addWidget(Label(where))
        self.idle = None
        if keyring is not None:
            self.idle = IdleWatcher(int(store.setting(SETTING_IDLE, str(DEFAULT_IDLE_MINUTES))), self)
            self.idle.idle.connect(self.lock)
        self.backups = BackupScheduler(store, self)
        self.changes = changes.watch(self)  # other rooms' changes shown within a second
        self.integrity = None  # the background check of every page (app.run starts it)
        self._update_title()
        place(self)
        self.show_list()

    @property
    def patient_page(self):
        """Built when first needed: a start shows the list, the page need not delay that."""
        if self._patient_page is None:
            from pgdesk.ui.patient_page import PatientPage

            page = self._patient_page = PatientPage(self.store, self.instrument)
            self.stack.addWidget(page)
            page.back.connect(self.show_list)
            page.newConsultation.connect(self.new_consultation)
            page.openConsultation.connect(self.open_consultation)
            page.editPatient.connect(self.edit_patient)
            page.planRequested.connect(self.plan_conversation)
            page.patientModeRequested.connect(lambda: patient_mode.start(self))
            QShortcut(QKeySequence("Ctrl+N"), page, activated=self.new_consultation)
            QShortcut(QKeySequence("Escape"), page, activated=self.show_list)
        return self._patient_page

    def on_patient_page(self) -> bool:
        """Whether the patient page is showing (without building it)."""
        return self._patient_page is not None and self.stack.currentWidget() is self._patient_page

    def _current_patient(self) -> str | None:
        if self.consultation_page is not None:
            return self.consultation_page.session.patient.id
        if self.on_patient_page():
            return self.patient_page.patient_id
        return None

    def _update_title(self) -> None:
        title = "pgdesk" + (" — DEMO" if self.demo else "")
        self.setWindowTitle(title)
        pro = self.store.current_professional()
        self.who.setText(f"{pro.name} ({role_label(pro.role)})" if pro else "")

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("Over pgdesk"), self.tr(
            "pgdesk %1\n\nHet gesprek over Positieve Gezondheid in de praktijk: spinnenweb, "
            "actiewiel, plan en een samenvatting voor de patiënt.\n\nAlle gegevens blijven op "
            "deze computer.\n\nHet spinnenweb en de zes dimensies komen van Positieve Gezondheid "
            "(Machteld Huber; Institute for Positive Health, iPH).").replace("%1", __version__))

    # -- who is working -------------------------------------------------------
    def ensure_professional(self) -> bool:
        if self.store.current_professional():
            return True
        return self.choose_professional()

    def choose_professional(self) -> bool:
        from pgdesk.ui.dialogs import ProfessionalDialog

        if self.keyring is not None and self.keyring.mode == "per-user":
            self.lock(other_user=True)  # each user unlocks as themselves: switch through the lock
            return True
        current = self.store.current_professional()
        dialog = ProfessionalDialog(self, self.store.professionals(), current.id if current else None)
        if dialog.exec() != ProfessionalDialog.DialogCode.Accepted:
            return current is not None
        pro_id = dialog.chosen_id()
        if pro_id is None:
            pro = guarded(self, self.store.add_professional, *dialog.values())
            if pro is None:
                return False
            pro_id = pro.id
        if not attempt(self, self.store.set_current_professional, pro_id):
            return False
        if self.keyring is not None:  # shared passphrase: the log names whoever was chosen
            pro = self.store.professional(pro_id)
            self.store.set_actor(Actor(pro.name, pro.id))
        self._update_title()
        self.text_size.load()  # this professional's text size
        return True

    # -- navigation -----------------------------------------------------------
    def _due_items(self, *, more: bool = False):
        return self.due_cache.items(self.store, more=more)

    def show_list(self) -> None:
        self._drop_consultation()
        self.list_page.refresh()
        self.list_page.refresh_due()
        self.stack.setCurrentWidget(self.list_page)
        self.patient_menu.setEnabled(False)
        self.list_page.focus_search()

    def show_patient(self, patient_id: str) -> None:
        self._drop_consultation()
        if not attempt(self, self.patient_page.show_patient, patient_id):
            return
        attempt(self, self.store.record_opened, patient_id)
        self.stack.setCurrentWidget(self.patient_page)
        self.patient_menu.setEnabled(True)
        self.patient_page.focus_start()

    def add_patient(self) -> None:
        from pgdesk.ui.dialogs import PatientDialog

        dialog = PatientDialog(self)
        if dialog.exec() == PatientDialog.DialogCode.Accepted:
            patient = guarded(self, self.store.add_patient, *dialog.values())
            if patient:
                self.show_patient(patient.id)

    def edit_patient(self) -> None:
        from pgdesk.ui.dialogs import PatientDialog

        pid = self._current_patient()
        if pid is None:
            return
        dialog = PatientDialog(self, self.store.patient(pid))
        if dialog.exec() == PatientDialog.DialogCode.Accepted:
            if guarded(self, self.store.update_patient, pid, *dialog.values()):
                self.show_patient(pid)

    def new_consultation(self) -> None:
        if not self.patient_page.confirm_new():
            return
        pid = self.patient_page.patient_id
        pro = self.store.current_professional()
        c = guarded(self, self.store.new_consultation, pid, pro.id if pro else None)
        if c:
            self.open_consultation(c.id)

    def open_consultation(self, consultation_id: str, claim: bool = True) -> None:
        from pgdesk.ui.consultation.page import ConsultationPage
        from pgdesk.ui.variant_choice import consult_instrument

        instrument = consult_instrument(self, self.store, self.instrument, consultation_id)
        session = guarded(self, ConsultationSession, self.store, instrument, consultation_id)
        if session is None:
            return
        self._drop_consultation()
        self.consultation_page = ConsultationPage(session)
        rooms.Hold(self.consultation_page, claim=claim)
        self.consultation_page.closed.connect(lambda: self.show_patient(session.patient.id))
        self.stack.addWidget(self.consultation_page)
        self.stack.setCurrentWidget(self.consultation_page)
        self.consultation_page.steps[self.consultation_page.index].focus_widget().setFocus()

    def copy_paper_web(self) -> None:
        """F2: the numbers of a filled-in paper web typed in, then on to the wheel; from the
        patient page a new conversation is started first (as Ctrl+N)."""
        from pgdesk.ui import quick_entry

        if self.locked:
            return
        if self.consultation_page is None:
            if not self.on_patient_page():
                return
            self.new_consultation()
            if self.consultation_page is None:
                return
        quick_entry.copy_from_paper(self.consultation_page)

    def print_blank_web(self) -> None:
        from pgdesk.storage.practice import practice_details
        from pgdesk.ui.paper_web_dialog import PaperWebDialog

        dialog = PaperWebDialog(self.instrument, self,
                                practice=guarded(self, practice_details, self.store))
        dialog.exec()
        dialog.deleteLater()

    def _drop_consultation(self) -> None:
        if self.consultation_page is not None:
            page, self.consultation_page = self.consultation_page, None
            page.leave_current()  # whatever was typed last is stored before the page goes
            page.hold.release()
            self.stack.removeWidget(page)
            page.deleteLater()

    # -- trajectories -----------------------------------------------------------
    def start_trajectory(self) -> None:
        """A new start conversation; a running trajectory is closed only when the user agrees."""
        from pgdesk.domain.trajectory import TrajectoryOpen, dutch_date

        pid = self._current_patient()
        if pid is None:
            return
        self._drop_consultation()
        pro = self.store.current_professional()
        pro_id = pro.id if pro else None
        try:
            c = self.store.new_consultation(pid, pro_id, "start")
        except TrajectoryOpen as exc:
            answer = plain.question(self, "pgdesk", self.tr(
                "Er loopt al een traject sinds %1. Wilt u dat afsluiten en een nieuw traject "
                "beginnen?").replace("%1", dutch_date(exc.start_date)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            c = guarded(self, self.store.new_consultation, pid, pro_id, "start", close_open=True)
        except PgdeskError as exc:
            plain.warning(self, "pgdesk", str(exc))
            return
        if c:
            self.open_consultation(c.id)

    def delete_consultation(self) -> None:
        from pgdesk.storage.trajectories import delete_consultation

        pid = self._current_patient()
        if pid is None or not self.on_patient_page():
            return
        cid = self.patient_page.selected_consultation_id()
        if cid is None:
            return
        c = self.store.consultation(cid)
        answer = plain.question(self, "pgdesk", self.tr(
            "Het gesprek van %1 (%2) met alle antwoorden verwijderen? Dit kan niet ongedaan "
            "worden gemaakt.").replace("%1", display_birth_date(c.date)).replace(
            "%2", type_label(c.type).lower()))
        if answer == QMessageBox.StandardButton.Yes and attempt(self, delete_consultation,
                                                                 self.store, cid):
            self.show_patient(pid)

    def plan_conversation(self, trajectory_id: str, ctype: str, planned: str) -> None:
        from pgdesk.storage.trajectories import set_planned
        from pgdesk.ui.dialogs import DateDialog

        dialog = DateDialog(self.tr("Gesprek plannen"),
                            self.tr("%1 op").replace("%1", type_label(ctype)), planned, self)
        if dialog.exec() == DateDialog.DialogCode.Accepted and attempt(
                self, set_planned, self.store, trajectory_id, ctype, dialog.iso()):
            self.show_patient(self.patient_page.patient_id)

    def trajectory_defaults(self) -> None:
        from pgdesk.domain.trajectory import TrajectoryDefaults
        from pgdesk.storage.trajectories import defaults, set_defaults

        current = defaults(self.store)
        tussen, ok = plain.get_int(
            self, self.tr("Trajecten"),
            self.tr("Tussengesprek standaard na hoeveel weken?"), round(current.tussen_days / 7), 1, 52)
        if not ok:
            return
        eind, ok = plain.get_int(
            self, self.tr("Trajecten"),
            self.tr("Eindgesprek standaard na hoeveel weken?"), round(current.eind_days / 7), 2, 104)
        if ok:
            attempt(self, set_defaults, self.store, TrajectoryDefaults(tussen * 7, eind * 7))

    # -- home visits ------------------------------------------------------------
    def take_along(self) -> None:
        from pgdesk.ui import transfer_dialogs

        pid = self._current_patient()
        self._drop_consultation()
        transfer_dialogs.take_along(self, self.store, [pid] if pid else [])
        self.list_page.away_changed()  # this room's own change: no notice of it on the file

    def read_transfer(self) -> None:
        from pgdesk.ui import transfer_dialogs

        self._drop_consultation()
        if transfer_dialogs.read_transfer(self, self.store):
            self.list_page.away_changed()  # a bring-back read: its patients are back
            self.show_list()

    def bring_back(self) -> None:
        from pgdesk.ui import transfer_dialogs

        self._drop_consultation()
        transfer_dialogs.bring_back(self, self.store)

    def clear_brought_along(self) -> None:
        from pgdesk.ui import transfer_dialogs

        self._drop_consultation()
        if transfer_dialogs.clear_brought_along(self, self.store):
            self.show_list()

    # -- the record beyond the conversation -------------------------------------
    def show_access_log(self) -> None:
        from pgdesk.ui import patient_actions

        pid = self._current_patient()
        if pid is not None:
            patient_actions.AccessLogDialog(self.store, self.instrument, pid, self).exec()

    def export_patient(self) -> None:
        from pgdesk.ui import patient_actions

        pid = self._current_patient()
        if pid is not None:
            patient_actions.export_everything(self, self.store, self.instrument, pid)

    def erase_patient(self) -> None:
        from pgdesk.ui import patient_actions

        pid = self._current_patient()
        if pid is not None:
            self._drop_consultation()
            if patient_actions.erase(self, self.store, pid):
                self.show_list()

    def show_stale_records(self) -> None:
        from pgdesk.storage.patient_rights import stale_patients
        from pgdesk.ui import practice_actions

        rows = guarded(self, stale_patients, self.store)
        if rows is not None:
            dialog = practice_actions.StaleRecordsDialog(rows, self)
            dialog.patientChosen.connect(self.show_patient)
            dialog.exec()

    def _replace_store(self, store: Store) -> None:
        self.store = store
        store.room = rooms.room_name()
        self.list_page.store = store
        if self._patient_page is not None:
            self._patient_page.store = store
        self.backups.store = store

    # -- locking --------------------------------------------------------------
    def lock(self, other_user: bool = False) -> None:
        """Hide every patient detail behind the unlock form; everything typed is already stored."""
        if self.keyring is None or self.locked:
            return
        if self.patient_mode is not None:  # the unlock leads to the professional's view
            self.patient_mode.leave()
        if self.consultation_page is not None:
            self.consultation_page.leave_current()
        self._focus_before_lock = QApplication.focusWidget()
        close_other_windows(self)
        clipboard.forget()
        self.locked = True
        self.outer.setCurrentWidget(LockScreen.of(self))
        self.menuBar().setEnabled(False)
        self.statusBar().hide()
        self.setWindowTitle(self.tr("pgdesk — vergrendeld"))
        form = self.lock_screen.form
        form.clear()
        form.name.setText("" if other_user else self.store.actor.name)
        form.focus()

    def unlock(self, name: str, passphrase: str) -> bool:
        from pgdesk.storage.keyring import WrongCredentials
        from pgdesk.storage.vault import unlock_key

        try:  # with the wait after repeated wrong tries, as at start
            unlocked = busy(unlock_key, self.store.path, self.keyring, name, passphrase)
        except (WrongCredentials, PgdeskError) as exc:
            self.lock_screen.form.show_error(screen_text(exc))
            return False
        same = (unlocked.professional_id == self.store.actor.professional_id
                and (unlocked.professional_id is not None
                     or unlocked.name.casefold() == self.store.actor.name.casefold()))
        if not same:
            pro = self.store.professional(unlocked.professional_id)
            self.store.set_actor(Actor(pro.name if pro else unlocked.name, unlocked.professional_id))
        self.locked = False
        self.lock_screen.form.clear()
        self.outer.setCurrentWidget(self.stack)
        self.menuBar().setEnabled(True)
        self.statusBar().show()
        self._update_title()
        if not same:  # someone else: start from the patient list, not in a colleague's consult
            self.show_list()
        elif self._focus_before_lock is not None:
            self._focus_before_lock.setFocus()
        if self.idle is not None:
            self.idle.timer.start()
        if self._unkept_code is not None:  # shown once more: the old code no longer works
            QTimer.singleShot(0, self._show_unkept_code)
        return True

    def _show_unkept_code(self) -> None:
        from pgdesk.ui import practice_actions

        code, self._unkept_code = self._unkept_code, None
        if code is not None and not self.locked and not practice_actions.show_recovery_code(self, code):
            self._unkept_code = code

    def _forgot(self, name: str) -> None:
        from pgdesk.ui.startup import forgot_passphrase

        forgot_passphrase(self, self.keyring, name)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.patient_mode is not None:  # Alt+F4 does not leave the patient mode
            event.ignore()
            return
        if self.consultation_page is not None and not self.consultation_page.may_close():
            event.ignore()
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        if self.consultation_page is not None:
            self.consultation_page.hold.release()
        if self.integrity is not None:
            self.integrity.stop()
        self.changes.stop()
        if self.backups.enabled and not self.store.closed:
            self.backups.backup_now(self, quiet=True)
        clipboard.forget()
        super().closeEvent(event)
