"""The lines of a HIS patient list as a Qt table model: what pgdesk would do with each (new,
already there, conflict, cannot be read) and why; tested without a window."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pgdesk.domain import patient_import as pi
from pgdesk.domain.validation import display_birth_date

translate = QCoreApplication.translate

COLUMNS = (QT_TRANSLATE_NOOP("PatientImport", "Regel"), QT_TRANSLATE_NOOP("PatientImport", "Wat"),
           QT_TRANSLATE_NOOP("PatientImport", "HIS-nummer"), QT_TRANSLATE_NOOP("PatientImport", "Naam"),
           QT_TRANSLATE_NOOP("PatientImport", "Geboortedatum"),
           QT_TRANSLATE_NOOP("PatientImport", "Toelichting"))
# Problems first: they are what the user has to act on.
_ORDER = {status: i for i, status in enumerate(pi.STATUSES)}
_COLOURS = {"rejected": "#fde7ea", "conflict": "#fff3d6", "new": "#e6f4ea", "known": "#ffffff"}


def reason_text(reason: pi.Reason | None) -> str:
    """The reason in the screen's language, its places filled in after translating."""
    return pi.fill(translate(pi.CONTEXT, reason.text), reason.args) if reason else ""


class ImportRowsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[pi.Row] = []

    def set_rows(self, rows: list[pi.Row]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (_ORDER[r.status], r.line))
        self.endResetModel()

    def row(self, index: int) -> pi.Row:
        return self._rows[index]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("PatientImport", COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (str(r.line), translate("PatientImport", pi.STATUS_LABELS[r.status]),
                      r.number, r.name, display_birth_date(r.birth_date), reason_text(r.reason))
            text = values[index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                from pgdesk.ui.plain import tip

                return tip(text)
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS[r.status]))
        if role == Qt.ItemDataRole.ForegroundRole:  # dark on the light tint, also on a dark desktop
            return QBrush(QColor("#1d2b3a"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
