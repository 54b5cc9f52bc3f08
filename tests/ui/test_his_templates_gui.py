"""The practice's HIS template (Praktijk → HIS-tekst): width, letters, Windows-1252; and one
part at a time from the summary step's arrow beside "Kopieer naar HIS"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pgdesk.domain.his_templates import TEMPLATES, cp1252_safe, template
from pgdesk.reports.soep import render_soep
from pgdesk.storage import access_log
from pgdesk.storage.documents import soep_data
from pgdesk.ui.his_text import SoepPartsDialog


def conversation(store, professional, instrument):
    p = store.add_patient("Ayşe Ĳzerman")
    c = store.new_consultation(p.id, professional.id, "start", "2026-06-14")
    for i, d in enumerate(instrument.dimensions):
        store.set_score(c.id, d.id, 4 + i % 5)
    wish = instrument.wheel_step_id("wish")
    store.set_wheel_answer(c.id, wish, "Ik wil weer fietsen met mijn kleinzoon naar de ĳsbaan "
                                       "en daarna samen warme chocolademelk drinken 🚲.")
    store.set_plan_field(c.id, "first_step", "Fiets laten nakijken bij Şahin")
    return p, c


def choose(qtbot, store, key: str, cp1252: bool) -> None:
    dialog = SoepPartsDialog(store)
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findData(key))
    dialog.cp1252.setChecked(cp1252)
    dialog._try_accept()
    assert dialog.result() == SoepPartsDialog.DialogCode.Accepted


def test_templates_shape_the_text(qtbot, store, professional, instrument):
    _, c = conversation(store, professional, instrument)
    standard = render_soep(soep_data(store, c.id), instrument)
    assert max(len(line) for line in standard.splitlines()) <= 72
    assert "Ĳzerman" not in standard and "ĳsbaan" in standard  # the words as said, by default

    choose(qtbot, store, "smal", cp1252=True)
    narrow = render_soep(soep_data(store, c.id), instrument)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert [line[:3] for line in narrow.splitlines() if not line.startswith("   ")] == [
        "S: ", "O: ", "E: ", "P: "]
    narrow.encode("cp1252")  # nothing an older HIS cannot store
    assert "ijsbaan" in narrow and "Sahin" in narrow and "?" in narrow  # the bike has no letter

    choose(qtbot, store, "velden", cp1252=False)
    fields = render_soep(soep_data(store, c.id), instrument)
    assert not any(line.startswith(("S: ", "O: ", "E: ", "P: ", "   ")) for line in fields.splitlines())
    assert "warme chocolademelk drinken 🚲." in fields  # not cut short, not wrapped
    p_only = render_soep(soep_data(store, c.id), instrument, parts=("P",))
    assert p_only.splitlines() == [
        "Doel: Ik wil weer fietsen met mijn kleinzoon naar de ĳsbaan en daarna samen warme "
        "chocolademelk drinken 🚲.", "Eerste stap: Fiets laten nakijken bij Şahin"]


def test_dialog_offers_every_template_and_keeps_the_choice(qtbot, store):
    dialog = SoepPartsDialog(store)
    qtbot.addWidget(dialog)
    assert [dialog.template.itemData(i) for i in range(dialog.template.count())] == [
        t.key for t in TEMPLATES]
    assert dialog.template.currentData() == "standaard" and not dialog.cp1252.isChecked()
    choose(qtbot, store, "breed", cp1252=True)
    again = SoepPartsDialog(store)
    qtbot.addWidget(again)
    assert again.template.currentData() == "breed" and again.cp1252.isChecked()
    assert template("bestaat-niet").key == "standaard"


def test_one_part_from_the_arrow_menu(qtbot, window, store, professional, instrument):
    p, c = conversation(store, professional, instrument)
    window.show_patient(p.id)
    window.open_consultation(c.id)
    page = window.consultation_page
    page.go_to(4)
    QApplication.clipboard().clear()
    actions = {a.data(): a for a in page.summary.his_parts.menu().actions()}
    assert list(actions) == ["S", "O", "E", "P"]
    actions["P"].trigger()
    copied = QApplication.clipboard().text()
    assert copied == render_soep(soep_data(store, c.id), instrument, parts=("P",))
    assert copied.startswith("P: Doel: Ik wil weer fietsen") and "O:" not in copied
    lines = [(ln["action"], ln["what"]) for ln in access_log.lines_for(store.db, p.id)]
    assert lines[-1] == ("E", "soep")
    assert "Gekopieerd" in page.summary.copied.text()


def test_cp1252_keeps_what_it_has_and_spells_the_rest():
    assert cp1252_safe("Zoë Ĳsselstein – “ja” € ſ ş ğ ı −3 🚲\nregel") == \
        "Zoë IJsselstein – “ja” € s s g i -3 ?\nregel"
