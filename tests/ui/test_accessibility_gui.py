"""What a screen reader gets: the spinnenweb's and the actiewiel's accessible interfaces name
their values, and setting a value through them does what a click does (the score is stored)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible


def _interface(widget):
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def test_radar_reads_and_sets_each_score(window, store, professional, instrument):
    patient = store.add_patient("Toegankelijk Testpersoon")
    c = store.new_consultation(patient.id, professional.id)
    store.set_score(c.id, instrument.dimensions[0].id, 7)
    window.show_patient(patient.id)
    window.open_consultation(c.id)
    radar = window.consultation_page.web.radar
    web = _interface(radar)
    assert web.role() == QAccessible.Role.Chart
    assert web.childCount() == len(instrument.dimensions)
    first = web.child(0)
    assert first.role() == QAccessible.Role.Slider
    assert first.text(QAccessible.Text.Name) == "Lichaamsfuncties 7 van 10"
    assert web.child(1).text(QAccessible.Text.Name) == "Mentaal welbevinden geen cijfer"
    value = web.child(1).valueInterface()
    assert (value.minimumValue(), value.maximumValue()) == (0, 10)
    value.setCurrentValue(4)  # as a screen reader's "set value" does
    assert store.consultation(c.id).manual_scores[instrument.dimensions[1].id] == 4
    assert web.child(1).text(QAccessible.Text.Name) == "Mentaal welbevinden 4 van 10"
    value.setCurrentValue(42)  # out of range: the nearest end of the scale
    assert store.consultation(c.id).manual_scores[instrument.dimensions[1].id] == 10


def test_wheel_reads_the_open_question_and_goes_to_another(window, store, professional,
                                                           instrument):
    patient = store.add_patient("Wiel Testpersoon")
    c = store.new_consultation(patient.id, professional.id)
    window.show_patient(patient.id)
    window.open_consultation(c.id)
    page = window.consultation_page
    page.go_to(page.steps.index(page.wheel))
    wheel = _interface(page.wheel.picture)
    name = wheel.text(QAccessible.Text.Name)
    assert name.startswith("Actiewiel, vraag 1 van 6: Hoe gaat het nu?")
    wheel.valueInterface().setCurrentValue(3)
    assert page.wheel.index == 2
    assert "vraag 3 van 6: Wat kun je?" in wheel.text(QAccessible.Text.Name)
