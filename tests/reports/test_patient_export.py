"""Access log and AVG export per patient: sentences, grouping, local time, PDF and JSON.

Fictitious data only.
"""

from __future__ import annotations

import copy
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import parse_instrument
from pgdesk.paths import resource
from pgdesk.reports.access_log import (
    describe,
    group_lines,
    local_time,
    log_table_rows,
    render_access_log,
)
from pgdesk.reports.patient_export import export_json, render_patient_export

PID = "0b7f3c1e-8d2a-4c55-9e61-5a4b3c2d1e0f"
PATIENT_NAME = "Zoë Ĳsselmeer-de Bruïne"
PATIENT = {
    "id": PID,
    "display_name": PATIENT_NAME,
    "birth_date": "1961-04-09",
    "practice_number": "P-004217",
    "created_at": "2026-01-10T08:15:00Z",
    "updated_at": "2026-11-26T10:31:05Z",
}
WISH = "Weer fietsen naar de markt, zonder dat mijn knie opspeelt."


def line(what="record", action="R", at="2026-11-26T10:31:05Z", user="Dr. A. de Vries",
         workstation="pc-spreekkamer-2", seq=1):
    return {"seq": seq, "at": at, "user": user, "workstation": workstation, "patient_id": PID,
            "action": action, "what": what}


def many_lines(n: int) -> list[dict]:
    """n lines, each in its own minute, so none fold together."""
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    codes = ["record", "score:lichaamsfuncties", "wheel:wens", "plan:goal", "handout"]
    users = [("Dr. A. de Vries", "pc-spreekkamer-2"), ("M. Jansen", "laptop-poh")]
    return [line(codes[i % len(codes)], "CRUDE"[i % 5],
                 (start + timedelta(minutes=2 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                 *users[(i // 3) % 2], seq=i + 1)
            for i in range(n)]


def export_data(instrument, *, log=None, long_answer=None) -> dict:
    ids = instrument.dimension_ids
    return {
        "format": "pgdesk-patient-export",
        "version": 1,
        "exported_at": "2026-11-26T10:45:00Z",
        "exported_by": "Dr. A. de Vries",
        "patient": dict(PATIENT),
        "consultations": [
            {"id": "c-2", "date": "2026-06-02", "type": "tussen",
             "professional": {"name": "M. Jansen", "role": "poh-ggz"}, "step": "plan",
             "created_at": "2026-06-02T09:00:00Z", "updated_at": "2026-06-02T09:40:00Z",
             "completed_at": None,
             "dimension_scores": {"lichaamsfuncties": 6},
             "aspect_scores": {"mentaal_welbevinden": {"vrolijk_zijn": 5, "onthouden": 8}},
             "talk": [["meedoen", ""]],
             "focus": [["lichaamsfuncties", "slapen"], ["zingeving", ""]],
             "wheel_answers": {"wens": long_answer or WISH, "nu": "Het gaat redelijk."},
             "plan": {"goal": "Weer fietsen", "first_step": "Maandag tien minuten fietsen",
                      "helper": "Buurman Kees", "when": "Vanaf maandag",
                      "next_appointment": "2026-07-01T10:30"}},
            {"id": "c-1", "date": "2026-01-10", "type": "start",
             "professional": {"name": "Dr. A. de Vries", "role": "huisarts"}, "step": "summary",
             "created_at": "2026-01-10T08:20:00Z", "updated_at": "2026-01-10T09:00:00Z",
             "completed_at": "2026-01-10T09:00:00Z",
             "dimension_scores": {d: 3 + i for i, d in enumerate(ids)}, "aspect_scores": {},
             "talk": [], "focus": [["meedoen", ""]], "wheel_answers": {"nu": "Niet zo goed."},
             "plan": {"goal": "", "first_step": "", "helper": "", "when": "",
                      "next_appointment": ""}},
        ],
        "access_log": log if log is not None else [
            line("record", "R", "2026-06-02T09:00:00Z", seq=1),
            line("wheel:wens", "U", "2026-06-02T09:10:02Z", seq=2),
            line("wheel:wens", "U", "2026-06-02T09:10:31Z", seq=3),
            line("export", "E", "2026-11-26T10:45:00Z", seq=4),
        ],
    }


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in reader.pages))


def page_texts(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "")
            for p in PdfReader(io.BytesIO(data)).pages]


def font_names(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object().values() if fonts is not None else []):
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def assert_a4_pdf(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    names = font_names(data)
    assert names and all("DejaVuSans" in n for n in names), names
    return reader


# --- describe -----------------------------------------------------------------------------

NL_EXPECTED = [
    ("record", "R", "Dossier bekeken"),
    ("record", "C", "Dossier aangemaakt"),
    ("patient", "U", "Persoonsgegevens gewijzigd"),
    ("patient", "C", "Persoonsgegevens aangemaakt"),
    ("consultation", "C", "Gesprek aangemaakt"),
    ("consultation", "U", "Gesprek gewijzigd"),
    ("consultation", "D", "Gesprek verwijderd"),
    ("score:lichaamsfuncties", "U", "Cijfer voor Lichaamsfuncties gewijzigd"),
    ("score:lichaamsfuncties", "C", "Cijfer voor Lichaamsfuncties ingevuld"),
    ("score:meedoen", "D", "Cijfer voor Meedoen verwijderd"),
    ("aspect_score:lichaamsfuncties/slapen", "U", "Cijfer voor Slapen (Lichaamsfuncties) gewijzigd"),
    ("mark:talk:meedoen/", "C", "Onderwerp om over te praten gekozen: Meedoen"),
    ("mark:talk:lichaamsfuncties/slapen", "D",
     "Onderwerp om over te praten weggehaald: Slapen (Lichaamsfuncties)"),
    ("mark:focus:zingeving/", "C", "Gekozen als belangrijk: Zingeving"),
    ("mark:focus:lichaamsfuncties/bewegen", "D",
     "Niet meer gekozen als belangrijk: Bewegen (Lichaamsfuncties)"),
    ("mark:focus:zingeving/", "R", "Keuze 'belangrijk' bij Zingeving bekeken"),
    ("wheel:wens", "U", "Antwoord op 'Wat wil je?' gewijzigd"),
    ("wheel:besluit", "C", "Antwoord op 'Wat besluit je?' ingevuld"),
    ("plan:goal", "U", "'Wat ik wil' in het plan gewijzigd"),
    ("plan:first_step", "C", "'Mijn eerste stap' in het plan ingevuld"),
    ("plan:helper", "U", "'Wie helpt mij?' in het plan gewijzigd"),
    ("plan:when", "D", "'Wanneer' in het plan verwijderd"),
    ("plan:next_appointment", "U", "'Volgende afspraak' in het plan gewijzigd"),
    ("handout", "E", "Samenvatting afgedrukt of bewaard"),
    ("export", "E", "Kopie van al uw gegevens gemaakt"),
    ("erase", "D", "Al uw gegevens gewist"),
    ("access_log", "E", "Lijst van wie uw dossier inzag afgedrukt of bewaard"),
    ("access_log", "R", "Lijst van wie uw dossier inzag bekeken"),
]

EN_EXPECTED = [
    ("record", "R", "Record viewed"),
    ("patient", "U", "Personal details changed"),
    ("consultation", "C", "Conversation created"),
    ("score:lichaamsfuncties", "U", "Number for Bodily functions changed"),
    ("aspect_score:lichaamsfuncties/slapen", "U", "Number for Sleeping (Bodily functions) changed"),
    ("mark:talk:meedoen/", "C", "Topic to talk about chosen: Participation"),
    ("mark:focus:zingeving/", "D", "No longer chosen as important: Meaningfulness"),
    ("wheel:wens", "U", "Answer to 'What do you want?' changed"),
    ("plan:first_step", "U", "'My first step' in the plan changed"),
    ("handout", "E", "Summary printed or saved"),
    ("export", "E", "Copy of all your data made"),
    ("erase", "D", "All your data erased"),
    ("access_log", "E", "List of who viewed your record printed or saved"),
]


@pytest.mark.parametrize(("what", "action", "expected"), NL_EXPECTED)
def test_describe_dutch(nl, what, action, expected):
    assert describe(line(what, action), nl) == expected


@pytest.mark.parametrize(("what", "action", "expected"), EN_EXPECTED)
def test_describe_english(en, what, action, expected):
    assert describe(line(what, action), en) == expected


ALL_CODES = ["record", "patient", "consultation", "score:zingeving",
             "aspect_score:meedoen/steun", "mark:talk:meedoen/", "mark:talk:meedoen/steun",
             "mark:focus:zingeving/", "mark:focus:meedoen/steun", "wheel:nu", "wheel:kunnen",
             "wheel:tegenhouden", "wheel:nodig", "plan:goal", "plan:first_step", "plan:helper",
             "plan:when", "plan:next_appointment", "handout", "export", "erase", "access_log"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_code_and_action_reads_as_a_sentence(language):
    ins = shipped_instrument(language)
    other = shipped_instrument("en" if language == "nl" else "nl")
    for what in ALL_CODES:
        for action in "CRUDE":
            text = describe(line(what, action), ins)
            assert text and text.lstrip("'")[0].isupper(), (what, action, text)
            assert "log_" not in text and "{" not in text, (what, action, text)
            assert not ({what, what.partition(":")[2]} & set(text.split())), (what, action, text)
            assert describe(line(what, action), other) != text, (what, action, text)


def test_unknown_codes_and_ids_still_render(nl, en):
    assert describe(line("iets:nieuws", "U"), nl) == "iets:nieuws gewijzigd"
    assert describe(line("iets:nieuws", "U"), en) == "iets:nieuws changed"
    assert describe(line("score:", "U"), nl) == "score: gewijzigd"
    assert describe(line("mark:ander:meedoen/", "C"), nl) == "mark:ander:meedoen/ aangemaakt"
    # an id the instrument no longer knows is shown as the id
    assert describe(line("score:werk", "U"), nl) == "Cijfer voor werk gewijzigd"
    assert describe(line("wheel:extra", "U"), nl) == "Antwoord op 'extra' gewijzigd"
    assert describe(line("plan:budget", "U"), nl) == "'budget' in het plan gewijzigd"
    # an unknown action is shown as it is
    assert describe(line("record", "X"), nl) == "Dossier X"
    assert describe({"action": "", "what": ""}, nl) == "?"


def test_instrument_without_the_log_texts_borrows_them():
    data = json.loads(resource("instrument", "nl.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["texts"] = {k: v for k, v in data["texts"].items()
                     if not k.startswith(("log_", "export_", "page_", "printed_"))}
    old = parse_instrument(data)
    assert describe(line("record", "R"), old) == "Dossier bekeken"


def test_both_languages_have_the_same_texts(nl, en):
    assert set(nl.texts) == set(en.texts)


# --- grouping and time --------------------------------------------------------------------


def test_autosave_burst_in_one_minute_folds_into_one(nl):
    burst = [line("wheel:wens", "U", f"2026-11-26T10:31:{s:02d}Z", seq=i)
             for i, s in enumerate((2, 9, 17, 40, 59))]
    grouped = group_lines(burst)
    assert len(grouped) == 1
    assert grouped[0]["count"] == 5
    assert grouped[0]["at"] == "2026-11-26T10:31:02Z"
    assert grouped[0]["last_at"] == "2026-11-26T10:31:59Z"
    assert group_lines(grouped) == grouped  # grouping twice changes nothing
    rows = log_table_rows(burst, nl)
    assert rows == [("26-11-2026 11:31", "Dr. A. de Vries", "pc-spreekkamer-2",
                     "Antwoord op 'Wat wil je?' gewijzigd (5×)")]


def test_no_folding_across_users_minutes_actions_or_gaps():
    a = line("wheel:wens", "U", "2026-11-26T10:31:05Z")
    other_user = line("wheel:wens", "U", "2026-11-26T10:31:06Z", user="M. Jansen")
    next_minute = line("wheel:wens", "U", "2026-11-26T10:32:00Z")
    last_second = line("wheel:wens", "U", "2026-11-26T10:31:59Z")
    assert len(group_lines([a, other_user])) == 2
    assert len(group_lines([last_second, next_minute])) == 2
    assert len(group_lines([a, line("wheel:wens", "C", "2026-11-26T10:31:07Z")])) == 2
    assert len(group_lines([a, line("wheel:nu", "U", "2026-11-26T10:31:07Z")])) == 2
    # the same thing again after something else is a new entry: order stays as it happened
    grouped = group_lines([a, other_user, last_second])
    assert [g["user"] for g in grouped] == ["Dr. A. de Vries", "M. Jansen", "Dr. A. de Vries"]
    assert [g["count"] for g in grouped] == [1, 1, 1]
    assert group_lines([]) == []


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-26T10:31:05Z", "26-11-2026 11:31"),  # winter: UTC+1
    ("2026-07-01T10:31:05Z", "01-07-2026 12:31"),  # summer: UTC+2
    ("2026-12-31T23:30:00Z", "01-01-2027 00:30"),  # the date moves too
    ("2026-03-29T00:59:00Z", "29-03-2026 01:59"),  # just before the clocks go forward
    ("2026-03-29T01:00:00Z", "29-03-2026 03:00"),  # just after
    ("2026-10-25T00:30:00Z", "25-10-2026 02:30"),  # the doubled hour, first time (CEST)
    ("2026-10-25T01:30:00Z", "25-10-2026 02:30"),  # and again (CET)
    ("2026-07-01T12:31:05+02:00", "01-07-2026 12:31"),
    ("2026-07-01T10:31:05", "01-07-2026 12:31"),  # no zone: UTC
    ("2026-07-01", "01-07-2026"),
    ("niet een tijd", "niet een tijd"),
    ("", ""),
])
def test_utc_to_amsterdam(value, expected):
    assert local_time(value) == expected


# --- the access log PDF -------------------------------------------------------------------


def test_access_log_pdf_reads_well(nl):
    lines = [line("record", "R", "2026-07-01T10:31:05Z", seq=1),
             line("score:lichaamsfuncties", "U", "2026-07-01T10:33:00Z", seq=2),
             line("wheel:wens", "U", "2026-07-01T10:34:01Z", seq=3),
             line("wheel:wens", "U", "2026-07-01T10:34:40Z", seq=4),
             line("wheel:wens", "U", "2026-07-01T10:34:52Z", seq=5)]
    pdf = render_access_log(PATIENT, lines, nl, printed_at="2026-11-26T10:40:00Z")
    reader = assert_a4_pdf(pdf)
    assert reader.metadata.title == nl.text("log_title")
    assert reader.trailer["/Root"].get("/Lang") == "nl-NL"
    text = pdf_text(pdf)
    for needle in (nl.text("log_title"), PATIENT_NAME, "09-04-1961", "Dossier bekeken",
                   "Cijfer voor Lichaamsfuncties gewijzigd", "01-07-2026 12:31",
                   "Antwoord op 'Wat wil je?' gewijzigd (3×)", "pc-spreekkamer-2",
                   "Dr. A. de Vries", "Afgedrukt op 26-11-2026 11:40", "pagina 1 van 1"):
        assert needle in text, needle


def test_a_long_log_runs_over_pages_with_the_header_repeated(nl):
    pdf = render_access_log(PATIENT, many_lines(300), nl, printed_at="2026-11-26T10:40:00Z")
    assert_a4_pdf(pdf)
    pages = page_texts(pdf)
    assert len(pages) > 1
    header = " ".join(nl.text(k) for k in ("log_col_when", "log_col_who", "log_col_computer",
                                           "log_col_what"))
    for n, page in enumerate(pages, start=1):
        assert header in page, n
        assert f"pagina {n} van {len(pages)}" in page
    assert PATIENT_NAME in pages[-1]  # whose list it is, on every later page too
    assert sum(p.count("Dr. A. de Vries") + p.count("M. Jansen") for p in pages) == 300


def test_empty_log_says_so(en):
    pdf = render_access_log(PATIENT, [], en, printed_at="2026-11-26T10:40:00Z")
    text = pdf_text(pdf)
    assert en.text("log_title") in text
    assert en.text("log_empty") in text
    assert "page 1 of 1" in text


def test_markup_in_names_is_printed_literally(nl):
    patient = dict(PATIENT, display_name="An <b>Jansen</b> & Zn.")
    lines = [line("record", "R", user="Tom & <i>Jerry</i>", workstation="pc<1>")]
    text = pdf_text(render_access_log(patient, lines, nl, printed_at="2026-11-26T10:40:00Z"))
    assert "An <b>Jansen</b> & Zn." in text
    assert "Tom & <i>Jerry</i>" in text
    assert "pc<1>" in text


# --- the export ---------------------------------------------------------------------------


def test_export_pdf_has_everything(nl):
    pdf = render_patient_export(export_data(nl), nl)
    reader = assert_a4_pdf(pdf)
    assert reader.metadata.title == nl.text("export_title")
    text = pdf_text(pdf)
    for needle in (nl.text("export_title"), PATIENT_NAME, "09-04-1961", "P-004217",
                   "Lichaamsfuncties", "Mentaal welbevinden", "Vrolijk zijn",
                   "7 (gemiddelde van de onderdelen)",  # the mean 6,5 as a whole number
                   "Wat wil je?", WISH, "Het gaat redelijk.", "Maandag tien minuten fietsen",
                   "Buurman Kees", "01-07-2026 10:30", "Lichaamsfuncties: Slapen",
                   "M. Jansen (POH-GGZ)", "Dr. A. de Vries (Huisarts)", nl.text("type_start"),
                   nl.text("type_tussen"), nl.text("log_title"),
                   "Antwoord op 'Wat wil je?' gewijzigd (2×)", "Kopie van al uw gegevens gemaakt"):
        assert needle in text, needle
    # oldest conversation first
    assert text.index("Gesprek van 10-01-2026") < text.index("Gesprek van 02-06-2026")


def test_export_pdf_in_english(en):
    text = pdf_text(render_patient_export(export_data(en), en))
    for needle in (en.text("export_title"), "Bodily functions", "What do you want?", WISH,
                   "Copy of all your data made", "Mental health practice nurse"):
        assert needle in text, needle
    assert "Uw gegevens" not in text


def test_long_answers_and_long_logs_flow_over_pages(nl):
    long = "Ik wil weer fietsen en minder piekeren over het werk. " * 120
    pdf = render_patient_export(export_data(nl, log=many_lines(300), long_answer=long), nl)
    pages = page_texts(pdf)
    assert len(pages) >= 4
    text = " ".join(pages)
    assert text.count("minder piekeren over het werk") >= 110
    assert f"pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_export_json_round_trips(nl):
    data = export_data(nl)
    raw = export_json(data)
    assert isinstance(raw, bytes)
    assert PATIENT_NAME.encode("utf-8") in raw  # letters kept, not \\u escapes
    assert raw.decode("utf-8").startswith('{\n  "format"')
    assert json.loads(raw) == data


def test_export_json_writes_sets_of_marks_as_lists(nl):
    data = export_data(nl)
    data["consultations"][0]["focus"] = {("zingeving", ""), ("lichaamsfuncties", "slapen")}
    back = json.loads(export_json(data))
    assert back["consultations"][0]["focus"] == [["lichaamsfuncties", "slapen"], ["zingeving", ""]]


@pytest.mark.parametrize("change", [
    {"format": "iets-anders"},
    {"format": None},
    {"version": 2},
    {"version": "1"},
    {"patient": None},
    {"consultations": {}},
])
def test_export_refuses_a_wrong_shape(nl, change):
    data = export_data(nl)
    data.update(change)
    with pytest.raises(ValueError):
        export_json(data)
    with pytest.raises(ValueError):
        render_patient_export(data, nl)


def test_export_refuses_what_is_not_an_object():
    with pytest.raises(ValueError):
        export_json([1, 2, 3])


def test_no_qt_imported_by_the_new_reports():
    import subprocess
    import sys

    code = ("import sys, pgdesk.reports.access_log, pgdesk.reports.patient_export; "
            "print(any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_example_in_the_format_description_is_a_valid_export(nl):
    doc = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S)[1])
    assert json.loads(export_json(example)) == example
    text = pdf_text(render_patient_export(example, nl))
    assert "Weer fietsen naar de markt" in text
    assert "Kopie van al uw gegevens gemaakt" in text


def test_export_pdf_holds_what_the_patient_filled_in_themselves(nl, en):
    data = export_data(nl)
    data["consultations"][0]["filled_in_by_patient"] = {
        "aspect_scores": {"mentaal_welbevinden": {"vrolijk_zijn": 9, "onthouden": None}},
        "talk": [["zingeving", "zinvol_leven"]], "important": "Mijn kleinkinderen zien."}
    text = pdf_text(render_patient_export(data, nl))
    start = text.index("Ingevuld door de patiënt")
    own = text[start:text.index("Antwoorden in het actiewiel", start)]
    for needle in ("Mentaal welbevinden 9", "Vrolijk zijn 9", "Dingen onthouden weet ik niet",
                   "Zingeving: ", "Wat is voor u nu het belangrijkst?", "Mijn kleinkinderen zien."):
        assert needle in own, needle
    assert "Filled in by the patient" in pdf_text(render_patient_export(data, en))
    # a conversation the patient did not fill in has no such part
    assert "Ingevuld door de patiënt" not in pdf_text(render_patient_export(export_data(nl), nl))
