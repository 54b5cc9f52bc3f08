"""Ctrl+plus/minus scale all the window's text, remembered per professional; under a dark
palette the style sheet's own colours stay readable (contrast at least 7:1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from pgdesk.domain.content import shipped_instrument
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.style import follow_system


def _luminance(c: QColor) -> float:
    def part(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * part(c.redF()) + 0.7152 * part(c.greenF()) + 0.0722 * part(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_ctrl_plus_and_minus_scale_the_text_and_are_remembered(qtbot, window, store):
    patient = store.add_patient("Groot Testpersoon")
    window.show_patient(patient.id)
    title = window.patient_page.title
    before = title.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == 1.3
    assert title.font().pointSizeF() > before * 1.25
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == 1.15
    again = MainWindow(store, shipped_instrument())  # the next start, same professional
    qtbot.addWidget(again)
    assert again.text_size.scale == 1.15
    again.backups.enabled = False
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.scale == 1.0


def test_dark_palette_keeps_every_styled_text_readable(qtbot, qapp, store, professional):
    before = qapp.palette()
    dark = QPalette(QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f1f1f1"))
    qapp.setPalette(dark)
    try:
        assert follow_system(qapp)
        window = MainWindow(store, shipped_instrument())
        qtbot.addWidget(window)
        window.show()
        patient = store.add_patient("Donker Testpersoon")
        window.show_patient(patient.id)
        window.text_size.set_scale(1.5, remember=False)
        background = window.palette().color(QPalette.ColorRole.Window)
        for label in (window.patient_page.title, window.patient_page.empty):
            assert _contrast(label.palette().color(label.foregroundRole()), background) >= 7
        window.backups.enabled = False
    finally:
        qapp.setPalette(before)
        follow_system(qapp)
