"""Crash safety of the encrypted store: SIGKILL at random moments, a full disk, a damaged page,
no patient data in raw bytes, and restoring from hostile backup files.

Every name and text here is fictitious. The crash tests fork the pytest process (POSIX only):
the parent holds no database connection while a child runs, the child never touches Qt, and it
leaves with os._exit so it never returns into pytest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.storage import access_log, backup, driver, vault
from pgdesk.storage.backup import BadBackup
from pgdesk.storage.errors import DatabaseCorrupt, NewerSchema, StorageError, explain_write_error
from pgdesk.storage.keyring import FAST_KDF, Keyring, keyring_path
from pgdesk.storage.repository import Store

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

NAME = "Anna de Vries"
PASS = "lente in de tuin"
SEED = 20260302
NS = uuid.UUID("5b0c7a52-0d7e-4f34-9a51-3c1f6f2b8e10")
INSTRUMENT = shipped_instrument("nl")
DIMS = [d.id for d in INSTRUMENT.dimensions]
STEPS = [w.id for w in INSTRUMENT.wheel]
DISK_FULL = "de schijf is vol"


@dataclasses.dataclass(frozen=True)
class Practice:
    db: Path
    patient_id: str
    professional_id: str
    db_id: str
    key: bytes = dataclasses.field(repr=False)


def unlock(db: Path) -> Store:
    return vault.unlock(db, NAME, PASS, min_seconds=0)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_practice(folder: Path) -> Practice:
    """An encrypted database (fast KDF) with one professional and one patient, closed again."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "praktijk.sqlite"
    store, _code = vault.init_encrypted(db, name=NAME, role="huisarts", passphrase=PASS,
                                        params=FAST_KDF)
    try:
        patient = store.add_patient("Proefpersoon Basis", practice_number="P-0001")
        pro_id, db_id = store.actor.professional_id, store.setting("db_id")
    finally:
        store.close()
    key = Keyring.load(keyring_path(db)).unlock(NAME, PASS, min_seconds=0).key
    return Practice(db, patient.id, pro_id, db_id, key)


def copy_practice(template: Practice, folder: Path) -> Practice:
    folder.mkdir(parents=True, exist_ok=True)
    for src in (template.db, keyring_path(template.db)):
        shutil.copyfile(src, folder / src.name)
    return dataclasses.replace(template, db=folder / template.db.name)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Practice:
    practice = new_practice(tmp_path_factory.mktemp("sjabloon"))
    # Closed cleanly: the WAL is checkpointed and gone, so copying the file copies everything.
    assert not Path(f"{practice.db}-wal").exists()
    return practice


def last_seq(store: Store) -> int:
    return store.db.execute("SELECT coalesce(max(seq), 0) FROM access_log").fetchone()[0]


# --- Writes, and what the database must hold after a prefix of them ------------------------------

# Which kinds of write each kill test mixes (weights).
MIXES = {
    "antwoorden": {"wheel": 1},
    "gemengd": {"wheel": 4, "score": 3, "plan": 2, "patient": 1},
    "reservekopie": {"wheel": 2, "score": 2, "plan": 1, "patient": 1, "backup": 4},
    "openen": {"wheel": 2, "score": 1, "plan": 1, "patient": 1},  # killed from the fork on
}
KILLS_PER_MIX = 25


def consultation_id(mix: str, it: int) -> str:
    return str(uuid.uuid5(NS, f"gesprek/{mix}/{it}"))


def patient_prefix(mix: str, it: int) -> str:
    return f"Proefpersoon {mix} {it}-"


def write_plan(mix: str, it: int, n: int) -> tuple:
    """The n-th write of iteration `it`: the same in the writer child and in the checking parent."""
    if n == 0:
        return ("consultation",)
    rng = random.Random(f"{SEED}/{mix}/{it}/{n}")
    weights = MIXES[mix]
    kind = rng.choices(list(weights), weights=list(weights.values()))[0]
    if kind == "wheel":  # grows with every write, up to about 8,000 characters
        return ("wheel", rng.choice(STEPS), f"Antwoord {it}.{n}: " + "ik wil weer fietsen. " * min(n, 380))
    if kind == "score":
        return ("score", rng.choice(DIMS), rng.randint(0, 10))
    if kind == "plan":
        return ("plan", rng.choice(PLAN_FIELDS),
                f"Stap {it}.{n}: elke ochtend een rondje wandelen. " * rng.randint(1, 40))
    if kind == "patient":
        return ("patient", str(uuid.uuid5(NS, f"patient/{mix}/{it}/{n}")), f"{patient_prefix(mix, it)}{n}")
    return ("backup",)


def apply(store: Store, practice: Practice, cid: str, item: tuple, backups: Path) -> None:
    kind = item[0]
    if kind == "consultation":
        store.new_consultation(practice.patient_id, practice.professional_id, "los", "2026-03-02",
                               consultation_id=cid)
    elif kind == "wheel":
        store.set_wheel_answer(cid, item[1], item[2])
    elif kind == "score":
        store.set_score(cid, item[1], item[2])
    elif kind == "plan":
        store.set_plan_field(cid, item[1], item[2])
    elif kind == "patient":
        store.add_patient(item[2], patient_id=item[1])
    elif kind == "backup":
        backup.make_backup(store.opened, backups)
    else:
        raise AssertionError(kind)


def model(practice: Practice, items: list[tuple]) -> dict:
    """What the database holds for one iteration after exactly these writes, log lines included."""
    state: dict = {"consultation": False, "wheel": {}, "scores": {}, "plan": {}, "patients": {},
                   "log": []}
    for item in items:
        kind = item[0]
        if kind == "consultation":
            state["consultation"] = True
            state["log"].append((practice.patient_id, "C", "consultation"))
        elif kind == "wheel":
            state["wheel"][item[1]] = item[2]
            state["log"].append((practice.patient_id, "U", f"wheel:{item[1]}"))
        elif kind == "score":
            state["scores"][item[1]] = item[2]
            state["log"].append((practice.patient_id, "U", f"score:{item[1]}"))
        elif kind == "plan":
            state["plan"][item[1]] = item[2]
            state["log"].append((practice.patient_id, "U", f"plan:{item[1]}"))
        elif kind == "patient":
            state["patients"][item[1]] = item[2]
            state["log"].append((item[1], "C", "patient"))
    return state


def observe(store: Store, cid: str, prefix: str, after_seq: int) -> dict:
    """The same shape as `model`, read from the database."""
    db = store.db
    plan_cols = ", ".join(f'"{f}"' for f in PLAN_FIELDS)
    plan = db.execute(f"SELECT {plan_cols} FROM plans WHERE consultation_id = ?", [cid]).fetchone()
    return {
        "consultation": db.execute("SELECT count(*) FROM consultations WHERE id = ?",
                                   [cid]).fetchone()[0] == 1,
        "wheel": dict(db.execute("SELECT step_id, answer FROM wheel_answers WHERE consultation_id = ?",
                                 [cid]).fetchall()),
        "scores": dict(db.execute("SELECT dimension_id, score FROM dimension_scores "
                                  "WHERE consultation_id = ?", [cid]).fetchall()),
        "plan": {f: v for f, v in zip(PLAN_FIELDS, plan or (), strict=False) if v is not None},
        "patients": dict(db.execute("SELECT id, display_name FROM patients WHERE display_name LIKE ?",
                                    [prefix + "%"]).fetchall()),
        "log": [tuple(r) for r in db.execute("SELECT patient_id, action, what FROM access_log "
                                             "WHERE seq > ? ORDER BY seq", [after_seq]).fetchall()],
    }


def summary(state: dict) -> dict:
    """A readable, short form of a state for assertion messages."""
    return {k: (len(v) if isinstance(v, list) else
                {kk: (vv[:25] if isinstance(vv, str) else vv) for kk, vv in v.items()}
                if isinstance(v, dict) else v)
            for k, v in state.items()}


# --- Forking ---------------------------------------------------------------------------------------


def _send(fd: int, text: str) -> None:
    data = (text + "\n").encode()
    while data:
        data = data[os.write(fd, data):]


def _leave_child(fd: int, body: Callable[[], None]) -> NoReturn:
    """Run `body` in the forked child; report an exception on the pipe; never return to pytest."""
    code = 0
    try:
        body()
    except BaseException:
        code = 1
        try:
            _send(fd, "error " + json.dumps(traceback.format_exc()))
        except BaseException:
            pass
    finally:
        os._exit(code)


def _read_all(fd: int, buf: bytearray) -> None:
    while chunk := os.read(fd, 65536):
        buf += chunk


def _child_errors(lines: list[str]) -> list[str]:
    return [json.loads(line.removeprefix("error ")) for line in lines if line.startswith("error ")]


def run_in_child(fn: Callable[..., dict], *args) -> dict:
    """fn(*args) in a forked child; returns the dict it returned (sent back as JSON)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _leave_child(w, lambda: _send(w, "result " + json.dumps(fn(*args))))
    os.close(w)
    buf = bytearray()
    try:
        _read_all(r, buf)
    finally:
        os.close(r)
        _, status = os.waitpid(pid, 0)
    lines = buf.decode().splitlines()
    assert not _child_errors(lines), "\n".join(_child_errors(lines))
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    return json.loads(next(line for line in lines if line.startswith("result ")).removeprefix("result "))


@dataclasses.dataclass
class Kill:
    confirmed: int
    ready: bool


def write_until_killed(practice: Practice, mix: str, it: int, backups: Path, delay: float,
                       wait_ready: bool) -> Kill:
    """Fork a writer; SIGKILL it `delay` seconds after it opened the store (or after the fork)."""
    cid = consultation_id(mix, it)

    def writer() -> None:
        store = unlock(practice.db)
        _send(w, "ready")
        for n in itertools.count():
            apply(store, practice, cid, write_plan(mix, it, n), backups)
            _send(w, f"saved {n}")  # only after the store call returned

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _leave_child(w, writer)
    os.close(w)
    buf = bytearray()
    try:
        if wait_ready:
            deadline = time.monotonic() + 20
            while b"ready\n" not in buf:
                remaining = deadline - time.monotonic()
                assert remaining > 0, "the writer never opened the database"
                if select.select([r], [], [], remaining)[0]:
                    chunk = os.read(r, 65536)
                    if not chunk:
                        break  # the child ended by itself; its error is in buf
                    buf += chunk
        time.sleep(delay)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        try:
            _read_all(r, buf)  # every confirmation that reached the pipe before the kill
        finally:
            os.close(r)
    lines = buf.decode().splitlines()
    assert not _child_errors(lines), "\n".join(_child_errors(lines))
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    saved = [int(line.split()[1]) for line in lines if line.startswith("saved ")]
    assert saved == list(range(len(saved))), saved
    return Kill(len(saved), "ready" in lines)


def measure_writes(template: Practice, folder: Path, mix: str, backups: Path) -> float:
    """Seconds per write of `mix` on this machine now, from the first writes of a copy."""
    practice = copy_practice(template, folder)
    cid = consultation_id(mix, -1)
    with unlock(practice.db) as store:
        apply(store, practice, cid, write_plan(mix, -1, 0), folder / backups.name)
        began = time.monotonic()
        for n in range(1, 7):
            apply(store, practice, cid, write_plan(mix, -1, n), folder / backups.name)
        return (time.monotonic() - began) / 6


# --- 1. SIGKILL at random moments ------------------------------------------------------------------


@needs_fork
@pytest.mark.parametrize("mix", list(MIXES))
def test_sigkill_at_random_moments_loses_no_confirmed_write(mix, template, tmp_path):
    """25 kills per mix, 100 in all.

    After every kill the database must open (integrity checks run at open) and hold exactly the
    writes 0..M-1, log lines included, where M is the number of confirmed writes, or one more
    (the kill can fall between a commit and its confirmation). Overwritten answers therefore
    hold their last written value; everything confirmed is there, nothing half.
    """
    practice = copy_practice(template, tmp_path / "praktijk")
    backups = tmp_path / "reservekopieen"
    keys_copy = backups / keyring_path(practice.db).name
    rng = random.Random(f"{SEED}/{mix}/delays")
    with unlock(practice.db) as store:
        seq = last_seq(store)
    # What opening costs on this machine now, in a forked writer as the killed ones open: the
    # kills of "openen" are spread over it and the writes after it, so a loaded machine (slower
    # unlock) does not push them all before the writes.
    began = time.monotonic()
    run_in_child(lambda: unlock(practice.db).close() or {})
    open_cost = time.monotonic() - began
    # And what a write costs now (on a copy): the other kills are spread over about ten writes,
    # so a loaded machine (slower writes) does not put them all before the first confirmation.
    write_cost = measure_writes(template, tmp_path / "maat", mix, backups)
    stats = {"kills": 0, "confirmed": 0, "amid_writes": 0, "in_backup": 0, "before_ready": 0,
             "backups_checked": 0}
    for it in range(KILLS_PER_MIX):
        from_fork = mix == "openen"
        delay = (rng.uniform(0.0, 0.03 + 2 * open_cost) if from_fork
                 else rng.uniform(0.003, max(0.05, 10 * write_cost)))
        kill = write_until_killed(practice, mix, it, backups, delay, wait_ready=not from_fork)
        stats["kills"] += 1
        stats["confirmed"] += kill.confirmed
        stats["amid_writes"] += kill.confirmed > 0
        stats["before_ready"] += not kill.ready

        items = [write_plan(mix, it, n) for n in range(kill.confirmed + 1)]
        if kill.ready and items[kill.confirmed][0] == "backup":
            stats["in_backup"] += 1
        with unlock(practice.db) as store:  # a fresh connection: WAL recovery and integrity checks
            assert access_log.verify_chain(store.db) == []
            seen = observe(store, consultation_id(mix, it), patient_prefix(mix, it), seq)
            seq = last_seq(store)
        allowed = [model(practice, items[:m]) for m in (kill.confirmed, kill.confirmed + 1)]
        assert seen in allowed, (
            f"kill {it} after {kill.confirmed} confirmed writes: database holds {summary(seen)}, "
            f"expected {summary(allowed[0])} or {summary(allowed[1])}"
        )

        for finished in backups.glob("pgdesk-*.pgbackup"):
            backup.verify_backup(finished, practice.key, db_id=practice.db_id)  # raises if half
            stats["backups_checked"] += 1
        if keys_copy.exists():
            assert Keyring.load(keys_copy).db_id == practice.db_id

    print(f"{mix}: {stats}")
    assert stats["kills"] == KILLS_PER_MIX
    # The kills really fell amid the writes (and, for "openen", some during the unlock).
    assert stats["amid_writes"] >= (5 if mix == "openen" else KILLS_PER_MIX // 2), stats
    if mix == "reservekopie":
        assert stats["in_backup"] >= 5, stats
        assert stats["backups_checked"] > 0


# --- 2. A full disk in the middle of a write --------------------------------------------------------


def _big_answer(n: int) -> str:
    sentence = "Ik wil weer elke week met mijn kleinzoon gaan zwemmen. "
    return f"Antwoord {n}: " + sentence * (200 + 20 * (n % 7))


def _limit_file_size(limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _exception_report(exc: BaseException) -> dict:
    return {"type": f"{type(exc).__module__}.{type(exc).__qualname__}", "message": str(exc),
            "driver_error": isinstance(exc, driver.Error), "pgdesk_error": isinstance(exc, PgdeskError),
            "storage_error": isinstance(exc, StorageError), "explained": explain_write_error(exc)}


def _write_until_disk_full(practice: Practice, cid: str, margin: int) -> dict:
    store = unlock(practice.db)
    sizes = {s: os.path.getsize(f"{practice.db}{s}") for s in ("", "-wal", "-shm")
             if os.path.exists(f"{practice.db}{s}")}
    limit = max(sizes.values()) + margin
    _limit_file_size(limit)
    for n in range(1000):
        try:
            store.set_wheel_answer(cid, STEPS[n % len(STEPS)], _big_answer(n))
        except Exception as exc:
            report = {"confirmed": n, "sizes": sizes, "limit": limit, **_exception_report(exc),
                      "in_transaction": store.db.conn.in_transaction}
            break
    else:
        return {"confirmed": 1000, "type": None}
    try:  # as when the user closes pgdesk after the message
        store.close()
        report["close_error"] = None
    except Exception as exc:
        report["close_error"] = repr(exc)
    return report


@needs_fork
def test_disk_full_mid_write_keeps_every_confirmed_answer(template, tmp_path):
    practice = copy_practice(template, tmp_path / "praktijk")
    cid = consultation_id("schijf-vol", 0)
    with unlock(practice.db) as store:
        store.new_consultation(practice.patient_id, practice.professional_id, "los", "2026-03-02",
                               consultation_id=cid)
        seq = last_seq(store)

    report = run_in_child(_write_until_disk_full, practice, cid, 256 * 1024)

    assert report["type"] is not None, "the file-size limit never stopped a write"
    assert report["driver_error"] or report["pgdesk_error"], report
    assert DISK_FULL in report["explained"], report
    assert not report["in_transaction"], "a failed write left its transaction open"
    assert report["close_error"] is None, report  # closing pgdesk afterwards works
    assert report["confirmed"] >= 2, report  # the limit left room for some answers first
    confirmed = report["confirmed"]

    with unlock(practice.db) as store:  # integrity checks run here
        assert access_log.verify_chain(store.db) == []
        answers = dict(store.db.execute(
            "SELECT step_id, answer FROM wheel_answers WHERE consultation_id = ?", [cid]).fetchall())
        log = [tuple(r) for r in store.db.execute(
            "SELECT action, what FROM access_log WHERE seq > ? ORDER BY seq", [seq]).fetchall()]
    expected = {}
    for n in range(confirmed):
        expected[STEPS[n % len(STEPS)]] = _big_answer(n)
    assert answers == expected  # every confirmed answer, exactly; nothing of the failed one
    assert log == [("U", f"wheel:{STEPS[n % len(STEPS)]}") for n in range(confirmed)]


def _backup_on_full_disk(practice: Practice, folder: str) -> dict:
    store = unlock(practice.db)
    _limit_file_size(os.path.getsize(practice.db) // 2)  # the copy cannot be finished
    try:
        backup.make_backup(store.opened, Path(folder))
    except Exception as exc:
        return _exception_report(exc)
    return {"type": None}


@needs_fork
def test_backup_on_full_disk_fails_clearly_and_leaves_nothing(template, tmp_path):
    practice = copy_practice(template, tmp_path / "praktijk")
    folder = tmp_path / "usb-stick" / "reservekopieen"
    report = run_in_child(_backup_on_full_disk, practice, str(folder))
    assert report["type"] is not None, "the backup should not fit"
    assert report["storage_error"], report
    assert DISK_FULL in report["message"], report
    assert list(folder.glob("pgdesk-*.pgbackup")) == []
    assert [p.name for p in folder.iterdir()] == []  # no .part, no journal, no keyring copy
    with unlock(practice.db) as store:
        assert access_log.verify_chain(store.db) == []


# --- 3. A damaged page --------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["second", "middle", "last"])
def test_damaged_page_is_refused_and_the_file_left_untouched(template, tmp_path, where):
    practice = copy_practice(template, tmp_path)
    with unlock(practice.db) as store:
        for i in range(12):
            patient = store.add_patient(f"Proefpersoon Schade {i}")
            c = store.new_consultation(patient.id, practice.professional_id, "start", "2026-03-02")
            store.set_wheel_answer(c.id, "nu", f"Antwoord {i}: " + "rustig aan doen. " * 150)
            store.set_score(c.id, DIMS[i % len(DIMS)], i % 11)
        page_size = int(store.db.execute("PRAGMA cipher_page_size").fetchone()[0])
    db = practice.db
    wal = Path(f"{db}-wal")
    assert not wal.exists()
    pages = db.stat().st_size // page_size
    assert pages >= 8
    page = {"second": 1, "middle": pages // 2, "last": pages - 1}[where]  # 0-based; page 1 is 0
    data = bytearray(db.read_bytes())
    start = page * page_size + page_size // 2
    for i in range(start, start + 8):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    before = sha256(db)

    with pytest.raises(DatabaseCorrupt):
        unlock(db)

    assert sha256(db) == before
    assert not wal.exists() or wal.stat().st_size == 0


# --- 4. Raw bytes never hold patient data --------------------------------------------------------------

SECRET_NAME = "Zwanenburg-Quist"
SECRET_PHRASE = "Ik wil weer kanoën op de Linge met mijn kleindochter Fenneke"
NEEDLES = [SECRET_NAME, "Zwanenburg", "zwanenburg", "Quist", "quist", SECRET_PHRASE, "kanoën", "kanoen",
           "kleindochter", "Fenneke", "fenneke", "op de Linge"]


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _new_files_in_system_tmp(since: float) -> list[Path]:
    found = []
    for entry in os.scandir(tempfile.gettempdir()):
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime >= since \
                    and entry.stat().st_size < 64 << 20 and os.access(entry.path, os.R_OK):
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def find_secrets(files: list[Path]) -> list[str]:
    patterns = [(needle, enc, needle.encode(enc))
                for needle in NEEDLES for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    hits = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits += [f"{path}: {needle!r} in {enc}" for needle, enc, raw in patterns if raw in data]
    return hits


def test_raw_bytes_never_hold_patient_data(template, tmp_path):
    started = time.time() - 1
    practice = copy_practice(template, tmp_path / "praktijk")
    db = practice.db
    backups = tmp_path / "reservekopieen"
    store = unlock(db)
    try:
        patient = store.add_patient(SECRET_NAME, practice_number="Z-4711")
        c = store.new_consultation(patient.id, practice.professional_id, "start", "2026-03-02")
        store.set_wheel_answer(c.id, "wens", SECRET_PHRASE)
        store.set_plan_field(c.id, "goal", SECRET_PHRASE)
        made = backup.make_backup(store.opened, backups)
        assert Path(f"{db}-wal").stat().st_size > 0  # the new lines still sit in the WAL
        files = _files_under(tmp_path)
        assert {db, Path(f"{db}-wal"), Path(f"{db}-shm"), keyring_path(db), made} <= set(files)
        assert backups / keyring_path(db).name in files
        assert find_secrets(files) == []
    finally:
        store.close()
    assert find_secrets(_files_under(tmp_path)) == []
    assert find_secrets(_new_files_in_system_tmp(started)) == []
    assert not driver.is_plain_sqlite(db) and not driver.is_plain_sqlite(made)

    # The data really is there, and the search above really finds it where it is plain.
    with unlock(db) as store:
        assert [p.display_name for p in store.search_patients("zwanenburg")] == [SECRET_NAME]
        assert store.consultation(c.id).wheel_answers["wens"] == SECRET_PHRASE
    control = tmp_path / "controle" / "plain.txt"
    control.parent.mkdir()
    control.write_bytes(f"x {SECRET_NAME} y".encode("utf-16-le") + SECRET_PHRASE.encode())
    assert len(find_secrets([control])) >= 3


# --- 5. Restoring hostile backup files -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class RestoreMaterial:
    base: Path
    practice: Practice
    samples: dict[str, bytes]


@pytest.fixture(scope="module")
def material(template, tmp_path_factory) -> RestoreMaterial:
    base = tmp_path_factory.mktemp("herstel")
    practice = copy_practice(template, base / "praktijk")
    with unlock(practice.db) as store:
        for i in range(5):
            patient = store.add_patient(f"Proefpersoon Herstel {i}")
            c = store.new_consultation(patient.id, practice.professional_id, "start", "2026-03-02")
            store.set_wheel_answer(c.id, "nu", "Meer bewegen. " * 40)
        real = backup.make_backup(store.opened, base / "kopieen", rotate_after=False)

    other = new_practice(base / "andere-praktijk")
    with unlock(other.db) as store:
        foreign_backup = backup.make_backup(store.opened, base / "andere-kopieen", rotate_after=False)

    plain_app = base / "boekhouding.sqlite"
    conn = sqlite3.connect(plain_app)
    conn.execute("CREATE TABLE boekingen (x)")
    conn.commit()
    conn.close()
    plain_pgdesk = base / "demo.sqlite"
    with Store.open(plain_pgdesk) as store:
        store.add_patient("Proefpersoon Demo")

    newer = base / "nieuwer.pgbackup"
    shutil.copyfile(real, newer)
    conn = driver.connect(newer, practice.key)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('pgdesk', '9999_uit_de_toekomst', '2030-01-01 00:00:00')")
    conn.close()

    samples = {
        "echte": real.read_bytes(),
        "andere-praktijk": foreign_backup.read_bytes(),
        "gewone-sqlite": plain_app.read_bytes(),
        "gewone-pgdesk": plain_pgdesk.read_bytes(),
        "nieuwer-schema": newer.read_bytes(),
    }
    return RestoreMaterial(base, practice, samples)


def try_restore(material: RestoreMaterial, kind: str, payload: bytes, *, key: bytes | None = None) -> None:
    """Restore `payload` over a copy of the practice database; check all-or-nothing."""
    practice = material.practice
    work = Path(tempfile.mkdtemp(dir=material.base, prefix="werk-"))
    incoming = Path(tempfile.mkdtemp(dir=material.base, prefix="stick-"))
    try:
        db = copy_practice(practice, work).db
        candidate = incoming / "pgdesk-20260302-101500.pgbackup"
        candidate.write_bytes(payload)
        before, listing = sha256(db), sorted(os.listdir(work))
        try:
            aside = backup.restore_backup(db, candidate, key or practice.key, db_id=practice.db_id,
                                          now=dt.datetime(2026, 3, 3, 9, 0))
        except StorageError as exc:
            assert kind != "echte", f"the untouched backup was refused: {exc}"
            expected = NewerSchema if kind == "nieuwer-schema" else BadBackup
            assert isinstance(exc, expected), f"{kind}: {type(exc).__name__}: {exc}"
            assert sha256(db) == before
            assert sorted(os.listdir(work)) == listing  # no .herstel.part, no -wal, nothing
            assert os.listdir(incoming) == [candidate.name]  # checking it wrote nothing either
            return
        assert kind == "echte", f"{kind} was restored"
        # Restored through SQLite (the backup API), so the same rows, freshly encrypted pages.
        restored = backup.verify_backup(db, practice.key, db_id=practice.db_id)
        source = backup.verify_backup(candidate, practice.key, db_id=practice.db_id)
        assert (restored.patients, restored.consultations) == (source.patients, source.consultations)
        assert aside is not None and sha256(aside) == before
        assert sorted(os.listdir(work)) == sorted([*listing, aside.name])
        with unlock(db) as store:
            assert store.patient_count() == 6
            assert access_log.verify_chain(store.db) == []
    finally:
        shutil.rmtree(work)
        shutil.rmtree(incoming)


@pytest.mark.parametrize("kind", ["echte", "andere-praktijk", "gewone-sqlite", "gewone-pgdesk",
                                  "nieuwer-schema"])
def test_restore_takes_only_this_practices_backup(material, kind):
    try_restore(material, kind, material.samples[kind])


def test_restore_refuses_another_practices_backup_opened_with_its_own_key(material, tmp_path):
    other = new_practice(tmp_path / "derde")
    with unlock(other.db) as store:
        made = backup.make_backup(store.opened, tmp_path / "kopie", rotate_after=False)
    try_restore(material, "andere-praktijk", made.read_bytes(), key=other.key)  # wrong db_id


def test_restore_refuses_a_copy_that_came_out_damaged(material, monkeypatch):
    """The backup on the stick is sound, but reading it back goes wrong (a flaky stick)."""
    real_copy = backup.driver.copy_database

    def damaging_copy(conn, target, key):
        real_copy(conn, target, key)
        if not str(target).endswith(".herstel.part"):  # only the restore's own copy
            return
        with open(target, "r+b") as fh:
            fh.seek(os.path.getsize(target) // 2)
            byte = fh.read(1)
            fh.seek(-1, os.SEEK_CUR)
            fh.write(bytes([byte[0] ^ 0xFF]))

    monkeypatch.setattr(backup.driver, "copy_database", damaging_copy)
    try_restore(material, "beschadigde-kopie", material.samples["echte"])


@settings(max_examples=40, deadline=None, database=None)
@given(data=st.data())
def test_restore_fuzz_is_all_or_nothing(material, data):
    real = material.samples["echte"]
    kind = data.draw(st.sampled_from(["willekeurig", "sqlite-kop", "afgekapt", "omgedraaid", "vast"]))
    if kind == "willekeurig":
        payload = data.draw(st.binary(max_size=20_000))
    elif kind == "sqlite-kop":
        payload = driver.SQLITE_HEADER + data.draw(st.binary(max_size=8192))
    elif kind == "afgekapt":
        payload = real[:data.draw(st.integers(0, len(real) - 1))]
    elif kind == "omgedraaid":
        flips = data.draw(st.lists(st.tuples(st.integers(0, len(real) - 1), st.integers(1, 255)),
                                   min_size=1, max_size=6, unique_by=lambda f: f[0]))
        buf = bytearray(real)
        for pos, mask in flips:
            buf[pos] ^= mask
        payload = bytes(buf)
    else:
        kind = data.draw(st.sampled_from(sorted(material.samples)))
        payload = material.samples[kind]
    try_restore(material, kind, payload)
