"""Step 4, the plan: goal, first step, who helps, when, and the next conversation; under it the
referrals ("Verwijzen naar", with the earlier ones still to follow up), and for the practice only
(never on the patient's paper) the ICPC code and a note for the HIS text."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import ICPC, PROFESSIONAL_NOTE
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui.conflicts import save_text
from pgdesk.ui.plain import Label
from pgdesk.ui.referrals_widget import ReferralsWidget

NEXT_FORMAT = "yyyy-MM-ddTHH:mm"


class PlanStep(QWidget):
    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        title = Label(self.tr("Het plan, in de woorden van de patiënt"))
        title.setObjectName("stepTitle")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key, text, placeholder in (
            ("goal", self.tr("&Wat wil ik bereiken?"), self.tr("bijvoorbeeld: weer elke dag wandelen")),
            ("first_step", self.tr("Mijn &eerste stap"), self.tr("klein en concreet")),
            ("helper", self.tr("&Wie helpt mij?"), self.tr("persoon of organisatie")),
            ("when", self.tr("Wa&nneer?"), self.tr("bijvoorbeeld: maandag na het ontbijt")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setMaxLength(2000)
            self.fields[key] = edit
            form.addRow(text, edit)
        self.has_next = QCheckBox(self.tr("Volgend &gesprek afgesproken:"))
        self.next_edit = QDateTimeEdit()
        self.next_edit.setAccessibleName(self.tr("Datum en tijd van het volgende gesprek"))
        self.next_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.next_edit.setCalendarPopup(True)
        row = QHBoxLayout()
        row.addWidget(self.has_next)
        row.addWidget(self.next_edit)
        row.addStretch(1)
        form.addRow(self.tr("Volgende afspraak"), row)
        hint = Label(self.tr("Alles wordt meteen bewaard. Alt+→: naar de samenvatting."))
        hint.setObjectName("hint")
        # after the plan fields, also in the Tab order: the plan is typed first
        self.referrals = ReferralsWidget(session)
        self.referrals.tab_after = self.next_edit
        self.referrals.added.connect(self._referral_added)
        # many referrals on a small screen: the step scrolls rather than squeezing its fields
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.referrals, 1)
        layout.addWidget(self._practice_form())
        layout.addWidget(hint)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._scroll = scroll
        QApplication.instance().focusChanged.connect(self._show_focus)

        self._load()
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.flush)
        for edit in (*self.fields.values(), *self.practice_fields.values()):
            edit.textChanged.connect(self._timer.start)
            edit.editingFinished.connect(self.flush)
        self.has_next.toggled.connect(self._next_toggled)
        self.next_edit.dateTimeChanged.connect(self._timer.start)

    def _practice_form(self) -> QWidget:
        """ICPC code (the practice's default until changed here) and the professional's note."""
        from pgdesk.storage.documents import ICPC_SETTING

        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        heading = Label(self.tr("Voor de praktijk (niet op de samenvatting)"))
        heading.setObjectName("hint")
        form.addRow(heading)
        icpc = QLineEdit()
        icpc.setMaxLength(12)
        default = self.session.store.setting(ICPC_SETTING, "") or ""
        icpc.setPlaceholderText(default or self.tr("geen"))
        icpc.setToolTip(self.tr("Leeg: de standaardcode van de praktijk (Praktijk → HIS-tekst)"))
        note = QLineEdit()
        note.setMaxLength(2000)
        note.setPlaceholderText(self.tr("alleen voor de HIS-tekst"))
        self.practice_fields = {ICPC: icpc, PROFESSIONAL_NOTE: note}
        form.addRow(self.tr("&ICPC-code:"), icpc)
        form.addRow(self.tr("N&otitie:"), note)
        from pgdesk.ui.consultation.present_row import PresentRow

        self.present = PresentRow(self.session)
        form.addRow(self.tr("Aanwezig bij het gesprek:"), self.present)
        return box

    def _show_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever gets the focus (Tab, or Alt+V to the search) is scrolled into view."""
        try:
            if new is not None and self._scroll.widget().isAncestorOf(new):
                self._scroll.ensureWidgetVisible(new, 0, 8)
        except RuntimeError:  # the step is being taken down
            pass

    def focus_widget(self) -> QWidget:
        """The first field still empty, so no key press is spent on what is filled in."""
        for edit in self.fields.values():
            if not edit.text().strip():
                return edit
        return self.has_next

    def refresh(self) -> None:
        """An empty plan starts from the patient's own words on the wheel. The referrals are read
        again (the focus may have changed)."""
        self.referrals.refresh()
        if not self.session.c.plan.is_empty():
            return
        for key, role in (("goal", "wish"), ("first_step", "decision")):
            if not self.fields[key].text():
                self.fields[key].setText(self.session.c.wheel_answer(self.session.instrument,
                                                                     role).strip())

    def _load(self) -> None:
        plan = self.session.c.plan
        for key, edit in self.fields.items():
            edit.setText(getattr(plan, key))
        for key, edit in self.practice_fields.items():
            edit.setText(self.session.c.wheel_answers.get(key, ""))
        nxt = QDateTime.fromString(plan.next_appointment[:16], NEXT_FORMAT)
        self.has_next.setChecked(nxt.isValid())
        if not nxt.isValid():
            proposal = dt.date.fromisoformat(self.session.c.date) + dt.timedelta(days=91)
            nxt = QDateTime.fromString(f"{proposal.isoformat()}T09:00", NEXT_FORMAT)
        self.next_edit.setDateTime(nxt)
        self.next_edit.setEnabled(self.has_next.isChecked())

    def _referral_added(self, referral) -> None:
        """'Wie helpt mij?' still empty: the first referral's name goes there."""
        helper = self.fields["helper"]
        if not helper.text().strip():
            helper.setText(referral.name)
            self.flush()

    def _next_toggled(self, on: bool) -> None:
        self.next_edit.setEnabled(on)
        if on:
            self.next_edit.setFocus()
        self.flush()

    def flush(self) -> bool:
        self._timer.stop()
        ok = True
        for key, edit in self.fields.items():
            ok &= save_text(self, self.session, f"plan:{key}", edit.text().strip(),
                            self._shower(edit), " / ")
        nxt = (self.next_edit.dateTime().toString(NEXT_FORMAT)
               if self.has_next.isChecked() else "")
        ok &= save_text(self, self.session, "plan:next_appointment", nxt, self._show_next, None)
        for key, edit in self.practice_fields.items():
            value = " ".join(edit.text().split())
            ok &= save_text(self, self.session, f"wheel:{key}",
                            value.upper() if key == ICPC else value, self._shower(edit),
                            None if key == ICPC else " / ")
        ok &= self.referrals.flush()
        return ok

    def _shower(self, edit: QLineEdit):
        """Puts a text chosen after a conflict into `edit` without saving it again."""
        def show(text: str) -> None:
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        return show

    def _show_next(self, stored: str) -> None:
        nxt = QDateTime.fromString(stored[:16], NEXT_FORMAT)
        for widget in (self.has_next, self.next_edit):
            widget.blockSignals(True)
        self.has_next.setChecked(nxt.isValid())
        if nxt.isValid():
            self.next_edit.setDateTime(nxt)
        self.next_edit.setEnabled(nxt.isValid())
        for widget in (self.has_next, self.next_edit):
            widget.blockSignals(False)

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        # Enter in a field moves on to the next one, like Tab.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)
