"""Issue 15 on screen: the practice's details (dialog, reminder once), the tick that leaves the
end handout's changes out (remembered per patient), the blank web's foot.

All people and practices are fictitious.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.validation import InputError
from pgdesk.storage.practice import (
    handout_changes,
    needs_reminder,
    practice_details,
    set_practice_details,
)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in
                                        PdfReader(io.BytesIO(pdf)).pages))


def test_practice_details_stored_and_checked(store):
    assert practice_details(store).name == "" and not practice_details(store).is_filled()
    set_practice_details(store, "  Huisartsenpraktijk   De Linde ", "071 123 45 67")
    assert practice_details(store).name == "Huisartsenpraktijk De Linde"
    assert practice_details(store).is_filled()
    with pytest.raises(InputError, match="telefoonnummer"):
        set_practice_details(store, "De Linde", "bel ons")
    assert practice_details(store).phone == "071 123 45 67"  # nothing half-stored


def test_the_reminder_comes_once(store):
    assert needs_reminder(store)
    assert not needs_reminder(store)  # not on every handout
    set_practice_details(store, "De Linde", "071 123 45 67")
    assert not needs_reminder(store)


@pytest.mark.gui
def test_practice_details_dialog_saves(qtbot, store):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pgdesk.ui.practice_details_dialog import PracticeDetailsDialog, history_while_scoring

    dialog = PracticeDetailsDialog(store)
    qtbot.addWidget(dialog)
    dialog.name.setText("Huisartsenpraktijk De Linde")
    dialog.phone.setText("071 123 45 67")
    dialog.website.setText("www.praktijkdelinde.example")
    dialog.keep_history.setChecked(True)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget()._try_accept())
    dialog.exec()
    assert practice_details(store).website == "www.praktijkdelinde.example"
    assert history_while_scoring(store)


@pytest.mark.gui
def test_summary_tick_leaves_the_changes_out_and_is_remembered(qtbot, store, professional):
    from pgdesk.storage.session import ConsultationSession
    from pgdesk.ui.consultation.summary_step import SummaryStep

    nl = shipped_instrument("nl")
    p = store.add_patient("Anna Engels")
    start = store.new_consultation(p.id, professional.id, "start", "2026-01-10")
    end = store.new_consultation(p.id, professional.id, "eind", "2026-07-10")
    for n, d in enumerate(nl.dimension_ids):
        store.set_score(start.id, d, 5)
        store.set_score(end.id, d, 5 + n % 3)
    step = SummaryStep(ConsultationSession(store, nl, end.id))
    qtbot.addWidget(step)
    step.refresh()
    assert step.reminder.isVisibleTo(step)  # practice details not filled in: told once
    assert step.changes_box.isVisibleTo(step) and step.changes_box.isChecked()
    assert nl.text("change_heading") in text_of(step.pdf)
    step.changes_box.setChecked(False)
    assert nl.text("change_heading") not in text_of(step.pdf)
    assert handout_changes(store, p.id) is False
    again = SummaryStep(ConsultationSession(store, nl, end.id))
    qtbot.addWidget(again)
    again.refresh()
    assert not again.changes_box.isChecked() and not again.reminder.isVisibleTo(again)
    # a start conversation has no change section, so no tick
    first = SummaryStep(ConsultationSession(store, nl, start.id))
    qtbot.addWidget(first)
    first.refresh()
    assert not first.changes_box.isVisibleTo(first)


def test_blank_web_shows_the_practice_and_the_source():
    from pgdesk.domain.practice import PracticeDetails
    from pgdesk.reports.paper_web import render_paper_web

    nl = shipped_instrument("nl")
    practice = PracticeDetails("Huisartsenpraktijk De Linde", "071 123 45 67")
    for paper in ("A4", "A5"):
        pdf = render_paper_web(nl, paper=paper, practice=practice)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            text = re.sub(r"\s+", " ", page.extract_text())
            assert "Huisartsenpraktijk De Linde · 071 123 45 67" in text, paper
            assert "Positieve Gezondheid (Machteld Huber;" in text, paper
