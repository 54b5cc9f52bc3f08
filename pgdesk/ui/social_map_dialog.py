"""Praktijk → Sociale kaart…: the practice's directory of local help, edited by keyboard.

A list to filter by typing and by dimension; a form for a new or changed service (errors shown
in the form, in Dutch); taking a service off the map (old referrals keep their copy); reading a
CSV file only after a preview of what it holds (all or nothing, or only the good lines on
request); and writing the map as CSV.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.social_map import MAX_LENGTHS, REFERRAL_ROUTES, Service, validate_service
from pgdesk.domain.validation import InputError
from pgdesk.storage import driver, social_map, social_map_csv
from pgdesk.storage.errors import explain_write_error
from pgdesk.storage.repository import Store
from pgdesk.ui import plain
from pgdesk.ui.dialogs import FormDialog, fit_wrapped_text
from pgdesk.ui.feedback import attempt, guarded
from pgdesk.ui.plain import Label
from pgdesk.ui.referrals_widget import fold
from pgdesk.ui.service_table_model import ServiceTableModel, matches, route_label
from pgdesk.ui.style import colours, restyle

translate = QCoreApplication.translate

CSV_FILTER = QT_TRANSLATE_NOOP("SocialMap", "CSV-bestanden (*.csv *.txt);;Alle bestanden (*)")
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


# --- one service -----------------------------------------------------------------------------


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab goes on to the next field, as in the rest of the form
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ServiceDialog(FormDialog):
    """A new service, or a change to one; `saved` holds it once stored."""

    def __init__(self, store: Store, instrument: Instrument, service: Service | None = None,
                 parent=None):
        super().__init__(self.tr("Hulpaanbod wijzigen") if service else self.tr("Nieuw hulpaanbod"),
                         parent)
        self.store, self.instrument = store, instrument
        self.original = service
        self.saved: Service | None = None
        s = service or Service()
        self.name = QLineEdit(s.name)
        self.name.setPlaceholderText(self.tr("bijvoorbeeld: Welzijnscoach"))
        self.organisation = QLineEdit(s.organisation)
        self.organisation.setPlaceholderText(self.tr("bijvoorbeeld: Stichting Welzijn"))
        self.offer = _text_box(3)
        self.offer.setPlainText(s.offer)
        self.offer.setPlaceholderText(self.tr("wat ze doen, in gewone woorden"))
        self.dimensions: dict[str, QCheckBox] = {}
        dims = QGridLayout()
        dims.setContentsMargins(0, 0, 0, 0)
        for i, d in enumerate(instrument.dimensions):
            box = QCheckBox(d.name)
            box.setChecked(d.id in s.dimensions)
            self.dimensions[d.id] = box
            dims.addWidget(box, i // 2, i % 2)
        dims_widget = QWidget()
        dims_widget.setLayout(dims)
        self.phone = QLineEdit(s.phone)
        self.email = QLineEdit(s.email)
        self.email.setPlaceholderText(self.tr("info@voorbeeld.nl"))
        self.website = QLineEdit(s.website)
        self.website.setPlaceholderText(self.tr("www.voorbeeld.nl"))
        self.address = _text_box(2)
        self.address.setPlainText(s.address)
        self.route = QComboBox()
        self.route.addItem(self.tr("(niet ingevuld)"), "")
        for code in REFERRAL_ROUTES:
            self.route.addItem(route_label(code), code)
        self.route.setCurrentIndex(max(0, self.route.findData(s.referral_route)))
        self.notes = _text_box(2)
        self.notes.setPlainText(s.notes)
        self.notes.setPlaceholderText(self.tr("voor de praktijk: wachttijd, kosten, contactpersoon"))
        for edit, field in ((self.name, "name"), (self.organisation, "organisation"),
                            (self.phone, "phone"), (self.email, "email"), (self.website, "website")):
            edit.setMaxLength(MAX_LENGTHS[field] + 50)  # a little over: the form says what is too long
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Organisatie"), self.organisation)
        self.form.addRow(self.tr("&Aanbod"), self.offer)
        self.form.addRow(self.tr("Helpt bij"), dims_widget)
        self.form.addRow(self.tr("&Telefoon"), self.phone)
        self.form.addRow(self.tr("&E-mail"), self.email)
        self.form.addRow(self.tr("&Website"), self.website)
        self.form.addRow(self.tr("A&dres"), self.address)
        self.form.addRow(self.tr("&Verwijzen"), self.route)
        self.form.addRow(self.tr("No&tities"), self.notes)
        for row in range(self.form.rowCount()):  # a few pixels of room: no last letter cut off
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setMinimumWidth(item.widget().sizeHint().width() + 4)
        self.setMinimumWidth(620)

    def service(self) -> Service:
        """What the form holds, as typed."""
        base = self.original or Service()
        return Service(
            id=base.id, name=self.name.text(), organisation=self.organisation.text(),
            offer=self.offer.toPlainText(),
            dimensions=tuple(d for d, box in self.dimensions.items() if box.isChecked()),
            phone=self.phone.text(), email=self.email.text(), website=self.website.text(),
            address=self.address.toPlainText(), referral_route=self.route.currentData(),
            notes=self.notes.toPlainText(), created_at=base.created_at)

    def validate(self) -> None:
        """Checked and stored; InputError (shown in the form) if not."""
        s = validate_service(self.service(), self.instrument)
        save = social_map.update_service if self.original else social_map.add_service
        try:
            self.saved = save(self.store, s, instrument=self.instrument)
        except InputError:
            raise
        except (PgdeskError, driver.Error, OSError) as exc:
            raise InputError(explain_write_error(exc)) from None


# --- the CSV preview -------------------------------------------------------------------------

PREVIEW_ITEMS = 300  # lines listed per kind (refused, already there, new)


class ImportPreviewDialog(QDialog):
    """What a CSV file holds, before anything is written. `choice` after exec(): "all" (import
    the file), "good" (only the lines that could be read) or None (nothing)."""

    def __init__(self, report: social_map_csv.ImportReport, file_name: str, parent=None):
        super().__init__(parent)
        self.report = report
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Sociale kaart inlezen"))
        title = Label(self.tr("Wat staat er in %1?").replace("%1", file_name))
        title.setObjectName("stepTitle")
        title.setWordWrap(True)
        self.summary = Label(self._summary())
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml(self._details())
        self.details.setMinimumHeight(260)
        self.details.setAccessibleName(self.tr("Regels van het bestand"))
        self.details.setAccessibleDescription(self.tr(
            "Per regel: nieuw, staat er al, of niet te lezen met de reden. Er is nog niets ingelezen."))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button: QPushButton | None = None
        self.good_button: QPushButton | None = None
        taken = bool(report.taken) and not report.file_error
        if taken and report.ok:
            self.import_button = QPushButton(self.tr("&Inlezen"))
            self.import_button.clicked.connect(lambda: self._choose("all"))
            buttons.addWidget(self.import_button)
        elif taken:
            self.good_button = QPushButton(self.tr("Alleen de &goede regel inlezen") if len(report.taken) == 1
                                           else self.tr("Alleen de &goede regels inlezen"))
            self.good_button.clicked.connect(lambda: self._choose("good"))
            buttons.addWidget(self.good_button)
        self.cancel_button = QPushButton(self.tr("Annuleren") if taken else self.tr("Sluiten"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        default = self.import_button or self.cancel_button
        for b in (self.import_button, self.good_button, self.cancel_button):
            if b is not None:
                b.setAutoDefault(b is default)
        default.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(720, 520)
        default.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _summary(self) -> str:
        r = self.report
        if r.file_error:
            return self.tr("Dit bestand kan niet worden ingelezen; er verandert niets aan de "
                           "sociale kaart.")
        n, bad, dup = len(r.taken), len(r.rejected), len(r.duplicates)
        if not n:
            return self.tr("Er staat niets nieuws in dit bestand; er verandert niets aan de "
                           "sociale kaart.")
        if not bad:
            text = (self.tr("1 nieuwe dienst kan worden ingelezen.") if n == 1 else
                    self.tr("%1 nieuwe diensten kunnen worden ingelezen.").replace("%1", str(n)))
            if dup:
                text += " " + (self.tr("1 staat al in de kaart en wordt overgeslagen.") if dup == 1 else
                               self.tr("%1 staan al in de kaart en worden overgeslagen.")
                               .replace("%1", str(dup)))
            return text
        text = (self.tr("1 regel kan niet worden gelezen.") if bad == 1 else
                self.tr("%1 regels kunnen niet worden gelezen.").replace("%1", str(bad)))
        return text + " " + (
            self.tr("Een bestand wordt helemaal of niet ingelezen: verbeter het bestand en probeer "
                    "het opnieuw, of lees alleen de goede regel in (de andere blijven dan weg).")
            if n == 1 else
            self.tr("Een bestand wordt helemaal of niet ingelezen: verbeter het bestand en probeer "
                    "het opnieuw, of lees alleen de %1 goede regels in (de andere blijven dan weg).")
            .replace("%1", str(n)))

    def _details(self) -> str:
        r = self.report

        def where(line: int) -> str:
            return self.tr("Regel %1").replace("%1", str(line)) if line else self.tr("Bestand")

        def items(rows: list[tuple[int, str]]) -> list[str]:
            # Qt lays out a long HTML list in quadratic time (20,000 lines took 25 s): the first
            # PREVIEW_ITEMS of each list are shown, the count of the rest is said.
            shown = [f"<li><b>{escape(where(line))}</b>: {escape(text)}</li>"
                     for line, text in rows[:PREVIEW_ITEMS]]
            if len(rows) > PREVIEW_ITEMS:
                shown.append("<li>" + escape(self.tr("… en nog %1 regels").replace(
                    "%1", str(len(rows) - PREVIEW_ITEMS))) + "</li>")
            return shown

        parts, ink = [], colours(self)
        if r.rejected:
            parts.append(f"<h3 style='color:{ink['error']}'>{escape(self.tr('Niet te lezen'))} "
                         f"({len(r.rejected)})</h3><ul>")
            parts += items(r.rejected)
            parts.append("</ul>")
        if r.duplicates:
            parts.append(f"<h3>{escape(self.tr('Staan al in de kaart, worden overgeslagen'))} "
                         f"({len(r.duplicates)})</h3><ul>")
            parts += items(r.duplicates)
            parts.append("</ul>")
        if r.taken and not r.file_error:
            parts.append(f"<h3>{escape(self.tr('Nieuw'))} ({len(r.taken)})</h3><ul>")
            parts += items(r.taken)
            parts.append("</ul>")
        if r.encoding and not r.file_error:
            sep = {";": self.tr("puntkomma"), ",": self.tr("komma"), "\t": self.tr("tab")}.get(
                r.delimiter, r.delimiter)
            parts.append(f"<p style='color:{ink['hint']}'>" + escape(
                self.tr("Gelezen als %1, gescheiden door %2.").replace("%1", r.encoding.upper())
                .replace("%2", sep)) + "</p>")
        return "".join(parts)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        fit_wrapped_text(self)


# --- the map ---------------------------------------------------------------------------------


class SocialMapDialog(QDialog):
    def __init__(self, store: Store, instrument: Instrument, parent=None):
        super().__init__(parent)
        self.store, self.instrument = store, instrument
        self.setWindowTitle(self.tr("Sociale kaart"))
        self._all: list[Service] = []
        intro = Label(self.tr("Hulp in de buurt, per dimensie. In de planstap worden de diensten "
                               "die bij de focus van het gesprek passen als eerste voorgesteld."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("typ een deel van de naam, organisatie of het aanbod"))
        self.filter.setClearButtonEnabled(True)
        search_label = Label(self.tr("&Zoeken:"))
        search_label.setBuddy(self.filter)
        self.dimension = QComboBox()
        self.dimension.addItem(self.tr("Alle dimensies"), None)
        for d in instrument.dimensions:
            self.dimension.addItem(d.name, d.id)
        dim_label = Label(self.tr("&Dimensie:"))
        dim_label.setBuddy(self.dimension)
        self.count = Label()
        self.count.setObjectName("hint")

        self.model = ServiceTableModel(instrument, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as everywhere else
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Diensten in de sociale kaart"))

        self.new_button = QPushButton(self.tr("&Nieuw…"))
        self.edit_button = QPushButton(self.tr("&Wijzigen…"))
        self.delete_button = QPushButton(self.tr("&Verwijderen…"))
        self.import_button = QPushButton(self.tr("CSV &inlezen…"))
        self.export_button = QPushButton(self.tr("CSV &opslaan…"))
        close = QPushButton(self.tr("Sluiten"))
        for b, slot in ((self.new_button, self.add), (self.edit_button, self.edit_selected),
                        (self.delete_button, self.delete_selected),
                        (self.import_button, lambda: self.import_file()),
                        (self.export_button, lambda: self.export_file()), (close, self.accept)):
            b.setAutoDefault(False)  # Enter edits the chosen service, it presses no button
            b.clicked.connect(slot)
        self.message = Label()
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.filter, 1)
        top.addSpacing(12)
        top.addWidget(dim_label)
        top.addWidget(self.dimension)
        top.addSpacing(12)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.import_button, self.export_button):
            buttons.addWidget(b)
        buttons.addSpacing(12)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self._apply_filter)
        self.dimension.currentIndexChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.resize(980, 600)
        self.reload()
        self._shown = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._shown:  # typing searches at once
            self._shown = True
            self.filter.setFocus()

    # -- the list ------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self._all = guarded(self, social_map.services, self.store) or []
        self._apply_filter(select=select)

    def _apply_filter(self, *_args, select: str | None = None) -> None:
        current = self.selected()
        keep = select or (current.id if current else None)
        words = fold(self.filter.text()).split()
        dim = self.dimension.currentData()
        shown = [s for s in self._all if matches(s, words, dim, self.model.dimensions(s))]
        self.model.set_services(shown)
        self.count.setText(self.tr("%1 van %2").replace("%1", str(len(shown)))
                           .replace("%2", str(len(self._all))))
        row = next((i for i, s in enumerate(shown) if s.id == keep), 0 if shown else -1)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> Service | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.service(rows[0].row()) if rows else None

    def select(self, service_id: str) -> None:
        for row, s in enumerate(self.model.rows()):
            if s.id == service_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if key in ENTER:
                self.edit_selected()
                return True
            if watched is self.filter and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.table.setFocus()
                return True
            if watched is self.table and key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.filter.setFocus()
                return True
        return super().eventFilter(watched, event)

    def say(self, text: str, *, error: bool = False) -> None:
        restyle(self.message, "error" if error else "")
        self.message.setText(plain.as_problem(text) if error else text)
        self.message.show()

    # -- add, change, delete ---------------------------------------------------------------
    def _form(self, service: Service | None) -> Service | None:
        dialog = ServiceDialog(self.store, self.instrument, service, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()

    def add(self) -> Service | None:
        saved = self._form(None)
        if saved is not None:
            self.filter.clear()
            self.dimension.setCurrentIndex(0)
            self.reload(select=saved.id)
            self.say(self.tr("“%1” is toegevoegd.").replace("%1", saved.title))
        self.table.setFocus()
        return saved

    def edit_selected(self) -> Service | None:
        chosen = self.selected()
        if chosen is None:
            return None
        saved = self._form(chosen)
        if saved is not None:
            self.reload(select=saved.id)
            self.say(self.tr("“%1” is gewijzigd.").replace("%1", saved.title))
        self.table.setFocus()
        return saved

    def delete_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        answer = plain.question(self, self.tr("Uit de sociale kaart halen"), self.tr(
            "“%1” uit de sociale kaart verwijderen?\n\nVerwijzingen die al naar dit aanbod zijn "
            "gemaakt blijven leesbaar in de gesprekken waarin ze staan, met de gegevens van toen. "
            "Nieuwe verwijzingen naar dit aanbod kunnen niet meer.").replace("%1", chosen.title))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        row = self.table.currentIndex().row()
        if not attempt(self, social_map.delete_service, self.store, chosen.id):
            return False
        self.reload()
        rows = self.model.rowCount()
        if rows:
            self.table.selectRow(min(max(row, 0), rows - 1))
        self.say(self.tr("“%1” is uit de sociale kaart gehaald.").replace("%1", chosen.title))
        self.table.setFocus()
        return True

    # -- CSV -------------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> social_map_csv.ImportReport | None:
        """Read a CSV file, show what it holds, and import only when the user says so."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Sociale kaart inlezen"), "",
                                                  translate("SocialMap", CSV_FILTER))
            if not path:
                return None
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            plain.warning(self, "pgdesk", self.tr("%1 kan niet worden gelezen: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return None
        report = guarded(self, social_map_csv.preview_csv, self.store, data, self.instrument)
        if report is None:
            return None
        choice = self.preview(report, Path(path).name)
        if choice is None:
            self.say(self.tr("Niets ingelezen; de sociale kaart is niet veranderd."),
                     error=bool(report.rejected))
            return report
        done = guarded(self, social_map_csv.import_csv, self.store, data, self.instrument,
                       skip_bad=choice == "good")
        if done is None:
            return None
        self.filter.clear()
        self.dimension.setCurrentIndex(0)
        self.reload()
        self.say(done.summary(), error=not done.applied)
        return done

    def preview(self, report: social_map_csv.ImportReport, file_name: str) -> str | None:
        dialog = ImportPreviewDialog(report, file_name, self)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()

    def export_file(self, path: str | None = None) -> bool:
        """The map as CSV (semicolons, UTF-8, opens in Excel), where the user chooses."""
        from pgdesk.reports.files import write_atomically

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Sociale kaart opslaan"),
                                                  "sociale-kaart.csv",
                                                  self.tr("CSV-bestanden (*.csv)"))
            if not path:
                return False
        data = guarded(self, social_map_csv.export_csv, self.store, instrument=self.instrument)
        if data is None:
            return False
        try:
            write_atomically(path, data)
        except PgdeskError as exc:
            plain.warning(self, "pgdesk", self.tr(
                "De sociale kaart is niet opgeslagen.\n\n%1").replace("%1", str(exc)))
            self.say(self.tr("De sociale kaart is niet opgeslagen."), error=True)
            return False
        self.say(self.tr("%1 diensten opgeslagen in %2").replace("%1", str(len(self._all)))
                 .replace("%2", str(path)))
        return True
