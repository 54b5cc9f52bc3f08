"""Which backups to keep: the newest per day, per week and per month, for a while each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _newest_per_period(stamps: list[dt.datetime], period: Callable[[dt.datetime], tuple],
                       count: int) -> set[dt.datetime]:
    kept: dict[tuple, dt.datetime] = {}
    for s in sorted(stamps, reverse=True):
        key = period(s)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = s
    return set(kept.values())


def backups_to_keep(stamps: Iterable[dt.datetime], *, daily: int = DAILY, weekly: int = WEEKLY,
                    monthly: int = MONTHLY) -> set[dt.datetime]:
    """The newest backup of each of the last `daily` days, `weekly` ISO weeks and `monthly`
    months that have one (grandfather-father-son), so a gap in use never empties the folder."""
    stamps = list(stamps)
    return (_newest_per_period(stamps, lambda s: (s.date(),), daily)
            | _newest_per_period(stamps, lambda s: s.isocalendar()[:2], weekly)
            | _newest_per_period(stamps, lambda s: (s.year, s.month), monthly))


def copy_expired(made: dt.datetime, now: dt.datetime, *, months: int = MONTHLY) -> bool:
    """Whether a copy kept aside (before a migration or a restore) has outlived its lifetime:
    as long as the oldest monthly backup is kept, `months` calendar months."""
    months_old = (now.year - made.year) * 12 + now.month - made.month
    return months_old > months or (months_old == months and (now.day, now.time()) >= (made.day, made.time()))
