"""The patient list's table model on its own: no window, no view, only the model's answers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from pgdesk.domain.models import Patient
from pgdesk.ui.patient_model import PatientTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_rows_columns_and_cells_follow_the_patients(qapp):
    model = PatientTableModel()
    assert (model.rowCount(), model.columnCount()) == (0, 3)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_patients([Patient("p1", "Anna de Vries", "1951-04-03", "1001"),
                        Patient("p2", "Bert Bakker", "1960", "")])
    assert resets == [True]
    assert model.rowCount() == 2
    cells = [[model.data(model.index(r, c)) for c in range(3)] for r in range(2)]
    assert cells == [["Anna de Vries", "03-04-1951", "1001"], ["Bert Bakker", "1960", ""]]
    assert model.patient(1).id == "p2" and model.patient(2) is None and model.patient(-1) is None
    # a table has no children, and only the displayed text is given
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(QModelIndex()) is None


def test_headers_are_the_dutch_column_names(qapp):
    model = PatientTableModel()
    assert [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(3)] == \
        ["Naam", "Geboren", "Nummer"]
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None
