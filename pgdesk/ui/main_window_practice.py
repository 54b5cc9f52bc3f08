"""The main window's practice-wide actions (Praktijk menu): the sociale kaart, the practice
details and overview, the evaluation export, the keys, the idle lock and backups. A mixin of
MainWindow, apart so that the window itself holds navigation, patients and locking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from pgdesk.storage.repository import Store
from pgdesk.ui import plain


class PracticeActions:
    """Needs the window's store, instrument, keyring, idle, integrity, consultation_page and
    its _drop_consultation, _replace_store and show_list."""

    def show_social_map(self) -> None:
        from pgdesk.ui.social_map_dialog import SocialMapDialog

        dialog = SocialMapDialog(self.store, self.instrument, self)
        dialog.exec()
        dialog.deleteLater()
        if self.consultation_page is not None:  # the plan step offers the map as it is now
            self.consultation_page.plan.referrals.refresh()

    def choose_soep_parts(self) -> None:
        from pgdesk.ui.his_text import SoepPartsDialog

        dialog = SoepPartsDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_practice_details(self) -> None:
        from pgdesk.ui.practice_details_dialog import PracticeDetailsDialog

        dialog = PracticeDetailsDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()

    def show_overview(self) -> None:
        from pgdesk.ui.overview_window import PracticeOverview

        dialog = PracticeOverview.from_store(self.store, self.instrument, self)
        if dialog is not None:
            dialog.exec()

    def export_evaluation(self) -> None:
        from pgdesk.reports.evaluation import export_evaluation
        from pgdesk.storage.documents import evaluation_data
        from pgdesk.ui.background_work import run_with_progress
        from pgdesk.ui.pdf_output import in_documents

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Evaluatie exporteren"),
                                              in_documents("pgdesk-evaluatie.csv"),
                                              self.tr("CSV-bestanden (*.csv)"))
        if not path:
            return
        instrument = self.instrument
        files = run_with_progress(
            self, self.store,
            lambda reader, progress: export_evaluation(
                evaluation_data(reader, instrument, progress=progress), instrument, Path(path)),
            self.tr("De evaluatie wordt geëxporteerd…"),
            cancelled_text=self.tr("De export is afgebroken; er is geen bestand geschreven."))
        if files:
            plain.information(self, "pgdesk", self.tr(
                "De evaluatie staat in:\n%1\n%2\n\nDe bestanden bevatten geen namen, "
                "geboortedata of nummers, maar zijn nog wel persoonsgegevens: bewaar ze zorgvuldig.")
                .replace("%1", str(files[0])).replace("%2", str(files[1])))

    # -- the practice's keys and backups ------------------------------------------
    def change_passphrase(self) -> None:
        from pgdesk.ui import practice_actions

        practice_actions.change_passphrase(self, self.store, self.keyring)

    def add_colleague(self) -> None:
        from pgdesk.ui import practice_actions

        practice_actions.add_colleague(self, self.store, self.keyring, self.store.opened.key)

    def rekey(self, leaked: bool) -> None:
        from pgdesk.ui import practice_actions

        self._drop_consultation()
        keyring = practice_actions.rekey_database(self, self.keyring, lambda: self.store,
                                                  self._replace_store, leaked=leaked)
        if keyring is not None:
            self.keyring = keyring
            self.show_list()

    def new_recovery_code(self) -> None:
        from pgdesk.ui import practice_actions

        self._unkept_code = practice_actions.new_recovery_code(self, self.keyring, self.store.opened.key)

    def choose_idle_minutes(self) -> None:
        from pgdesk.ui import practice_actions

        minutes = practice_actions.choose_idle_minutes(self, self.store)
        if minutes and self.idle is not None:
            self.idle.set_minutes(minutes)

    def restore_backup(self) -> None:
        from pgdesk.storage.backup import SUFFIX
        from pgdesk.ui.backups import backup_folder, restore_file

        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Reservekopie terugzetten"), str(backup_folder()),
            self.tr("pgdesk-reservekopieën (*%1)").replace("%1", SUFFIX))
        if not source:
            return
        self._drop_consultation()
        if self.integrity is not None:  # its connection must not outlive the file it reads
            self.integrity.stop()
        path, key = self.store.path, self.store.opened.key
        db_id, actor = self.store.setting("db_id"), self.store.actor
        self.store.close()
        restore_file(self, path, Path(source), key, db_id)
        # Whether or not it worked, reopen what is there now (the restored or the old file).
        self._replace_store(Store.open(path, key=key, actor=actor))
        self.show_list()
