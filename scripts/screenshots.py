"""Grab every page of the app to PNG, offscreen, on a fresh demo database.

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
from pgdesk.storage.demo import write_demo  # noqa: E402
from pgdesk.storage.repository import Store  # noqa: E402
from pgdesk.ui.app import install_translator  # noqa: E402
from pgdesk.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    lang = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "nl"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translator(app, lang)
    tmp = tempfile.mkdtemp()
    write_demo(Path(tmp) / "demo.sqlite", shipped_instrument("nl"))
    store = Store.open(Path(tmp) / "demo.sqlite")
    w = MainWindow(store, shipped_instrument(lang))
    w.resize(1280, 800)
    w.show()

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / f"{name}.png"))

    shot("01-patients")
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
    page.focus.tree.topLevelItem(4).setCheckState(0, page.focus.tree.topLevelItem(4).checkState(0).Checked)
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
    shot("06-plan")
    page.go_to(4)
    shot("07-summary")
    store.close()


if __name__ == "__main__":
    main()
