"""Start page: find a patient by typing a name or number, or add one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.models import Patient
from pgdesk.ui.due_panel import DuePanel
from pgdesk.ui.labels import away_label
from pgdesk.ui.patient_model import PatientTableModel
from pgdesk.ui.plain import Label


class PatientListPage(QWidget):
    patientChosen = Signal(str)
    addRequested = Signal()

    def __init__(self, store, parent=None, *, due_source=None):
        super().__init__(parent)
        self.store = store
        # (more=False) -> (the DueItems to show, how many in all); None hides the panel
        self.due_source = due_source
        self._marks: dict[str, str] | None = None  # "meegenomen op laptop …" per patient id
        self._marks_of = None  # the store they were read from
        # Each widget made with its parent: given one later, it would be styled twice.
        title = Label(self.tr("Patiënten"), self)
        title.setObjectName("pageTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Zoek op naam of nummer…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Zoek patiënt"))
        self.model = PatientTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Patiëntenlijst"))
        self.table.setAccessibleDescription(self.tr("Enter opent de gekozen patiënt"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(self._open_index)
        self.add_button = QPushButton(self.tr("Nieuwe patiënt"), self)
        self.add_button.setToolTip("Ctrl+Shift+N")
        self.add_button.clicked.connect(self.addRequested)
        self.empty = Label(parent=self)
        self.empty.setObjectName("hint")

        self.due = DuePanel(self)
        self.due.patientChosen.connect(self.patientChosen)
        self.due.moreRequested.connect(lambda: self.refresh_due(more=True))
        self.due.setVisible(due_source is not None)
        self.due.setMaximumWidth(380)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addWidget(self.due)

        # Debounce keystrokes lightly; the search itself is an FTS prefix query.
        self._timer = QTimer(self, singleShot=True, interval=60)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._open_current_or_first)
        self.search.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        self.refresh()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        # Down arrow from the search box walks into the result list.
        if obj is self.search and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(max(0, self.table.currentIndex().row()))
                return True
        return super().eventFilter(obj, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh_due(self, *, more: bool = False) -> None:
        if self.due_source is not None:
            items, total = self.due_source(more=more)
            self.due.set_items(items, total=total, away=self._away())

    def _away(self) -> dict[str, str]:
        """Every patient on a laptop now, as every room shows them: read once and held until a
        take-along or a bring-back changes them (away_changed), never on a keystroke."""
        if self._marks is None or self._marks_of is not self.store:
            from pgdesk.storage.transfer import all_taken_along

            self._marks = {pid: away_label(t) for pid, t in all_taken_along(self.store).items()}
            self._marks_of = self.store
        return self._marks

    def away_changed(self) -> None:
        """A take-along or a bring-back, here or in another room: the marks are read again, at
        once for the list on screen (the same patients, the selection kept; the search is not
        run again), else when the list is shown next."""
        before, self._marks = self._marks, None
        if not self.isVisible() or self._away() == before:
            return  # (on the file, any change in another room comes here: most change no mark)
        row = self.table.currentIndex().row()
        patients = [self.model.patient(i) for i in range(self.model.rowCount())]
        self.model.set_patients(patients, self._away())
        if 0 <= row < len(patients):
            self.table.selectRow(row)
        if self.due_source is not None:  # the due list shown, its marks anew (not read again)
            self.due.set_items(self.due.items, total=self.due.total, away=self._away())

    def refresh(self) -> None:
        self._timer.stop()
        patients = self.store.search_patients(self.search.text())
        self.model.set_patients(patients, self._away())
        if patients:
            self.table.selectRow(0)
        if not patients and self.search.text().strip():
            self.empty.setText(self.tr("Niemand gevonden. Met Ctrl+Shift+N voegt u een patiënt toe."))
        elif not patients:
            self.empty.setText(self.tr("Nog geen patiënten. Voeg de eerste toe met Nieuwe patiënt."))
        else:
            self.empty.setText("")

    def current_patient(self) -> Patient | None:
        return self.model.patient(self.table.currentIndex().row())

    def _open_index(self, index) -> None:
        p = self.model.patient(index.row())
        if p:
            self.patientChosen.emit(p.id)

    def _open_current_or_first(self) -> None:
        if self._timer.isActive():
            self.refresh()
        p = self.current_patient() or self.model.patient(0)
        if p:
            self.patientChosen.emit(p.id)
