"""How pgdesk writes a number a reader sees: one decimal at most, a decimal comma in Dutch and
a point in English, and a real minus sign (U+2212) for changes."""

from __future__ import annotations

MINUS = "\u2212"


def format_number(value: float, language: str = "nl", *, fixed: bool = False) -> str:
    """'7', '7,5' ('7.5' in English); `fixed`: always one decimal ('7,0'), as for a mean."""
    if not fixed and float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "nl" else text


def format_signed(value: float, language: str = "nl", *, minus: str = MINUS) -> str:
    """A change: '+0,8', '−0,5', '0' (rounded to one decimal first)."""
    value = round(value, 1)
    if value == 0:
        return "0"
    return ("+" if value > 0 else minus) + format_number(abs(value), language)
