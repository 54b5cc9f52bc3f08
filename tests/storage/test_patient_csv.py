"""Patients from a HIS list: the preview says per line what would happen and writes nothing;
import is all or nothing; the encodings, delimiters and date styles of Dutch HIS exports."""

from __future__ import annotations

import datetime as dt

import pytest

from pgdesk.domain import patient_import as pi
from pgdesk.domain.validation import InputError
from pgdesk.storage.patient_csv import import_patients, preview_patients


def rows_by_status(preview):
    return {s: [r.line for r in preview.rows if r.status == s] for s in pi.STATUSES}


def test_preview_new_known_conflict_rejected_and_nothing_written(store):
    anna = store.add_patient("Anna de Vries", "1956-03-14", "100237")
    store.add_patient("Bert Bos", "1970-01-02", "")
    store.add_patient("Carla Smit", "1980-05-05", "300300")
    data = ("Patiëntnummer;Achternaam;Voorvoegsel;Voornaam;Geboortedatum;Adres\r\n"
            "100237;Vries;de;Anna;14-03-1956;Dorpsstraat 1\r\n"          # 2 known
            "100238;Jansen;;Joop;02/11/1949;\r\n"                       # 3 new
            "100239;Bos;;Bert;19700102;\r\n"                            # 4 same person, no number
            "100240;Smit;;Carla;05.05.1980;\r\n"                        # 5 same person, other nr
            "300300;Peters;;Piet;1990-01-01;\r\n"                       # 6 number taken
            "100238;Jansen;;Joop;1949-11-02;\r\n"                       # 7 same line again
            "100238;Klaassen;;Kees;1949-11-02;\r\n"                     # 8 number twice in file
            "12 34;Fout;;Frits;01-01-1960;\r\n"                         # 9 bad number
            "100241;;;;01-01-1960;\r\n"                                 # 10 no name
            "100242;Later;;Lies;31-02-1960;\r\n"                        # 11 no such date
            "100243;Toekomst;;Tom;01-01-2999;\r\n").encode("cp1252")   # 12 in the future
    before = store.patient_count()
    p = preview_patients(store, data)
    assert (p.table.encoding, p.table.delimiter) == ("cp1252", ";")
    assert rows_by_status(p) == {"known": [2, 7], "new": [3], "conflict": [4, 5, 6, 8],
                                 "rejected": [9, 10, 11, 12]}
    reasons = {r.line: r.reason.dutch() for r in p.rows if r.reason}
    assert reasons[2] == "Staat al in pgdesk."
    assert "zonder nummer" in reasons[4] and "nummer 300300" in reasons[5]
    assert "Carla Smit (05-05-1980)" in reasons[6]
    assert "regel 3" in reasons[7].lower() and "Regel 3" in reasons[8]
    assert "'12 34'" in reasons[9] and reasons[10] == "Geen naam."
    assert "'31-02-1960'" in reasons[11] and "01-01-2999" in reasons[12]
    assert not p.can_import
    with pytest.raises(InputError, match="niets ingelezen"):
        import_patients(store, p)
    assert store.patient_count() == before
    assert store.patient(anna.id).display_name == "Anna de Vries"


def test_all_good_lines_import_at_once_and_twice_adds_nothing(store):
    store.add_patient("Anna de Vries", "1956-03-14", "100237")
    data = ("nummer,naam,geboortedatum\n100237,Anna de Vries,1956\n"
            "100238,\"Jansen, J.\",02-11-1949\n100239,Zoë Ĳsselstein,\n").encode("utf-8-sig")
    p = preview_patients(store, data)
    assert p.table.delimiter == "," and p.can_import
    done = import_patients(store, p)
    assert done.applied == 2 and store.patient_count() == 3
    j = store.patient_by_number("100238")
    assert (j.display_name, j.birth_date) == ("Jansen, J.", "1949-11-02")
    assert store.patient_by_number("100239").display_name == "Zoë Ĳsselstein"
    assert import_patients(store, p).applied == 0  # judged again: all known now
    assert store.patient_count() == 3


def test_utf16_tab_and_headerless_files_are_guessed(store):
    data = "100300\tMarie Curie\t07-11-1967\n100301\tAli Yilmaz\t1975\n".encode("utf-16")
    p = preview_patients(store, data)
    assert p.table.header is None and p.table.delimiter == "\t"
    assert p.mapping == {"number": 0, "name": 1, "birth_date": 2}
    assert rows_by_status(p)["new"] == [1, 2]


def test_files_that_cannot_be_read_say_why(store):
    for data, words in ((b"", "leeg"), (b"\x00\x01\x02", "geen CSV"),
                        (b'nummer;naam\n1;"Jan\n', "aanhalingsteken")):
        with pytest.raises(InputError, match=words):
            preview_patients(store, data)
    p = preview_patients(store, b"nummer;naam\n1;Jan;extra\n")
    assert p.rows[0].status == "rejected" and "3 velden" in p.rows[0].reason.dutch()


def test_birth_date_styles_of_his_exports():
    today = dt.date(2026, 12, 1)
    for text in ("14-03-1956", "14/3/1956", "14.03.1956", "1956-03-14", "19560314", "14031956",
                 "1956-03-14 00:00:00"):
        assert pi.birth_date(text, today) == "1956-03-14", text
    assert pi.birth_date("1956", today) == "1956"
    for bad in ("14-13-1956", "gisteren", "1899-12-31", "2027-01-01"):
        with pytest.raises(pi.RowProblem):
            pi.birth_date(bad, today)
