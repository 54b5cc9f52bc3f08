"""Referrals in the plan step, followed up in the next conversation, on the handout and in the HIS
text; the sociale kaart dialog (list, form, CSV preview and import, export); the HIS parts.

In the real window, offscreen; all services, people and numbers are fictitious.
"""

from __future__ import annotations

import io
import re
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox

from pgdesk.domain.social_map import Service
from pgdesk.paths import resource
from pgdesk.reports.soep import render_soep
from pgdesk.storage import access_log
from pgdesk.storage import social_map as sm
from pgdesk.storage import social_map_csv as smc
from pgdesk.storage.documents import soep_data, soep_parts
from pgdesk.ui import plain
from pgdesk.ui.referrals_widget import OTHER, ROLE
from pgdesk.ui.service_table_model import ServiceTableModel
from pgdesk.ui.social_map_dialog import ImportPreviewDialog, ServiceDialog, SocialMapDialog

pytestmark = pytest.mark.gui

EXAMPLE = resource("social_map", "voorbeeld.csv")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def mapped(store, nl):
    """The shipped example map."""
    report = smc.import_csv(store, EXAMPLE.read_bytes(), nl)
    assert report.applied and len(report.taken) == 16
    return {s.name: s for s in sm.services(store)}


def focused(qtbot, window):
    if QApplication.activeWindow() is None:  # offscreen: no activation back after a dialog
        window.activateWindow()
        qtbot.waitActive(window)
    return QApplication.focusWidget()


def press(qtbot, window, key, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(qtbot, window), key, mods)


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def log_lines(store, patient_id):
    return [(ln["action"], ln["what"]) for ln in access_log.lines_for(store.db, patient_id)]


def open_plan(window, store, patient_id, consultation_id):
    window.show_patient(patient_id)
    window.open_consultation(consultation_id)
    page = window.consultation_page
    page.go_to(3)
    return page


def visible_services(widget) -> list[str]:
    lst = widget.list
    return [lst.item(i).data(ROLE) for i in range(lst.count())
            if not lst.item(i).isHidden() and lst.item(i).data(ROLE) not in (None, OTHER)]


def status_boxes(widget) -> dict[str, QComboBox]:
    return {b.property("referral"): b for b in widget._chain if isinstance(b, QComboBox)}


# --- the check: two referrals, followed up, on the handout and in the SOEP text --------


def test_two_referrals_followed_up_then_on_the_handout_and_in_the_his_text(
        qtbot, window, store, professional, mapped, nl):
    p = store.add_patient("Fenna Verwijzing", "1958")
    first = store.new_consultation(p.id, professional.id, date="2026-01-12")
    store.set_mark(first.id, "focus", "meedoen", "", True)
    page = open_plan(window, store, p.id, first.id)
    plan = page.plan
    refs = plan.referrals
    # the services for the focus (meedoen) come first
    shown = visible_services(refs)
    helping = [sid for sid in shown if "meedoen" in sm.service(store, sid).dimensions]
    assert shown[:len(helping)] == helping and len(helping) >= 6

    # Alt+V to the search, type, Enter adds; the focus stays in the search for the next one
    plan.fields["goal"].setFocus()
    press(qtbot, window, Qt.Key.Key_V, ALT)
    assert QApplication.focusWidget() is refs.filter
    qtbot.keyClicks(refs.filter, "wandel")
    assert visible_services(refs) == [mapped["Wandelgroep De Stappers"].id]
    press(qtbot, window, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is refs.filter and refs.filter.text() == ""
    qtbot.keyClicks(refs.filter, "welzijnscoach")
    press(qtbot, window, Qt.Key.Key_Down)  # into the list, then Enter
    assert QApplication.focusWidget() is refs.list
    press(qtbot, window, Qt.Key.Key_Return)
    made = sm.referrals_for_consultation(store, first.id)
    assert [r.name for r in made] == ["Wandelgroep De Stappers", "Welzijnscoach"]
    assert {r.status for r in made} == {"voorgesteld"}
    # the first referral's name went into the empty 'Wie helpt mij?'
    assert plan.fields["helper"].text() == "Wandelgroep De Stappers"
    assert store.consultation(first.id).plan.helper == "Wandelgroep De Stappers"
    # a status changed in this conversation is stored at once
    status_boxes(refs)[made[1].id].setCurrentIndex(1)  # verwezen
    assert sm.referral(store, made[1].id).status == "verwezen"
    window.show_list()

    # the next conversation: both are shown as still open, and advanced there
    second = store.new_consultation(p.id, professional.id)
    page = open_plan(window, store, p.id, second.id)
    refs = page.plan.referrals
    assert [r.id for r in refs.earlier()] == [r.id for r in made]
    assert not refs.referrals()
    boxes = status_boxes(refs)
    boxes[made[0].id].setCurrentIndex(boxes[made[0].id].findData("gestart"))
    boxes[made[1].id].setCurrentIndex(boxes[made[1].id].findData("gestart"))
    for r in made:
        again = sm.referral(store, r.id)
        assert (again.status, again.followed_up_in) == ("gestart", second.id)
    # still listed here after reading everything again
    refs.refresh()
    assert [r.status for r in refs.earlier()] == ["gestart", "gestart"]

    # on the handout, with how to reach them
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert page.current_step == "summary"
    text = pdf_text(page.summary.pdf)
    assert "Wie helpt mij?" in text and "Wie kan mij helpen" not in text  # one section
    for name, org, phone, site, address in (
            ("Wandelgroep De Stappers", "Buurtsportcoach Voorbeeldstad", "0800-0000104",
             "sport.example.org/wandelen", "Parklaan 1, Voorbeeldstad"),
            ("Welzijnscoach", "Stichting Welzijn Voorbeeldstad", "0800-0000101",
             "welzijn.example.org", "Dorpsstraat 12, Voorbeeldstad")):
        for value in (name, org, phone, site, address):
            assert value in text, value
    # and in English on A5 as well
    page.summary.set_choice(language="en", paper="A5")
    text = pdf_text(page.summary.pdf)
    assert "Who helps me?" in text and "0800-0000101" in text and "Wandelgroep De Stappers" in text

    # Kopieer naar HIS (Ctrl+Shift+C): the SOEP text on the clipboard, logged
    QApplication.clipboard().clear()
    press(qtbot, window, Qt.Key.Key_C, CTRL | SHIFT)
    copied = QApplication.clipboard().text()
    assert copied == render_soep(soep_data(store, second.id), nl)
    assert "Verwijzing van 12-01-2026 (gestart): Wandelgroep De Stappers" in copied
    assert "Welzijnscoach" in copied
    assert log_lines(store, p.id)[-1] == ("E", "soep")
    assert "Gekopieerd: plak het in het journaal van het HIS" in page.summary.copied.text()
    assert window.statusBar().currentMessage().startswith("Gekopieerd")


def test_his_copy_from_another_step_stores_what_was_typed_first(qtbot, window, store, professional,
                                                                  nl):
    p = store.add_patient("Gert Kopie")
    c = store.new_consultation(p.id, professional.id)
    page = open_plan(window, store, p.id, c.id)
    page.plan.fields["first_step"].setFocus()
    qtbot.keyClicks(page.plan.fields["first_step"], "Morgen bellen")
    press(qtbot, window, Qt.Key.Key_C, CTRL | SHIFT)  # before the typing timer fired
    assert "P: Eerste stap: Morgen bellen" in QApplication.clipboard().text()
    assert log_lines(store, p.id)[-1] == ("E", "soep")


def test_a_copy_that_cannot_be_logged_is_not_copied(qtbot, window, store, professional, monkeypatch):
    from pgdesk.storage.errors import DatabaseReadOnly

    p = store.add_patient("Lies Alleenlezen")
    c = store.new_consultation(p.id, professional.id)
    page = open_plan(window, store, p.id, c.id)
    page.go_to(4)
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a: warnings.append(a[2]))

    def refuse(*_a):
        raise DatabaseReadOnly("De database is alleen-lezen.")

    monkeypatch.setattr(store, "record_exported", refuse)
    QApplication.clipboard().setText("eerder")
    assert not page.summary.copy_to_his()
    assert QApplication.clipboard().text() == "eerder" and warnings
    assert page.summary.copied.isHidden()


# --- the plan step's keyboard flow ---------------------------------------------------------


def test_referrals_come_after_the_plan_fields_in_the_tab_order(qtbot, window, store, professional,
                                                                mapped):
    p = store.add_patient("Tessa Tab")
    earlier = store.new_consultation(p.id, professional.id, date="2026-01-12")
    sm.add_referral(store, earlier.id, mapped["Taalcafé"].id)
    c = store.new_consultation(p.id, professional.id)
    sm.add_referral(store, c.id, mapped["Voedselbank"].id)
    page = open_plan(window, store, p.id, c.id)
    plan = page.plan
    assert plan.referrals.earlier() and plan.referrals.referrals()
    assert plan.focus_widget() is plan.fields["goal"]
    plan.fields["goal"].setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # the four fields and the checkbox first (the date is off until the box is ticked) ...
    assert order[:5] == [plan.fields["goal"], plan.fields["first_step"], plan.fields["helper"],
                         plan.fields["when"], plan.has_next]
    # ... and only then the referrals, the earlier one first
    assert plan.referrals.isAncestorOf(order[5]) and isinstance(order[5], QComboBox)
    # Enter in a plan field still moves on; Ctrl+Enter from the search still goes on
    plan.fields["goal"].setFocus()
    press(qtbot, window, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is plan.fields["first_step"]
    plan.referrals.filter.setFocus()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert page.current_step == "summary"


def test_free_text_referral_note_and_delete(qtbot, window, store, professional, mapped, monkeypatch):
    p = store.add_patient("Otto Anders")
    c = store.new_consultation(p.id, professional.id)
    store.set_plan_field(c.id, "helper", "Mijn buurman")
    page = open_plan(window, store, p.id, c.id)
    refs = page.plan.referrals
    refs.filter.setFocus()
    qtbot.keyClicks(refs.filter, "Zwemclub De Spetters")
    assert visible_services(refs) == []  # nothing on the map: 'Iets anders' is chosen
    assert refs.list.currentItem().data(ROLE) == OTHER
    press(qtbot, window, Qt.Key.Key_Return)
    (r,) = sm.referrals_for_consultation(store, c.id)
    assert r.free_text and r.name == "Zwemclub De Spetters"
    assert page.plan.fields["helper"].text() == "Mijn buurman"  # not overwritten
    # 'Iets anders…' asks for a name
    monkeypatch.setattr("pgdesk.ui.plain.get_text",
                        lambda *a, **k: ("Buurvrouw Els", True))
    refs.other_button.click()
    assert [x.name for x in sm.referrals_for_consultation(store, c.id)] == [
        "Zwemclub De Spetters", "Buurvrouw Els"]
    # a note is stored once when typing ends, or when the step is left
    note = refs._notes[r.id]
    note.setFocus()
    qtbot.keyClicks(note, "start in september")
    before = len(log_lines(store, p.id))
    assert page.plan.flush()
    assert sm.referral(store, r.id).note == "start in september"
    assert page.plan.flush()
    assert len(log_lines(store, p.id)) == before + 1
    # deleted after asking
    monkeypatch.setattr(plain, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not refs.remove(r.id)
    monkeypatch.setattr(plain, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert refs.remove(r.id)
    assert [x.name for x in sm.referrals_for_consultation(store, c.id)] == ["Buurvrouw Els"]
    assert ("D", f"referral:{r.id}") in log_lines(store, p.id)


def test_a_service_already_referred_is_not_offered_twice_and_focus_change_reorders(
        qtbot, window, store, professional, mapped):
    p = store.add_patient("Ria Volgorde")
    c = store.new_consultation(p.id, professional.id)
    store.set_mark(c.id, "focus", "lichaamsfuncties", "", True)
    page = open_plan(window, store, p.id, c.id)
    refs = page.plan.referrals
    first = visible_services(refs)[0]
    assert "lichaamsfuncties" in sm.service(store, first).dimensions
    assert refs.add_service(first)
    # Enter now would add the next one on the list, not this one again
    assert refs.list.currentItem().data(ROLE) not in (None, first)
    items = [refs.list.item(i) for i in range(refs.list.count())]
    taken = next(i for i in items if i.data(ROLE) == first)
    assert not taken.flags() & Qt.ItemFlag.ItemIsEnabled and "al toegevoegd" in taken.text()
    # another focus: the list follows when the step is shown again
    page.session.set_mark("focus", "lichaamsfuncties", "", False)
    page.session.set_mark("focus", "zingeving", "", True)
    page.go_to(2)
    page.go_to(3)
    assert "zingeving" in sm.service(store, visible_services(refs)[0]).dimensions


# --- the sociale kaart dialog ---------------------------------------------------------------


def in_modal(qtbot, cls, action):
    """Run `action(dialog)` on the modal dialog of class `cls` that is about to open."""
    seen = []

    def run():
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, cls), dialog
            seen.append(dialog)
            action(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, run)
    return seen


def test_the_example_map_is_imported_through_the_preview(qtbot, store, nl):
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0

    def look_then_import(preview: ImportPreviewDialog):
        assert len(preview.report.taken) == 16 and preview.report.ok
        assert preview.good_button is None
        assert not sm.services(store)  # nothing written before the user says so
        assert "16 nieuwe diensten" in preview.summary.text()
        assert "Regel 2" in preview.details.toPlainText()
        preview.import_button.click()

    seen = in_modal(qtbot, ImportPreviewDialog, look_then_import)
    done = dialog.import_file(str(EXAMPLE))
    assert seen and done.applied
    assert dialog.model.rowCount() == 16 == len(sm.services(store))
    assert "16 diensten toegevoegd" in dialog.message.text()
    # a second time: all already there, nothing to import
    seen = in_modal(qtbot, ImportPreviewDialog, lambda d: (
        _check(d.import_button is None and d.good_button is None),
        _check("Staan al in de kaart" in d.details.toPlainText())))
    dialog.import_file(str(EXAMPLE))
    assert seen and len(sm.services(store)) == 16


def test_the_preview_of_a_long_file_lists_the_first_lines_quickly(qtbot, store, nl):
    """Qt lays out a long HTML list in quadratic time: 10,000 lines took 5 s, 20,000 25 s."""
    rows = [f"Dienst {n};Stichting {n};Meedoen" for n in range(smc.MAX_FILE_LINES - 1)]
    report = smc.preview_csv(store, "\n".join(["naam;organisatie;dimensies", *rows]).encode(), nl)
    began = time.perf_counter()
    preview = ImportPreviewDialog(report, "groot.csv")
    qtbot.addWidget(preview)
    assert time.perf_counter() - began < 2
    shown = preview.details.toPlainText()
    assert "Dienst 299" in shown and "Dienst 300" not in shown
    assert f"… en nog {len(rows) - 300} regels" in shown
    assert "9999 nieuwe diensten" in preview.summary.text()


def _check(condition: bool) -> None:
    assert condition


def test_a_malformed_file_shows_its_rejected_lines_and_changes_nothing(qtbot, store, nl, mapped,
                                                                       tmp_path):
    bad = tmp_path / "kapot.csv"
    bad.write_text("naam;organisatie;dimensies;email\n"
                   "Buurtkamer;Wijkcentrum Oost;Meedoen;buurtkamer@example.org\n"
                   "Kookclub;;Geluk;\n"
                   "Welzijnscoach;Stichting Welzijn Voorbeeldstad;Meedoen;\n"
                   ";Zonder naam;Meedoen;\n", encoding="utf-8")
    before = [s.id for s in sm.services(store)]
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)

    def look_then_cancel(preview: ImportPreviewDialog):
        details = preview.details.toPlainText()
        assert "Niet te lezen (2)" in details
        assert "Regel 3" in details and "Geluk" in details and "Regel 5" in details
        assert "Regel 4: Welzijnscoach" in details  # already on the map
        assert preview.import_button is None and preview.good_button is not None
        assert "Alleen de goede regel" in preview.good_button.text().replace("&", "")
        assert "2 regels kunnen niet worden gelezen" in preview.summary.text()
        preview.cancel_button.click()

    seen = in_modal(qtbot, ImportPreviewDialog, look_then_cancel)
    report = dialog.import_file(str(bad))
    assert seen and not report.applied
    assert [s.id for s in sm.services(store)] == before
    assert "Niets ingelezen" in dialog.message.text()

    # 'Alleen de goede regels inlezen': the one good line, nothing else
    seen = in_modal(qtbot, ImportPreviewDialog, lambda d: d.good_button.click())
    done = dialog.import_file(str(bad))
    assert seen and done.applied
    assert len(sm.services(store)) == len(before) + 1
    assert dialog.model.rowCount() == len(before) + 1
    assert any(s.name == "Buurtkamer" for s in sm.services(store))

    # a file that is no CSV at all: only 'Sluiten', nothing written
    junk = tmp_path / "plaatje.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    seen = in_modal(qtbot, ImportPreviewDialog, lambda d: (
        _check(d.import_button is None and d.good_button is None),
        _check("kan niet worden ingelezen" in d.summary.text()),
        _check("Bestand" in d.details.toPlainText())))
    dialog.import_file(str(junk))
    assert seen and len(sm.services(store)) == len(before) + 1


def test_a_file_that_cannot_be_read_is_said_so(qtbot, store, nl, tmp_path, monkeypatch):
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a: warnings.append(a[2]))
    assert dialog.import_file(str(tmp_path / "bestaat-niet.csv")) is None
    assert warnings and "kan niet worden gelezen" in warnings[0]


def test_filter_by_typing_and_dimension_and_keyboard(qtbot, store, nl, mapped):
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.filter, timeout=2000)
    qtbot.keyClicks(dialog.filter, "bibliotheek")
    assert {s.name for s in dialog.model.rows()} == {"Digitaal Café", "Taalcafé"}
    assert dialog.count.text() == "2 van 16"
    dialog.filter.clear()
    dialog.dimension.setCurrentIndex(dialog.dimension.findData("zingeving"))
    assert all("zingeving" in s.dimensions for s in dialog.model.rows())
    assert len(dialog.model.rows()) == 4
    qtbot.keyClicks(dialog.filter, "levensvragen")
    assert [s.name for s in dialog.model.rows()] == ["Gesprek over levensvragen"]
    # a dimension's name is found too
    dialog.dimension.setCurrentIndex(0)
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "mentaal welbevinden")
    assert "GGZ-praktijkondersteuning" in {s.name for s in dialog.model.rows()}
    # ↓ into the list; Enter edits the chosen one (the form, then cancelled)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.table
    seen = in_modal(qtbot, ServiceDialog, lambda d: _check(d.name.text() == dialog.selected().name))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert seen


def test_add_edit_with_errors_in_the_form_then_delete_keeps_old_referrals(
        qtbot, store, nl, professional, monkeypatch):
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)

    def fill(form: ServiceDialog):
        form.name.setText("Buurtkamer")
        form.organisation.setText("Wijkcentrum Oost")
        form.offer.setPlainText("Koffie en een praatje, elke ochtend.")
        form.dimensions["meedoen"].setChecked(True)
        form.phone.setText("0800-0000199")
        form.email.setText("buurtkamer@")  # wrong: said in the form, nothing stored
        form._try_accept()
        assert form.isVisible() and not form.error.isHidden()
        assert "lijkt geen e-mailadres" in form.error.text()
        assert not sm.services(store)
        form.email.setText("buurtkamer@wijkcentrum.example.org")
        form.route.setCurrentIndex(form.route.findData("zelf"))
        form._try_accept()

    seen = in_modal(qtbot, ServiceDialog, fill)
    added = dialog.add()
    assert seen and added is not None
    (s,) = sm.services(store)
    assert (s.name, s.dimensions, s.referral_route) == ("Buurtkamer", ("meedoen",), "zelf")
    assert dialog.selected().id == s.id

    # a duplicate is refused in the form as well
    def duplicate(form: ServiceDialog):
        form.name.setText("buurtkamer")
        form.organisation.setText("Wijkcentrum  Oost")
        form._try_accept()
        assert "staat al in de sociale kaart" in form.error.text()
        form.reject()

    in_modal(qtbot, ServiceDialog, duplicate)
    dialog.add()
    assert len(sm.services(store)) == 1

    # a referral to it, then it is changed and taken off the map: the referral stays readable
    p = store.add_patient("Bram Blijft")
    c = store.new_consultation(p.id, professional.id)
    r = sm.add_referral(store, c.id, s.id)

    def change(form: ServiceDialog):
        form.phone.setText("0800-0000200")
        form._try_accept()

    in_modal(qtbot, ServiceDialog, change)
    dialog.edit_selected()
    assert sm.service(store, s.id).phone == "0800-0000200"
    asked = []
    monkeypatch.setattr(plain, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert dialog.delete_selected()
    assert "blijven leesbaar" in asked[0]
    assert sm.services(store) == [] and dialog.model.rowCount() == 0
    kept = sm.referral(store, r.id)
    assert kept.name == "Buurtkamer" and "0800-0000199" in kept.contact_lines()


def test_export_writes_the_map_and_says_when_it_cannot(qtbot, store, nl, mapped, tmp_path,
                                                      monkeypatch):
    dialog = SocialMapDialog(store, nl)
    qtbot.addWidget(dialog)
    out = tmp_path / "kaart.csv"
    assert dialog.export_file(str(out))
    assert out.read_bytes() == smc.export_csv(store, instrument=nl)
    assert "16 diensten opgeslagen" in dialog.message.text()
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a: warnings.append(a[2]))
    assert not dialog.export_file(str(tmp_path / "bestaat-niet" / "kaart.csv"))
    assert warnings and warnings[0].startswith("De sociale kaart is niet opgeslagen.")
    assert "niet opgeslagen" in dialog.message.text()


def test_the_menu_opens_the_map_and_the_his_parts(qtbot, window, store, nl):
    actions = {a.text().replace("&", ""): a for m in window.menuBar().actions()
               for a in (m.menu().actions() if m.menu() else [])}
    seen = in_modal(qtbot, SocialMapDialog, lambda d: d.accept())
    actions["Sociale kaart…"].trigger()
    assert seen

    def parts(form):
        for box in form.parts.values():
            box.setChecked(False)
        form._try_accept()
        assert form.isVisible() and "minstens één deel" in form.error.text()
        form.parts["O"].setChecked(True)
        form.parts["P"].setChecked(True)
        form._try_accept()

    seen = in_modal(qtbot, QDialog, parts)
    actions["HIS-tekst…"].trigger()
    assert seen and soep_parts(store) == ("O", "P")


def test_service_table_model_without_a_window(nl):
    model = ServiceTableModel(nl)
    model.set_services([Service(id="s1", name="Taalcafé", organisation="Bibliotheek",
                                dimensions=("meedoen", "dagelijks_functioneren"),
                                referral_route="zelf", offer="Nederlands oefenen.",
                                phone="0800-0000105")])
    assert (model.rowCount(), model.columnCount()) == (1, 4)
    row = [model.data(model.index(0, c)) for c in range(4)]
    assert row == ["Taalcafé", "Bibliotheek", "Meedoen, Dagelijks", "zelf"]
    assert "Nederlands oefenen." in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Dimensies"
