"""Erasure (AVG "recht op vergetelheid") survives kill -9 at any moment: afterwards the patient
is either fully there or fully gone — rows, search index and the bytes in the file.

Every name and text here is fictitious. The child processes are forked (POSIX only), never
touch Qt, and leave with os._exit so they never return into pytest.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import time
import traceback
from pathlib import Path

import pytest

from pgdesk.storage import access_log
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.storage.patient_rights import erase_patient
from pgdesk.storage.repository import Store
from tests.security_helpers import PASSPHRASE, USER, decrypt_pages, decrypt_wal, make_encrypted, unlock

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

SEED = 20261201
# The search index stores a term after the prefix it shares with the term before it; no other
# term starts with "x" or "q", so these two are stored whole, and their tails in any case.
FIRST, LAST = "Quirijntje", "Xylanderhof"
NAME = f"{FIRST} {LAST}"
ANSWER = "Ik wil weer met mijn buurman naar de volkstuin aan de Zuiderweg"
NEEDLES = (NAME.encode(), b"uirijntje", b"ylanderhof", b"Zuiderweg", b"918273")
PATIENT_TABLES = {  # where a patient has rows: table -> SQL counting them
    "patients": "SELECT count(*) FROM patients WHERE id = ?",
    "consultations": "SELECT count(*) FROM consultations WHERE patient_id = ?",
    "trajectories": "SELECT count(*) FROM trajectories WHERE patient_id = ?",
    **{t: f"SELECT count(*) FROM {t} WHERE consultation_id IN "
          "(SELECT id FROM consultations WHERE patient_id = ?)"
       for t in ("dimension_scores", "wheel_answers", "plans")},
}
KILLS_IN_PROCESS = 30  # kill -9 from inside, at a seeded SQLite VM step of the erasure
# (and from inside before each of its SQL statements)
KILLS_TIMED = 30  # kill -9 from the parent, a seeded time after the erasure began


def _send(fd: int, text: str) -> None:
    os.write(fd, (text + "\n").encode())


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An encrypted practice: 40 other patients, each added on its own (so the search index has
    several segments), and one patient with three conversations, answers and a plan."""
    folder = tmp_path_factory.mktemp("sjabloon")
    db = folder / "praktijk.sqlite"
    store, _code = make_encrypted(db)
    with store:
        for i in range(40):
            store.add_patient(f"Proefpersoon Nummer{i}", practice_number=f"P-{i:04d}")
        p = store.add_patient(NAME, "1960-05-04", "918273")
        for n, date in enumerate(("2026-01-05", "2026-03-02", "2026-06-01")):
            c = store.new_consultation(p.id, store.actor.professional_id, date=date)
            store.set_score(c.id, "lichaam", 4 + n)
            store.set_wheel_answer(c.id, "wens", f"{ANSWER} ({n})")
            store.set_plan_field(c.id, "goal", f"{ANSWER}, elke week")
        counts = _counts(store, p.id)
    key = Keyring.load(keyring_path(db)).unlock(USER, PASSPHRASE, min_seconds=0).key
    return {"db": db, "patient_id": p.id, "counts": counts, "key": key}


def _counts(store, patient_id: str) -> dict:
    return {t: store.db.execute(sql, [patient_id]).fetchone()[0] for t, sql in PATIENT_TABLES.items()}


def _fresh_copy(template, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for src in (template["db"], keyring_path(template["db"])):
        shutil.copyfile(src, folder / src.name)
    return folder / template["db"].name


def _erase_in_child(db: Path, patient_id: str, kill_at: tuple[str, int] | None, fd: int) -> None:
    """Erase; with `kill_at` ("step", n) or ("statement", n) kill -9 itself just before the n-th
    SQLite VM step or the n-th SQL statement (nested ones of the search index and triggers too)."""
    store = unlock(db)
    if kill_at is not None:
        kind, n = kill_at
        seen = iter(range(n - 1))

        def tick(*_args) -> int:
            if next(seen, None) is None:
                os.kill(os.getpid(), signal.SIGKILL)
            return 0

        if kind == "step":
            store.db.conn.set_progress_handler(tick, 1)
        else:
            store.db.conn.set_trace_callback(tick)
    _send(fd, "ready")
    erase_patient(store, patient_id)
    store.db.conn.set_progress_handler(None, 1)
    store.db.conn.set_trace_callback(None)
    _send(fd, "erased")
    time.sleep(60)  # wait for the kill, holding the store open as a running pgdesk would


def _read_until(r: int, buf: bytearray, word: bytes, deadline: float) -> None:
    """Read the child's lines until `word` arrived, the child is gone, or time is up."""
    while word + b"\n" not in buf and b"error" not in buf and time.monotonic() < deadline:
        if select.select([r], [], [], 0.5)[0]:
            chunk = os.read(r, 65536)
            if not chunk:
                return
            buf += chunk


def run_erase(db: Path, patient_id: str, *, kill_at: tuple[str, int] | None = None,
              kill_after: float | None = None) -> tuple[list[str], float]:
    """Fork a child that erases the patient and kill -9 it: by itself at `kill_at`, or from here
    `kill_after` seconds after it began, or (neither) once it has finished.
    Returns its lines and the seconds from its start to its "erased"."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            _erase_in_child(db, patient_id, kill_at, w)
        except BaseException:
            _send(w, "error " + json.dumps(traceback.format_exc()))
        finally:
            os._exit(1)
    os.close(w)
    buf = bytearray()
    took = 0.0
    try:
        deadline = time.monotonic() + 30
        _read_until(r, buf, b"ready", deadline)
        began = time.monotonic()
        if kill_after is not None:
            time.sleep(kill_after)
        else:
            _read_until(r, buf, b"erased", deadline)
            took = time.monotonic() - began
    finally:
        os.kill(pid, signal.SIGKILL)  # harmless when it already killed itself (not yet reaped)
        _, status = os.waitpid(pid, 0)
        while chunk := os.read(r, 65536):
            buf += chunk
        os.close(r)
    lines = buf.decode().splitlines()
    errors = [json.loads(x.removeprefix("error ")) for x in lines if x.startswith("error ")]
    assert not errors, "\n".join(errors)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    return lines, took


def _size_of_a_whole_erasure(template, folder: Path) -> tuple[int, int]:
    """How many SQLite VM steps and SQL statements one erasure takes, counted on a copy."""
    db = _fresh_copy(template, folder)
    steps: list[None] = []
    statements: list[str] = []
    with unlock(db) as store:
        store.db.conn.set_progress_handler(lambda: steps.append(None), 1)
        store.db.conn.set_trace_callback(statements.append)
        erase_patient(store, template["patient_id"])
        store.db.conn.set_progress_handler(None, 1)
        store.db.conn.set_trace_callback(None)
    return len(steps), len(statements)


def check_all_or_nothing(template, db: Path) -> str:
    """Reopen as pgdesk would; 'there' or 'gone', asserting that it is wholly one of them."""
    pid = template["patient_id"]
    with unlock(db) as store:  # opening finishes an erasure a kill interrupted
        assert access_log.verify_chain(store.db) == []
        counts = _counts(store, pid)
        erase_lines = [x for x in access_log.lines_for(store.db, pid) if x["what"] == "erase"]
        found = {w: [p.id for p in store.search_patients(w)] for w in (FIRST, LAST, "918273")}
        index = b"".join(bytes(row[0]) for row in store.db.execute(
            "SELECT block FROM patients_fts_data UNION ALL SELECT term FROM patients_fts_idx "
            "WHERE term IS NOT NULL").fetchall())
        wal = Path(f"{db}-wal")
        # What is physically in the file and WAL while pgdesk runs on (not only after a close,
        # which checkpoints by itself): free pages and earlier page images included.
        raw = decrypt_pages(db.read_bytes(), template["key"]) + (
            decrypt_wal(wal.read_bytes(), template["key"]) if wal.exists() else b"")
        pending = store.setting("erase_pending")
        assert store.search_patients("Nummer7")  # the other patients stay findable
    if counts == template["counts"]:
        assert erase_lines == [] and all(ids == [pid] for ids in found.values()), found
        return "there"
    assert counts == dict.fromkeys(PATIENT_TABLES, 0), f"half erased: {counts}"
    assert len(erase_lines) == 1, erase_lines
    assert all(ids == [] for ids in found.values()), found
    for needle in NEEDLES:
        in_index, in_file = needle.lower() in index.lower(), needle in raw
        assert not in_index, f"{needle!r} left in the search index"
        assert not in_file, f"{needle!r} left in the file"
    assert pending is None
    return "gone"


@needs_fork
def test_kill_during_erase_leaves_the_patient_wholly_there_or_wholly_gone(template, tmp_path):
    """kill -9 before every SQL statement of the erasure (those of the search index, the
    triggers and the checkpoints included), and then 30 at seeded VM steps and 30 at seeded
    moments after it began: 100 or more kills."""
    rng = random.Random(SEED)
    steps, statements = _size_of_a_whole_erasure(template, tmp_path / "tellen")
    lines, took = run_erase(_fresh_copy(template, tmp_path / "meten"), template["patient_id"])
    assert "erased" in lines
    plans = [{"kill_at": ("statement", n)} for n in range(1, statements + 1)]
    plans += [{"kill_at": ("step", rng.randint(1, steps + steps // 10))}
              for _ in range(KILLS_IN_PROCESS)]
    plans += [{"kill_after": rng.uniform(0.0, took * 1.1)} for _ in range(KILLS_TIMED)]
    outcomes = {"there": 0, "gone": 0, "gone_unconfirmed": 0, "wal_left": 0}
    for n, plan in enumerate(plans):
        db = _fresh_copy(template, tmp_path / f"kill{n}")
        lines, _ = run_erase(db, template["patient_id"], **plan)
        wal = Path(f"{db}-wal")
        outcomes["wal_left"] += wal.exists() and wal.stat().st_size > 0
        result = check_all_or_nothing(template, db)
        outcomes[result] += 1
        outcomes["gone_unconfirmed"] += result == "gone" and "erased" not in lines
    print(f"erase: {len(plans)} kills ({statements} at statements), {steps} VM steps per "
          f"erasure: {outcomes}")
    assert outcomes["there"] + outcomes["gone"] == len(plans) >= 100
    # The kills fell on both sides of the commit, and between it and the end of the erasure.
    assert outcomes["there"] >= 20 and outcomes["gone"] >= 5, outcomes
    assert outcomes["gone_unconfirmed"] >= 4, outcomes


def test_an_erasure_a_reader_kept_from_finishing_is_finished_at_the_next_open(db_path, store):
    """While another connection reads, the checkpoint cannot overwrite the old pages: the
    marker stays, and the next open completes the erasure."""
    from pgdesk.storage import driver

    keep = store.add_patient("Blijft Bestaan")
    gone = store.add_patient(NAME)
    store.db.execute("PRAGMA busy_timeout = 50")  # the checkpoint gives up on the reader sooner
    reader = driver.connect(db_path)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM patients").fetchone()[0] == 2
        erase_patient(store, gone.id)
        assert store.setting("erase_pending") == "1"
        assert store.search_patients(LAST) == []
    finally:
        reader.close()
    store.close()
    with Store.open(db_path) as again:
        assert again.setting("erase_pending") is None
        assert [p.id for p in again.search_patients("Blijft")] == [keep.id]
        assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0
