"""The practice overview and the evaluation export counted in SQL give exactly what the earlier
Python versions gave (tests/storage/previous_figures.py), on random fictitious practices with a
fixed seed: hand-set and aspect scores (means that round on a half), missing scores, focus
marks, referrals, running and finished trajectories, conversations without a professional."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import uuid

import pytest

from pgdesk.domain.models import ROLES
from pgdesk.domain.social_map import REFERRAL_STATUSES
from pgdesk.reports import evaluation as ev
from pgdesk.storage import documents
from pgdesk.storage.migrations import backfill_trajectories
from tests.reports.evaluation_rows import both
from tests.storage import previous_figures as before

TODAY = dt.date(2026, 2, 20)
SALT = b"k" * 32
SERVICES = ("Welzijnscoach", "Wandelgroep  De Linde", "Schuldhulp", " ", "Buurtsportcoach")


def _practice(store, instrument, patients: int, seed: int) -> None:
    """Fictitious patients, inserted in bulk; trajectories grouped by pgdesk's own backfill."""
    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00+00:00"

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    pros = [(uid(), f"Collega {i}", role, stamp) for i, role in enumerate(ROLES * 2)]
    pats, cons, scores, aspects, marks, refs = [], [], [], [], [], []
    for i in range(patients):
        pid = uid()
        birth = rng.choice(["", f"{rng.randint(1930, 2008)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
        pats.append((pid, f"Patiënt {i} Testpersoon", birth, stamp, stamp))
        day = TODAY - dt.timedelta(days=rng.randint(0, 800))
        for _ in range(rng.randint(1, 6)):
            cid = uid()
            ctype = rng.choice(("start", "start", "tussen", "eind", "eind", "los"))
            date = day.isoformat() + (rng.choice(("", "", "T09:30")) if ctype != "start" else "")
            pro = rng.choice([None, *(p[0] for p in pros)])
            done = rng.choice((None, stamp, stamp))
            present = rng.choice(("", "", "naaste", "tolk,namens"))
            cons.append((cid, pid, pro, date, ctype, stamp, stamp, done, present))
            day += dt.timedelta(days=rng.randint(1, 120))  # one conversation a day at most
            for dim in instrument.dimensions:
                kind = rng.random()
                if kind < 0.6:
                    scores.append((cid, dim.id, rng.choice((None, *range(11))) if kind < 0.05
                                   else rng.randint(0, 10)))
                elif kind < 0.9:  # from aspects: four of them often, so means end on .25/.75
                    chosen = rng.sample(dim.aspects, min(len(dim.aspects), rng.choice((2, 3, 4, 4))))
                    aspects.extend((cid, dim.id, a.id, rng.randint(0, 10)) for a in chosen)
                    if rng.random() < 0.2:
                        scores.append((cid, dim.id, rng.randint(0, 10)))  # by hand wins
                if rng.random() < 0.2:
                    marks.append((cid, "focus", dim.id, rng.choice(("", dim.aspects[0].id))))
            aspects.append((cid, "onbekend", "x", 3))  # not in the instrument: ignored
            for _ in range(rng.choice((0, 0, 1, 2))):
                snapshot = json.dumps({"name": rng.choice(SERVICES), "phone": rng.choice("12")})
                refs.append((uid(), cid, pid, snapshot, rng.choice(list(REFERRAL_STATUSES)), stamp, stamp))
    with store.db.atomic():
        conn = store.db.conn
        conn.executemany("INSERT INTO professionals (id, name, role, created_at) VALUES (?, ?, ?, ?)",
                         pros)
        conn.executemany("INSERT INTO patients (id, display_name, birth_date, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, ?)", pats)
        conn.executemany("INSERT INTO consultations (id, patient_id, professional_id, date, type, "
                         "step, wheel_index, created_at, updated_at, completed_at, present) "
                         "VALUES (?, ?, ?, ?, ?, 'summary', 0, ?, ?, ?, ?)", cons)
        conn.executemany("INSERT INTO dimension_scores VALUES (?, ?, ?)", scores)
        conn.executemany("INSERT INTO aspect_scores VALUES (?, ?, ?, ?)", aspects)
        conn.executemany("INSERT INTO marks VALUES (?, ?, ?, ?)", marks)
        conn.executemany("INSERT INTO referrals (id, consultation_id, patient_id, service_snapshot, "
                         "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", refs)
        backfill_trajectories(store.db)


@pytest.mark.parametrize("seed", [16, 1616])
def test_overview_and_export_are_what_they_were(store, instrument, tmp_path, seed):
    _practice(store, instrument, 300, seed)
    assert store.db.execute("SELECT COUNT(*) FROM trajectories t JOIN consultations e "
                            "ON e.trajectory_id = t.id AND e.type = 'eind'").fetchone()[0] > 50

    old = before.practice_overview(store, instrument, today=TODAY)
    new = documents.practice_overview(store, instrument, today=TODAY)
    assert new == old
    assert new.completed_trajectories > 10 and new.referrals and new.has_changes

    old_rows = list(before.consultation_rows(store, instrument, key_salt=SALT))
    new_rows, new_tr = both(store, instrument, key_salt=SALT)
    assert new_rows == old_rows
    assert [list(r) for r in new_rows[:1]] == [list(r) for r in old_rows[:1]]  # column order too
    assert any(isinstance(r[instrument.dimension_ids[0]], float) and r[instrument.dimension_ids[0]] % 1
               for r in new_rows)  # some scores come from aspects
    old_tr = list(before.trajectory_rows(store, instrument, key_salt=SALT))
    assert new_tr == old_tr and len(new_tr) > 50

    # and the files themselves, byte for byte
    ev.export_evaluation(documents.evaluation_data(store, instrument, key_salt=SALT), instrument,
                         tmp_path / "nieuw.csv")
    (tmp_path / "oud.csv").write_bytes(_previous_csv(old_rows))
    (tmp_path / "oud-trajecten.csv").write_bytes(_previous_csv(old_tr))
    for name in ("{}.csv", "{}-trajecten.csv"):
        assert (tmp_path / name.format("nieuw")).read_bytes() == \
            (tmp_path / name.format("oud")).read_bytes()


def _previous_csv(rows: list[dict]) -> bytes:
    """The file as the export wrote it before it streamed lists: every cell formatted anew."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(list(rows[0]))
    writer.writerows([_previous_cell(v) for v in row.values()] for row in rows)
    return buf.getvalue().encode("utf-8-sig")


def _previous_cell(value) -> str:
    """reports.evaluation.cell as it was before its fast paths."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(value)


def test_cells_are_written_as_they_were():
    rng = random.Random(16)
    values = [None, True, False, 0, -0.0, 0.0, 7, 7.0, -1.25, 1e-5, -1e-5, 12.345678, "2026-01-12",
              "", 10**20, float("nan"), float("inf")]
    values += [round(rng.uniform(-100, 100), rng.choice((0, 1, 2, 5))) for _ in range(5000)]
    values += [rng.randint(-10**6, 10**6) for _ in range(500)]
    assert [ev.cell(v) for v in values] == [_previous_cell(v) for v in values]


def test_web_area_is_the_domains_to_the_last_digit(instrument):
    from pgdesk.domain.scores import web_area_fraction
    from pgdesk.storage.webs import Pivot

    pivot, rng = Pivot(instrument), random.Random(16)
    for _ in range(20_000):
        scores = [rng.choice((None, rng.randint(0, 10), round(rng.uniform(0, 10), 1)))
                  for _ in instrument.dimension_ids]
        assert pivot.area_pct(scores) == round(web_area_fraction(scores) * 100, 1), scores
