"""Dates as people read them on paper and in the HIS: dd-mm-jjjj, with a time where there is one."""

from __future__ import annotations

import datetime as dt
import re

_ISO_WHEN = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$"
)


def _parse(text: str) -> tuple[dt.datetime, bool] | None:
    """(moment, has_time) of an ISO date or date-time (one-digit hours too), else None."""
    m = _ISO_WHEN.match(text)
    if not m:
        return None
    try:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0)), \
            m[4] is not None
    except ValueError:
        return None


def format_date(value: str) -> str:
    """'YYYY-MM-DD' (optionally with a time) as dd-mm-jjjj; anything else unchanged."""
    parsed = _parse(value.strip())
    return parsed[0].strftime("%d-%m-%Y") if parsed else value.strip()


def format_appointment(value: str) -> str:
    """ISO date or date-time as 'dd-mm-jjjj' or 'dd-mm-jjjj HH:MM'; free text unchanged."""
    text = value.strip()
    parsed = _parse(text)
    if parsed is None:
        return text
    when, has_time = parsed
    return when.strftime("%d-%m-%Y %H:%M" if has_time else "%d-%m-%Y")
