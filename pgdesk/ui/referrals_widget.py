"""'Verwijzen naar' in the plan step: the sociale kaart with the services for the focus first, the
referrals of this conversation, and above them the earlier ones still to follow up.

Every change is stored at once (referrals are patient data: each change is logged). The widget
sits below the plan fields and comes after them in the Tab order; Enter in the search field or
the list adds the chosen service, and never moves the focus on as Enter does in the plan fields.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.social_map import MAX_NOTE, REFERRAL_STATUSES, Referral, Service
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage import social_map
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import plain
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label

ROLE = Qt.ItemDataRole.UserRole  # the service id, OTHER, or None for a group heading
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # what the search matches
OTHER = "__other__"
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def status_label(code: str) -> str:
    return QCoreApplication.translate("Referrals", REFERRAL_STATUSES.get(code, code))


def fold(text: str) -> str:
    """Lower case without accents, for matching what is typed."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def status_box(current: str, parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    for code in REFERRAL_STATUSES:
        box.addItem(status_label(code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ReferralsWidget(QWidget):
    """The referral part of the plan step. `refresh()` reads everything from the store again."""

    added = Signal(object)  # the Referral just made

    def __init__(self, session: ConsultationSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.tab_after: QWidget | None = None  # the widget before this one in the Tab order
        self._services: dict[str, Service] = {}
        self._mine: dict[str, Referral] = {}
        self._earlier: dict[str, Referral] = {}
        self._notes: dict[str, QLineEdit] = {}
        self._chain: list[QWidget] = []

        # the referrals: earlier ones still to follow up, then this conversation's (one grid,
        # so the status boxes line up)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        rows = QWidget()
        rows.setLayout(self.grid)
        self.rows = rows

        # new ones: search the map, add
        title = Label(self.tr("&Verwijzen naar"))
        title.setObjectName("sectionTitle")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("zoek in de sociale kaart: naam, organisatie, aanbod"))
        self.filter.setClearButtonEnabled(True)
        title.setBuddy(self.filter)
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.add_button.setToolTip(self.tr("Het gekozen aanbod toevoegen (Enter)"))
        self.other_button = QPushButton(self.tr("Iets &anders…"))
        self.other_button.setToolTip(self.tr("Een verwijzing naar iemand die niet in de sociale "
                                             "kaart staat"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Sociale kaart"))
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 6)

        search = QHBoxLayout()
        search.addWidget(title)
        search.addWidget(self.filter, 1)
        search.addWidget(self.add_button)
        search.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.rows)
        layout.addLayout(search)
        layout.addWidget(self.list, 1)

        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        self.other_button.clicked.connect(lambda: self.add_other())
        self.rows.hide()

    # -- reading ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.session.store

    def focus_dimensions(self) -> list[str]:
        chosen = {d for d, _ in self.session.c.focus}
        return [d for d in self.session.instrument.dimension_ids if d in chosen]

    def refresh(self) -> None:
        """Services (the focus may have changed) and referrals as stored."""
        cid = self.session.id
        self._earlier = {r.id: r for r in guarded(self, social_map.follow_ups, self.store, cid) or []}
        self._mine = {r.id: r for r in
                      guarded(self, social_map.referrals_for_consultation, self.store, cid) or []}
        self._fill_services()
        self._build_rows()

    def referrals(self) -> list[Referral]:
        """This conversation's referrals, in the order they were made."""
        return list(self._mine.values())

    def earlier(self) -> list[Referral]:
        return list(self._earlier.values())

    def _dimension_names(self, ids) -> str:
        names = {d.id: d.name for d in self.session.instrument.dimensions}
        return ", ".join(names[d] for d in ids if d in names)

    def _fill_services(self) -> None:
        focus = self.focus_dimensions()
        found = guarded(self, social_map.services_for, self.store, focus) or []
        self._services = {s.id: s for s in found}
        taken = {r.service_id for r in self._mine.values()}
        matching = [s for s in found if focus and s.helps_with(focus)]
        rest = [s for s in found if not (focus and s.helps_with(focus))]
        self.list.clear()
        if not found:
            self._heading(self.tr("De sociale kaart is nog leeg (Praktijk → Sociale kaart…)."))
        if matching:
            self._heading(self.tr("Past bij wat de patiënt koos (%1)").replace(
                "%1", self._dimension_names(focus)))
            for s in matching:
                self._service_item(s, s.id in taken)
        if rest:
            if matching:
                self._heading(self.tr("Ander aanbod"))
            for s in rest:
                self._service_item(s, s.id in taken)
        self._other = QListWidgetItem()
        self._other.setData(ROLE, OTHER)
        italic = QFont(self._other.font())
        italic.setItalic(True)
        self._other.setFont(italic)
        self.list.addItem(self._other)
        self._apply_filter()

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor("#425466")))
        item.setData(ROLE, None)
        self.list.addItem(item)

    def _service_item(self, s: Service, taken: bool) -> None:
        text = s.title
        dims = self._dimension_names(s.dimensions)
        if dims:
            text += f"  ·  {dims}"
        if taken:
            text += "  " + self.tr("(al toegevoegd)")
        item = QListWidgetItem("    " + text)
        item.setData(ROLE, s.id)
        item.setData(KEY_ROLE, fold(" ".join((s.name, s.organisation, s.offer, dims))))
        tip = "\n".join(x for x in (s.offer, *s.contact_lines()) if x)
        item.setToolTip(plain.tip(tip))
        if taken:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    # -- the search ------------------------------------------------------------------------
    def _apply_filter(self, _text: str = "") -> None:
        typed = self.filter.text().strip()
        words = fold(typed).split()
        heading: QListWidgetItem | None = None
        heading_used = False
        first: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            data = item.data(ROLE)
            if data is None:
                if heading is not None:
                    heading.setHidden(not heading_used and bool(words))
                heading, heading_used = item, False
                continue
            if data == OTHER:
                item.setText(self.tr("Iets anders: “%1” (niet uit de sociale kaart)").replace("%1", typed))
                item.setHidden(not typed)
                if first is None and typed:
                    first = item
                continue
            key = item.data(KEY_ROLE) or ""
            show = all(w in key for w in words)
            item.setHidden(not show)
            if show:
                heading_used = True
                if first is None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                    first = item
        if heading is not None:
            heading.setHidden(not heading_used and bool(words))
        if first is not None:
            self.list.setCurrentItem(first)
            self.list.scrollToItem(first)
        else:
            self.list.setCurrentRow(-1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and \
                event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if key in ENTER:
                self.add_current()
                return True
            if watched is self.filter and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.list.setFocus()
                return True
            if watched is self.list and key == Qt.Key.Key_Up and self._at_top():
                self.filter.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _at_top(self) -> bool:
        current = self.list.currentRow()
        for row in range(current):
            item = self.list.item(row)
            if not item.isHidden() and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                return False
        return True

    # -- adding ----------------------------------------------------------------------------
    def add_current(self) -> Referral | None:
        """Add the service chosen in the list (or 'Iets anders' with what was typed)."""
        item = self.list.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        data = item.data(ROLE)
        if data == OTHER:
            return self.add_other(self.filter.text())
        return self.add_service(data) if data else None

    def add_service(self, service_id: str) -> Referral | None:
        r = guarded(self, social_map.add_referral, self.store, self.session.id, service_id)
        if r is not None:
            self._after_add(r)
        return r

    def add_other(self, name: str | None = None) -> Referral | None:
        """A referral to someone not on the map; asks for the name unless given."""
        name = (name or "").strip()
        if not name:
            name, ok = plain.get_text(
                self, self.tr("Iets anders"),
                self.tr("Naar wie of wat verwijst u? (niet uit de sociale kaart)"),
                QLineEdit.EchoMode.Normal, self.filter.text().strip())
            name = name.strip()
            if not ok or not name:
                return None
        r = guarded(self, social_map.add_referral, self.store, self.session.id, None, name=name)
        if r is not None:
            self._after_add(r)
        return r

    def _after_add(self, r: Referral) -> None:
        self._mine[r.id] = r
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self._fill_services()
        self._build_rows()
        self.filter.setFocus()
        self.added.emit(r)

    # -- the rows --------------------------------------------------------------------------
    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _section_title(self, text: str, row: int) -> None:
        label = Label(text)
        label.setObjectName("sectionTitle")
        self.grid.addWidget(label, row, 0, 1, 4)

    def _build_rows(self) -> None:
        """'Nog open van eerder' (status only; the note as it was written), then 'In dit gesprek'
        (status, note, delete)."""
        self._clear(self.grid)
        self._notes = {}
        row = 0
        if self._earlier:
            self._section_title(self.tr("Nog open van eerder"), row)
            row += 1
        for r in self._earlier.values():
            text = r.title
            if r.consultation_date:
                text += "  ·  " + self.tr("van %1").replace("%1", display_birth_date(r.consultation_date))
            label = Label(text)
            label.setWordWrap(True)
            box = self._status_box(r, True)
            note = Label(r.note)
            note.setObjectName("hint")
            note.setWordWrap(True)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(box, row, 1)
            self.grid.addWidget(note, row, 2, 1, 2)
            row += 1
        if self._mine:
            self._section_title(self.tr("In dit gesprek"), row)
            row += 1
        for r in self._mine.values():
            label = Label(r.title + ("" if not r.free_text else "  " + self.tr("(niet uit de kaart)")))
            label.setWordWrap(True)
            contact = r.contact_lines()
            if contact:
                label.setToolTip(plain.tip("\n".join(contact)))
            box = self._status_box(r, False)
            note = QLineEdit(r.note)
            note.setMaxLength(MAX_NOTE)
            note.setPlaceholderText(self.tr("notitie"))
            note.setAccessibleName(self.tr("Notitie bij %1").replace("%1", r.title))
            note.editingFinished.connect(lambda rid=r.id: self._save_note(rid))
            self._notes[r.id] = note
            remove = QPushButton(self.tr("Verwijderen"))
            remove.setToolTip(self.tr("Deze verwijzing verwijderen"))
            remove.clicked.connect(lambda _checked=False, rid=r.id: self.remove(rid))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(box, row, 1)
            self.grid.addWidget(note, row, 2)
            self.grid.addWidget(remove, row, 3)
            row += 1
        self.rows.setVisible(row > 0)
        self._fix_tab_order()

    def _status_box(self, r: Referral, follow_up: bool) -> QComboBox:
        box = status_box(r.status)
        box.setProperty("referral", r.id)
        box.setAccessibleName(self.tr("Stand van %1").replace("%1", r.title))
        box.currentIndexChanged.connect(
            lambda _i, rid=r.id, b=box: self._status_chosen(rid, b, follow_up))
        return box

    def _fix_tab_order(self) -> None:
        """The referrals row by row, then the search, its buttons and the list: all after
        `tab_after` (the last plan field)."""
        chain: list[QWidget] = []
        for i in range(self.grid.count()):
            widget = self.grid.itemAt(i).widget()
            if isinstance(widget, (QComboBox, QLineEdit, QPushButton)):
                chain.append(widget)
        chain += [self.filter, self.add_button, self.other_button, self.list]
        prev = self.tab_after
        for widget in chain:
            if prev is not None:
                QWidget.setTabOrder(prev, widget)
            prev = widget
        self._chain = chain

    # -- changes ---------------------------------------------------------------------------
    def _status_chosen(self, referral_id: str, box: QComboBox, follow_up: bool) -> None:
        known = (self._earlier if follow_up else self._mine)[referral_id]
        status = box.currentData()
        if status == known.status:
            return
        extra = {"consultation_id": self.session.id} if follow_up else {}
        r = guarded(self, social_map.set_referral_status, self.store, referral_id, status, **extra)
        if r is None:  # not stored: show what is
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(known.status)))
            box.blockSignals(False)
            return
        (self._earlier if follow_up else self._mine)[referral_id] = r

    def _save_note(self, referral_id: str) -> bool:
        edit = self._notes.get(referral_id)
        known = self._mine.get(referral_id)
        if edit is None or known is None or edit.text().strip() == known.note:
            return True
        r = guarded(self, social_map.set_referral_status, self.store, referral_id, known.status,
                    edit.text())
        if r is None:
            return False
        self._mine[referral_id] = r
        return True

    def flush(self) -> bool:
        """Store a note still being typed."""
        ok = True
        for rid in list(self._notes):
            ok &= self._save_note(rid)
        return ok

    def remove(self, referral_id: str, *, ask: bool = True) -> bool:
        r = self._mine.get(referral_id)
        if r is None:
            return False
        if ask and plain.question(
                self, "pgdesk", self.tr("De verwijzing naar %1 verwijderen?").replace("%1", r.title)
        ) != QMessageBox.StandardButton.Yes:
            return False
        if not attempt(self, social_map.delete_referral, self.store, referral_id):
            return False
        del self._mine[referral_id]
        self._fill_services()
        self._build_rows()
        self.filter.setFocus()
        return True
