"""The journal text for the HIS (SOEP): line by line, the practice's choice of parts, short lines,
and `pgdesk soep` on the command line.

All people, services and answers are fictitious.
"""

from __future__ import annotations

import re

import pytest

from pgdesk.domain.social_map import Service
from pgdesk.domain.validation import InputError
from pgdesk.reports.soep import SOEP_PARTS, render_soep, shorten, soep_text
from pgdesk.storage import access_log
from pgdesk.storage import social_map as sm
from pgdesk.storage.documents import set_soep_parts, soep_data, soep_parts
from pgdesk.storage.repository import Store
from tests.cli.test_cli import pgdesk

EXPECTED = [
    "S: Belangrijk: Meedoen (Sociale contacten)",
    "   Wil ook praten over: Zingeving",
    "   Wat wil je? Ik wil weer dingen doen met anderen, zoals vroeger bij…",
    "   Wat houdt je tegen? Ik zie er tegenop om alleen te gaan.",
    "   Wat heb je nodig? Iemand die de eerste keer mee gaat.",
    "O: Web (eigen cijfers patiënt): Lichaamsfuncties 6,",
    "   Mentaal welbevinden 7, Zingeving 5, Kwaliteit van leven 6, Meedoen 6,",
    "   Dagelijks functioneren 7",
    "   Sinds 14-06-2026: Meedoen +3, Zingeving -1",
    "E: Tussengesprek Positieve Gezondheid; gekozen: Meedoen",
    "P: Doel: Ik wil weer dingen doen met anderen, zoals vroeger bij het koor",
    "   en op de markt op zaterdag.",
    "   Eerste stap: Bellen met het buurthuis over de koffieochtend",
    "   Verwijzing van 14-06-2026 (gestart): Wandelgroep De Stappers",
    "   (Buurtsportcoach Voorbeeldstad)",
    "   Verwijzing (verwezen): Welzijnscoach (Stichting Welzijn",
    "   Voorbeeldstad)",
    "   Verwijzing (voorgesteld): Zwemclub De Spetters",
    "   Volgende afspraak: 12-12-2026 14:00",
]


def two_conversations(store: Store) -> dict:
    """A start in June and a tussen in September, as the demo makes them, with referrals: one
    from June followed up in September (its service since taken off the map), two new ones."""
    pro = store.add_professional("Ilse Kramer", "poh-somatiek")
    p = store.add_patient("Anouk de Vries", "1961", "100200")
    c1 = store.new_consultation(p.id, pro.id, "start", "2026-06-14")
    for d, v in {"lichaamsfuncties": 6, "mentaal_welbevinden": 7, "zingeving": 6,
                 "kwaliteit_van_leven": 6, "meedoen": 3, "dagelijks_functioneren": 7}.items():
        store.set_score(c1.id, d, v)
    walk = sm.add_service(store, Service(
        name="Wandelgroep De Stappers", organisation="Buurtsportcoach Voorbeeldstad",
        dimensions=("lichaamsfuncties", "meedoen"), phone="0800-0000104"))
    coach = sm.add_service(store, Service(name="Welzijnscoach",
                                          organisation="Stichting Welzijn Voorbeeldstad",
                                          dimensions=("meedoen", "zingeving")))
    early = sm.add_referral(store, c1.id, walk.id, status="verwezen")

    c2 = store.new_consultation(p.id, pro.id, "tussen", "2026-09-12")
    for d, v in {"lichaamsfuncties": 6, "mentaal_welbevinden": 7, "zingeving": 5,
                 "kwaliteit_van_leven": 6, "dagelijks_functioneren": 7}.items():
        store.set_score(c2.id, d, v)
    store.set_aspect_score(c2.id, "meedoen", "sociale_contacten", 5)  # Meedoen: mean 5,5
    store.set_aspect_score(c2.id, "meedoen", "steun", 6)
    store.set_mark(c2.id, "talk", "meedoen", "", True)
    store.set_mark(c2.id, "talk", "zingeving", "", True)
    store.set_mark(c2.id, "focus", "meedoen", "sociale_contacten", True)
    store.set_wheel_answer(c2.id, "nu", "Het gaat op en neer.")
    store.set_wheel_answer(c2.id, "wens", "Ik wil weer dingen doen met anderen, zoals vroeger bij "
                                          "het koor en op de markt op zaterdag.")
    store.set_wheel_answer(c2.id, "tegenhouden", "Ik zie er tegenop om alleen te gaan.")
    store.set_wheel_answer(c2.id, "nodig", "Iemand die de eerste keer\n\nmee gaat.")
    store.set_wheel_answer(c2.id, "besluit", "Ik bel deze week.")
    store.set_plan_field(c2.id, "first_step", "Bellen met het buurthuis over de koffieochtend")
    store.set_plan_field(c2.id, "next_appointment", "2026-12-12T14:00")
    sm.set_referral_status(store, early.id, "gestart", consultation_id=c2.id)
    sm.add_referral(store, c2.id, coach.id, status="verwezen")
    sm.add_referral(store, c2.id, None, name="Zwemclub De Spetters")
    sm.delete_service(store, walk.id)
    return {"patient": p, "c1": c1, "c2": c2}


def test_soep_text_line_by_line(store, instrument):
    ids = two_conversations(store)
    text = render_soep(soep_data(store, ids["c2"].id), instrument)
    assert text.splitlines() == EXPECTED
    assert not text.endswith("\n") and "<" not in text and "*" not in text
    text.encode("cp1252")  # pastes into an HIS that still stores Windows-1252


def test_soep_text_of_the_first_conversation(store, instrument):
    ids = two_conversations(store)
    assert render_soep(soep_data(store, ids["c1"].id), instrument).splitlines() == [
        "O: Web (eigen cijfers patiënt): Lichaamsfuncties 6,",
        "   Mentaal welbevinden 7, Zingeving 6, Kwaliteit van leven 6, Meedoen 3,",
        "   Dagelijks functioneren 7",
        "E: Startgesprek Positieve Gezondheid; nog niets gekozen",
        "P: Verwijzing (gestart): Wandelgroep De Stappers (Buurtsportcoach",
        "   Voorbeeldstad)",
    ]


def test_soep_text_from_parts_given_directly(store, instrument):
    ids = two_conversations(store)
    view = store.view(ids["c2"].id)
    assert soep_text(view, instrument, referrals=[], parts="EO") == "\n".join(
        [*EXPECTED[5:10]])
    # compared with nothing: no change line; an empty conversation says what it is
    assert "Sinds" not in soep_text(view, instrument, referrals=[], previous=view.consultation)
    empty = store.new_consultation(ids["patient"].id, None, "los", "2026-10-01")
    # a later conversation lists what is still open, with the day it was made
    assert render_soep(soep_data(store, empty.id), instrument).splitlines() == [
        "E: Gesprek Positieve Gezondheid; nog niets gekozen",
        "P: Verwijzing van 14-06-2026 (gestart): Wandelgroep De Stappers",
        "   (Buurtsportcoach Voorbeeldstad)",
        "   Verwijzing van 12-09-2026 (verwezen): Welzijnscoach (Stichting",
        "   Welzijn Voorbeeldstad)",
        "   Verwijzing van 12-09-2026 (voorgesteld): Zwemclub De Spetters",
    ]
    with pytest.raises(ValueError):
        soep_text(view, instrument, referrals=[], width=20)


def test_the_practice_chooses_the_parts(store, instrument):
    ids = two_conversations(store)
    assert soep_parts(store) == SOEP_PARTS
    assert set_soep_parts(store, ["P", "s"]) == ("S", "P")
    assert soep_parts(store) == ("S", "P")
    assert store.setting("soep_parts") == "SP"
    lines = render_soep(soep_data(store, ids["c2"].id), instrument).splitlines()
    assert lines == EXPECTED[:5] + EXPECTED[10:]
    for bad in ("", "X", ["S", "Q"]):
        with pytest.raises(InputError):
            set_soep_parts(store, bad)
    assert soep_parts(store) == ("S", "P")
    store.set_setting("soep_parts", "kapot")  # a damaged setting gives everything
    assert soep_parts(store) == SOEP_PARTS


@pytest.mark.parametrize("width", [40, 52, 72, 100])
def test_no_line_is_longer_than_the_width(tmp_path, instrument, width):
    from pgdesk.storage.demo import write_demo

    with Store.open(write_demo(tmp_path / "demo.sqlite", instrument)) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM consultations")]
        assert len(ids) > 10
        for cid in ids:
            text = render_soep(soep_data(store, cid), instrument, width=width)
            assert text, cid
            for line in text.splitlines():
                assert len(line) <= width, line
                assert line[:3] in ("S: ", "O: ", "E: ", "P: ", "   "), line
                assert line[3:] == line[3:].strip() != ""
        # the demo's referrals show up, with their status
        assert any("Verwijzing" in render_soep(soep_data(store, cid), instrument) for cid in ids)


def test_shorten_cuts_after_a_word():
    assert shorten("kort", 10) == "kort"
    assert shorten("een  lange\nzin met veel woorden", 16) == "een lange zin…"
    assert shorten("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10) == "Aaaaaaaaa…"
    assert len(shorten("woord " * 50, 40)) <= 40


# --- the command line --------------------------------------------------------------------------


def test_cli_soep_prints_the_text_and_logs_it(tmp_path, instrument):
    db = tmp_path / "praktijk.sqlite"
    with Store.open(db) as store:
        ids = two_conversations(store)
        expected = render_soep(soep_data(store, ids["c2"].id), instrument)
    r = pgdesk("soep", "--db", str(db), "--consultation", ids["c2"].id)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected + "\n"
    r = pgdesk("soep", "--db", str(db), "--consultation", "latest", "--width", "40")
    assert r.returncode == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 40
    with Store.open(db) as store:
        lines = [ln for ln in access_log.lines_for(store.db, ids["patient"].id) if ln["what"] == "soep"]
        assert [ln["action"] for ln in lines] == ["E", "E"]
        assert access_log.verify_chain(store.db) == []

    r = pgdesk("soep", "--db", str(db), "--consultation", "bestaat-niet")
    assert r.returncode == 2 and "bestaat niet" in r.stderr and r.stdout == ""
    r = pgdesk("soep", "--db", str(tmp_path / "nergens.sqlite"))
    assert r.returncode == 2 and "bestaat niet" in r.stderr
    r = pgdesk("soep", "--db", str(db), "--width", "10")
    assert r.returncode == 2 and "minstens 40" in r.stderr


def test_cli_soep_on_an_encrypted_demo_with_the_passphrase_on_stdin(tmp_path):
    db = tmp_path / "demo.db"
    pw = "een lange testzin\n"
    assert pgdesk("demo", str(db), "--user", "Dr. Test Arts", input=pw).returncode == 0
    r = pgdesk("soep", "--db", str(db), "--consultation", "latest")
    assert r.returncode == 2 and "--user" in r.stderr
    r = pgdesk("soep", "--db", str(db), "--user", "Dr. Test Arts", input=pw)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(("S: ", "O: ", "E: "))
    assert "E: " in r.stdout and "Positieve Gezondheid" in r.stdout


def test_soep_numbers_are_whole_and_the_web_line_says_whose_they_are(store, instrument):
    ids = two_conversations(store)
    text = render_soep(soep_data(store, ids["c2"].id), instrument)
    assert "Meedoen 6" in text and "5,5" not in text and "2,5" not in text  # mean 5,5 is 6
    assert not re.search(r"\d[,.]\d", text)
    assert "Web (eigen cijfers patiënt):" in text


def test_icpc_code_and_professional_note_where_the_practice_wants_them(store, instrument):
    from pgdesk.domain.models import ICPC, PROFESSIONAL_NOTE

    ids = two_conversations(store)
    cid = ids["c2"].id
    assert "ICPC" not in render_soep(soep_data(store, cid), instrument)
    store.set_setting("icpc_default", "A98")
    assert "E: Tussengesprek Positieve Gezondheid (ICPC A98); gekozen: Meedoen" in \
        render_soep(soep_data(store, cid), instrument)
    store.set_wheel_answer(cid, ICPC, "T90")  # changed in the plan step for this conversation
    store.set_wheel_answer(cid, PROFESSIONAL_NOTE, "Dochter denkt mee.")
    lines = render_soep(soep_data(store, cid), instrument).splitlines()
    e = next(n for n, line in enumerate(lines) if line.startswith("E:"))
    assert lines[e] == "E: Tussengesprek Positieve Gezondheid (ICPC T90); gekozen: Meedoen"
    assert lines[e + 1] == "   Notitie: Dochter denkt mee."
    store.set_setting("soep_note_part", "P")
    lines = render_soep(soep_data(store, cid), instrument).splitlines()
    assert lines[-1] == "   Notitie: Dochter denkt mee." and lines[e + 1].startswith("P:")
