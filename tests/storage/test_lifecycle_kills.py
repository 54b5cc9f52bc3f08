"""SIGKILL during set-up, conversion and restore: the next start finishes or undoes the run.

Each path is killed before every single file-system step it takes (rename, link, unlink, fsync,
open, chmod, in order) and then at random moments (fixed seed) until it has 60 kills. After every
kill the next start must either open with all data or find the earlier state and complete the
run when asked again: never a lock-out, never a plaintext copy, never a database lost.

Every name here is fictitious. The children are forked (POSIX only) and never touch Qt.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from pgdesk.storage import backup, driver, lifecycle, vault
from pgdesk.storage.database import acquire_lock
from pgdesk.storage.keyring import FAST_KDF, Keyring, keyring_path

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

NAME = "Bram Testarts"
PASS = "herfst in het park"
SEED = 20261201
KILLS = 60
SECRET = "Zwanenburg-Omzetting"
FS_STEPS = ("replace", "link", "unlink", "fsync", "open", "chmod", "rename", "mkdir")
LEFTOVERS = (".keys.pending", ".nieuw.part", ".onversleuteld", ".herstel.part", ".herstel.klaar",
             ".herstel.json")


def send(fd: int, text: str) -> None:
    os.write(fd, (text + "\n").encode())


def _die_before_step(k: int) -> None:
    """In the child: SIGKILL itself just before its k-th file-system call."""
    count = [0]

    def wrap(fn):
        def step(*args, **kwargs):
            if count[0] == k:
                os.kill(os.getpid(), signal.SIGKILL)
            count[0] += 1
            return fn(*args, **kwargs)
        return step

    for name in FS_STEPS:
        setattr(os, name, wrap(getattr(os, name)))
    os.steps_taken = count  # read by the counting run


def run_child(body: Callable[[int], None], *, step: int | None = None,
              delay: float | None = None) -> tuple[bool, list[str]]:
    """body(fd) in a forked child, killed before a step or after `delay`; (killed, lines)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(r)
        code = 0
        try:
            if step is not None:
                _die_before_step(step)
            body(w)
            if step is not None:
                send(w, f"steps {os.steps_taken[0]}")
            send(w, "done")
        except BaseException:
            code = 1
            send(w, "error " + json.dumps(traceback.format_exc()))
        finally:
            os._exit(code)
    os.close(w)
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
    buf = bytearray()
    while chunk := os.read(r, 65536):
        buf += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    lines = buf.decode().splitlines()
    errors = [json.loads(x.removeprefix("error ")) for x in lines if x.startswith("error ")]
    assert not errors, "\n".join(errors)
    killed = os.WIFSIGNALED(status)
    assert killed or os.WEXITSTATUS(status) == 0, status
    return killed, lines


def kill_schedule(body: Callable[[int], None], reset: Callable[[], None], check, label: str) -> Counter:
    """Kill before every step, then at random moments, up to KILLS; `check(lines)` after each."""
    reset()
    started = time.monotonic()
    _, lines = run_child(body, step=10**9)
    duration = time.monotonic() - started
    steps = int(next(x for x in lines if x.startswith("steps ")).split()[1])
    assert steps >= 8, steps
    rng = random.Random(f"{SEED}/{label}")
    stats: Counter = Counter()

    def one(kind: str, at) -> None:
        reset()
        killed, lines = run_child(body, step=at) if kind == "step" else run_child(body, delay=at)
        stats["kills" if killed else "finished"] += 1
        stats[f"by_{kind}" if killed else "late"] += 1
        stats[check(lines)] += 1

    for k in range(steps):
        one("step", k)
    while stats["kills"] < KILLS and stats["late"] < KILLS:  # a moment after the end kills nothing
        one("moment", rng.uniform(0.0, duration))
    print(f"{label}: {steps} steps, {dict(stats)}")
    assert stats["kills"] >= KILLS, stats
    return stats


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def plaintext_in(folder: Path) -> list[str]:
    needles = [SECRET.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    return [str(p) for p in files_in(folder) if any(n in p.read_bytes() for n in needles)]


def no_leftovers(db: Path) -> None:
    assert [s for s in LEFTOVERS if Path(f"{db}{s}").exists()] == []


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# --- Restore ------------------------------------------------------------------------------------------

OLD, NEW = 5, 12


@pytest.fixture(scope="module")
def restore_material(tmp_path_factory):
    base = tmp_path_factory.mktemp("herstel")
    db = base / "praktijk" / "praktijk.sqlite"
    db.parent.mkdir()
    store, _ = vault.init_encrypted(db, name=NAME, role="huisarts", passphrase=PASS, params=FAST_KDF)
    with store:
        for i in range(OLD):
            store.add_patient(f"Proefpersoon Oud {i}")
    # The file to restore: a copy taken while a pgdesk had it open, its last patients in the WAL.
    source_dir = base / "stick"
    shutil.copytree(db.parent, source_dir)
    with vault.unlock(source_dir / db.name, NAME, PASS, min_seconds=0) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range(NEW - OLD):
            store.add_patient(f"Proefpersoon Nieuw {i}")
        shutil.copyfile(source_dir / db.name, base / "bron.pgbackup")
        shutil.copyfile(f"{source_dir / db.name}-wal", base / "bron.pgbackup-wal")
    keyring = Keyring.load(keyring_path(db))
    return db, base / "bron.pgbackup", keyring.unlock(NAME, PASS, min_seconds=0).key, keyring.db_id


def locked_restore(db: Path, source: Path, key: bytes, db_id: str) -> Path | None:
    """As `pgdesk restore` does it: under the database lock."""
    lock = acquire_lock(db)
    try:
        return backup.restore_backup(db, source, key, db_id=db_id)
    finally:
        lock.release()


def count_patients(path: Path, key: bytes) -> int:
    conn = driver.connect(path, key, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    finally:
        conn.close()


def test_restore_of_a_file_with_a_wal_restores_what_was_verified(restore_material, tmp_path):
    template, source, key, db_id = restore_material
    folder = tmp_path / "praktijk"
    shutil.copytree(template.parent, folder)
    db = folder / template.name
    info = backup.verify_backup(source, key, db_id=db_id)
    assert info.patients == NEW  # SQLite reads the WAL beside the file
    aside = locked_restore(db, source, key, db_id)
    assert count_patients(db, key) == NEW
    assert count_patients(aside, key) == OLD
    assert mode(db) == mode(aside) == 0o600


def test_kill_during_restore(restore_material, tmp_path):
    template, source, key, db_id = restore_material
    folder = tmp_path / "praktijk"
    db = folder / template.name

    def reset() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template.parent, folder)

    def body(fd: int) -> None:
        locked_restore(db, source, key, db_id)

    def check(lines: list[str]) -> str:
        with vault.unlock(db, NAME, PASS, min_seconds=0) as store:  # recovers first
            found = store.patient_count()
        no_leftovers(db)
        asides = [p for p in folder.glob(f"{db.name}.voor-herstel-*") if not p.name.endswith(
            lifecycle.SIDECARS)]
        assert found in (OLD, NEW)
        assert len(asides) <= 1
        for aside in asides:
            assert count_patients(aside, key) == OLD and mode(aside) == 0o600
        if found == OLD:
            assert "done" not in lines
            locked_restore(db, source, key, db_id)  # asked again, it completes
            assert count_patients(db, key) == NEW
            return "old database, restored again"
        assert mode(db) == 0o600
        return "restored"

    stats = kill_schedule(body, reset, check, "terugzetten")
    assert stats["restored"] > 0 and stats["old database, restored again"] > 0


# --- Set-up -------------------------------------------------------------------------------------------


def test_kill_during_init(tmp_path):
    folder = tmp_path / "nieuw"
    db = folder / "praktijk.sqlite"

    def reset() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()

    def body(fd: int) -> None:
        store, code = vault.init_encrypted(db, name=NAME, role="huisarts", passphrase=PASS,
                                           params=FAST_KDF)
        send(fd, f"code {code}")  # shown, as the set-up dialog or `pgdesk init` shows it
        vault.recovery_code_shown(store)
        store.close()

    def check(lines: list[str]) -> str:
        shown = any(x.startswith("code ") for x in lines)
        vault.recover(db)
        no_leftovers(db)
        if vault.is_encrypted_setup(db):
            with vault.unlock(db, NAME, PASS, min_seconds=0) as store:
                assert [p.name for p in store.professionals()] == [NAME]
                code = vault.pending_recovery_code(store)
                assert shown or code is not None
                if code:
                    vault.recovery_code_shown(store)
            assert mode(db) == 0o600
            return "set up" if shown else "set up, new recovery code"
        assert not shown and not lifecycle.has_content(db)
        store, _code = vault.init_encrypted(db, name=NAME, role="huisarts", passphrase=PASS,
                                            params=FAST_KDF)  # init again is not refused
        store.close()
        return "nothing yet, set up again"

    stats = kill_schedule(body, reset, check, "init")
    assert stats["nothing yet, set up again"] > 0
    assert stats["set up"] + stats["set up, new recovery code"] > 0
