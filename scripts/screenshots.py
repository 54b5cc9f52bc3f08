"""Grab every page of the app to PNG, offscreen, on a fresh encrypted demo database.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUTDIR [--lang en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from pgdesk.domain.content import shipped_instrument  # noqa: E402
from pgdesk.storage.demo import write_encrypted_demo  # noqa: E402
from pgdesk.storage.keyring import FAST_KDF, Keyring, keyring_path  # noqa: E402
from pgdesk.storage.vault import unlock  # noqa: E402
from pgdesk.ui.app import install_translator  # noqa: E402
from pgdesk.ui.main_window import MainWindow  # noqa: E402

USER, PASSPHRASE = "Dr. Anna de Vries", "screenshot zin"


def _grab(app, widget, path: Path) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    lang = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "nl"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translator(app, lang)
    from pgdesk.ui.style import follow_system

    follow_system(app)
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "demo.db"
    code = write_encrypted_demo(db, shipped_instrument("nl"), user=USER, passphrase=PASSPHRASE,
                                params=FAST_KDF)
    _security_dialogs(app, out, db, code)
    store = unlock(db, USER, PASSPHRASE, min_seconds=0)
    w = MainWindow(store, shipped_instrument(lang), Keyring.load(keyring_path(db)))
    w.resize(1280, 800)
    w.show()

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / f"{name}.png"))

    shot("01-patients")
    three = store.db.execute(
        "SELECT patient_id FROM consultations WHERE type = 'eind' ORDER BY date DESC LIMIT 1"
    ).fetchone()
    if three:  # a patient with a start, tussen and eind web
        w.show_patient(three[0])
        shot("02a-patient-three-webs")
        eind = store.db.execute("SELECT id FROM consultations WHERE patient_id = ? AND type = 'eind'",
                                [three[0]]).fetchone()[0]
        _end_handout(store, eind, shipped_instrument(lang), out)
    from pgdesk.ui.practice_details_dialog import PracticeDetailsDialog

    details = PracticeDetailsDialog(store, w)
    _grab(app, details, out / "02d-practice-details.png")
    details.close()
    from pgdesk.ui.overview_window import PracticeOverview

    overview = PracticeOverview.from_store(store, shipped_instrument(lang), w)
    _grab(app, overview, out / "02b-practice-overview.png")
    overview.close()
    cid = store.latest_consultation_id()
    pid = store.consultation(cid).patient_id
    w.show_patient(pid)
    shot("02-patient")
    w.new_consultation()
    page = w.consultation_page
    for i, v in enumerate([7, 5, 8, 6, 4, 9]):
        page.web.set_score(i, v)
    page.web.toggle_talk(4)
    page.go_to(0)
    shot("03-web")
    from pgdesk.ui.consultation.aspect_dialog import AspectDialog

    dialog = AspectDialog(page.session, "zingeving", w)
    for spin, v in zip(dialog.spins.values(), [6, 7, 5, 8], strict=False):
        spin.setValue(v)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(out / "03b-aspects.png"))
    dialog.close()
    page.go_to(1)
    for top in (4, 2):  # two topics: the wheel starts with one, the other waits
        page.focus.tree.topLevelItem(top).setCheckState(0, page.focus.tree.topLevelItem(top)
                                                        .checkState(0).Checked)
    page.focus.own_words.setPlainText("Weer met mijn kleinkinderen naar het strand kunnen.")
    shot("04-focus")
    page.go_to(2)
    page.wheel.answer.setPlainText("Ik kom weinig buiten en mis mijn vrienden.")
    page.wheel.go_to(1)
    shot("05-wheel")
    page.wheel.answer.setPlainText("Elke dag even naar buiten, met iemand samen.")
    page.wheel.go_to(5)
    page.wheel.answer.setPlainText("Ik bel morgen het buurthuis over de wandelgroep.")
    page.go_to(3)
    page.plan.fields["helper"].setText("Welzijnscoach van het buurthuis")
    page.plan.fields["when"].setText("Dinsdag om 10 uur")
    page.plan.has_next.setChecked(True)
    page.plan.practice_fields["icpc"].setText("A98")
    page.plan.practice_fields["notitie"].setText("Wil eerst zelf bellen.")
    shot("06-plan")
    page.go_to(4)
    shot("07-summary")
    from pgdesk.ui.patient_actions import AccessLogDialog

    log = AccessLogDialog(store, shipped_instrument(lang), pid, w)
    _grab(app, log, out / "08-access-log.png")
    log.close()
    page.go_to(2)
    w.lock()
    w.lock_screen.form.show_error(w.lock_screen.form.tr("Naam of wachtwoord klopt niet."))
    shot("09-locked")
    w.unlock(USER, PASSPHRASE)
    shot("10-unlocked-same-place")
    w.backups.enabled = False
    store.close()


def _end_handout(store, consultation_id: str, instrument, out: Path) -> None:
    """The end-conversation handout, as PDF next to the screenshots (render with pdftoppm)."""
    from pgdesk.reports.handout import handout_pdf
    from pgdesk.storage.documents import handout_data

    pdf = handout_pdf(handout_data(store, consultation_id, instrument), instrument)
    (out / "02c-end-handout.pdf").write_bytes(pdf)


def _security_dialogs(app, out: Path, db: Path, code: str) -> None:
    from pgdesk.ui.security_dialogs import RecoveryCodeDialog, SetupDialog, UnlockDialog

    unlock_dialog = UnlockDialog(lambda n, p: None, name=USER, forgot=lambda *a: None)
    _grab(app, unlock_dialog, out / "00a-unlock.png")
    setup = SetupDialog(converting=True)
    setup.name.setText(USER)
    _grab(app, setup, out / "00b-setup.png")
    _grab(app, RecoveryCodeDialog(code), out / "00c-recovery-code.png")


if __name__ == "__main__":
    main()
