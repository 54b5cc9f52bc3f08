"""Passphrase forms: set-up, forgotten passphrase, change, a new colleague, the recovery code,
and re-keying (a colleague removed, a passphrase leaked). The unlock form is in ui.unlock_dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import ROLES
from pgdesk.domain.validation import InputError, require_name
from pgdesk.storage.keyring import check_passphrase
from pgdesk.storage.recovery_code import normalize_recovery_code
from pgdesk.ui import clipboard, plain
from pgdesk.ui.dialogs import FormDialog, fit_wrapped_text
from pgdesk.ui.labels import role_label
from pgdesk.ui.plain import Label
from pgdesk.ui.unlock_dialog import secret_field

translate = QCoreApplication.translate  # module functions: explicit context


def new_passphrase_fields(form: QFormLayout, parent: QWidget, label: str) -> tuple[QLineEdit, QLineEdit]:
    first, again = secret_field(), secret_field()
    form.addRow(label, first)
    # Under the field, not as a placeholder: a placeholder is cut off and gone once typing starts.
    hint = Label(translate("SecurityDialogs", "Minstens 8 tekens; een zin is goed te onthouden."))
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    form.addRow("", hint)
    form.addRow(translate("SecurityDialogs", "&Nog een keer"), again)
    return first, again


def check_new_passphrase(parent: QWidget, first: QLineEdit, again: QLineEdit) -> None:
    check_passphrase(first.text())
    if first.text() != again.text():
        raise InputError(translate("SecurityDialogs", "De twee wachtwoorden zijn niet gelijk."))


def _role_box() -> QComboBox:
    box = QComboBox()
    for role in ROLES:
        box.addItem(role_label(role), role)
    return box


class SetupDialog(FormDialog):
    """A user: the first one of a new (or still unencrypted) database, or a new colleague."""

    def __init__(self, parent=None, *, converting: bool = False, colleague: bool = False,
                 names: list[str] = ()):
        super().__init__(self.tr("Collega toevoegen") if colleague else self.tr("pgdesk instellen"),
                         parent)
        if colleague:
            intro = Label(self.tr("De collega kiest hier zelf een wachtwoord en opent pgdesk "
                                   "daarna met de eigen naam."))
        else:
            intro = Label(self.tr(
                "pgdesk versleutelt alle gegevens op deze computer. Iedere collega opent pgdesk met "
                "een eigen naam en wachtwoord. Maak nu uzelf aan als eerste gebruiker."))
        if converting:
            intro.setText(intro.text() + "\n\n" + self.tr(
                "De bestaande database wordt daarna versleuteld; er gaat niets verloren."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.name = QLineEdit()
        if names:
            self.name.setPlaceholderText(", ".join(names[:3]))
        self.role = _role_box()
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Functie"), self.role)
        self.passphrase, self.again = new_passphrase_fields(self.form, self, self.tr("&Wachtwoord"))
        self.setMinimumWidth(480)

    def validate(self) -> None:
        require_name(self.name.text())
        check_new_passphrase(self, self.passphrase, self.again)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.role.currentData(), self.passphrase.text()


class ChangePassphraseDialog(FormDialog):
    def __init__(self, parent=None, name: str = ""):
        super().__init__(self.tr("Wachtwoord wijzigen"), parent)
        self.form.addRow(self.tr("Gebruiker"), Label(name))
        self.old = secret_field()
        self.form.addRow(self.tr("&Huidig wachtwoord"), self.old)
        self.passphrase, self.again = new_passphrase_fields(self.form, self, self.tr("N&ieuw wachtwoord"))
        self.setMinimumWidth(440)

    def validate(self) -> None:
        check_new_passphrase(self, self.passphrase, self.again)


class RecoveryDialog(FormDialog):
    """Forgot the passphrase: the practice's recovery code sets a new one."""

    def __init__(self, parent=None, name: str = ""):
        super().__init__(self.tr("Wachtwoord vergeten"), parent)
        intro = Label(self.tr("Met de herstelcode van de praktijk (op papier bewaard bij de "
                               "set-up) kiest u een nieuw wachtwoord."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.name = QLineEdit(name)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Herstelcode"), self.code)
        self.passphrase, self.again = new_passphrase_fields(self.form, self, self.tr("N&ieuw wachtwoord"))
        self.setMinimumWidth(480)

    def validate(self) -> None:
        require_name(self.name.text())
        normalize_recovery_code(self.code.text())
        check_new_passphrase(self, self.passphrase, self.again)


def _continue_once_kept(dialog: QDialog, tick: str) -> QDialogButtonBox:
    """'Verder' that only works once the tick says the codes are kept (dialog.kept, dialog.ok)."""
    dialog.kept = QCheckBox(tick)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    dialog.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ok.setText(translate("SecurityDialogs", "Verder"))
    dialog.ok.setEnabled(False)
    dialog.kept.toggled.connect(dialog.ok.setEnabled)
    buttons.accepted.connect(dialog.accept)
    return buttons


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once; continuing needs a tick that it was kept."""

    def __init__(self, code: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelcode van de praktijk"))
        text = Label(self.tr(
            "Schrijf deze herstelcode op of druk hem af, en bewaar hem op een veilige plek in de "
            "praktijk. Wie zijn wachtwoord vergeet, kan daarmee een nieuw kiezen. Zonder wachtwoord "
            "én zonder herstelcode is niemand meer bij de gegevens te komen. De code wordt maar "
            "één keer getoond."))
        text.setWordWrap(True)
        self.code = Label(code)
        self.code.setObjectName("recoveryCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        copy = QPushButton(self.tr("&Kopiëren"))
        copy.clicked.connect(lambda: clipboard.copy_for_a_while(code))
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.clicked.connect(self._print)  # a method: a lambda holding self leaks
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(self.print_button)
        row.addStretch(1)
        buttons = _continue_once_kept(self, self.tr("Ik heb de herstelcode &bewaard"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code)
        layout.addLayout(row)
        for w in (self.kept, buttons):
            layout.addWidget(w)
        self.setMinimumWidth(660)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        fit_wrapped_text(self)

    def _print(self) -> None:
        print_recovery_code(self, self.code.text())

    def reject(self) -> None:  # Escape must not skip the code
        if self.kept.isChecked():
            super().reject()


class RekeyDialog(FormDialog):
    """A new database key: a colleague loses access, or the user's own passphrase leaked."""

    def __init__(self, parent=None, *, name: str = "", colleagues: list[str] | None = None):
        leaked = colleagues is None
        super().__init__(self.tr("Mijn wachtwoord is uitgelekt") if leaked
                         else self.tr("Collega verwijderen"), parent)
        intro = Label(self.tr(
            "pgdesk geeft de database een nieuwe sleutel. Daarna opent het oude sleutelbestand "
            "met een oud wachtwoord de database en nieuwe reservekopieën niet meer. De andere "
            "collega's krijgen een eenmalig wachtwoord en er komt een nieuwe herstelcode; beide "
            "ziet u hierna één keer. Oudere reservekopieën houden de oude sleutel."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.colleague = None
        if not leaked:
            self.colleague = QComboBox()
            for i, colleague in enumerate(colleagues):
                self.colleague.addItem(colleague, i)
            self.form.addRow(self.tr("&Geen toegang meer voor"), self.colleague)
        who = Label(name)
        self.form.addRow(self.tr("Gebruiker"), who)
        self.old = secret_field()
        self.form.addRow(self.tr("&Huidig wachtwoord"), self.old)
        self.passphrase = self.again = None
        if leaked:
            self.passphrase, self.again = new_passphrase_fields(self.form, self,
                                                                self.tr("N&ieuw wachtwoord"))
        self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Nieuwe &sleutel maken"))
        self.setMinimumWidth(520)

    def validate(self) -> None:
        if self.colleague is not None and self.colleague.currentIndex() < 0:
            raise InputError(self.tr("Er is geen collega om te verwijderen."))
        if self.passphrase is not None:
            check_new_passphrase(self, self.passphrase, self.again)


class RekeyCodesDialog(QDialog):
    """After re-keying: the new recovery code and each colleague's one-time passphrase, once."""

    def __init__(self, code: str, temporary: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe sleutel: codes voor de praktijk"))
        text = Label(self.tr(
            "De database heeft een nieuwe sleutel. Schrijf de nieuwe herstelcode op en bewaar hem "
            "veilig; de oude werkt niet meer. Geef iedere collega persoonlijk het eigen eenmalige "
            "wachtwoord; die kiest daarna zelf een nieuw (Praktijk → Mijn wachtwoord wijzigen). "
            "Dit wordt maar één keer getoond."))
        text.setWordWrap(True)
        lines = [self.tr("Herstelcode: %1").replace("%1", code)] + [
            self.tr("%1: %2").replace("%1", name).replace("%2", secret)
            for name, secret in temporary]
        self.codes = Label("\n".join(lines))
        self.codes.setObjectName("recoveryCode")
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = _continue_once_kept(self, self.tr("Ik heb alles &opgeschreven"))
        layout = QVBoxLayout(self)
        for w in (text, self.codes, self.kept, buttons):
            layout.addWidget(w)
        self.setMinimumWidth(620)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        fit_wrapped_text(self)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Escape must not skip the codes; reject() itself still works, so the idle lock can
        # close this dialog (the codes are then gone: re-keying again makes new ones).
        if event.key() == Qt.Key.Key_Escape and not self.kept.isChecked():
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.kept.isChecked():
            event.ignore()
            return
        super().closeEvent(event)


def print_recovery_code(parent: QWidget, code: str, printer=None) -> bool:
    """The code on paper, to keep in the practice; drawn straight onto the printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("pgdesk")  # the print queue shows no more than that
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("SecurityDialogs", "Herstelcode afdrukken"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        plain.warning(parent, "pgdesk", translate("PdfOutput", "De printer kon niet worden gestart."))
        return False
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        page.moveTo(0, 0)  # the painter starts at the printable area's corner
        painter.setFont(QFont("DejaVu Sans", 13))
        title = translate("SecurityDialogs", "Herstelcode van de praktijk (pgdesk)")
        body = translate("SecurityDialogs",
                         "Bewaar dit papier op een veilige plek in de praktijk. Wie zijn wachtwoord "
                         "vergeet, kiest hiermee een nieuw: pgdesk → Wachtwoord vergeten?")
        used = painter.boundingRect(page, Qt.TextFlag.TextWordWrap, title + "\n\n" + body)
        painter.drawText(page, Qt.TextFlag.TextWordWrap, title + "\n\n" + body)
        painter.setFont(QFont("DejaVu Sans Mono", 20, QFont.Weight.Bold))
        painter.drawText(page.adjusted(0, used.height() + used.height() // 2, 0, 0),
                         Qt.AlignmentFlag.AlignLeft, code)
    finally:
        painter.end()
    return True
