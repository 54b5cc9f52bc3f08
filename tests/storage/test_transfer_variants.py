"""Home visits carry what migration 0011 added: the patient's instrument variant, handout language
(the longer list, e.g. Arabic) and large print, and who was present at a conversation; a file of
the previous format version still reads and never replaces a longer-list language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage import transfer as tf
from pgdesk.storage.handout_preferences import handout_preferences, set_handout_preferences
from pgdesk.storage.keyring import FAST_KDF
from pgdesk.storage.patient_answers import PatientSession, patient_answers
from pgdesk.storage.transfer import fileformat
from pgdesk.storage.transfer.records import V1_CONSULTATION_DEFAULTS, V1_PATIENT_DEFAULTS
from pgdesk.storage.variants import (
    instrument_variant,
    large_print,
    present,
    set_instrument_variant,
    set_large_print,
    set_present,
)
from tests.storage.test_transfer import TPW, Sites, bring_back, make_sites, read_in, take_along


@pytest.fixture
def sites(tmp_path) -> Sites:
    return make_sites(tmp_path / "sites")


def _as_version_1(monkeypatch, path: Path, change=None) -> Path:
    """The same file as pgdesk before migration 0011 would have written it (format version 1)."""
    payload = json.loads(tf.unseal(path.read_bytes(), TPW))
    payload["transfer"]["version"] = 1
    for entry in payload["patients"]:
        for key in V1_PATIENT_DEFAULTS:
            del entry["patient"][key]
        for c in entry["consultations"]:
            for key in V1_CONSULTATION_DEFAULTS:
                del c[key]
    if change:
        change(payload)
    with monkeypatch.context() as m:
        m.setattr(fileformat, "VERSION", 1)
        sealed = tf.seal(json.dumps(payload).encode(), TPW, FAST_KDF)
    old = path.with_name("oud-" + path.name)
    old.write_bytes(sealed)
    return old


def _describe(store, s) -> dict:
    return {"anna": (instrument_variant(store, s.anna), handout_preferences(store, s.anna),
                     large_print(store, s.anna), present(store, s.c1)),
            "bert": (instrument_variant(store, s.bert), handout_preferences(store, s.bert),
                     large_print(store, s.bert), present(store, s.c2))}


def test_variant_language_large_print_and_present_go_out_and_come_back(sites):
    s = sites
    with s.open_practice() as p:
        set_instrument_variant(p, s.anna, "eenvoudig")
        set_handout_preferences(p, s.anna, "ar", "A5")
        set_large_print(p, s.anna, True)
        set_present(p, s.c1, ("tolk",))
        practice_before = _describe(p, s)
    read_in(s, take_along(s))
    with s.open_laptop() as lap:
        assert _describe(lap, s) == practice_before
        assert practice_before["anna"] == ("eenvoudig", ("ar", "A5"), True, ("tolk",))
        # on the home visit: Anna's daughter was there too, Bert gets Turkish in large print
        set_present(lap, s.c1, ("naaste", "tolk"))
        set_instrument_variant(lap, s.anna, "kind")
        set_handout_preferences(lap, s.bert, "tr", "A4")
        set_large_print(lap, s.bert, True)
        set_present(lap, s.c2, ("namens",))
        laptop_after = _describe(lap, s)
    plan, _ = read_in(s, bring_back(s), on="practice")
    assert not plan.conflicts
    with s.open_practice() as p:
        assert _describe(p, s) == laptop_after
        assert laptop_after["anna"] == ("kind", ("ar", "A5"), True, ("naaste", "tolk"))
        assert laptop_after["bert"] == ("volwassenen", ("tr", "A4"), True, ("namens",))
        row = p.db.execute("SELECT handout_lang, handout_language FROM patients WHERE id = ?",
                           [s.bert]).fetchone()
        assert tuple(row) == (None, "tr")  # handout_lang's CHECK allows only nl and en


def test_a_take_along_of_the_previous_version_still_reads_with_the_defaults(sites, monkeypatch):
    s = sites
    with s.open_practice() as p:
        set_handout_preferences(p, s.anna, "en", "A5")
    old = _as_version_1(monkeypatch, take_along(s))
    assert old.read_bytes()[len(tf.MAGIC):len(tf.MAGIC) + 2] == b"\x00\x01"
    plan, summary = read_in(s, old)
    assert summary.patients == 2
    with s.open_laptop() as lap:
        assert _describe(lap, s) == {"anna": ("volwassenen", ("en", "A5"), False, ()),
                                     "bert": ("volwassenen", ("nl", "A4"), False, ())}


def test_an_older_bring_back_never_replaces_a_longer_list_language(sites, monkeypatch):
    s = sites
    with s.open_practice() as p:
        set_handout_preferences(p, s.anna, "ar", "A4")
        set_instrument_variant(p, s.anna, "eenvoudig")
        set_large_print(p, s.anna, True)
        set_present(p, s.c1, ("tolk",))
    read_in(s, take_along(s))
    with s.open_laptop() as lap:
        lap.set_wheel_answer(s.c1, "nu", "Op huisbezoek besproken.")

    def older_laptop(payload):
        # pgdesk before 0011 on the laptop only knew nl/en: it sent English for Anna
        payload["patients"][0]["patient"]["handout_lang"] = "en"

    old = _as_version_1(monkeypatch, bring_back(s), older_laptop)
    plan, _ = read_in(s, old, on="practice")
    assert not plan.conflicts
    with s.open_practice() as p:
        assert _describe(p, s)["anna"] == ("eenvoudig", ("ar", "A4"), True, ("tolk",))
        assert "Op huisbezoek besproken." in {r[0] for r in p.db.execute(
            "SELECT answer FROM wheel_answers WHERE consultation_id = ?", [s.c1])}


def test_what_the_patient_filled_in_themselves_travels_with_the_conversation(sites):
    s = sites
    nl = shipped_instrument("nl")
    with s.open_practice() as p:
        PatientSession(p, nl, s.c1).set_aspect_score("lichaamsfuncties", "slapen", 5)
    read_in(s, take_along(s))
    with s.open_laptop() as lap:
        assert patient_answers(lap, s.c1).aspect_scores == {"lichaamsfuncties": {"slapen": 5}}
        own = PatientSession(lap, nl, s.c1)  # the patient in the patient mode, at home
        own.set_aspect_score("lichaamsfuncties", "bewegen", None)  # "weet ik niet"
        own.set_mark("talk", "zingeving", "", True)
    plan, _ = read_in(s, bring_back(s), on="practice")
    assert not plan.conflicts
    with s.open_practice() as p:
        back = patient_answers(p, s.c1)
        assert back.aspect_scores == {"lichaamsfuncties": {"slapen": 5, "bewegen": None}}
        assert back.talk == {("zingeving", "")}
