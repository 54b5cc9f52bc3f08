"""The window at 1366 x 768 and at 150 % text (Ctrl+plus, issue 18), as looked at: the score list
shows whole dimension names, the radar's own labels grow with the text, the patient page's web is
in view down to its bottom, and step 1 offers no "← Vorige" (fictitious data only)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from pgdesk.domain.instrument import SCALE_MAX


def _settle(qtbot) -> None:
    qtbot.wait(50)


def _to_150(qtbot, window) -> None:
    """Ctrl+plus as the user presses it: 1.0 → 1.15 → 1.3 → 1.5."""
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == 1.5
    _settle(qtbot)


def _with_webs(store, professional, instrument):
    """A patient with a start and a tussen web, each dimension scored; the tussen's id."""
    patient = store.add_patient("Anna Testpersoon", "1950")
    for kind, base in (("start", 3), ("tussen", 6)):
        c = store.new_consultation(patient.id, professional.id, kind)
        for i, dim in enumerate(instrument.dimensions):
            store.set_score(c.id, dim.id, min(SCALE_MAX, base + i % 3))
    return patient.id, c.id


@pytest.fixture
def big_window(window):
    window.resize(1366, 768)
    return window


def test_step_one_offers_no_previous_step(qtbot, big_window, store, instrument):
    patient = store.add_patient("Anna Testpersoon", "1950")
    big_window.show_patient(patient.id)
    big_window.new_consultation()
    page = big_window.consultation_page
    assert page.index == 0
    assert not page.back_button.isVisible()  # nothing before step 1
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.index == 1 and page.back_button.isVisible()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.index == 0 and not page.back_button.isVisible()


def test_the_score_list_shows_whole_names_at_150_percent(qtbot, big_window, store, professional,
                                                         instrument):
    patient_id, tussen = _with_webs(store, professional, instrument)
    mental = instrument.dimensions[1]  # scored per aspect: "6,4 (gem.)", the widest number
    store.set_score(tussen, mental.id, None)
    for aspect, value in zip(mental.aspects, (6, 7, 6, 6, 7), strict=False):
        store.set_aspect_score(tussen, mental.id, aspect.id, value)
    big_window.show_patient(patient_id)
    big_window.open_consultation(tussen)
    _to_150(qtbot, big_window)
    table = big_window.consultation_page.web.table
    assert "(" in table.item(1, 1).text()
    metrics = table.fontMetrics()
    for row, dim in enumerate(instrument.dimensions):
        room = table.visualItemRect(table.item(row, 0)).width()
        assert metrics.horizontalAdvance(dim.name) < room, dim.name  # no "Mentaal …"
    # and the web beside it keeps a usable size
    assert big_window.consultation_page.web.radar.width() >= 280


def test_the_radars_labels_follow_the_windows_text_size(qtbot, big_window, store, professional,
                                                        instrument):
    patient_id, tussen = _with_webs(store, professional, instrument)
    big_window.show_patient(patient_id)
    big_window.open_consultation(tussen)
    radar = big_window.consultation_page.web.radar
    _settle(qtbot)

    def sizes() -> tuple[float, float]:
        return (radar._label_items[0]._font.pointSizeF(), radar._numbers[0]._font.pointSizeF())

    label, number = sizes()
    _to_150(qtbot, big_window)
    bigger_label, bigger_number = sizes()
    assert bigger_number == pytest.approx(number * 1.5)
    assert bigger_label >= label * 1.3  # times 1.5, within the radar's own small/large range
    qtbot.keyClick(big_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    assert sizes() == (label, number)


@pytest.mark.parametrize("steps", [0, 3])  # normal text and 150 %
def test_the_patient_pages_web_is_in_view_down_to_its_bottom(qtbot, big_window, store,
                                                           professional, instrument, steps):
    for _ in range(steps):
        qtbot.keyClick(big_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    big_window.show_patient(_with_webs(store, professional, instrument)[0])
    _settle(qtbot)
    page = big_window.patient_page
    area, radar = page._panel_area, page.trajectory_panel.web.radar
    assert area.isVisible() and area.verticalScrollBar().value() == 0
    viewport = area.viewport()
    bottom = radar.mapTo(viewport, QPoint(0, radar.height())).y()
    assert bottom <= viewport.height(), (bottom, viewport.height())
    assert radar.height() >= radar.minimumHeight() >= 280
    assert page.fill_in.isVisible() and page.new_button.isVisible()  # buttons still on screen
