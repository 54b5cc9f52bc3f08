"""What pgdesk paints itself (the spinnenweb, the actiewiel picture, the practice overview's
charts) follows the palette: background, text, axes and grid from a light, dark or high-contrast
desktop, and every coloured mark stands out from the background by at least 3:1."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from pgdesk.domain.content import shipped_instrument
from pgdesk.ui.chart_colours import chart_colours, contrast, over
from pgdesk.ui.style import follow_system
from pgdesk.ui.web_pens import HISTORY_STYLES, WEB_BLUE


def _palette(window: str, base: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text)):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    "light": _palette("#efefef", "#ffffff", "#000000"),
    "dark": _palette("#202124", "#2a2a2a", "#f1f1f1"),
    "high contrast dark": _palette("#000000", "#000000", "#ffffff"),
    "high contrast light": _palette("#ffffff", "#ffffff", "#000000"),
    "dark blue": _palette("#1b2433", "#111a27", "#e6edf5"),
}


@pytest.mark.parametrize("name", PALETTES)
def test_every_colour_keeps_its_contrast_on_each_palette(name):
    ink = chart_colours(PALETTES[name])
    bg = ink.background
    assert ink.background == PALETTES[name].color(QPalette.ColorRole.Base)
    assert ink.ink == PALETTES[name].color(QPalette.ColorRole.Text)
    assert contrast(ink.muted, bg) >= 4.5  # secondary text is still text
    assert contrast(ink.accent, bg) >= 3  # bars, handles, the bold label
    assert contrast(ink.on_accent, ink.accent) >= 4.5  # the drag tip's number on its box
    assert contrast(over(ink.line, bg), bg) >= 3  # axes, the outer ring
    assert contrast(ink.accent, ink.soft) >= 3  # a decrease's edge on its fill
    for colour in [WEB_BLUE, *(c for c, _ in HISTORY_STYLES)]:  # the current and earlier webs
        assert contrast(ink.series(colour), bg) >= 3, colour.name()
    for dim in shipped_instrument("nl").dimensions:  # the dimensions' own colours
        assert contrast(ink.series(QColor(dim.color)), bg) >= 3, dim.color
    # a colour that already stands out is left as it is (the hue says which web it is)
    assert ink.series(QColor("#c85200")) == QColor("#c85200") or ink.dark


@pytest.fixture
def desktop(qapp):
    """Set the desktop's palette as the app gets it (and the style sheet that follows it)."""
    before, sheet = qapp.palette(), qapp.styleSheet()

    def use(palette: QPalette) -> None:
        qapp.setPalette(palette)
        follow_system(qapp)

    yield use
    qapp.setPalette(before)  # and exactly the sheet there was: later tests see the app as it was
    qapp.setStyleSheet(sheet)


def _shown(widget: QWidget, qtbot) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(500, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _share_near(image, colour: QColor) -> float:
    step, near, total = 7, 0, 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            total += 1
            near += abs(c.red() - colour.red()) + abs(c.green() - colour.green()) \
                + abs(c.blue() - colour.blue()) < 24
    return near / total


@pytest.mark.parametrize("name", ["dark", "high contrast dark", "light"])
def test_the_radar_and_wheel_are_painted_in_the_palettes_colours(qtbot, desktop, name):
    from pgdesk.ui.consultation.wheel_picture import WheelPicture
    from pgdesk.ui.radar import RadarWidget

    desktop(PALETTES[name])
    ink = chart_colours(PALETTES[name])
    radar = _shown(RadarWidget([d.name for d in shipped_instrument("nl").dimensions]), qtbot)
    radar.set_scores([7, 5, None, 8, 3, 6])
    picture = radar.grab().toImage()
    assert _share_near(picture, ink.background) > 0.4  # mostly background, not white on dark
    assert radar._webs.current_pen().color() == ink.series(WEB_BLUE)
    wheel = _shown(WheelPicture(["Sterk", "Wens", "Hindert", "Nodig", "Kiezen", "Start"]), qtbot)
    shot = wheel.grab().toImage()
    assert _share_near(shot, ink.accent) > 0.02  # the current question in the accent
    if ink.dark:
        # no light segments on a dark desktop: the old light grey (#eef2f6) filled every unanswered
        # segment; now only the letters of the (light) labels come near it
        assert _share_near(shot, QColor("#eef2f6")) < 0.02
    # the radar follows when the desktop's palette changes (a theme switch)
    desktop(PALETTES["light"] if ink.dark else PALETTES["dark"])
    assert radar._plot.backgroundBrush().color() != ink.background
    # the patient mode's own light palette keeps its web light under a dark desktop
    from pgdesk.ui.patient_mode.style import patient_palette

    radar.setPalette(patient_palette())
    assert radar._plot.backgroundBrush().color() == patient_palette().color(QPalette.ColorRole.Base)


def test_the_overviews_charts_follow_a_dark_palette(qtbot, desktop, store, instrument):
    from pgdesk.ui.overview_window import PracticeOverview

    desktop(PALETTES["dark"])
    overview = PracticeOverview.from_store(store, instrument)
    qtbot.addWidget(overview)
    charts = [w for w in overview.findChildren(QWidget) if type(w).__name__ == "_Chart"]
    assert charts
    ink = chart_colours(PALETTES["dark"])
    for chart in charts:
        assert chart.backgroundBrush().color() == ink.background
        assert chart.getPlotItem().getAxis("left").textPen().color() == ink.ink
    overview.close()
