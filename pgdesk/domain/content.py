"""The shipped instruments: the adult Dutch one, its variants (eenvoudig, jongeren, kind) and the
handout languages, each a JSON file in resources/instrument; a practice adds or adapts one by
putting a file of the same form in the instrument folder of its data folder."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from pgdesk.domain.errors import InstrumentError
from pgdesk.domain.instrument import Instrument, line_in_file, load_instrument
from pgdesk.domain.languages import HANDOUT_LANGUAGES as HANDOUT_LANGUAGES  # its home

LANGUAGES = ("nl", "en")  # the screens' languages
ADULT = "volwassenen"  # the variant of nl.json itself
VARIANTS = (ADULT, "eenvoudig", "jongeren", "kind")


def practice_instrument_dir() -> Path:
    from pgdesk.paths import data_dir

    return data_dir() / "instrument"


def _file(code: str) -> Path | None:
    """The practice's own file for this code, else the shipped one, else None."""
    from pgdesk.paths import resources_dir

    for folder in (practice_instrument_dir(), resources_dir() / "instrument"):
        path = folder / f"{code}.json"
        if path.is_file():
            return path
    return None


def instrument_codes() -> tuple[str, ...]:
    """Every instrument there is: the shipped ones and the practice's own, by code."""
    from pgdesk.paths import resources_dir

    found = {p.stem for folder in (resources_dir() / "instrument", practice_instrument_dir())
             if folder.is_dir() for p in folder.glob("*.json")}
    return tuple(sorted(found, key=lambda c: (c.split("-")[0] != "nl", c)))


def variant_names() -> tuple[str, ...]:
    """The Dutch variants a patient can have: the shipped four and any a practice added."""
    extra = [c[3:] for c in instrument_codes() if c.startswith("nl-") and c[3:] not in VARIANTS]
    return (*VARIANTS, *extra)


def _same_ids(inst: Instrument, base: Instrument, path: Path) -> None:
    """A variant or translation must keep the base's ids: scores and answers are stored by id."""
    def ids(i: Instrument) -> list:
        return [(d.id, [a.id for a in d.aspects]) for d in i.dimensions] + [w.id for w in i.wheel]

    if ids(inst) != ids(base):
        raise InstrumentError(f"Fout in instrumentbestand {path}: de dimensies, onderdelen en "
                              f"wielvragen moeten dezelfde id's hebben als '{base.code}', in "
                              f"dezelfde volgorde")


def aspect_pictogram_path(icon: str) -> Path:
    """The file of an aspect's pictogram ('bed': resources/icons/aspects/bed.svg)."""
    from pgdesk.paths import resources_dir

    return resources_dir() / "icons" / "aspects" / f"{icon}.svg"


def _known_pictograms(inst: Instrument, path: Path) -> None:
    """A practice's variant may name only pictograms pgdesk ships: refused with the line."""
    for dim in inst.dimensions:
        for a in dim.aspects:
            if a.icon and not aspect_pictogram_path(a.icon).is_file():
                message = (f"aspect '{a.id}' heeft een pictogram dat pgdesk niet kent: "
                           f"'{a.icon}' (zie resources/icons/aspects)")
                raise InstrumentError(f"Fout in instrumentbestand {path}"
                                      f"{line_in_file(message, path)}: {message}")


@cache
def shipped_instrument(language: str = "nl") -> Instrument:
    """The instrument with this code ('nl', 'nl-kind', 'ar', …); an unknown code gives Dutch.
    A file with a 'base' takes the texts it lacks from that instrument."""
    path = _file(language) or _file("nl")
    if path is None:
        from pgdesk.paths import resource

        path = resource("instrument", "nl.json")  # names the missing file
    inst = load_instrument(path)
    _known_pictograms(inst, path)
    if inst.base and inst.base != path.stem:
        base = shipped_instrument(inst.base)
        _same_ids(inst, base, path)
        inst = replace(inst, texts={**base.texts, **inst.texts})
    return inst


def variant_instrument(variant: str) -> Instrument:
    """The Dutch instrument of this variant ('volwassenen' or unknown: the adult one)."""
    return shipped_instrument("nl" if variant in ("", ADULT) else f"nl-{variant}")


def handout_instrument(language: str, variant: str = ADULT) -> Instrument:
    """The instrument a handout is printed from: Dutch follows the patient's variant."""
    return variant_instrument(variant) if language == "nl" else shipped_instrument(language)
