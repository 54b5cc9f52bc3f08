"""Practice housekeeping from the menu: passphrases, colleagues, recovery code, backup folder,
idle lock time, and the records due for review after twenty years."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage.keyring import Keyring
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.backups import backup_folder, set_backup_folder
from pgdesk.ui.feedback import guarded
from pgdesk.ui.lock import DEFAULT_IDLE_MINUTES, SETTING_IDLE
from pgdesk.ui.messages import screen_text
from pgdesk.ui.plain import Label
from pgdesk.ui.security_dialogs import (
    ChangePassphraseDialog,
    RecoveryCodeDialog,
    RekeyCodesDialog,
    RekeyDialog,
    SetupDialog,
)
from pgdesk.ui.unlock_dialog import busy

translate = QCoreApplication.translate  # module functions: explicit context


def _retry(dialog, action) -> bool:
    """Run `action` when the form is accepted; on a refusal show why and let the user fix it."""
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            busy(action)
        except PgdeskError as exc:
            dialog.show_error(screen_text(exc))
            continue
        return True
    return False


def change_passphrase(parent: QWidget, store: Store, keyring: Keyring) -> bool:
    name = store.actor.name
    dialog = ChangePassphraseDialog(parent, name)
    if not _retry(dialog, lambda: keyring.change_passphrase(
            name, dialog.old.text(), dialog.passphrase.text())):
        return False
    plain.information(parent, "pgdesk", translate("PracticeActions", "Uw wachtwoord is gewijzigd."))
    return True


def add_colleague(parent: QWidget, store: Store, keyring: Keyring, key: bytes) -> bool:
    """A colleague types their own name and passphrase; a known professional keeps their id."""
    dialog = SetupDialog(parent, colleague=True)

    def add() -> None:
        name, role, passphrase = dialog.values()
        pro = next((p for p in store.professionals() if p.name.casefold() == name.casefold()), None)
        if pro is None:
            pro = store.add_professional(name, role)
        keyring.add_user(key, name, passphrase, pro.id)

    if not _retry(dialog, add):
        return False
    plain.information(parent, "pgdesk", translate("PracticeActions",
        "%1 kan pgdesk nu openen met de eigen naam en het gekozen wachtwoord.").replace(
        "%1", dialog.values()[0]))
    return True


def new_recovery_code(parent: QWidget, keyring: Keyring, key: bytes) -> str | None:
    """Make and show a new recovery code. Returns the code when it was not confirmed as kept
    (the window locked first), so that it can be shown again; else None."""
    answer = plain.question(parent, "pgdesk", translate("PracticeActions",
        "Een nieuwe herstelcode maakt de oude ongeldig. Doorgaan?"))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    code = guarded(parent, keyring.new_recovery, key)
    if code is None or show_recovery_code(parent, code):
        return None
    return code


def show_recovery_code(parent: QWidget, code: str) -> bool:
    """True when the user ticked that the code is kept (only the lock closes it otherwise)."""
    dialog = RecoveryCodeDialog(code, parent)
    dialog.exec()
    kept = dialog.kept.isChecked()
    dialog.deleteLater()
    return kept


def rekey_database(parent: QWidget, keyring: Keyring, store_of: Callable[[], Store],
                   replace_store: Callable[[Store], None], *, leaked: bool) -> Keyring | None:
    """Praktijk → Collega verwijderen / Mijn wachtwoord is uitgelekt: a new database key.

    The store is closed for the swap and always reopened, with the new key or (when nothing
    changed) the old one. Returns the new keyring."""
    from pgdesk.storage.rekey import colleagues, rekey

    store = store_of()
    # A shared practice passphrase belongs to no one: there is no colleague to take it from.
    others = [] if keyring.mode == "shared" else [
        (tag, name) for tag, pro_id, name in colleagues(store, keyring)
        if pro_id != store.actor.professional_id]
    if not leaked and not others:
        plain.information(parent, "pgdesk", translate(
            "PracticeActions", "Er zijn geen collega's die pgdesk met een eigen wachtwoord openen."))
        return None
    name = store.actor.name
    dialog = RekeyDialog(parent, name=name, colleagues=None if leaked else [n for _, n in others])
    done = []

    def run() -> None:
        current = store_of()
        path, key, actor = current.path, current.opened.key, current.actor
        drop = frozenset() if leaked else {others[dialog.colleague.currentData()][0]}
        current.close()
        try:
            done.append(rekey(path, keyring, name=name, passphrase=dialog.old.text(),
                              new_passphrase=dialog.passphrase.text() if leaked else None,
                              remove_tags=frozenset(drop), backup_folder=backup_folder()))
        finally:
            replace_store(Store.open(path, key=done[0].key if done else key, actor=actor))

    if not _retry(dialog, run):
        return None
    result = done[0]
    RekeyCodesDialog(result.recovery_code, result.temporary, parent).exec()
    if result.backup_error:
        plain.warning(parent, "pgdesk", translate(
            "PracticeActions", "De nieuwe sleutel is ingesteld, maar de reservekopie daarna is "
            "niet gelukt: %1 Maak er zo snel mogelijk een (Praktijk → Reservekopie maken)."
        ).replace("%1", result.backup_error))
    return result.keyring


def choose_backup_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent,
        translate("PracticeActions", "Map voor reservekopieën (bijvoorbeeld een USB-schijf of netwerkmap)"),
        str(backup_folder()))
    if not folder:
        return None
    set_backup_folder(Path(folder))
    return Path(folder)


def choose_idle_minutes(parent: QWidget, store: Store) -> int | None:
    current = int(store.setting(SETTING_IDLE, str(DEFAULT_IDLE_MINUTES)))
    minutes, ok = plain.get_int(
        parent, translate("PracticeActions", "Automatisch vergrendelen"),
        translate("PracticeActions", "Vergrendel pgdesk na dit aantal minuten zonder gebruik:"),
        current, 1, 60)
    if not ok:
        return None
    store.set_setting(SETTING_IDLE, str(minutes))
    return minutes


class StaleRecordsDialog(QDialog):
    """Records unchanged for more than twenty years (WGBO): for the practice to review."""

    patientChosen = Signal(str)

    def __init__(self, rows: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dossiers ouder dan 20 jaar"))
        intro = Label(self.tr(
            "Deze dossiers zijn al meer dan twintig jaar niet gewijzigd. Bekijk per dossier of het "
            "nog nodig is; verwijderen gaat via het menu Patiënt.") if rows else self.tr(
            "Er zijn geen dossiers die langer dan twintig jaar niet zijn gewijzigd."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Geboortedatum"), self.tr("Laatst gewijzigd")])
        self.ids = [r["id"] for r in rows]
        for i, r in enumerate(rows):
            for c, v in enumerate((r["display_name"], display_birth_date(r["birth_date"] or ""),
                                   (r["last_change"] or "")[:10])):
                self.table.setItem(i, c, QTableWidgetItem(v))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def _chosen(self, item) -> None:
        self.patientChosen.emit(self.ids[item.row()])
        self.accept()

