"""The window with trajectories: who is due, planning, a new trajectory only after asking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pgdesk.storage.trajectories import trajectories_for
from pgdesk.ui import plain
from pgdesk.ui.dialogs import DateDialog

TODAY = dt.date.today()


def _days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def test_due_list_shows_overdue_first_and_opens_the_patient(qtbot, window, store, professional):
    late = store.add_patient("Lotte Laat", "1950")
    soon = store.add_patient("Sem Straks", "1960")
    later = store.add_patient("Lars Later", "1970")
    store.new_consultation(late.id, professional.id, "start", _days(-120))   # tussen 29 days late
    store.new_consultation(soon.id, professional.id, "start", _days(-85))    # tussen in 6 days
    store.new_consultation(later.id, professional.id, "start", _days(-10))   # not yet due
    window.show_list()
    panel = window.list_page.due
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(texts) == 2
    assert texts[0].startswith("Lotte Laat") and "te laat, 29 dagen" in texts[0]
    assert texts[1].startswith("Sem Straks") and "over 6 dagen" in texts[1]
    assert panel.list.item(0).font().bold() and not panel.list.item(1).font().bold()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.patient_page
    assert window.patient_page.patient_id == late.id


def test_due_list_shows_a_page_and_the_last_row_shows_the_next(qtbot, window, store, professional,
                                                                 monkeypatch):
    from pgdesk.ui import due_panel

    monkeypatch.setattr(due_panel, "PAGE", 3)
    window.due_cache.shown = 3
    for i in range(7):
        p = store.add_patient(f"Patiënt {i} Testpersoon", "1950")
        store.new_consultation(p.id, professional.id, "start", _days(-100 + i))  # tussen late
    window.show_list()
    panel = window.list_page.due
    assert panel.list.count() == 4 and len(panel.items) == 3
    assert panel.list.item(3).text() == "Nog 4 gepland: toon er meer"
    panel.list.setCurrentRow(3)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # the next page, not a patient
    assert panel.list.currentRow() == 3  # reading goes on at its first row
    assert window.stack.currentWidget() is window.list_page
    assert len(panel.items) == 6 and panel.list.item(6).text() == "Nog 1 gepland: toon er meer"
    panel.list.setCurrentRow(6)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert len(panel.items) == 7 and panel.list.count() == 7 and panel.more is None
    assert [d.display_name for d in panel.items] == [f"Patiënt {i} Testpersoon" for i in range(7)]


def test_planned_date_is_shown_and_can_be_moved(qtbot, window, store, professional, monkeypatch):
    p = store.add_patient("Pim Planning", "1955")
    store.new_consultation(p.id, professional.id, "start", "2026-01-05")
    window.show_patient(p.id)
    page = window.patient_page
    assert "tussengesprek" in page.next_label.text().lower() and "06-04-2026" in page.next_label.text()

    def pick(dialog):
        dialog.date.setDate(dialog.date.date().addDays(14))
        return DateDialog.DialogCode.Accepted

    monkeypatch.setattr(DateDialog, "exec", pick)
    page.plan_button.click()
    assert "20-04-2026" in page.next_label.text()
    assert trajectories_for(store, p.id, window.instrument)[0].planned["tussen"] == "2026-04-20"


def test_second_start_asks_before_closing_the_running_trajectory(qtbot, window, store,
                                                                 professional, monkeypatch):
    p = store.add_patient("Tim Traject", "1965")
    store.new_consultation(p.id, professional.id, "start", _days(-30))
    window.show_patient(p.id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(plain, "question", lambda *a: asked.append(a[2]) or answers.pop(0))
    window.start_trajectory()
    assert window.consultation_page is None
    assert len(trajectories_for(store, p.id, window.instrument)) == 1  # "No": nothing changed
    window.start_trajectory()
    assert "Er loopt al een traject sinds" in asked[0]
    ts = trajectories_for(store, p.id, window.instrument)
    assert len(ts) == 2 and not ts[0].open and ts[1].open
    assert window.consultation_page.session.c.type == "start"


def test_refused_type_change_puts_the_box_back(qtbot, window, store, professional, monkeypatch):
    seen = []
    monkeypatch.setattr(plain, "warning", lambda *a: seen.append(a[2]))
    p = store.add_patient("Tess Type", "1975")
    store.new_consultation(p.id, professional.id, "start", _days(-30))
    c = store.new_consultation(p.id, professional.id, "tussen", _days(-1))
    window.show_patient(p.id)
    window.open_consultation(c.id)
    box = window.consultation_page.type_box
    box.setCurrentIndex(box.findData("start"))  # a second start in the same trajectory
    assert seen and box.currentData() == "tussen"
    assert store.consultation(c.id).type == "tussen"


def test_step_two_own_words_and_one_topic_per_wheel(qtbot, store, professional, instrument):
    from pgdesk.domain.models import IMPORTANT, STARTS_WITH
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.focus_step import FocusStep
    from pgdesk.ui.consultation.wheel_step import WheelStep

    p = store.add_patient("Wim Woorden")
    c = store.new_consultation(p.id, professional.id)
    session = ConsultationSession(store, instrument, c.id)
    step = FocusStep(session)
    qtbot.addWidget(step)
    step.show()
    ids = instrument.dimension_ids
    step.own_words.setPlainText("Weer met mijn kleinkinderen naar het strand.")
    assert step.flush()
    assert store.consultation(c.id).wheel_answers[IMPORTANT] == \
        "Weer met mijn kleinkinderen naar het strand."
    assert not step.start_with.isVisible()  # one topic or none: nothing to choose
    for dim in (ids[4], ids[2]):
        session.set_mark("focus", dim, "", True)
    step.refresh()
    assert step.start_with.isVisible() and step.start_with.count() == 2
    assert step.start_with.currentData() == ids[2]  # the first in the web's order
    step.start_with.setCurrentIndex(1)
    step.start_with.activated.emit(1)
    assert store.consultation(c.id).wheel_answers[STARTS_WITH] == ids[4]
    assert instrument.dimension(ids[2]).name in step.later.text()
    wheel = WheelStep(session)
    qtbot.addWidget(wheel)
    wheel.refresh()
    meedoen, zingeving = instrument.dimension(ids[4]).name, instrument.dimension(ids[2]).name
    assert wheel.topic.text() == f"Onderwerp: {meedoen} (later: {zingeving})"


def test_plan_step_icpc_code_and_note_go_to_the_his_text_not_the_handout(qtbot, store,
                                                                          professional, instrument):
    from pgdesk.domain.models import ICPC, PROFESSIONAL_NOTE
    from pgdesk.reports.handout import handout_pdf
    from pgdesk.reports.soep import render_soep
    from pgdesk.storage.documents import handout_data, soep_data
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.plan_step import PlanStep

    store.set_setting("icpc_default", "A98")
    p = store.add_patient("Noor Notitie")
    c = store.new_consultation(p.id, professional.id)
    step = PlanStep(ConsultationSession(store, instrument, c.id))
    qtbot.addWidget(step)
    assert step.practice_fields[ICPC].placeholderText() == "A98"
    assert "(ICPC A98)" in render_soep(soep_data(store, c.id), instrument)
    step.practice_fields[ICPC].setText("t90")
    step.practice_fields[PROFESSIONAL_NOTE].setText("Schaamte over de schulden, voorzichtig.")
    assert step.flush()
    stored = store.consultation(c.id).wheel_answers
    assert stored[ICPC] == "T90" and stored[PROFESSIONAL_NOTE].startswith("Schaamte")
    soep = render_soep(soep_data(store, c.id), instrument)
    assert "(ICPC T90)" in soep and "Notitie: Schaamte over de schulden, voorzichtig." in soep
    import io

    from pypdf import PdfReader

    pdf = handout_pdf(handout_data(store, c.id, instrument), instrument)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Schaamte" not in text and "T90" not in text


def test_a_late_tussen_offers_the_eind_for_re_planning(qtbot, window, store, professional,
                                                      monkeypatch):
    p = store.add_patient("Tessa Tussen", "1958")
    store.new_consultation(p.id, professional.id, "start", "2026-01-05")  # eind planned 06-07
    store.new_consultation(p.id, professional.id, "tussen", "2026-06-20")  # held 2,5 months late
    window.show_patient(p.id)
    page = window.patient_page
    text = page.next_label.text()
    # the usual gap tussen -> eind is 91 days: 20-06 + 91 = 19-09-2026
    assert "eindgesprek" in text and "06-07-2026" in text and "voorstel: 19-09-2026" in text
    assert page.plan_button.text() == "Opnieuw &plannen…"
    seen = []

    def accept(dialog):
        seen.append(dialog.iso())
        return DateDialog.DialogCode.Accepted

    monkeypatch.setattr(DateDialog, "exec", accept)
    page.plan_button.click()
    assert seen == ["2026-09-19"]  # the dialog opens on the proposal
    assert trajectories_for(store, p.id, window.instrument)[0].planned["eind"] == "2026-09-19"
    assert "voorstel" not in page.next_label.text()  # the plan fits again
    assert page.plan_button.text() == "&Plannen…"
