"""Checks on what people type for a patient, with Dutch messages."""

from __future__ import annotations

import datetime as dt
import re

from pgdesk.domain.errors import PgdeskError


class InputError(PgdeskError, ValueError):
    pass


def normalize_birth_date(text: str, today: dt.date | None = None) -> str:
    """Accept '1956', '14-3-1956' or '1956-03-14'; return 'YYYY' or ISO 'YYYY-MM-DD'."""
    today = today or dt.date.today()
    text = text.strip()
    if not text:
        return ""
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        if not 1900 <= year <= today.year:
            raise InputError(f"Het geboortejaar {year} kan niet.")
        return text
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if m:
            date = dt.date(int(m[3]), int(m[2]), int(m[1]))
        elif iso:
            date = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        else:
            raise ValueError
    except ValueError:
        raise InputError(
            "Vul de geboortedatum in als dd-mm-jjjj (bijvoorbeeld 14-03-1956) of alleen het jaar."
        ) from None
    if not dt.date(1900, 1, 1) <= date <= today:
        raise InputError("Die geboortedatum kan niet.")
    return date.isoformat()


def display_birth_date(value: str) -> str:
    """ISO back to the Dutch way of writing a date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        y, mth, d = value.split("-")
        return f"{d}-{mth}-{y}"
    return value or ""


def require_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise InputError("Vul een naam in.")
    if len(name) > 200:
        raise InputError("Die naam is te lang (meer dan 200 tekens).")
    return name
