"""The patient mode's words in an instrument file ('screens'): read as given, refused with a
clear message when malformed, and never filled in from the base language (fictitious data)."""

from __future__ import annotations

import json

import pytest

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.errors import InstrumentError
from pgdesk.domain.instrument import parse_instrument
from pgdesk.paths import resource


def _data(code: str) -> dict:
    return json.loads(resource("instrument", f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("bad", [["Welkom"], {"Welkom": 3}, {"Welkom": "  "}])
def test_malformed_screen_words_are_refused(bad):
    data = _data("tr")
    data["screens"] = bad
    with pytest.raises(InstrumentError, match="'screens' moet een object met teksten zijn"):
        parse_instrument(data)


def test_screen_words_are_the_files_own_not_the_bases():
    ar = shipped_instrument("ar")
    assert ar.base == "en" and ar.screens["Welkom"] == "أهلا وسهلا"
    assert shipped_instrument("en").screens == {}  # English has them in the app's translation
    assert not shipped_instrument("ar").reviewed  # and the file says nobody checked them yet
