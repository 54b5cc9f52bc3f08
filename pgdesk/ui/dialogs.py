"""Small forms: a patient's details and who is working (the professional)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import ROLES, Patient, Professional
from pgdesk.domain.validation import (
    InputError,
    display_birth_date,
    normalize_birth_date,
    require_name,
)
from pgdesk.ui.labels import role_label
from pgdesk.ui.messages import screen_text
from pgdesk.ui.plain import Label, as_problem


def fit_wrapped_text(dialog: QDialog) -> None:
    """Top-level windows ignore height-for-width, so word-wrapped labels would be cut off."""
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        dialog.setMinimumHeight(max(dialog.minimumHeight(),
                                    layout.totalHeightForWidth(dialog.width())))


def grow_to_fit(dialog: QDialog) -> None:
    """An error line that appears takes new room instead of squashing the fields."""
    fit_wrapped_text(dialog)
    dialog.resize(dialog.width(), max(dialog.height(), dialog.minimumHeight(),
                                      dialog.sizeHint().height()))


class FormDialog(QDialog):
    """A form dialog with a red error line instead of a pop-up on top of a pop-up."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = Label()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self._arranged = False  # tab order and first focus, once, when first shown
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fields(self) -> list[QWidget]:
        """The form's inputs, top to bottom (labels and intro texts left out)."""
        def takes_tab(widget: QWidget) -> bool:
            return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

        found = []
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is None:
                    continue
                if takes_tab(widget):
                    found.append(widget)
                else:  # a group of boxes: its inputs, in the order they were made
                    found.extend(w for w in widget.findChildren(QWidget) if takes_tab(w))
        return found

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # The buttons are made before the fields, so by default the focus would start on
        # "Opslaan" and Tab would visit the buttons first: a name typed at once would be lost.
        if self._arranged:
            super().showEvent(event)
            return
        self._arranged = True
        fields = self.fields()
        box = self.buttons.layout()  # the buttons in the order the platform shows them
        shown = (box.itemAt(i).widget() for i in range(box.count()))
        chain = fields + [b for b in shown if b is not None and b in self.buttons.buttons()]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        first = next((w for w in fields if w.isEnabled()), None)
        if first is not None and not first.hasFocus():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)
        fit_wrapped_text(self)

    def validate(self) -> None:
        raise NotImplementedError

    def _try_accept(self) -> None:
        try:
            self.validate()
        except InputError as exc:
            self.show_error(screen_text(exc))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(as_problem(message))
        self.error.show()
        grow_to_fit(self)


class DateDialog(FormDialog):
    """One date, typed or picked from a calendar (planned conversations)."""

    def __init__(self, title: str, label: str, iso_date: str, parent=None):
        super().__init__(title, parent)
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QDateEdit

        self.date = QDateEdit(QDate.fromString(iso_date, "yyyy-MM-dd"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.form.addRow(label, self.date)

    def validate(self) -> None:
        pass

    def iso(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")


class PatientDialog(FormDialog):
    def __init__(self, parent=None, patient: Patient | None = None):
        super().__init__(self.tr("Patiënt wijzigen") if patient else self.tr("Nieuwe patiënt"),
                         parent)
        self.name = QLineEdit(patient.display_name if patient else "")
        self.name.setPlaceholderText(self.tr("zoals de praktijk de naam schrijft"))
        self.birth = QLineEdit(display_birth_date(patient.birth_date) if patient else "")
        self.birth.setPlaceholderText(self.tr("dd-mm-jjjj of alleen het jaar"))
        self.number = QLineEdit(patient.practice_number if patient else "")
        self.number.setPlaceholderText(self.tr("optioneel: patiëntnummer in het HIS"))
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Geboortedatum"), self.birth)
        self.form.addRow(self.tr("N&ummer"), self.number)
        self.setMinimumWidth(480)  # the number's placeholder in full

    def validate(self) -> None:
        require_name(self.name.text())
        normalize_birth_date(self.birth.text())

    def values(self) -> tuple[str, str, str]:
        return self.name.text(), self.birth.text(), self.number.text()


class ProfessionalDialog(FormDialog):
    """Who holds the conversations: pick yourself from the list, or add yourself once."""

    def __init__(self, parent=None, known: list[Professional] = (), current_id: str | None = None):
        super().__init__(self.tr("Wie werkt er met pgdesk?"), parent)
        intro = Label(self.tr("Uw naam komt op de samenvatting voor de patiënt."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.who = QComboBox()
        for pro in known:
            self.who.addItem(f"{pro.name} ({role_label(pro.role)})", pro.id)
        self.who.addItem(self.tr("Iemand anders: nieuw toevoegen"), None)
        if current_id and self.who.findData(current_id) >= 0:
            self.who.setCurrentIndex(self.who.findData(current_id))
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        if known:
            self.form.addRow(self.tr("&Ik ben"), self.who)
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Functie"), self.role)
        self.who.currentIndexChanged.connect(self._who_changed)
        self._who_changed()
        self.setMinimumWidth(420)

    def _who_changed(self) -> None:
        new = self.chosen_id() is None
        self.name.setEnabled(new)
        self.role.setEnabled(new)

    def chosen_id(self) -> str | None:
        return self.who.currentData()

    def validate(self) -> None:
        if self.chosen_id() is None:
            require_name(self.name.text())

    def values(self) -> tuple[str, str]:
        return self.name.text(), self.role.currentData()
