"""Starting the app: bad databases get a Dutch message, the first run asks who is working."""

from __future__ import annotations

import pytest

from pgdesk.ui import app as app_module
from pgdesk.ui import plain
from pgdesk.ui.dialogs import ProfessionalDialog
from pgdesk.ui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch):
    seen = []
    monkeypatch.setattr(plain, "critical", lambda *a: seen.append(a[2]))
    return seen


def test_foreign_database_gives_dutch_message_and_stays_intact(qtbot, foreign_db, messages):
    path = foreign_db
    before = path.read_bytes()
    assert app_module.run(db=str(path)) == 2
    assert messages and "ander programma" in messages[0]
    assert path.read_bytes() == before


def test_locked_database_gives_dutch_message(qtbot, store, db_path, messages):
    assert app_module.run(db=str(db_path)) == 2
    assert "al geopend" in messages[0]


def test_first_start_asks_who_is_working(qtbot, store, monkeypatch, instrument):
    def fill(dialog):
        dialog.name.setText("Ilse Testpersoon")
        dialog.role.setCurrentIndex(dialog.role.findData("poh-ggz"))
        return ProfessionalDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfessionalDialog, "exec", fill)
    w = MainWindow(store, instrument)
    qtbot.addWidget(w)
    assert store.current_professional() is None
    assert w.ensure_professional()
    pro = store.current_professional()
    assert (pro.name, pro.role) == ("Ilse Testpersoon", "poh-ggz")
    assert "Ilse Testpersoon" in w.who.text()


def test_switching_to_a_known_colleague_adds_no_one(qtbot, store, monkeypatch, instrument):
    first = store.add_professional("Anna Eerst", "huisarts")
    second = store.add_professional("Bert Tweede", "wijkverpleegkundige")
    store.set_current_professional(first.id)

    def pick_second(dialog):
        assert dialog.chosen_id() == first.id  # starts on whoever is working now
        dialog.who.setCurrentIndex(dialog.who.findData(second.id))
        assert not dialog.name.isEnabled()
        return ProfessionalDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfessionalDialog, "exec", pick_second)
    w = MainWindow(store, instrument)
    qtbot.addWidget(w)
    assert w.choose_professional()
    assert store.current_professional().id == second.id
    assert len(store.professionals()) == 2
    assert "Bert Tweede" in w.who.text()


def test_demo_window_says_it_is_a_demo(qtbot, tmp_path, instrument):
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store

    s = Store.open(write_demo(tmp_path / "demo.sqlite", instrument))
    try:
        w = MainWindow(s, instrument)
        qtbot.addWidget(w)
        assert "DEMO" in w.windowTitle()
        assert w.list_page.model.rowCount() == s.patient_count()
    finally:
        s.close()


def test_first_window_needs_neither_pyqtgraph_nor_reportlab(tmp_path):
    """Fast start: the chart and PDF libraries load after the first paint, not before."""
    import subprocess
    import sys

    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from pgdesk.storage.repository import Store; from pgdesk.ui.main_window import MainWindow;"
        "from pgdesk.domain.content import shipped_instrument;"
        f"s = Store.open({str(tmp_path / 'x.sqlite')!r}); w = MainWindow(s, shipped_instrument());"
        "w.show(); app.processEvents();"
        "bad = [m for m in ('pyqtgraph', 'numpy', 'reportlab') if m in sys.modules];"
        "print('loaded:', bad); sys.exit(1 if bad else 0)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stdout + r.stderr


def test_english_screens_come_from_the_translation_file(qtbot, store, instrument):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = list(app.findChildren(QTranslator))
    assert app_module.install_translator(app, "en") == "en"
    try:
        assert QCoreApplication.translate("PatientListPage", "Patiënten") == "Patients"
        w = MainWindow(store, instrument)
        qtbot.addWidget(w)
        assert w.list_page.add_button.text() == "New patient"
    finally:
        for t in app.findChildren(QTranslator):
            if t not in before:
                app.removeTranslator(t)
    assert QCoreApplication.translate("PatientListPage", "Patiënten") == "Patiënten"


def test_every_screen_text_has_an_english_translation():
    import xml.etree.ElementTree as ET

    from pgdesk.paths import resources_dir

    root = ET.parse(resources_dir() / "translations" / "pgdesk_en.ts").getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if m.find("translation").get("type") == "unfinished"
               or not (m.findtext("translation") or "").strip()]
    assert missing == []


def test_the_patient_page_is_built_when_a_patient_is_first_shown(window, store):
    """The start shows the list; the patient page (and its web history) does not delay it,
    nor does the lock screen of a window that has not locked."""
    from pgdesk.ui.lock import LockScreen
    from pgdesk.ui.patient_page import PatientPage

    assert window.stack.currentWidget() is window.list_page
    assert window.lock_screen is None and window.findChildren(LockScreen) == []
    assert window.findChildren(PatientPage) == [] and not window.on_patient_page()
    patient = store.add_patient("Fenna Testpersoon")
    window.show_patient(patient.id)
    assert window.on_patient_page() and len(window.findChildren(PatientPage)) == 1
    assert patient.display_name in window.patient_page.title.text()
    window.show_list()
    window.show_patient(patient.id)
    assert len(window.findChildren(PatientPage)) == 1  # built once


def test_the_list_paints_before_pages_and_dialogs_it_does_not_show_are_imported(tmp_path):
    """The patient page, the menus' dialogs (PDF and print support among them) and the patient
    mode are imported when first used, not before the start's patient list is on screen
    (PGDESK_EXIT_AFTER_PAINT=1 quits once the list is painted)."""
    from tests.paint_probe import start_until_paint

    lines, imported = start_until_paint(tmp_path, "1", "--demo", timeout=120)
    assert any(x.startswith("pgdesk-list ") for x in lines)
    assert "pgdesk.ui.main_window" in imported
    for late in ("pgdesk.ui.patient_page", "pgdesk.ui.web_history", "pgdesk.ui.pdf_output",
                 "pgdesk.ui.patient_import_dialog", "pgdesk.ui.fhir_export_dialog",
                 "pgdesk.ui.practice_actions", "pgdesk.ui.patient_mode.mode",
                 "dateutil.parser._parser"):  # sqlite-utils imports that one for nothing we use
        assert late not in imported, late
