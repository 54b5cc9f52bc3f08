"""Bestand → Patiënten uit het HIS inlezen: a CSV patient list, its preview (which column is
what, every line's fate and reason) and, only on "Toevoegen", the new patients all at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain import patient_import as pi
from pgdesk.storage.patient_csv import PatientPreview, classify, import_patients, preview_patients
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.feedback import guarded
from pgdesk.ui.patient_import_model import COLUMNS, ImportRowsModel
from pgdesk.ui.plain import Label, as_problem
from pgdesk.ui.style import restyle

translate = QCoreApplication.translate
WRAPPED_ROWS = 300  # rows sized to their text cost time per row: a whole practice's list is not
CSV_FILTER = QT_TRANSLATE_NOOP("PatientImport", "CSV-bestanden (*.csv *.txt);;Alle bestanden (*)")


class PatientImportDialog(QDialog):
    """The preview. Changing a column choice judges every line again; nothing is written until
    `add_button` is pressed, and then only if no line is unreadable."""

    def __init__(self, store: Store, preview: PatientPreview, file_name: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.preview = preview
        self.imported: PatientPreview | None = None
        self.setWindowTitle(self.tr("Patiënten uit het HIS inlezen"))
        title = Label(self.tr("Wat staat er in %1?").replace("%1", file_name))
        title.setObjectName("stepTitle")
        table = preview.table
        sep = {";": self.tr("puntkomma"), ",": self.tr("komma"), "\t": self.tr("tab"),
               "|": self.tr("verticale streep")}.get(table.delimiter, table.delimiter)
        self.format_line = Label(
            (self.tr("Gelezen als %1, gescheiden door %2, met een kopregel.") if table.header
             else self.tr("Gelezen als %1, gescheiden door %2, zonder kopregel."))
            .replace("%1", table.encoding.upper()).replace("%2", sep))
        self.format_line.setObjectName("quiet")

        columns = QGroupBox(self.tr("Welke kolom is wat?"))
        grid = QGridLayout(columns)
        names = table.column_names()
        self.choosers: dict[str, QComboBox] = {}
        for i, f in enumerate(pi.FIELDS):
            box = QComboBox()
            box.addItem(self.tr("(geen)"), -1)
            for c, name in enumerate(names):
                box.addItem(self.tr("Kolom %1").replace("%1", str(c + 1))
                            + (f": {name}" if name else ""), c)
            box.setCurrentIndex(box.findData(preview.mapping.get(f, -1)))
            box.currentIndexChanged.connect(self._mapping_changed)
            label = Label(translate(pi.CONTEXT, pi.FIELD_LABELS[f]))
            label.setBuddy(box)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(box, i // 2, (i % 2) * 2 + 1)
            self.choosers[f] = box
        hint = Label(self.tr("Een naam komt uit ‘Naam (helemaal)’, of anders uit voornaam, "
                             "tussenvoegsel en achternaam. Andere kolommen (adres, BSN…) worden "
                             "niet gelezen."))
        hint.setWordWrap(True)
        grid.addWidget(hint, 3, 0, 1, 4)

        self.summary = Label()
        self.summary.setWordWrap(True)
        self.model = ImportRowsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.format_line)
        layout.addWidget(columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(980, 640)
        self._show(preview)

    def mapping(self) -> dict[str, int]:
        return {f: box.currentData() for f, box in self.choosers.items() if box.currentData() >= 0}

    def _mapping_changed(self) -> None:
        judged = guarded(self, classify, self.store, self.preview.table, self.mapping())
        if judged is not None:
            self._show(judged)

    def _show(self, preview: PatientPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        if len(preview.rows) <= WRAPPED_ROWS:  # whole reasons; beyond that, in the tooltip
            self.view.resizeRowsToContents()
        n = {s: preview.count(s) for s in pi.STATUSES}
        parts = [self.tr("%1 nieuw").replace("%1", str(n["new"])),
                 (self.tr("1 staat er al") if n["known"] == 1 else
                  self.tr("%1 staan er al").replace("%1", str(n["known"]))),
                 (self.tr("1 conflict") if n["conflict"] == 1 else
                  self.tr("%1 conflicten").replace("%1", str(n["conflict"]))),
                 self.tr("%1 niet te lezen").replace("%1", str(n["rejected"]))]
        text = ", ".join(parts) + ". "
        if n["rejected"]:
            text += self.tr("Een bestand wordt helemaal of niet ingelezen: verbeter de regels "
                            "die niet te lezen zijn (of kies de kolommen anders) en lees het "
                            "opnieuw in. Er is niets veranderd.")
        elif n["new"]:
            text += self.tr("Wie er al staat, wordt niet veranderd; een conflict wordt niet "
                            "ingelezen: los dat zelf op in pgdesk of het HIS.")
        else:
            text += self.tr("Er is niets nieuws om toe te voegen.")
        self.summary.setText(as_problem(text) if n["rejected"] else text)
        restyle(self.summary, "error" if n["rejected"] else "")
        self.add_button.setText(self.tr("1 patiënt &toevoegen") if n["new"] == 1 else
                                self.tr("%1 patiënten &toevoegen").replace("%1", str(n["new"])))
        self.add_button.setEnabled(preview.can_import)
        (self.add_button if preview.can_import else self.cancel_button).setDefault(True)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if len(self.preview.rows) <= WRAPPED_ROWS:  # now that the columns have their width
            self.view.resizeRowsToContents()

    def _add(self) -> None:
        done = guarded(self, import_patients, self.store, self.preview)
        if done is not None:
            self.imported = done
            self.accept()


def import_patients_from_file(parent: QWidget, store: Store, path: str | None = None
                              ) -> PatientPreview | None:
    """Ask for the file, show the preview and import on confirmation; what was imported."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("PatientImport", "Patiënten uit het HIS inlezen"), "",
            translate("PatientImport", CSV_FILTER))
        if not path:
            return None
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        plain.warning(parent, "pgdesk", translate("PatientImport", "%1 kan niet worden gelezen: %2")
                      .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
        return None
    preview = guarded(parent, preview_patients, store, data)
    if preview is None:
        return None
    dialog = PatientImportDialog(store, preview, Path(path).name, parent)
    try:
        dialog.exec()
        done = dialog.imported
    finally:
        dialog.deleteLater()
    if done is not None:
        plain.information(parent, "pgdesk", (
            translate("PatientImport", "1 patiënt toegevoegd.") if done.applied == 1 else
            translate("PatientImport", "%1 patiënten toegevoegd.").replace("%1", str(done.applied))))
    return done


def import_from_menu(window) -> None:
    """The menu's action: after an import the patient list shows the new patients."""
    if import_patients_from_file(window, window.store) is not None:
        window.show_list()
