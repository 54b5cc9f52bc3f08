"""The sociale kaart: services, CSV import and export (also of bad files), referrals and their
follow-up, the access log, erasure and export, and a patient's handout preferences.

All services, people and numbers are fictitious.
"""

from __future__ import annotations

import csv
import json
import time

import pytest
from sqlite_utils import Database

from pgdesk.domain.social_map import (
    OPEN_STATUSES,
    REFERRAL_ROUTES,
    REFERRAL_STATUSES,
    Service,
    validate_service,
)
from pgdesk.domain.validation import InputError
from pgdesk.paths import resource
from pgdesk.reports.access_log import describe
from pgdesk.storage import access_log, driver
from pgdesk.storage import handout_preferences as hp
from pgdesk.storage import social_map as sm
from pgdesk.storage import social_map_csv as smc
from pgdesk.storage import trajectories as tr
from pgdesk.storage.database import APPLICATION_ID, schema_version
from pgdesk.storage.migrations import known_names, migrations
from pgdesk.storage.patient_rights import erase_patient, export_patient
from pgdesk.storage.repository import NotFound, Store

EXAMPLE = resource("social_map", "voorbeeld.csv")
HEAD = "naam;organisatie;aanbod;dimensies;telefoon;email;website;adres;verwijzing;notities"


def csv_bytes(*lines: str, encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    return newline.join(lines).encode(encoding)


def snapshot(store: Store) -> dict:
    """Everything an import could touch."""
    return {"services": [dict(r) for r in store.db.query("SELECT * FROM services ORDER BY id")],
            "log": store.db["access_log"].count}


@pytest.fixture
def patient(store, professional):
    return store.add_patient("Anouk de Vries", "1961", "100200")


@pytest.fixture
def walk(store):
    return sm.add_service(store, Service(
        name="Wandelgroep De Stappers", organisation="Buurtsportcoach Voorbeeldstad",
        offer="Elke dinsdag een uur wandelen.", dimensions=("meedoen", "lichaamsfuncties"),
        phone="0800-0000104", email="stappers@sport.example.org", website="sport.example.org",
        address="Parklaan 1, Voorbeeldstad", referral_route="zelf"))


# --- the shipped example -------------------------------------------------------------------------


def test_the_shipped_example_map_is_taken_whole(store, instrument):
    report = smc.import_csv(store, EXAMPLE.read_bytes(), instrument)
    assert report.ok and report.applied and not report.file_error
    assert report.rejected == [] and report.duplicates == []
    assert report.encoding == "utf-8" and report.delimiter == ";"
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert 15 <= len(rows) <= 20
    assert [name for _line, name in report.taken] == [r["naam"] for r in rows]
    assert [line for line, _name in report.taken] == list(range(2, len(rows) + 2))
    services = sm.services(store)
    assert len(services) == len(rows)
    assert {d for s in services for d in s.dimensions} == set(instrument.dimension_ids)
    for s in services:  # fictitious contact details only
        assert not s.phone or s.phone.startswith("0800-0000"), s.phone
        assert not s.email or s.email.endswith(".example.org"), s.email
        assert not s.website or ".example.org" in s.website, s.website
        assert s.referral_route in REFERRAL_ROUTES
    assert [s.name for s in services] == sorted((s.name for s in services), key=str.casefold)
    # importing it again adds nothing: every line is already there
    again = smc.import_csv(store, EXAMPLE.read_bytes(), instrument)
    assert again.taken == [] and len(again.duplicates) == len(rows) and again.applied
    assert len(sm.services(store)) == len(rows)


# --- bad files ---------------------------------------------------------------------------------


def test_wrong_columns_refuse_the_whole_file(store, instrument, walk):
    before = snapshot(store)
    data = csv_bytes("naam;organisatie;telefon", "Taalcafé;Bibliotheek;0800-0000105")
    report = smc.import_csv(store, data, instrument)
    assert not report.applied and "telefon" in report.file_error and "onbekend" in report.file_error
    assert report.rejected == [(1, report.file_error)] and report.taken == []
    assert snapshot(store) == before

    report = smc.import_csv(store, csv_bytes("organisatie;telefoon", "Bibliotheek;0800-0000105"),
                           instrument)
    assert report.rejected == [(1, report.file_error)]
    assert "'naam' ontbreekt" in report.file_error

    report = smc.import_csv(store, csv_bytes("naam;Name", "Taalcafé;Taalcafé"), instrument)
    assert "twee keer" in report.file_error
    assert snapshot(store) == before


def test_windows_1252_with_accents_is_read(store, instrument):
    data = csv_bytes("naam;organisatie;dimensies;notities",
                     "Café Oké;Buurthuis De Ontmoeting;Meedoen;Voor één ochtend – gratis",
                     encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = smc.import_csv(store, data, instrument)
    assert report.encoding == "cp1252" and report.taken == [(2, "Café Oké")] and report.applied
    (s,) = sm.services(store)
    assert s.organisation == "Buurthuis De Ontmoeting" and s.notes == "Voor één ochtend – gratis"


def test_utf8_with_and_without_bom_and_utf16(store, instrument):
    lines = ("naam,dimensies", "Taalcafé,meedoen")
    for data in (csv_bytes(*lines), csv_bytes(*lines, encoding="utf-8-sig")):
        assert smc.preview_csv(store, data, instrument).taken == [(2, "Taalcafé")]
    utf16 = csv_bytes("naam\tdimensies", "Taalcafé\tmeedoen", encoding="utf-16")
    report = smc.preview_csv(store, utf16, instrument)
    assert report.taken == [(2, "Taalcafé")] and report.delimiter == "\t"
    assert sm.services(store) == []  # a preview writes nothing


def test_semicolon_and_comma_files_give_the_same_services(store, instrument, tmp_path):
    semi = csv_bytes("naam;organisatie;dimensies;telefoon",
                     'Wandelgroep;"Sport, Bewegen";Meedoen, Lichaamsfuncties;0800-0000104',
                     '"Taalcafé; Nederlands oefenen";Bibliotheek;meedoen;')
    comma = csv_bytes("naam,organisatie,dimensies,telefoon",
                      'Wandelgroep,"Sport, Bewegen","Meedoen; Lichaamsfuncties",0800-0000104',
                      '"Taalcafé; Nederlands oefenen",Bibliotheek,meedoen,')
    a = smc.preview_csv(store, semi, instrument)
    b = smc.preview_csv(store, comma, instrument)
    assert (a.delimiter, b.delimiter) == (";", ",")
    assert a.taken == b.taken == [(2, "Wandelgroep"), (3, "Taalcafé; Nederlands oefenen")]
    smc.import_csv(store, comma, instrument)
    walk, cafe = sorted(sm.services(store), key=lambda s: s.name)[::-1]
    assert walk.organisation == "Sport, Bewegen"
    assert walk.dimensions == ("lichaamsfuncties", "meedoen")  # instrument order
    assert cafe.dimensions == ("meedoen",) and cafe.phone == ""


def test_empty_lines_are_skipped_and_line_numbers_stay_true(store, instrument):
    data = csv_bytes("", HEAD, "", "Taalcafé;Bibliotheek;;meedoen;;;;;;", ";;;;;;;;;", "   ",
                     '"Buurthuis";;"Koffie,', 'elke dinsdag";meedoen;;;;;zelf;',
                     "Voedselbank;;;kwaliteit_van_leven;;;;;anders;", "")
    report = smc.import_csv(store, data, instrument)
    assert report.rejected == [] and report.applied
    assert report.taken == [(4, "Taalcafé"), (7, "Buurthuis"), (9, "Voedselbank")]
    buurthuis = next(s for s in sm.services(store) if s.name == "Buurthuis")
    assert buurthuis.offer == "Koffie,\nelke dinsdag" and buurthuis.referral_route == "zelf"


def test_duplicates_in_the_file_and_against_the_map_are_reported_not_added(store, instrument, walk):
    data = csv_bytes(
        "naam;organisatie;dimensies",
        "wandelgroep de  stappers;BUURTSPORTCOACH Voorbeeldstad;meedoen",  # already on the map
        "Taalcafé;Bibliotheek Voorbeeldstad;meedoen",
        "Taalcafé;Bibliotheek Voorbeeldstad;Meedoen, Zingeving",          # twice in the file
        "Taalcafé;Buurthuis De Ontmoeting;meedoen",                        # another organisation
    )
    report = smc.import_csv(store, data, instrument)
    assert report.ok and report.applied
    assert report.duplicates == [(2, "wandelgroep de stappers"), (4, "Taalcafé")]
    assert report.taken == [(3, "Taalcafé"), (5, "Taalcafé")]
    names = [(s.name, s.organisation) for s in sm.services(store)]
    assert names.count(("Taalcafé", "Bibliotheek Voorbeeldstad")) == 1
    assert len(names) == 3
    assert "al in de kaart" in report.summary()


def test_a_very_long_field_refuses_its_line_and_then_nothing_is_written(store, instrument, walk):
    before = snapshot(store)
    data = csv_bytes("naam;aanbod;dimensies",
                     "Taalcafé;Nederlands oefenen;meedoen",
                     f"Buurthuis;{'x' * 10_000};meedoen",
                     "Voedselbank;Pakketten;kwaliteit_van_leven")
    report = smc.import_csv(store, data, instrument)
    assert not report.ok and not report.applied
    assert report.rejected == [(3, "Het veld 'aanbod' is te lang (10000 tekens, hoogstens 2000).")]
    assert report.taken == [(2, "Taalcafé"), (4, "Voedselbank")]
    assert snapshot(store) == before
    assert "niets ingelezen" in report.summary()
    # the user may choose to take the good lines only
    report = smc.import_csv(store, data, instrument, skip_bad=True)
    assert report.applied and report.rejected[0][0] == 3
    assert {s.name for s in sm.services(store)} == {walk.name, "Taalcafé", "Voedselbank"}


def test_line_reasons_are_dutch_and_name_the_problem(store, instrument):
    before = snapshot(store)
    data = csv_bytes(
        "naam;dimensies;email;website;verwijzing;telefoon",
        "Taalcafé;Werk;;;;",
        ";meedoen;;;;",
        "Buurthuis;meedoen;geen-adres;;;",
        "Bibliotheek;meedoen;;javascript:alert(1);;",
        "Voedselbank;meedoen;;;per brief;",
        "Zwemclub;meedoen;;;;bel maar",
        "Fysio;meedoen;;;;;extra",
        "Goed;meedoen;info@goed.example.org;goed.example.org;via de huisarts;0800-0000100",
    )
    report = smc.import_csv(store, data, instrument)
    reasons = dict(report.rejected)
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8]
    assert reasons[2].startswith("Onbekende dimensie 'Werk'")
    assert reasons[3] == "Vul een naam in."
    assert "geen e-mailadres" in reasons[4]
    assert "geen website" in reasons[5]
    assert "verwijzen 'per brief'" in reasons[6]
    assert "geen telefoonnummer" in reasons[7]
    assert "7 velden, de kopregel 6" in reasons[8]
    assert report.taken == [(9, "Goed")] and not report.applied
    assert snapshot(store) == before


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,                                     # binary
    b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200,               # a zipped .xlsx
    b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 3,         # a picture, no NUL in the start
    b"naam;dimensies\r\nCaf\x81 \x8d;meedoen\r\n",             # neither UTF-8 nor Windows-1252
    b"",
    b"\r\n\r\n  \r\n",
])
def test_files_that_are_no_text_are_refused_whole(store, instrument, walk, data):
    before = snapshot(store)
    report = smc.import_csv(store, data, instrument, skip_bad=True)
    assert report.file_error and not report.applied and report.taken == []
    assert report.rejected == [(0, report.file_error)]
    assert report.summary().startswith("Het bestand is niet ingelezen")
    assert snapshot(store) == before


def test_a_file_of_ten_thousand_services_is_previewed_quickly(store, instrument):
    rows = [f"Dienst {n};Stichting {n};;Meedoen" for n in range(smc.MAX_FILE_LINES - 1)]
    # The floor, in the same run (a loaded machine slows both): a tenth of the file. Linear work
    # stays near ten times it; the old quadratic preview was far beyond.
    began = time.perf_counter()
    smc.preview_csv(store, csv_bytes(HEAD, *rows[:len(rows) // 10]), instrument)
    floor = time.perf_counter() - began
    began = time.perf_counter()
    report = smc.preview_csv(store, csv_bytes(HEAD, *rows), instrument)
    assert time.perf_counter() - began < 20 * floor + 0.5
    assert report.ok and len(report.taken) == smc.MAX_FILE_LINES - 1


def test_more_lines_than_a_sociale_kaart_has_are_refused_at_once(store, instrument):
    """40,000 lines were read whole before (and the preview window took about a minute)."""
    data = csv_bytes(HEAD, *(f"Dienst {n};;;Meedoen" for n in range(40_000)))
    began = time.perf_counter()
    report = smc.import_csv(store, data, instrument)
    assert time.perf_counter() - began < 1
    assert not report.applied and report.taken == [] and sm.services(store) == []
    assert report.file_error == ("Het bestand heeft meer dan 10.000 regels; een sociale kaart als "
                                 "CSV heeft er hoogstens 10.000. Verdeel de diensten over een paar "
                                 "bestanden.")


def test_a_header_only_file_is_fine_and_adds_nothing(store, instrument):
    report = smc.import_csv(store, csv_bytes(HEAD), instrument)
    assert report.ok and report.taken == [] and sm.services(store) == []


def test_export_reads_back_in_unchanged(store, instrument, tmp_path):
    smc.import_csv(store, EXAMPLE.read_bytes(), instrument)
    sm.add_service(store, Service(name="Formule-test", organisation="=HYPERLINK(\"x\")",
                                  offer="@SUM(A1)\nTweede regel", phone="+31 20 000 0000",
                                  notes="-cmd|' /C calc'!A0", dimensions=("zingeving",)))
    gone = sm.add_service(store, Service(name="Opgeheven dienst"))
    sm.delete_service(store, gone.id)
    data = smc.export_csv(store)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == HEAD and "\r\n" in text
    assert "Opgeheven dienst" not in text
    assert "'=HYPERLINK" in text and "'@SUM" in text and "'-cmd" in text
    assert ";+31 20 000 0000;" in text  # a phone number is left alone

    other = Store.open(tmp_path / "ander.sqlite")
    try:
        report = smc.import_csv(other, data, instrument)
        assert report.ok and report.applied and report.duplicates == []

        def fields(s: Service) -> tuple:
            return (s.name, s.organisation, s.offer, s.dimensions, s.phone, s.email, s.website,
                    s.address, s.referral_route, s.notes)

        assert [fields(s) for s in sm.services(other)] == [fields(s) for s in sm.services(store)]
        assert smc.export_csv(other) == data
    finally:
        other.close()
    names = smc.export_csv(store, instrument=instrument).decode("utf-8-sig")
    assert "Meedoen, Zingeving" in names or "Zingeving, Meedoen" in names


# --- services ----------------------------------------------------------------------------------


def test_service_checks(store, instrument, walk):
    ok = validate_service(Service(name="  Taal   café ", dimensions=("zingeving", "meedoen", "meedoen"),
                                  website="https://taal.example.org/cafe?x=1"), instrument)
    assert ok.name == "Taal café" and ok.dimensions == ("zingeving", "meedoen")
    assert ok.website_url == "https://taal.example.org/cafe?x=1"
    assert walk.website_url == "https://sport.example.org"
    for bad, words in [
        (Service(name=""), "Vul een naam in"),
        (Service(name="x" * 201), "te lang"),
        (Service(name="X", dimensions=("werk",)), "Onbekende dimensie"),
        (Service(name="X", email="a@b"), "geen e-mailadres"),
        (Service(name="X", website="file:///etc/passwd"), "geen website"),
        (Service(name="X", website="niet een site"), "geen website"),
        (Service(name="X", referral_route="brief"), "Onbekende manier"),
        (Service(name="X", notes="n" * 2001), "'notities' is te lang"),
    ]:
        with pytest.raises(InputError, match=words):
            validate_service(bad, instrument)
    with pytest.raises(InputError, match="staat al"):
        sm.add_service(store, Service(name="wandelgroep de stappers",
                                      organisation="buurtsportcoach voorbeeldstad"))


def test_update_delete_and_matching_order(store, instrument, walk):
    coach = sm.add_service(store, Service(name="Welzijnscoach", dimensions=("zingeving",)))
    bieb = sm.add_service(store, Service(name="bibliotheek", dimensions=("dagelijks_functioneren",)))
    assert [s.name for s in sm.services_for(store, ["meedoen", "zingeving"])] == [
        "Wandelgroep De Stappers", "Welzijnscoach", "bibliotheek"]
    assert [s.name for s in sm.services_for(store, [])] == [
        "bibliotheek", "Wandelgroep De Stappers", "Welzijnscoach"]
    changed = sm.update_service(store, Service(**{**coach.__dict__, "phone": "0800-0000101"}))
    assert sm.service(store, coach.id).phone == "0800-0000101" == changed.phone
    assert changed.created_at == coach.created_at
    with pytest.raises(InputError, match="staat al"):
        sm.update_service(store, Service(**{**bieb.__dict__, "name": "Welzijnscoach"}))
    sm.delete_service(store, coach.id)
    assert coach.id not in [s.id for s in sm.services(store)]
    assert coach.id in [s.id for s in sm.services(store, include_deleted=True)]
    assert sm.service(store, coach.id).deleted
    with pytest.raises(InputError, match="verwijderd"):
        sm.update_service(store, coach)
    with pytest.raises(NotFound):
        sm.service(store, "bestaat-niet")
    # a deleted service's name may be used again
    sm.add_service(store, Service(name="Welzijnscoach"))


# --- referrals ---------------------------------------------------------------------------------


def referral_lines(store, patient_id):
    return [(ln["action"], ln["what"]) for ln in access_log.lines_for(store.db, patient_id)
            if ln["what"].startswith("referral:")]


def test_referrals_statuses_log_and_follow_up(store, professional, patient, walk, instrument):
    c1 = store.new_consultation(patient.id, professional.id, "start", "2026-06-14")
    r1 = sm.add_referral(store, c1.id, walk.id, status="verwezen", note="Belt zelf.")
    r2 = sm.add_referral(store, c1.id, None, name="Zwemclub De Spetters")
    assert [r.id for r in sm.referrals_for_consultation(store, c1.id)] == [r1.id, r2.id]
    assert (r1.name, r1.organisation, r1.status, r1.note) == (
        "Wandelgroep De Stappers", "Buurtsportcoach Voorbeeldstad", "verwezen", "Belt zelf.")
    assert r1.contact_lines() == ["0800-0000104", "stappers@sport.example.org", "sport.example.org",
                                  "Parklaan 1, Voorbeeldstad"]
    assert r2.free_text and r2.status == "voorgesteld" and r2.contact_lines() == []
    assert r1.consultation_date == "2026-06-14" and r1.patient_id == patient.id
    assert referral_lines(store, patient.id) == [("C", f"referral:{r1.id}"), ("C", f"referral:{r2.id}")]

    c2 = store.new_consultation(patient.id, professional.id, "tussen", "2026-09-12")
    assert [r.id for r in sm.open_referrals(store, patient.id, before_consultation_id=c2.id)] == [
        r1.id, r2.id]
    assert sm.open_referrals(store, patient.id, before_consultation_id=c1.id) == []
    moved = sm.set_referral_status(store, r1.id, "afgerond", "Gaat elke week.",
                                   consultation_id=c2.id)
    assert (moved.status, moved.note, moved.followed_up_in) == ("afgerond", "Gaat elke week.", c2.id)
    assert not moved.is_open and moved.status_label == "Afgerond"
    assert [r.id for r in sm.open_referrals(store, patient.id, before_consultation_id=c2.id)] == [r2.id]
    assert [r.id for r in sm.open_referrals(store, patient.id)] == [r2.id]
    assert [r.id for r in sm.follow_ups(store, c2.id)] == [r1.id, r2.id]
    assert sm.follow_ups(store, c1.id) == []
    assert sm.set_referral_status(store, r2.id, "gestart").note == ""  # note None: kept

    with pytest.raises(InputError, match="Onbekende status"):
        sm.set_referral_status(store, r2.id, "klaar")
    with pytest.raises(InputError, match="Onbekende status"):
        sm.add_referral(store, c2.id, walk.id, status="misschien")
    with pytest.raises(InputError, match="Vul een naam in"):
        sm.add_referral(store, c2.id, None, name="  ")
    with pytest.raises(InputError, match="te lang"):
        sm.add_referral(store, c2.id, walk.id, note="n" * 2001)
    with pytest.raises(NotFound):
        sm.add_referral(store, "geen-gesprek", walk.id)
    assert len(sm.referrals_for_consultation(store, c2.id)) == 0  # refused ones left nothing

    sm.delete_referral(store, r2.id)
    with pytest.raises(NotFound):
        sm.referral(store, r2.id)
    assert referral_lines(store, patient.id) == [
        ("C", f"referral:{r1.id}"), ("C", f"referral:{r2.id}"), ("U", f"referral:{r1.id}"),
        ("U", f"referral:{r2.id}"), ("D", f"referral:{r2.id}")]
    assert access_log.verify_chain(store.db) == []
    sentences = [describe({"action": a, "what": w}, instrument)
                 for a, w in referral_lines(store, patient.id)]
    assert sentences == ["Verwijzing toegevoegd", "Verwijzing toegevoegd", "Verwijzing gewijzigd",
                         "Verwijzing gewijzigd", "Verwijzing verwijderd"]


def test_statuses_are_ordered_with_dutch_labels():
    assert list(REFERRAL_STATUSES) == ["voorgesteld", "verwezen", "gestart", "afgerond",
                                       "niet_doorgegaan"]
    assert REFERRAL_STATUSES["niet_doorgegaan"] == "Niet doorgegaan"
    assert OPEN_STATUSES == ("voorgesteld", "verwezen", "gestart")


def test_a_service_changed_or_deleted_later_stays_readable_in_old_referrals(
        store, professional, patient, walk):
    c = store.new_consultation(patient.id, professional.id, "start", "2026-06-14")
    r = sm.add_referral(store, c.id, walk.id)
    sm.update_service(store, Service(**{**walk.__dict__, "name": "Wandelclub Nieuw",
                                        "phone": "0800-0000999"}))
    sm.delete_service(store, walk.id)
    again = sm.referral(store, r.id)
    assert again.service_id == walk.id
    assert (again.name, again.service.phone) == ("Wandelgroep De Stappers", "0800-0000104")
    assert again.title == "Wandelgroep De Stappers (Buurtsportcoach Voorbeeldstad)"
    with pytest.raises(InputError, match="verwijderd"):
        sm.add_referral(store, c.id, walk.id)
    with pytest.raises(ValueError):
        sm.add_referral(store, c.id, walk.id, name="ook een naam")


def test_someone_elses_conversation_cannot_follow_up(store, professional, patient, walk):
    other = store.add_patient("Bram Jansen")
    c = store.new_consultation(patient.id, professional.id, "start", "2026-06-14")
    theirs = store.new_consultation(other.id, professional.id, "start", "2026-06-20")
    r = sm.add_referral(store, c.id, walk.id)
    with pytest.raises(InputError, match="andere patiënt"):
        sm.set_referral_status(store, r.id, "gestart", consultation_id=theirs.id)
    assert sm.referral(store, r.id).status == "voorgesteld"


def test_deleting_a_conversation_takes_its_referrals_and_keeps_earlier_ones(
        store, professional, patient, walk, instrument):
    c1 = store.new_consultation(patient.id, professional.id, "start", "2026-06-14")
    c2 = store.new_consultation(patient.id, professional.id, "tussen", "2026-09-12")
    early = sm.add_referral(store, c1.id, walk.id)
    sm.set_referral_status(store, early.id, "gestart", consultation_id=c2.id)
    late = sm.add_referral(store, c2.id, None, name="Taalcafé")
    tr.delete_consultation(store, c2.id)
    with pytest.raises(NotFound):
        sm.referral(store, late.id)
    kept = sm.referral(store, early.id)
    assert kept.status == "gestart" and kept.followed_up_in is None


def test_erase_removes_referrals_and_export_includes_them(store, professional, patient, walk):
    c = store.new_consultation(patient.id, professional.id, "start", "2026-06-14")
    r = sm.add_referral(store, c.id, walk.id, status="verwezen", note="Folder meegegeven.")
    other = store.add_patient("Bram Jansen")
    oc = store.new_consultation(other.id, professional.id, "start", "2026-06-20")
    sm.add_referral(store, oc.id, walk.id)

    data = export_patient(store, patient.id)
    (exported,) = data["consultations"][0]["referrals"]
    assert exported == {
        "id": r.id, "status": "verwezen", "note": "Folder meegegeven.",
        "created_at": r.created_at, "updated_at": r.updated_at, "followed_up_in": None,
        "service": {"name": "Wandelgroep De Stappers", "organisation": "Buurtsportcoach Voorbeeldstad",
                    "offer": "Elke dinsdag een uur wandelen.", "phone": "0800-0000104",
                    "email": "stappers@sport.example.org", "website": "sport.example.org",
                    "address": "Parklaan 1, Voorbeeldstad", "referral_route": "zelf"},
    }
    assert data["patient"]["handout_language"] == "nl" and data["patient"]["handout_paper"] == "A4"
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.patient_export import export_json, render_patient_export
    from tests.reports.test_patient_export import pdf_text

    assert json.loads(export_json(data)) == json.loads(json.dumps(data))
    text = pdf_text(render_patient_export(data, shipped_instrument("nl")))
    assert "Verwijzingen" in text and "Wandelgroep De Stappers" in text
    assert "Stand: verwezen" in text and "Folder meegegeven." in text
    text_en = pdf_text(render_patient_export(data, shipped_instrument("en")))
    assert "Referrals" in text_en and "Status: referred" in text_en

    erase_patient(store, patient.id)
    assert store.db.execute("SELECT count(*) FROM referrals WHERE patient_id = ?",
                            [patient.id]).fetchone()[0] == 0
    assert store.db["referrals"].count == 1  # the other patient's stays
    assert len(sm.services(store)) == 1      # the map is the practice's, not the patient's


# --- handout preferences -----------------------------------------------------------------------


def test_handout_preferences_default_are_remembered_and_logged(store, patient):
    assert hp.handout_preferences(store, patient.id) == ("nl", "A4")
    before = len(access_log.lines_for(store.db, patient.id))
    hp.set_handout_preferences(store, patient.id, "en", "a5")
    assert hp.handout_preferences(store, patient.id) == ("en", "A5")
    lines = access_log.lines_for(store.db, patient.id)
    assert len(lines) == before + 1 and (lines[-1]["action"], lines[-1]["what"]) == ("U", "patient")
    hp.set_handout_preferences(store, patient.id, "en", "A5")  # unchanged: not written again
    assert len(access_log.lines_for(store.db, patient.id)) == before + 1
    for lang, paper in (("de", "A4"), ("nl", "Letter"), ("", "")):
        with pytest.raises(InputError):
            hp.set_handout_preferences(store, patient.id, lang, paper)
    assert hp.handout_preferences(store, patient.id) == ("en", "A5")
    with pytest.raises(NotFound):
        hp.handout_preferences(store, "niemand")
    with pytest.raises(NotFound):
        hp.set_handout_preferences(store, "niemand", "nl", "A4")


# --- the migration -----------------------------------------------------------------------------


def test_migration_adds_the_map_referrals_and_preferences_to_an_older_file(tmp_path):
    path = tmp_path / "oud.sqlite"
    db = Database(driver.connect(path))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="0004_sociale_kaart")
    db["patients"].insert({"id": "p1", "display_name": "Oud p1", "birth_date": "1960",
                           "practice_number": "", "search_name": "Oud p1",
                           "created_at": "2025-01-01T08:00:00+00:00",
                           "updated_at": "2025-01-01T08:00:00+00:00"})
    db.conn.close()
    with Store.open(path) as s:
        assert schema_version(s.db) == len(known_names())
        assert path.with_name(path.name + ".v3.bak").exists()
        assert hp.handout_preferences(s, "p1") == ("nl", "A4")
        assert s.db["services"].count == 0 and s.db["referrals"].count == 0
        with pytest.raises(Exception, match="CHECK"):
            s.db.execute("UPDATE patients SET handout_paper = 'A3' WHERE id = 'p1'")


def test_the_demo_has_the_example_map_and_referrals_in_every_status(tmp_path, instrument):
    from pgdesk.storage.demo import write_demo

    with Store.open(write_demo(tmp_path / "demo.sqlite", instrument)) as store:
        report = smc.preview_csv(store, EXAMPLE.read_bytes(), instrument)
        assert report.taken == [] and len(report.duplicates) == len(sm.services(store))
        statuses = {r[0] for r in store.db.execute("SELECT status FROM referrals")}
        assert statuses == set(REFERRAL_STATUSES)
        assert store.db.execute("SELECT count(*) FROM referrals WHERE followed_up_in IS NOT NULL"
                                ).fetchone()[0] > 0
        assert store.db.execute("SELECT count(*) FROM referrals WHERE service_id IS NULL"
                                ).fetchone()[0] > 0
        # every referral belongs to its conversation's patient and is in the access log
        assert store.db.execute("SELECT count(*) FROM referrals r JOIN consultations c "
                                "ON c.id = r.consultation_id WHERE c.patient_id != r.patient_id"
                                ).fetchone()[0] == 0
        created = {ln["what"] for ln in store.db.query(
            "SELECT what FROM access_log WHERE action = 'C' AND what LIKE 'referral:%'")}
        assert created == {f"referral:{r[0]}" for r in store.db.execute("SELECT id FROM referrals")}


@pytest.mark.parametrize("data, line, words", [
    (b'naam;aanbod\r\nTaalcaf\xc3\xa9;"Nederlands oefenen\r\nBuurthuis;Koffie\r\n', 2,
     "afsluitend aanhalingsteken"),
    (b'naam;aanbod\r\nTaalcaf\xc3\xa9;1\r\nBuurthuis;"Koffie" en thee\r\n', 3, "na een afsluitend"),
    (b"naam;aanbod\r\nBuurthuis;" + b"x" * 200_000 + b"\r\n", 2, "veel te lang"),
])
def test_broken_quoting_refuses_the_whole_file_in_dutch(store, instrument, walk, data, line, words):
    before = snapshot(store)
    report = smc.import_csv(store, data, instrument, skip_bad=True)
    assert report.rejected == [(line, report.file_error)] and words in report.file_error
    assert report.file_error.startswith(f"Regel {line} kan niet worden gelezen")
    assert report.taken == [] and not report.applied
    assert snapshot(store) == before
