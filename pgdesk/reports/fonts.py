"""DejaVu Sans (regular + bold) from resources/fonts, registered with reportlab once."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pgdesk.paths import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and DejaVu Sans Bold (embedded TrueType); return their names.

    Safe to call often: the work is done once per process. The family mapping lets
    Paragraph markup such as <b> pick the bold face instead of falling back to Helvetica.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    # No italic face ships: italic maps to the upright faces so nothing falls back to Helvetica.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD
