"""A patient's variant, handout language and large print are remembered and used by
`pgdesk handout`; `pgdesk instruments` and `pgdesk paper-web` (fictitious data only)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument, variant_instrument
from pgdesk.domain.errors import InstrumentError
from pgdesk.domain.validation import InputError
from pgdesk.paths import resource
from pgdesk.storage.handout_preferences import handout_preferences, set_handout_preferences
from pgdesk.storage.repository import Store
from pgdesk.storage.variants import (
    instrument_variant,
    large_print,
    present,
    set_instrument_variant,
    set_large_print,
    set_present,
)
from tests.cli.test_cli import pgdesk


def _text(path) -> str:
    return unicodedata.normalize("NFKC", " ".join(
        "".join(p.extract_text() for p in PdfReader(path).pages).split()))


@pytest.fixture
def demo(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert pgdesk("demo", str(db)).returncode == 0
    return db


def test_variant_language_and_large_print_are_remembered_and_used(demo, tmp_path):
    with Store.open(demo) as s:
        cid = s.latest_consultation_id()
        pid = s.consultation(cid).patient_id
        assert instrument_variant(s, pid) == "volwassenen" and not large_print(s, pid)
        set_instrument_variant(s, pid, "kind")
        set_large_print(s, pid, True)
    with Store.open(demo) as s:  # remembered across opening
        assert instrument_variant(s, pid) == "kind" and large_print(s, pid)
    out = tmp_path / "kind.pdf"
    r = pgdesk("handout", "--db", str(demo), "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = _text(out)
    assert "Mijn lijf" in text and "Mijn cijfers" in text  # the child's words, large print
    with Store.open(demo) as s:
        set_handout_preferences(s, pid, "ar", "A4")
        assert handout_preferences(s, pid) == ("ar", "A4")
    r = pgdesk("handout", "--db", str(demo), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert shipped_instrument("ar").text("handout_title") in _text(out)
    # the command line chooses for once, without changing what is remembered
    r = pgdesk("handout", "--db", str(demo), "--language", "tr", "--out", str(out))
    assert r.returncode == 0 and shipped_instrument("tr").text("handout_title") in _text(out)
    with Store.open(demo) as s:
        assert handout_preferences(s, pid)[0] == "ar"


def test_unknown_choices_are_refused_in_dutch(store):
    pid = store.add_patient("Test Persoon").id
    with pytest.raises(InputError, match="Onbekende variant"):
        set_instrument_variant(store, pid, "senioren")
    with pytest.raises(InputError, match="Onbekende taal"):
        set_handout_preferences(store, pid, "xx", "A4")
    r = pgdesk("handout", "--demo", "--language", "xx", "--out", "x.pdf")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_who_was_present_is_stored_per_conversation(store):
    pid = store.add_patient("Test Persoon").id
    cid = store.new_consultation(pid, None).id
    assert present(store, cid) == ()
    set_present(store, cid, ["tolk", "naaste"])
    assert present(store, cid) == ("naaste", "tolk")
    with pytest.raises(InputError):
        set_present(store, cid, ["buurman"])


def test_instruments_lists_every_language_with_its_review_status():
    r = pgdesk("instruments")
    assert r.returncode == 0, r.stderr
    lines = {line.split()[0]: line for line in r.stdout.splitlines()}
    for code in ("nl", "nl-eenvoudig", "nl-jongeren", "nl-kind", "en", "tr", "ar", "pl", "uk"):
        assert code in lines
    assert "NIET nagekeken" in lines["ar"] and "NIET" not in lines["nl-kind"]


def test_paper_web_in_a_language_and_large_print(tmp_path):
    out = tmp_path / "web.pdf"
    r = pgdesk("paper-web", "--language", "pl", "--paper", "A5", "--large-print", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert shipped_instrument("pl").text("paper_title") in _text(out)
    r = pgdesk("paper-web", "--language", "xx", "--out", str(out))
    assert r.returncode == 2 and "Onbekende taal" in r.stderr


def test_a_practice_variant_is_used_and_a_broken_one_names_its_line(tmp_path, monkeypatch):
    from pgdesk.domain import content

    folder = content.practice_instrument_dir()
    folder.mkdir(parents=True)
    data = json.loads(resource("instrument", "nl-eenvoudig.json").read_text(encoding="utf-8"))
    data["variant"] = "ouderen"
    data["dimensions"][0]["name"] = "Mijn lijf en leden"
    (folder / "nl-ouderen.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    content.shipped_instrument.cache_clear()
    try:
        assert "ouderen" in content.variant_names()
        assert variant_instrument("ouderen").dimensions[0].name == "Mijn lijf en leden"
        del data["dimensions"][2]["name"]
        (folder / "nl-ouderen.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        content.shipped_instrument.cache_clear()
        with pytest.raises(InstrumentError, match=r"regel \d+.*'name' ontbreekt bij dimensie 'zingeving'"):
            variant_instrument("ouderen")
        data["dimensions"][2]["name"] = "Zin"
        data["dimensions"][2]["id"] = "zin"
        (folder / "nl-ouderen.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        content.shipped_instrument.cache_clear()
        with pytest.raises(InstrumentError, match="dezelfde id's"):
            variant_instrument("ouderen")
    finally:
        content.shipped_instrument.cache_clear()


def test_the_patients_own_copy_holds_variant_large_print_and_who_was_present(store):
    from pgdesk.storage.patient_rights import export_patient

    pid = store.add_patient("Test Persoon").id
    cid = store.new_consultation(pid, None).id
    set_instrument_variant(store, pid, "eenvoudig")
    set_large_print(store, pid, True)
    set_present(store, cid, ["namens"])
    data = export_patient(store, pid)
    assert data["patient"]["instrument_variant"] == "eenvoudig"
    assert data["patient"]["handout_large_print"] is True
    assert data["consultations"][0]["present"] == ["namens"]


def test_a_practice_variant_naming_an_unknown_aspect_pictogram_is_refused_with_its_line():
    from pgdesk.domain import content

    folder = content.practice_instrument_dir()
    folder.mkdir(parents=True)
    data = json.loads(resource("instrument", "nl-kind.json").read_text(encoding="utf-8"))
    data["variant"] = "peuter"
    data["dimensions"][0]["aspects"][3]["icon"] = "olifant"  # slapen
    path = folder / "nl-peuter.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('     "icon": "olifant"') + 1
    content.shipped_instrument.cache_clear()
    try:
        with pytest.raises(InstrumentError, match=rf"regel {line}: aspect 'slapen' .*'olifant'"):
            variant_instrument("peuter")
        data["dimensions"][0]["aspects"][3]["icon"] = "Bed 2"  # not a file name at all
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        content.shipped_instrument.cache_clear()
        with pytest.raises(InstrumentError, match=r"regel \d+.*aspect 'slapen', moet een naam"):
            variant_instrument("peuter")
    finally:
        content.shipped_instrument.cache_clear()
