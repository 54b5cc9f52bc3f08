"""Table model over a list of Patient records (testable without a window)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from pgdesk.domain.models import Patient
from pgdesk.domain.validation import display_birth_date

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value


class PatientTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("PatientTableModel", "Naam"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Geboren"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Nummer"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._patients: list[Patient] = []
        self._away: dict[str, str] = {}
        self._cells: dict[int, tuple] = {}  # per row painted: its texts, made once

    def set_patients(self, patients: list[Patient], away: dict[str, str] | None = None) -> None:
        """`away`: per patient id on a laptop now, what every room shows (labels.away_label);
        held, not copied (the page replaces it whole when the marks change)."""
        self.beginResetModel()
        self._patients = list(patients)
        self._away = away or {}
        self._cells = {}
        self.endResetModel()

    def patient(self, row: int) -> Patient | None:
        return self._patients[row] if 0 <= row < len(self._patients) else None

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._patients)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index, role=_DISPLAY):
        # A paint asks each visible cell for seven roles (as plain ints), on every keystroke:
        # the roles this model has none of are turned away first, and a row's texts are made
        # once, when it is first painted (not for all rows found).
        if (role != _DISPLAY and role != _TOOLTIP) or not index.isValid():
            return None
        row = index.row()
        cells = self._cells.get(row)
        if cells is None:
            p = self._patients[row]
            away = self._away.get(p.id)
            name = f"{p.display_name} · {away}" if away else p.display_name
            cells = self._cells[row] = (name, display_birth_date(p.birth_date), p.practice_number, away)
        return cells[3] if role == _TOOLTIP else cells[index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PatientTableModel", self.HEADERS[section])
        return None
