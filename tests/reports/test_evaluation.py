"""The pseudonymised evaluation export: rows, pseudonyms, CSV bytes, documentation, command line.

All people and answers are fictitious.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.trajectory import birth_year_band, change_table
from pgdesk.reports import evaluation as ev
from pgdesk.storage import access_log
from pgdesk.storage import documents as docs
from pgdesk.storage import trajectories as tr
from pgdesk.storage.evaluation_sql import pseudonym
from tests.cli.test_cli_security import run
from tests.reports.evaluation_rows import consultation_rows, trajectory_rows
from tests.security_helpers import USER, make_encrypted

SALT = b"s" * 32
DOC = Path(__file__).resolve().parents[2] / "docs" / "evaluation-export.md"

PEOPLE = [  # name, birth date, practice number, band
    ("Wilhelmina Zwanenburg-Quist", "03-04-1951", "PN-778812", "1950-1954"),
    ("Gerrit Oosterhuis", "1968", "PN-778813", "1965-1969"),
    ("Fatma Yıldız", "29-12-1974", "PN-778814", "1970-1974"),
    ("Kees Zonder Geboortedatum", "", "PN-778815", ""),
]
ANSWER = "Ik wil weer kanoën op de Linge"


def _scores(instrument, *values):
    return dict(zip(instrument.dimension_ids, values, strict=True))


def fill(store, instrument, professional):
    """Four patients: a finished trajectory, a running one with a los, a los only, and two
    trajectories one after the other."""
    poh = store.add_professional("Test POH", "poh-ggz")
    pats = [store.add_patient(n, b, pn) for n, b, pn, _band in PEOPLE]
    ids = instrument.dimension_ids

    def conv(p, pro, ctype, date, values=None, focus=(), **kw):
        c = store.new_consultation(p.id, pro.id if pro else None, ctype, date, **kw)
        for dim, value in (values or {}).items():
            store.set_score(c.id, dim, value)
        for dim in focus:
            store.set_mark(c.id, "focus", dim, "", True)
        store.set_wheel_answer(c.id, "wens", ANSWER)
        store.complete(c.id)
        return c

    a, b, c, d = pats
    conv(a, professional, "start", "2026-01-12", _scores(instrument, 5, 6, 7, 6, 4, 5),
         focus=(ids[4], ids[0]))
    conv(a, professional, "tussen", "2026-04-13", _scores(instrument, 5, 6, 7, 6, 5, 5))
    e = conv(a, poh, "eind", "2026-07-10", {ids[0]: 6, ids[2]: 7, ids[3]: 7, ids[4]: 6, ids[5]: 6},
             focus=(ids[4],))
    asp = instrument.dimension(ids[1]).aspects
    store.set_aspect_score(e.id, ids[1], asp[0].id, 6)
    store.set_aspect_score(e.id, ids[1], asp[1].id, 7)
    conv(b, poh, "start", "2026-09-01", {ids[0]: 3})
    conv(b, None, "los", "2026-09-20")
    conv(c, professional, "los", "2026-10-01", _scores(instrument, *[5] * 6))
    conv(d, professional, "start", "2025-01-06", _scores(instrument, 2, 2, 2, 2, 2, 2))
    conv(d, professional, "eind", "2025-07-07", {ids[0]: 4})          # only one dimension again
    conv(d, professional, "start", "2026-01-05", _scores(instrument, 3, 3, 3, 3, 3, 3))
    conv(d, professional, "eind", "2026-07-06", _scores(instrument, 4, 4, 4, 4, 4, 4))
    return pats


def test_one_row_per_conversation_with_bands_roles_scores_focus(store, professional, instrument):
    pats = fill(store, instrument, professional)
    rows = list(consultation_rows(store, instrument, key_salt=SALT))
    assert len(rows) == store.db["consultations"].count == 10
    assert all(list(r) == ev.consultation_columns(instrument) for r in rows)
    ids = instrument.dimension_ids
    by_patient = {}
    for r in rows:
        by_patient.setdefault(r["patient_key"], []).append(r)
    assert len(by_patient) == 4
    for p, (_n, _b, _pn, band) in zip(pats, PEOPLE, strict=True):
        mine = by_patient[pseudonym(SALT, p.id)]
        assert {r["birth_year_band"] for r in mine} == {band}
        assert [r["date"] for r in mine] == sorted(r["date"] for r in mine)

    a = by_patient[pseudonym(SALT, pats[0].id)]
    assert [r["type"] for r in a] == ["start", "tussen", "eind"]
    assert [r["professional_role"] for r in a] == ["huisarts", "huisarts", "poh-ggz"]
    assert len({r["trajectory_key"] for r in a}) == 1 and a[0]["trajectory_key"]
    assert [a[0][d] for d in ids] == [5, 6, 7, 6, 4, 5]
    assert a[2][ids[1]] == 6.5  # the mean of its two scored aspects
    assert a[0]["focus"] == f"{ids[0]};{ids[4]}"  # instrument order
    assert a[2]["focus"] == ids[4] and a[1]["focus"] == ""
    assert a[0]["web_area_pct"] == round(100 * sum(
        x * y for x, y in zip([5, 6, 7, 6, 4, 5], [6, 7, 6, 4, 5, 5], strict=True)) / 600, 1)
    assert all(r["referrals"] == 0 for r in rows)

    b = by_patient[pseudonym(SALT, pats[1].id)]
    assert [(r["type"], r["professional_role"], bool(r["trajectory_key"])) for r in b] == [
        ("start", "poh-ggz", True), ("los", "", False)]
    assert b[0][ids[1]] is None
    c = by_patient[pseudonym(SALT, pats[2].id)]
    assert c[0]["web_area_pct"] == 25.0
    d = by_patient[pseudonym(SALT, pats[3].id)]
    assert len({r["trajectory_key"] for r in d}) == 2


def test_keys_are_stable_within_an_export_and_differ_between_exports(store, professional,
                                                                    instrument):
    pats = fill(store, instrument, professional)
    one = list(consultation_rows(store, instrument, key_salt=SALT))
    two = list(consultation_rows(store, instrument, key_salt=docs.new_salt()))
    keys_one = {r["patient_key"] for r in one}
    keys_two = {r["patient_key"] for r in two}
    assert len(keys_one) == len(keys_two) == 4
    assert keys_one.isdisjoint(keys_two)
    assert all(re.fullmatch(r"[0-9a-f]{12}", k) for k in keys_one)
    assert pseudonym(SALT, pats[0].id) in keys_one
    traj_one = {r["trajectory_key"] for r in one} - {""}
    assert traj_one.isdisjoint({r["trajectory_key"] for r in two})
    assert docs.new_salt() != docs.new_salt() and len(docs.new_salt()) == 32


def test_trajectory_rows_reproduce_the_change_table(store, professional, instrument):
    pats = fill(store, instrument, professional)
    rows = list(trajectory_rows(store, instrument, key_salt=SALT))
    # a: finished; b: still running (left out); d: two finished
    assert len(rows) == 3
    assert all(list(r) == ev.trajectory_columns(instrument) for r in rows)
    checked = 0
    for p in pats:
        for t in tr.trajectories_for(store, p.id, instrument):
            if not (t.held("start") and t.held("eind")):
                continue
            (row,) = [r for r in rows if r["trajectory_key"] == pseudonym(SALT, t.id)]
            start = next(w for w in t.webs if w.type == "start")
            eind = next(w for w in t.webs if w.type == "eind")
            assert (row["start_date"], row["eind_date"]) == (start.date, eind.date)
            assert row["patient_key"] == pseudonym(SALT, p.id)
            for ch in change_table([start, eind], instrument):
                assert row[f"{ch.dimension_id}_change"] == ch.change
                assert (row[f"{ch.dimension_id}_start"], row[f"{ch.dimension_id}_eind"]) == ch.scores
            if all(s is not None for w in t.webs for s in w.scores):
                # every web fully scored: the same as the table over the whole trajectory
                whole = {ch.dimension_id: ch.change for ch in change_table(t.webs, instrument)}
                assert whole == {d: row[f"{d}_change"] for d in instrument.dimension_ids}
            assert row["web_area_pct_change"] == round(
                round(eind.area_fraction * 100, 1) - round(start.area_fraction * 100, 1), 1)
            checked += 1
    assert checked == 3
    ids = instrument.dimension_ids
    a = next(r for r in rows if r["patient_key"] == pseudonym(SALT, pats[0].id))
    assert a[f"{ids[1]}_change"] == 0.5 and a[f"{ids[4]}_change"] == 2.0
    d_first = min((r for r in rows if r["patient_key"] == pseudonym(SALT, pats[3].id)),
                  key=lambda r: r["start_date"])
    assert d_first[f"{ids[0]}_change"] == 2.0 and d_first[f"{ids[1]}_change"] is None
    assert d_first[f"{ids[1]}_eind"] is None


def test_csv_holds_no_identifying_data_and_reads_back(store, professional, instrument, tmp_path):
    pats = fill(store, instrument, professional)
    before = access_log.count(store.db)
    first, second = ev.export_evaluation(docs.evaluation_data(store, instrument), instrument,
                                         tmp_path / "evaluatie.csv")
    assert (first, second) == (tmp_path / "evaluatie.csv", tmp_path / "evaluatie-trajecten.csv")
    assert access_log.count(store.db) == before  # documented: the export logs nothing

    needles = []
    for (name, _birth, number, _band), p in zip(PEOPLE, pats, strict=True):
        needles += [name, *name.split()[-1:], number, p.id, p.id[:8]]
        if len(p.birth_date) == 10:  # a bare year could turn up in a hex key by chance
            y, m, d = p.birth_date.split("-")
            needles += [p.birth_date, f"{d}-{m}-{y}"]
    needles += [r[0] for r in store.db.execute("SELECT id FROM trajectories")]
    needles += [r[0] for r in store.db.execute("SELECT id FROM consultations")]
    needles += [ANSWER, "Test POH", "Test Huisarts"]
    for path in (first, second):
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        for needle in needles:
            for enc in ("utf-8", "utf-16-le"):
                assert needle.encode(enc) not in data, (path.name, needle)

    text = first.read_bytes().decode("utf-8-sig")
    assert "\r\n" in text
    read = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert read[0] == ev.consultation_columns(instrument) and len(read) == 11
    assert {r[1] for r in read[1:]} == {band for *_x, band in PEOPLE}
    ids = instrument.dimension_ids
    focus = read[0].index("focus")
    assert f"{ids[0]};{ids[4]}" in [r[focus] for r in read[1:]]
    assert f'"{ids[0]};{ids[4]}"'.encode() in first.read_bytes()  # quoted: it holds the delimiter
    mean = [r[read[0].index(ids[1])] for r in read[1:]]
    assert "6.5" in mean and "6,5" not in text
    t_read = list(csv.reader(io.StringIO(second.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert t_read[0] == ev.trajectory_columns(instrument) and len(t_read) == 4


def test_birth_year_bands():
    assert birth_year_band("1951-04-03") == "1950-1954"
    assert birth_year_band("1955") == "1955-1959"
    assert birth_year_band("1949-12-31") == "1945-1949"
    assert birth_year_band("2000-01-01") == "2000-2004"
    assert birth_year_band("") == ""


@pytest.mark.parametrize("value, text", [
    (None, ""), (7.0, "7"), (7.5, "7.5"), (-1.3, "-1.3"), (0.0, "0"), (-0.0, "0"), (12, "12"),
    (47.25, "47.25"), ("poh-ggz", "poh-ggz"),
])
def test_cells(value, text):
    assert ev.cell(value) == text


def test_header_columns_are_the_documented_ones(instrument):
    doc = DOC.read_text(encoding="utf-8")
    consult, traj = doc.split("## `FILE-trajecten.csv`")
    consult = consult.split("## `FILE.csv`")[1]

    def documented(section: str) -> list[str]:
        names = []
        for line in section.splitlines():
            m = re.match(r"\| (`[^|]+`)", line)
            if m:
                names += re.findall(r"`([^`]+)`", m[1])
        return names

    dims = set(instrument.dimension_ids)
    fixed = [c for c in ev.consultation_columns(instrument) if c not in dims]
    assert documented(consult) == fixed
    per_dim = {f"<dimension>_{part}" for part in ("start", "eind", "change")}
    t_fixed = [c for c in ev.trajectory_columns(instrument)
               if not any(c == f"{d}_{p}" for d in dims for p in ("start", "eind", "change"))]
    t_doc = documented(traj)
    assert [c for c in t_doc if c not in per_dim] == t_fixed
    assert set(t_doc) >= per_dim
    for d in instrument.dimension_ids:
        assert f"`{d}`" in doc
    assert "utf-8-sig" in doc and "`;`" in doc and "decimal point" in doc


def _reads_open(store, engine: str) -> tuple[int, int]:
    """(streamed reads the database still holds for this connection, keys tables left)."""
    if engine == "server":
        cursors = store.db.execute("SELECT COUNT(*) FROM pg_cursors WHERE is_holdable").fetchone()[0]
        keys = store.db.execute("SELECT to_regclass('pg_temp.evaluation_keys') IS NOT NULL"
                                ).fetchone()[0]
        return cursors, int(keys)
    keys = store.db.execute("SELECT COUNT(*) FROM temp.sqlite_master "
                            "WHERE name = 'evaluation_keys'").fetchone()[0]
    return 0, keys


def test_rows_stream_from_the_database_and_an_export_stopped_early_leaves_nothing(
        store, professional, instrument, engine):
    """The rows come from one read the database holds while they stream (on the server a held
    cursor: no transaction stays open, the window may use the connection meanwhile); stopping
    after the first patient ends that read and drops the keys table (it used to stay behind
    on the connection)."""
    fill(store, instrument, professional)
    patients = docs.evaluation_data(store, instrument, key_salt=SALT).patients
    next(iter(patients))
    if engine == "server":
        assert _reads_open(store, engine) == (1, 1)
        assert store.db.conn.info.transaction_status.name == "IDLE"
    patients.close()
    assert _reads_open(store, engine) == (0, 0)
    assert len(consultation_rows(store, instrument, key_salt=SALT)) == 10  # and again, whole
    assert _reads_open(store, engine) == (0, 0)


def test_focus_counts_a_dimension_once_and_ignores_what_the_instrument_lacks(
        store, professional, instrument):
    """A dimension marked as focus both whole and through one of its aspects is written once;
    a mark on a dimension the instrument does not have is left out."""
    ids = instrument.dimension_ids
    p = store.add_patient("Noor Focus")
    c = store.new_consultation(p.id, professional.id, "los", "2026-03-02")
    store.set_mark(c.id, "focus", ids[3], "", True)
    store.set_mark(c.id, "focus", ids[3], instrument.dimension(ids[3]).aspects[0].id, True)
    store.set_mark(c.id, "focus", ids[1], instrument.dimension(ids[1]).aspects[1].id, True)
    store.set_mark(c.id, "focus", "onbekend", "", True)
    other = store.new_consultation(p.id, professional.id, "los", "2026-03-09")
    store.set_mark(other.id, "focus", "onbekend", "", True)
    rows = consultation_rows(store, instrument, key_salt=SALT)
    assert [r["focus"] for r in rows] == [f"{ids[1]};{ids[3]}", ""]


def test_statements_do_not_grow_with_the_practice(store, professional, instrument, monkeypatch):
    """The keys of every patient go in with one statement (COPY on the server), not one per
    batch of patients: an export of 1,500 patients more takes as many statements."""
    stamp = "2026-01-01T00:00:00+00:00"

    def statements(first: int, patients: int) -> int:
        store.db.execute_many(
            "INSERT INTO patients (id, display_name, birth_date, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(f"p-{i:05d}", f"Patiënt {i} Testpersoon", "1961", stamp, stamp)
             for i in range(first, first + patients)])
        count, execute = 0, store.db.execute

        def counted(*args, **kw):
            nonlocal count
            count += 1
            return execute(*args, **kw)

        with monkeypatch.context() as m:
            m.setattr(store.db, "execute", counted)
            assert len(consultation_rows(store, instrument, key_salt=SALT)) == 1
        return count

    store.new_consultation(store.add_patient("Joop Teller").id, professional.id, "los",
                           "2026-03-02")
    assert statements(0, 3) == statements(3, 1500)


def test_many_rows_go_in_as_given(store):
    """insert_rows (COPY on the server) stores text the COPY format would otherwise read as
    its own (tabs, backslashes, line ends, \\N) as it is, and NULL as NULL."""
    store.db.execute("CREATE TEMPORARY TABLE many_rows (a TEXT PRIMARY KEY, b TEXT, c INTEGER)")
    rows = [(f"sleutel {i}", f"tab\t, backslash \\, regel\r\neinde, \\N, 'quote\" {i}", i)
            for i in range(2500)] + [("leeg", None, None), ("Ĳzerman", "", 0)]
    with store.db.atomic():
        store.db.insert_rows("many_rows", ("a", "b", "c"), iter(rows))
    assert store.db.execute("SELECT a, b, c FROM many_rows").fetchall() == rows
    store.db.execute("DROP TABLE many_rows")


def test_referrals_made_in_a_conversation_are_counted(store, professional, instrument):
    from pgdesk.storage import social_map as sm

    p = store.add_patient("Rita Verwijzing")
    c = store.new_consultation(p.id, professional.id, "los", "2026-03-02")
    assert consultation_rows(store, instrument, key_salt=SALT)[0]["referrals"] == 0
    sm.add_referral(store, c.id, None, name="Wandelgroep De Stappers")
    r = sm.add_referral(store, c.id, None, name="Taalcafé Het Praatje", status="verwezen")
    sm.set_referral_status(store, r.id, "niet_doorgegaan")  # made, so still counted
    assert consultation_rows(store, instrument, key_salt=SALT)[0]["referrals"] == 2


def test_unwritable_places_give_a_dutch_error_and_no_file(store, professional, instrument,
                                                         tmp_path, monkeypatch):
    fill(store, instrument, professional)
    missing = tmp_path / "bestaat-niet" / "evaluatie.csv"
    with pytest.raises(PgdeskError, match="bestaat niet; er is niets geschreven"):
        ev.export_evaluation(docs.evaluation_data(store, instrument), instrument, missing)
    assert not missing.parent.exists()
    a_file = tmp_path / "gewoon-bestand"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(PgdeskError, match="er is niets geschreven"):
        ev.write_csv(a_file / "evaluatie.csv", [{"a": 1}])
    monkeypatch.setattr(ev.os, "access", lambda p, mode: False)
    with pytest.raises(PgdeskError, match="mag pgdesk niet schrijven"):
        ev.write_csv(tmp_path / "evaluatie.csv", [{"a": 1}])
    assert list(tmp_path.rglob("*.csv")) == [] and list(tmp_path.rglob(".pgdesk-*")) == []


def test_both_files_or_neither(store, professional, instrument, tmp_path, monkeypatch):
    fill(store, instrument, professional)
    real = ev.write_atomically

    def fail_second(path, data):
        if path.name.endswith("-trajecten.csv"):
            raise PgdeskError(f"Kan {path} niet schrijven: schijf vol.")
        real(path, data)

    monkeypatch.setattr(ev, "write_atomically", fail_second)
    with pytest.raises(PgdeskError, match="schijf vol"):
        ev.export_evaluation(docs.evaluation_data(store, instrument), instrument, tmp_path / "evaluatie.csv")
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob(".pgdesk-*")) == []


def test_command_line_export_evaluation_from_an_encrypted_database(tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    store, _code = make_encrypted(db)
    with store:
        pro = store.current_professional()
        fill(store, instrument, pro)
        n = store.db["consultations"].count
    out = tmp_path / "uit" / "evaluatie.csv"
    out.parent.mkdir()
    r = run("export", "evaluation", "--db", str(db), "--user", USER, "--out", str(out))
    assert r.returncode == 0, r.stderr
    trajecten = out.with_name("evaluatie-trajecten.csv")
    assert r.stdout.split() == [str(out), str(trajecten)]
    data = out.read_bytes() + trajecten.read_bytes()
    for name, _b, number, _band in PEOPLE:
        assert name.encode() not in data and number.encode() not in data
    assert len(out.read_bytes().decode("utf-8-sig").splitlines()) == n + 1

    r = run("export", "evaluation", "--db", str(db), "--user", USER, "--out", str(out),
            pw="fout wachtwoord\n")
    assert r.returncode == 2 and "Naam of wachtwoord klopt niet" in r.stderr
    r = run("export", "evaluation", "--db", str(db), "--user", USER,
            "--out", str(tmp_path / "nergens" / "e.csv"))
    assert r.returncode == 2 and "bestaat niet" in r.stderr
    assert not (tmp_path / "nergens").exists()
