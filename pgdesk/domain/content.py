"""Loads the shipped instrument for a language (Dutch by default)."""

from __future__ import annotations

from functools import cache

from pgdesk.domain.instrument import Instrument, load_instrument

LANGUAGES = ("nl", "en")


@cache
def shipped_instrument(language: str = "nl") -> Instrument:
    from pgdesk.paths import resources_dir

    if language not in LANGUAGES:
        language = "nl"
    return load_instrument(resources_dir() / "instrument" / f"{language}.json")
