"""One patient: their details and conversations, the way into a new or unfinished one, and the
webs of their latest trajectory (built only once a patient with webs is shown: it needs pyqtgraph)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage import claims
from pgdesk.storage.trajectories import defaults, trajectories_for
from pgdesk.ui import plain, web_history
from pgdesk.ui.labels import away_label, role_label, step_label, type_label
from pgdesk.ui.plain import Label


class PatientPage(QWidget):
    newConsultation = Signal()
    planRequested = Signal(str, str, str)  # trajectory id, "tussen"/"eind", planned ISO date
    openConsultation = Signal(str)
    editPatient = Signal()
    patientModeRequested = Signal()  # noqa: N815 (Qt naming)
    back = Signal()

    def __init__(self, store, instrument: Instrument, parent=None):
        super().__init__(parent)
        self.store = store
        self.instrument = instrument
        self.trajectory_panel: web_history.TrajectoryPanel | None = None
        self._panel_area: QScrollArea | None = None
        self.patient_id: str | None = None
        self.title = Label()
        self.title.setObjectName("pageTitle")
        self.details = Label()
        self.next_label = Label()
        self.plan_button = QPushButton(self.tr("&Plannen…"))
        self.plan_button.setToolTip(self.tr("De datum van het volgende gesprek in dit traject wijzigen"))
        self.plan_button.clicked.connect(self._plan)
        self._next: tuple[str, str, str] | None = None
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Gesprekken"))
        self.table.setAccessibleDescription(self.tr("Enter opent het gekozen gesprek"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Met"), self.tr("Stand")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda item: self._open_row(item.row()))
        self.empty = Label(self.tr("Nog geen gesprekken. Begin met Nieuw gesprek (Ctrl+N)."))
        self.empty.setObjectName("hint")

        self.new_button = QPushButton(self.tr("&Nieuw gesprek"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.newConsultation)
        self.open_button = QPushButton(self.tr("&Openen"))
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentRow()))
        self.fill_in = fill_in = QPushButton(self.tr("&Laat de patiënt invullen…"))
        fill_in.setToolTip(self.tr("Het spinnenweb door de patiënt zelf laten invullen (Ctrl+Shift+P)"))
        fill_in.clicked.connect(self.patientModeRequested)
        edit = QPushButton(self.tr("&Gegevens wijzigen"))
        edit.clicked.connect(self.editPatient)
        back = QPushButton(self.tr("← Patiënten"))
        back.setToolTip("Esc")
        back.clicked.connect(self.back)

        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(fill_in)
        buttons.addWidget(edit)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label)
        next_row.addWidget(self.plan_button)
        next_row.addStretch(1)
        from pgdesk.ui.variant_choice import VariantBox

        self.variant_box = VariantBox(store)
        variant_label = Label(self.tr("&Variant:"))
        variant_label.setBuddy(self.variant_box)
        next_row.addWidget(variant_label)
        next_row.addWidget(self.variant_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(next_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._panel_index = layout.count()
        layout.addLayout(buttons)
        self._layout = layout
        self._ids: list[str] = []
        self._dates: list[str] = []

    def show_patient(self, patient_id: str) -> None:
        self.patient_id = patient_id
        p = self.store.patient(patient_id)
        self.title.setText(p.display_name)
        self.variant_box.show_patient(patient_id)
        bits = []
        if p.birth_date:
            bits.append(self.tr("geboren %1").replace("%1", display_birth_date(p.birth_date)))
        if p.practice_number:
            bits.append(self.tr("nummer %1").replace("%1", p.practice_number))
        from pgdesk.storage.transfer import conflict_copies, is_brought_along, taken_along

        if is_brought_along(self.store, patient_id):
            bits.append(self.tr("meegenomen voor huisbezoek"))
        away = taken_along(self.store, [patient_id]).get(patient_id)
        if away is not None:  # at the practice: on a laptop now (every room shows it)
            bits.append(away_label(away))
        self.details.setText(" · ".join(bits))
        copies = conflict_copies(self.store, patient_id)
        elsewhere = claims.open_elsewhere(self.store, patient_id)
        rows = self.store.consultations_for(patient_id)
        self._ids = [r["id"] for r in rows]
        self._dates = [r["date"] for r in rows]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            who = r["professional"] or ""
            if r["role"]:
                who += f" ({role_label(r['role'])})"
            state = (self.tr("afgerond") if r["completed_at"]
                     else self.tr("bezig: %1").replace("%1", step_label(r["step"])))
            if r["id"] in elsewhere:  # being edited in another room now (ui/rooms.py)
                state += " · " + self.tr("open bij %1 (%2)").replace(
                    "%1", elsewhere[r["id"]].who).replace("%2", elsewhere[r["id"]].room)
            kind = type_label(r["type"])
            if r["id"] in copies:  # both versions kept after a home visit
                kind += " " + self.tr("(tweede versie, van de laptop)")
            for col, text in enumerate((display_birth_date(r["date"]), kind, who, state)):
                item = QTableWidgetItem(text)
                if col == 3 and not r["completed_at"]:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not rows)
        self.open_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        trajectories = trajectories_for(self.store, patient_id, self.instrument) if rows else []
        self._show_next(trajectories)
        self._show_trajectories(trajectories)
        # Enter opens the selected conversation (an interrupted one goes on, no second one
        # on the same day); without conversations Enter starts the first.
        self.open_button.setDefault(bool(rows))
        self.new_button.setDefault(not rows)
        self.focus_start()

    def focus_start(self) -> None:
        (self.table if self._ids else self.new_button).setFocus()

    def _show_next(self, trajectories) -> None:
        """The running trajectory's next planned conversation, with a way to move it."""
        running = next((t for t in reversed(trajectories) if t.open), None)
        nxt = running.next_due() if running else None
        self._next = (running.id, nxt[0], nxt[1]) if nxt else None
        if nxt:
            self.next_label.setText(self.tr("Volgend gesprek: %1, gepland op %2").replace(
                "%1", type_label(nxt[0]).lower()).replace("%2", display_birth_date(nxt[1])))
        # a tussen held late leaves the eind too close (or in the past): offer a new date
        proposal = running.eind_proposal(defaults(self.store)) if nxt else None
        if proposal:
            self._next = (running.id, "eind", proposal)
            self.next_label.setText(self.next_label.text() + " " + self.tr(
                "(het tussengesprek was later dan gepland; voorstel: %1)").replace(
                "%1", display_birth_date(proposal)))
        self.plan_button.setText(self.tr("Opnieuw &plannen…") if proposal else self.tr("&Plannen…"))
        self.next_label.setVisible(nxt is not None)
        self.plan_button.setVisible(nxt is not None)

    def _plan(self) -> None:
        if self._next:
            self.planRequested.emit(*self._next)

    def confirm_new(self) -> bool:
        """A second conversation on one day is mostly Enter or Ctrl+N pressed by mistake: ask."""
        if dt.date.today().isoformat() not in self._dates:
            return True
        answer = plain.question(
            self, "pgdesk",
            self.tr("Er is vandaag al een gesprek met deze patiënt. Open dat gesprek om verder "
                    "te gaan.\n\nToch een tweede gesprek van vandaag beginnen?"),
            plain.Button.Yes | plain.Button.No,
            plain.Button.No)
        return answer == plain.Button.Yes

    def select_consultation(self, consultation_id: str | None) -> None:
        """Select that conversation again (after the page was read again), if it is there."""
        if consultation_id in self._ids:
            self.table.selectRow(self._ids.index(consultation_id))

    def selected_consultation_id(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _show_trajectories(self, trajectories) -> None:
        """The latest trajectory's webs and change table; nothing (and no chart) without webs."""
        has_webs = any(web_history.is_complete(w) for t in trajectories for w in t.webs)
        if has_webs and self.trajectory_panel is None:
            self.trajectory_panel = web_history.TrajectoryPanel(self.instrument)
            # Scrolls rather than pushing the buttons off a small or scaled screen (1.5x on 768).
            self._panel_area = QScrollArea()
            self._panel_area.setWidgetResizable(True)
            self._panel_area.setFrameShape(QFrame.Shape.NoFrame)
            self._panel_area.setWidget(self.trajectory_panel)
            self._layout.insertWidget(self._panel_index, self._panel_area, 3)
            # The conversations stay in sight: the header and four rows at least.
            self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                        + 4 * self.table.verticalHeader().defaultSectionSize() + 4)
        if self.trajectory_panel is not None:
            self._panel_area.setVisible(has_webs)
            if has_webs:
                self.trajectory_panel.set_trajectories(trajectories)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.openConsultation.emit(self._ids[row])
