"""Domain rules: the score scale, derivation from aspects, web area, the instrument file."""

from __future__ import annotations

import copy
import json
import math

import pytest

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.errors import InstrumentError, ScoreError
from pgdesk.domain.instrument import load_instrument, parse_instrument
from pgdesk.domain.models import Consultation
from pgdesk.domain.scores import dimension_score, validate_score, web_area, web_area_fraction
from pgdesk.domain.validation import InputError, normalize_birth_date
from pgdesk.paths import resources_dir


@pytest.mark.parametrize("value", [0, 5, 10, "7", 3.0])
def test_scores_on_the_scale_are_taken(value):
    assert validate_score(value) == int(float(value))


@pytest.mark.parametrize("value", [-1, 11, 6.5, "tien", None, True])
def test_scores_off_the_scale_are_refused_in_dutch(value):
    with pytest.raises(ScoreError) as err:
        validate_score(value)
    assert "0 tot en met 10" in str(err.value)


def test_dimension_follows_mean_of_aspects_unless_set_by_hand():
    s = dimension_score(None, [6, 7, None, 8])
    assert (s.value, s.source) == (7.0, "aspects")
    s = dimension_score(4, [6, 7, 8])
    assert (s.value, s.source, s.aspect_mean) == (4.0, "manual", 7.0)
    assert dimension_score(None, [None, None]).source == "none"
    assert dimension_score(None, [5, 6]).value == 5.5


def test_web_area_matches_polygon_by_hand():
    # A square web (4 axes at right angles) with radii 10,10,10,10: a diamond of area 2*10*10.
    assert web_area([10, 10, 10, 10]) == pytest.approx(200.0)
    # Six axes, all 5: a regular hexagon with circumradius 5.
    assert web_area([5] * 6) == pytest.approx(3 * math.sqrt(3) / 2 * 25)
    # Shoelace on the actual coordinates for an irregular web.
    scores = [7, 3, 9, 0, 5, 8]
    pts = [(r * math.cos(math.pi / 2 - 2 * math.pi * i / 6),
            r * math.sin(math.pi / 2 - 2 * math.pi * i / 6)) for i, r in enumerate(scores)]
    shoelace = abs(sum(x1 * y2 - x2 * y1
                       for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True))) / 2
    assert web_area(scores) == pytest.approx(shoelace)
    assert web_area_fraction([10] * 6) == pytest.approx(1.0)
    assert web_area_fraction([None] * 6) == 0.0


def _seven_dimension_data():
    data = json.loads((resources_dir() / "instrument" / "nl.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["dimensions"].append({
        "id": "werk", "name": "Werk", "explanation": "Hoe gaat het met uw werk?",
        "aspects": [{"id": "plezier", "name": "Plezier in werk"}, {"id": "druk", "name": "Werkdruk"}],
    })
    return data


def test_seven_dimension_instrument_flows_through_scores_and_area():
    inst = parse_instrument(_seven_dimension_data())
    assert len(inst.dimensions) == 7
    c = Consultation("c", "p", None, "2026-01-01", "start")
    for d in inst.dimensions:
        c.manual_scores[d.id] = 10
    assert c.scores(inst) == [10.0] * 7
    assert c.area_fraction(inst) == pytest.approx(1.0)


def test_shipped_instruments_agree_on_ids():
    nl, en = shipped_instrument("nl"), shipped_instrument("en")
    assert nl.dimension_ids == en.dimension_ids
    assert len(nl.dimensions) == 6
    for a, b in zip(nl.dimensions, en.dimensions, strict=True):
        assert [x.id for x in a.aspects] == [x.id for x in b.aspects]
        assert len(a.aspects) >= 5
    assert [w.id for w in nl.wheel] == [w.id for w in en.wheel]
    assert nl.wheel[0].question == "Hoe gaat het nu?"
    assert set(nl.texts) == set(en.texts)


def test_missing_instrument_file_is_named(tmp_path):
    path = tmp_path / "weg.json"
    with pytest.raises(InstrumentError) as err:
        load_instrument(path)
    assert str(path) in str(err.value)


def test_broken_instrument_file_names_file_line_and_problem(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text('{"language": "nl",\n "title": }', encoding="utf-8")
    with pytest.raises(InstrumentError) as err:
        load_instrument(path)
    assert str(path) in str(err.value) and "regel 2" in str(err.value)


@pytest.mark.parametrize("depth", [21, 100_000])
def test_deeply_nested_instrument_file_is_refused_with_a_message(tmp_path, depth):
    """100,000 nested lists crashed the JSON reader with a RecursionError before."""
    path = tmp_path / "diep.json"
    path.write_text('{"language": "nl", "title": "[{[{ in a string", "texts": '
                    + "[" * (depth - 1) + "]" * (depth - 1) + "}", encoding="utf-8")
    with pytest.raises(InstrumentError) as err:
        load_instrument(path)
    assert str(path) in str(err.value) and f"{depth} lagen diep" in str(err.value)


def test_nesting_inside_strings_does_not_count(tmp_path):
    data = _seven_dimension_data()
    data["title"] = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\\" {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"
    path = tmp_path / "haakjes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_instrument(path).title == data["title"]


def test_instrument_with_a_missing_field_says_which(tmp_path):
    data = _seven_dimension_data()
    del data["dimensions"][2]["explanation"]
    path = tmp_path / "half.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InstrumentError) as err:
        load_instrument(path)
    assert "explanation" in str(err.value) and "zingeving" in str(err.value)


def test_duplicate_dimension_is_refused():
    data = _seven_dimension_data()
    data["dimensions"].append(dict(data["dimensions"][0]))
    with pytest.raises(InstrumentError, match="twee keer"):
        parse_instrument(data)


@pytest.mark.parametrize("typed,stored", [
    ("1956", "1956"), ("14-03-1956", "1956-03-14"), ("1956-03-14", "1956-03-14"), ("", ""),
    ("4/7/1990", "1990-07-04"),
])
def test_birth_dates_in_dutch_notation(typed, stored):
    assert normalize_birth_date(typed) == stored


@pytest.mark.parametrize("typed", ["31-02-1960", "1850", "morgen", "01-01-2999"])
def test_impossible_birth_dates_are_refused(typed):
    with pytest.raises(InputError):
        normalize_birth_date(typed)


def test_wheel_roles_not_step_ids_say_which_answer_is_the_wish_and_the_decision():
    data = _seven_dimension_data()
    for step in data["wheel"]:  # a practice's own instrument with its own step ids
        step["id"] = "eigen-" + step["id"]
    inst = parse_instrument(data)
    assert [w.role for w in inst.wheel if w.role] == ["wish", "strength", "obstacle", "need", "decision"]
    c = Consultation("c", "p", None, "2026-01-01", "start")
    c.wheel_answers = {"eigen-wens": "Fitter worden", "eigen-besluit": "Elke dag wandelen"}
    assert c.wheel_answer(inst, "wish") == "Fitter worden"
    assert c.wheel_answer(inst, "decision") == "Elke dag wandelen"
    assert c.wheel_answer(inst, "need") == ""
    data["wheel"][0]["role"] = "droom"
    with pytest.raises(InstrumentError, match="role"):
        parse_instrument(data)
    data["wheel"][0]["role"] = "wish"
    with pytest.raises(InstrumentError, match="twee keer"):
        parse_instrument(data)

