"""Home visits from the window: take patients along, read a transfer file (summary and conflicts
before anything is written), bring the laptop's changes back, and clear the laptop afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.validation import InputError, display_birth_date
from pgdesk.storage.keyring import check_passphrase
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.dialogs import FormDialog
from pgdesk.ui.plain import Label
from pgdesk.ui.security_dialogs import check_new_passphrase, new_passphrase_fields
from pgdesk.ui.unlock_dialog import busy, secret_field

translate = QCoreApplication.translate  # module functions: explicit context
SUFFIX = ".pgtransfer"


class TransferPassphraseDialog(FormDialog):
    """A passphrase for one transfer file: chosen twice when writing, typed once when reading."""

    def __init__(self, parent=None, *, new: bool, intro: str = ""):
        super().__init__(self.tr("Wachtwoordzin voor het overdrachtsbestand"), parent)
        self.new = new
        if intro:
            label = Label(intro)
            label.setWordWrap(True)
            self.form.addRow(label)
        if new:
            self.passphrase, self.again = new_passphrase_fields(self.form, self, self.tr("&Wachtwoordzin"))
        else:
            self.passphrase = secret_field()
            self.form.addRow(self.tr("&Wachtwoordzin"), self.passphrase)
        self.setMinimumWidth(460)

    def validate(self) -> None:
        if self.new:
            check_new_passphrase(self, self.passphrase, self.again)
        elif not self.passphrase.text():
            raise InputError(self.tr("Typ de wachtwoordzin van dit bestand."))


class TakeAlongDialog(FormDialog):
    """Choose the patients for today's home visits."""

    def __init__(self, store: Store, parent=None, preselect: list[str] = ()):
        super().__init__(self.tr("Patiënten meegeven voor huisbezoek"), parent)
        intro = Label(self.tr(
            "Kies de patiënten die mee gaan op de laptop. Hun dossier, trajecten, verwijzingen en "
            "de bijbehorende sociale kaart komen in één versleuteld bestand."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Zoek op naam of nummer…"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Patiënten om mee te geven"))
        self.list.setAccessibleDescription(self.tr("Spatiebalk vinkt de gekozen patiënt aan of uit"))
        for p in store.search_patients("", limit=100_000):
            item = QListWidgetItem(f"{p.display_name}  ({display_birth_date(p.birth_date) or '–'})")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in preselect
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        self.form.addRow(self.tr("&Zoeken"), self.filter)
        self.form.addRow(self.list)
        # Every room sees "meegenomen op laptop <name>" until the bring-back is read.
        self.laptop = QLineEdit()
        self.laptop.setPlaceholderText(self.tr("bijvoorbeeld Huisbezoek 1"))
        self.form.addRow(self.tr("Naam van de &laptop"), self.laptop)
        self.setMinimumSize(520, 480)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def validate(self) -> None:
        if not self.chosen():
            raise InputError(self.tr("Kies ten minste één patiënt."))


class ImportSummaryDialog(QDialog):
    """What reading the file would change, with a choice per conflict; nothing is written before
    'Inlezen'."""

    def __init__(self, plan, parent=None):
        from pgdesk.domain.transfer import LATER_WINS

        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Overdrachtsbestand inlezen"))
        self.summary = Label()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts = QTableWidget(len(plan.conflicts), 3)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Tegelijk gewijzigd"), self.tr("Wat verschilt"), self.tr("Keuze")])
        self.conflicts.verticalHeader().hide()
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setWordWrap(True)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.choice_boxes: list[QComboBox] = []
        for row, c in enumerate(plan.conflicts):
            self.conflicts.setItem(row, 0, QTableWidgetItem(f"{c.patient_name}\n{c.title}"))
            diffs = "\n".join(f"{d.label}: {c.local_side} «{_short(d.local)}» · "
                              f"{c.incoming_side} «{_short(d.incoming)}»" for d in c.differences)
            self.conflicts.setItem(row, 1, QTableWidgetItem(diffs))
            box = QComboBox()
            for choice in c.choices:
                box.addItem(c.choice_label(choice), choice)
            box.setCurrentIndex(max(0, box.findData(c.resolution)))
            box.currentIndexChanged.connect(lambda _i, c=c, box=box: self._choose(c, box))
            self.conflicts.setCellWidget(row, 2, box)
            self.choice_boxes.append(box)
        self.conflicts.resizeRowsToContents()
        self.conflicts.setVisible(bool(plan.conflicts))
        later = QPushButton(self.tr("&Laatste wijziging wint (alle)"))
        later.setToolTip(self.tr("Per conflict de versie die het laatst is gewijzigd; bij gelijke "
                                 "tijd blijven beide bewaard."))
        later.clicked.connect(lambda: self._all(LATER_WINS))
        later.setVisible(bool(plan.conflicts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Inlezen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(later)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(row)
        self._refresh()
        self.resize(900, 560 if plan.conflicts else 320)

    def _choose(self, conflict, box: QComboBox) -> None:
        self.plan.resolve(conflict, box.currentData())
        self._refresh()

    def _all(self, rule: str) -> None:
        self.plan.resolve_all(rule)
        for c, box in zip(self.plan.conflicts, self.choice_boxes, strict=True):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(c.resolution)))
            box.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        self.summary.setText("\n".join(self.plan.summary_lines()))


def _short(value, limit: int = 60) -> str:
    text = " ".join(str(value if value is not None else "–").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, title, suggested,
        translate("Transfer", "pgdesk-overdracht (*%1)").replace("%1", SUFFIX))
    if not path:
        return None
    return Path(path if path.endswith(SUFFIX) else path + SUFFIX)


def _write_transfer(parent: QWidget, export, intro: str, title: str, suggested: str,
                    passphrase: str | None, path: Path | None) -> bool:
    """Ask a new passphrase and where to save, write the file with `export(passphrase, path)`."""
    if passphrase is None:
        pw = TransferPassphraseDialog(parent, new=True, intro=intro)
        if pw.exec() != QDialog.DialogCode.Accepted:
            return False
        passphrase = pw.passphrase.text()
    path = path or _save_path(parent, title, suggested + SUFFIX)
    if path is None:
        return False
    try:
        summary = busy(export, check_passphrase(passphrase), path)
    except PgdeskError as exc:
        plain.warning(parent, "pgdesk", str(exc))
        return False
    plain.information(parent, "pgdesk", "\n".join(summary.lines))
    return True


def take_along(parent: QWidget, store: Store, preselect: list[str] = (), *,
               path: Path | None = None, passphrase: str | None = None) -> bool:
    from pgdesk.storage.transfer import export_take_along

    dialog = TakeAlongDialog(store, parent, list(preselect))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    ids, laptop = dialog.chosen(), dialog.laptop.text()
    return _write_transfer(
        parent, lambda pw, out: export_take_along(store, ids, pw, out, laptop=laptop),
        translate("Transfer", "Kies een wachtwoordzin alleen voor dit bestand. U heeft hem op de "
                              "laptop nodig; stuur hem nooit mee met het bestand."),
        translate("Transfer", "Overdrachtsbestand opslaan"), "huisbezoek", passphrase, path)


def read_transfer(parent: QWidget, store: Store, *, path: Path | None = None,
                  passphrase: str | None = None, dialog_hook=None) -> bool:
    """Preview, let the user choose per conflict, then apply all or nothing."""
    from pgdesk.storage.transfer import TransferChanged, apply_transfer, preview_transfer

    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("Transfer", "Overdrachtsbestand inlezen"), "",
            translate("Transfer", "pgdesk-overdracht (*%1);;Alle bestanden (*)").replace("%1", SUFFIX))
        if not chosen:
            return False
        path = Path(chosen)
    while True:
        if passphrase is None:
            pw = TransferPassphraseDialog(parent, new=False)
            if pw.exec() != QDialog.DialogCode.Accepted:
                return False
            passphrase = pw.passphrase.text()
        try:
            plan = busy(preview_transfer, store, path, passphrase)
        except PgdeskError as exc:
            plain.warning(parent, "pgdesk", str(exc))
            return False
        summary = ImportSummaryDialog(plan, parent)
        if dialog_hook is not None:
            dialog_hook(summary)
        accepted = summary.exec() == QDialog.DialogCode.Accepted
        summary.deleteLater()  # left as the window's child, a test process aborted at exit
        if not accepted:
            return False
        try:
            result = busy(apply_transfer, store, plan)
        except TransferChanged:
            continue  # something changed meanwhile: show a fresh summary
        except PgdeskError as exc:
            plain.warning(parent, "pgdesk", str(exc))
            return False
        plain.information(parent, "pgdesk", "\n".join(result.lines))
        return True


def bring_back(parent: QWidget, store: Store, *, path: Path | None = None,
               passphrase: str | None = None) -> bool:
    """With patients of more than one practice here, first ask for which practice."""
    from pgdesk.storage.transfer import export_bring_back, practices_here

    origin = None
    practices = practices_here(store)
    if len(practices) > 1:
        labels = [p.label() for p in practices]
        chosen, ok = plain.get_item(
            parent, "pgdesk", translate("Transfer", "Op deze computer staan patiënten uit meer dan "
                                                    "één praktijk. Voor welke praktijk is het "
                                                    "terugbrengbestand?"), labels)
        if not ok:
            return False
        origin = practices[labels.index(chosen)].origin_db_id
    return _write_transfer(
        parent, lambda pw, out: export_bring_back(store, pw, out, origin_db_id=origin),
        translate("Transfer", "Kies een wachtwoordzin voor het bestand met de wijzigingen van deze "
                              "laptop; de praktijk heeft hem nodig bij het inlezen."),
        translate("Transfer", "Wijzigingen opslaan voor de praktijk"), "terug-naar-praktijk",
        passphrase, path)


def clear_brought_along(parent: QWidget, store: Store) -> bool:
    """Erase the brought-along patients from this laptop; unsent changes need a second yes."""
    from pgdesk.storage.transfer import UnsentChanges, brought_along, remove_brought_along

    patients = brought_along(store)
    if not patients:
        plain.information(parent, "pgdesk", translate(
            "Transfer", "Er staan geen meegenomen patiënten op deze computer."))
        return False
    names = "\n".join(f"• {p.display_name}" for p in patients)
    answer = plain.question(parent, "pgdesk", translate(
        "Transfer", "Deze meegenomen patiënten volledig van deze computer verwijderen?\n\n%1")
        .replace("%1", names))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        try:
            summary = remove_brought_along(store)
        except UnsentChanges as exc:
            answer = plain.warning(
                parent, "pgdesk", str(exc) + "\n\n" + translate(
                    "Transfer", "Toch verwijderen? Wat niet is teruggebracht, gaat dan verloren."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            summary = remove_brought_along(store, force=True)
    except PgdeskError as exc:  # a full disk, also on the second try
        plain.warning(parent, "pgdesk", str(exc))
        return False
    plain.information(parent, "pgdesk", "\n".join(summary.lines))
    return True
