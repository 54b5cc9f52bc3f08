"""Table model over a list of Patient records (testable without a window)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from pgdesk.domain.models import Patient
from pgdesk.domain.validation import display_birth_date


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

    def set_patients(self, patients: list[Patient], away: dict[str, str] | None = None) -> None:
        """`away`: per patient id on a laptop now, what every room shows (labels.away_label)."""
        self.beginResetModel()
        self._patients = list(patients)
        self._away = dict(away or {})
        self.endResetModel()

    def patient(self, row: int) -> Patient | None:
        return self._patients[row] if 0 <= row < len(self._patients) else None

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._patients)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        p = self._patients[index.row()]
        away = self._away.get(p.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return away
        name = f"{p.display_name} · {away}" if away else p.display_name
        return (name, display_birth_date(p.birth_date), p.practice_number)[index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PatientTableModel", self.HEADERS[section])
        return None
