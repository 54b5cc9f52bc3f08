"""The unlock form (at start and on the lock screen) and the start's unlock dialog.

Light on purpose: the unlock dialog of an encrypted database is the first thing a user sees, so
this module imports Qt and a few small pgdesk modules only, never storage (sqlite-utils,
SQLCipher, cryptography). At start the dialog paints first; storage is imported and the files
checked right after its first paint, while the user types (`prepare`), and the key is derived
only when the passphrase is submitted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.validation import InputError
from pgdesk.ui import plain
from pgdesk.ui.messages import screen_text
from pgdesk.ui.plain import Label


def secret_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UnlockForm(QWidget):
    """Name and passphrase; used at start and on the lock screen."""

    unlockRequested = Signal(str, str)
    forgotRequested = Signal(str)

    def __init__(self, parent=None, *, name: str = "", title: str = ""):
        super().__init__(parent)
        self.title = Label(title or self.tr("pgdesk is vergrendeld"))
        self.title.setObjectName("pageTitle")
        hint = Label(self.tr("Alle gegevens zijn versleuteld. Ontgrendel met uw eigen naam en "
                              "wachtwoord."))
        hint.setWordWrap(True)
        self.name = QLineEdit(name)
        self.passphrase = secret_field()
        self.error = Label()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("&Ontgrendelen"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.forgot_button = QPushButton(self.tr("Wachtwoord &vergeten?"))
        self.forgot_button.setFlat(True)
        form = QFormLayout()
        form.addRow(self.tr("&Naam"), self.name)
        form.addRow(self.tr("&Wachtwoord"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.unlock_button)
        layout.addWidget(self.forgot_button)
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.name.returnPressed.connect(self.passphrase.setFocus)
        self.forgot_button.clicked.connect(lambda: self.forgotRequested.emit(self.name.text()))

    def _submit(self) -> None:
        self.unlockRequested.emit(self.name.text(), self.passphrase.text())

    def focus(self) -> None:
        (self.passphrase if self.name.text() else self.name).setFocus()

    def show_error(self, message: str) -> None:
        self.passphrase.clear()
        self.error.setText(plain.as_problem(message))
        self.error.show()
        self.passphrase.setFocus()

    def clear(self) -> None:
        self.passphrase.clear()
        self.error.hide()


def busy(fn: Callable, *args, **kwargs):
    """Run a slow call (the passphrase derivation) with a wait cursor."""
    from PySide6.QtCore import Qt  # the Qt namespace costs tens of ms: not before a first paint

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn(*args, **kwargs)
    finally:
        QApplication.restoreOverrideCursor()


class UnlockDialog(QDialog):
    """At start: unlock with `opener(name, passphrase)`, which returns an open store or raises.

    `prepare(dialog)`, when given, runs once right after the dialog's first paint (or at the
    first submit, should that come sooner): it imports storage, checks the database's files and
    sets `opener` and `forgot`; a PgdeskError it raises ends the dialog with that `failure`, and
    it returns False when the database turned out not to need unlocking (`not_needed`)."""

    def __init__(self, opener: Callable | None = None, parent=None, *, name: str = "",
                 forgot: Callable[[QWidget, str], None] | None = None,
                 prepare: Callable[[UnlockDialog], bool] | None = None):
        super().__init__(parent)
        self.setWindowTitle("pgdesk")
        self.opener = opener
        self.forgot = forgot
        self.prepare = prepare
        self.not_needed = False
        self.unexpected: Exception | None = None  # what `prepare` raised besides a PgdeskError
        self.result_value = None
        self.failure: PgdeskError | None = None
        self.form = UnlockForm(self, name=name, title=self.tr("pgdesk ontgrendelen"))
        self.form.unlockRequested.connect(self._unlock)
        self.form.forgotRequested.connect(self._forgot)
        # Shown until `prepare` says there is no forgot-path (there always is, at start).
        self.form.forgot_button.setVisible(forgot is not None or prepare is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.setMinimumWidth(440)
        self.form.focus()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if self.prepare is not None:
            QTimer.singleShot(0, self._prepare)  # after this paint is on screen

    def _prepare(self) -> bool:
        """False when the dialog has ended (a failure, or nothing to unlock)."""
        prepare, self.prepare = self.prepare, None
        if prepare is None:
            return self.failure is None and not self.not_needed
        try:
            needed = prepare(self)
        except PgdeskError as exc:  # a damaged key file, a lost database: the caller says so
            self.failure = exc
            self.reject()
            return False
        except Exception as exc:  # noqa: BLE001  (not lost in the event loop: raised after exec)
            self.unexpected = exc
            self.reject()
            return False
        if needed is False:
            self.not_needed = True
            self.reject()
            return False
        return True

    def _forgot(self, name: str) -> None:
        if self._prepare() and self.forgot is not None:
            self.forgot(self, name)

    def _unlock(self, name: str, passphrase: str) -> None:
        if not self._prepare():
            return
        from pgdesk.storage.keyring import WrongCredentials

        try:
            self.result_value = busy(self.opener, name, passphrase)
        except (WrongCredentials, InputError) as exc:
            from pgdesk.ui.dialogs import grow_to_fit

            self.form.show_error(screen_text(exc))
            grow_to_fit(self)
            return
        except PgdeskError as exc:  # damaged, locked, …: the caller explains and offers help
            self.failure = exc
            self.reject()
            return
        self.accept()
