"""Backups from the window: once a day while pgdesk runs and when it closes; restore on request
or after damage. The folder is a workstation setting (a USB disk or network share)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import backup as backups
from pgdesk.storage.database import acquire_lock
from pgdesk.storage.log_anchor import note_restore
from pgdesk.storage.repository import Store, now
from pgdesk.ui import plain

translate = QCoreApplication.translate  # module functions: explicit context

FOLDER_KEY = "backup/folder"
DAY = dt.timedelta(days=1)


def backup_folder() -> Path:
    value = QSettings().value(FOLDER_KEY, "")
    return Path(str(value)) if value else backups.default_folder()


def set_backup_folder(folder: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(folder))


def newest_good_backup(folder: Path, key: bytes | None, db_id: str | None):
    for path in backups.list_backups(folder):
        try:
            return backups.verify_backup(path, key, db_id=db_id)
        except PgdeskError:
            continue
    return None


def offer_restore(parent: QWidget | None, path: Path, key: bytes | None, db_id: str | None,
                  folder: Path, reason: str) -> bool:
    """After damage: offer the newest good backup; the damaged file is kept aside. True if restored."""
    info = newest_good_backup(folder, key, db_id)
    if info is None:
        plain.critical(parent, "pgdesk", reason + "\n\n" + translate("Backups",
            "Er is geen bruikbare reservekopie gevonden in %1. Vraag de beheerder om hulp; "
            "het beschadigde bestand blijft bewaard.").replace("%1", str(folder)))
        return False
    question = reason + "\n\n" + translate("Backups",
        "De nieuwste goede reservekopie is van %1 (%2 patiënten). Wilt u die terugzetten? "
        "Het beschadigde bestand wordt apart bewaard.").replace(
        "%1", info.made_at.strftime("%d-%m-%Y %H:%M")).replace("%2", str(info.patients))
    answer = plain.question(parent, "pgdesk", question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return restore_file(parent, path, info.path, key, db_id)


def restore_file(parent: QWidget | None, path: Path, source: Path, key: bytes | None,
                 db_id: str | None) -> bool:
    """Replace the closed database with a verified backup; tells the user where the old one went."""
    try:
        lock = acquire_lock(path)
        try:
            aside = backups.restore_backup(path, source, key, db_id=db_id)
            note_restore(path, key, source.name)
        finally:
            lock.release()
    except PgdeskError as exc:
        plain.warning(parent, "pgdesk", str(exc))
        return False
    done = translate("Backups", "De reservekopie is teruggezet.")
    if aside:
        done += " " + translate(
            "Backups", "De vorige database is bewaard als %1.").replace("%1", str(aside))
    plain.information(parent, "pgdesk", done)
    return True


class BackupScheduler(QObject):
    """A backup when none was made in the last day (checked hourly) and when pgdesk closes."""

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        # The demo database needs no backups; a practice server is backed up on the server
        # (pgdesk backup --server), not into this workstation's backup folder.
        self.enabled = store.setting("demo") != "1" and store.path is not None
        self.timer = QTimer(self)
        self.timer.setInterval(60 * 60 * 1000)
        self.timer.timeout.connect(self.if_due)
        self.timer.start()

    def last(self) -> dt.datetime | None:
        value = self.store.setting(backups.SETTING_LAST)
        return dt.datetime.fromisoformat(value) if value else None

    def if_due(self) -> None:
        last = self.last()
        if self.enabled and not self.store.closed and (last is None or dt.datetime.now(dt.UTC) - last > DAY):
            self.backup_now(None, quiet=True)

    def backup_now(self, parent: QWidget | None, *, quiet: bool = False) -> Path | None:
        try:
            target = backups.make_backup(self.store.opened, backup_folder())
            self.store.set_setting(backups.SETTING_LAST, now())
        except PgdeskError as exc:
            plain.warning(parent, "pgdesk", str(exc))
            return None
        if not quiet:
            plain.information(parent, "pgdesk", self.tr("Reservekopie gemaakt: %1")
                                    .replace("%1", str(target)))
        return target
