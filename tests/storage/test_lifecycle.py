"""The database's life cycle: conversion, lost files, kept-aside copies, file modes, wrong
passphrases, locks and the messages of the commands around them. Fictitious data only."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import time
from pathlib import Path

import pytest

from pgdesk import cli
from pgdesk.domain.retention import copy_expired
from pgdesk.storage import access_log, attempts, backup, database, driver, lifecycle, vault
from pgdesk.storage.errors import DatabaseLocked, WrongKeyring
from pgdesk.storage.keyring import FAST_KDF, Keyring, WrongCredentials, keyring_path
from pgdesk.storage.repository import Store
from tests.security_helpers import PASSPHRASE, USER, make_encrypted, unlock

SECRET = "Proefpersoon Vlierboom"


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def practice(tmp_path) -> Path:
    db = tmp_path / "praktijk" / "praktijk.db"
    db.parent.mkdir()
    store, _ = make_encrypted(db)
    with store:
        store.add_patient(SECRET)
    return db


def plain_database(path: Path) -> Path:
    with Store.open(path) as store:
        store.add_patient(SECRET)
    return path


# --- 1. Conversion --------------------------------------------------------------------------------


def test_conversion_leaves_a_private_file_and_no_plain_copy(tmp_path):
    db = plain_database(tmp_path / "oud.db")
    os.chmod(db, 0o644)
    shutil.copyfile(db, tmp_path / "oud.db.v2.bak")  # the copy an older migration left
    store, code = vault.convert_to_encrypted(db, name=USER, role="huisarts",
                                             passphrase=PASSPHRASE, params=FAST_KDF)
    with store:
        assert store.patient_count() == 1
    assert mode(db) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.db", "oud.db.keys", "oud.db.lock"]
    assert not any(SECRET.encode() in p.read_bytes() for p in tmp_path.iterdir())


def test_key_file_beside_a_plain_database_is_finished_not_a_lock_out(tmp_path):
    """What an older pgdesk left after a kill: the key file written, the database still plain."""
    db = plain_database(tmp_path / "oud.db")
    Keyring.create(keyring_path(db), name=USER, passphrase=PASSPHRASE, params=FAST_KDF)
    with unlock(db) as store:
        assert store.encrypted and store.patient_count() == 1
        code = vault.pending_recovery_code(store)  # the first code was never shown
        assert code is not None
        vault.recovery_code_shown(store)
        assert vault.pending_recovery_code(store) is None
    Keyring.load(keyring_path(db)).unlock_with_recovery(code, min_seconds=0)
    assert not driver.is_plain_sqlite(db)


# --- 3. A missing or empty database ----------------------------------------------------------------


def test_empty_database_beside_its_key_file_is_refused_and_left_alone(practice):
    practice.write_bytes(b"")
    with pytest.raises(lifecycle.MissingDatabase, match="geen nieuwe, lege database"):
        unlock(practice)
    assert practice.stat().st_size == 0
    practice.unlink()
    with pytest.raises(lifecycle.MissingDatabase, match="ontbreekt"):
        unlock(practice)
    assert not practice.exists()


def test_start_without_database_but_with_a_kept_copy_does_not_set_up_a_new_one(tmp_path,
                                                                                monkeypatch):
    from pgdesk.ui import startup

    db = tmp_path / "praktijk.db"
    (tmp_path / "praktijk.db.voor-herstel-20260301-101500").write_bytes(b"x" * 100)
    monkeypatch.setattr(startup, "set_up", lambda *a, **k: pytest.fail("set-up over a lost database"))
    with pytest.raises(lifecycle.MissingDatabase, match="voor-herstel"):
        startup.open_interactively(str(db))
    assert not db.exists()


def test_start_with_an_empty_database_beside_its_key_file_tells_instead_of_asking(practice,
                                                                                 monkeypatch):
    from pgdesk.ui import startup

    practice.write_bytes(b"")
    monkeypatch.setattr(startup, "UnlockDialog", lambda *a, **k: pytest.fail("asked to unlock"))
    with pytest.raises(lifecycle.MissingDatabase, match="is leeg"):
        startup.open_interactively(str(practice))
    assert practice.stat().st_size == 0


def test_interrupted_restore_is_finished_at_the_next_start(practice, tmp_path):
    key = Keyring.load(keyring_path(practice)).unlock(USER, PASSPHRASE, min_seconds=0).key
    with unlock(practice) as store:
        made = backup.make_backup(store.opened, tmp_path / "kopie", rotate_after=False)
        store.add_patient("Proefpersoon Later")
    # A crash right after the commit point: the verified copy is ready, nothing moved yet.
    conn = driver.connect(made, key, readonly=True)
    driver.copy_database(conn, lifecycle.restore_part(practice), key)
    conn.close()
    aside = lifecycle.aside_name(practice, dt.datetime(2026, 3, 3, 9, 0))
    lifecycle.restore_plan(practice).write_text(f'{{"aside": "{aside.name}"}}')
    os.replace(lifecycle.restore_part(practice), lifecycle.restore_ready(practice))
    with unlock(practice) as store:
        assert store.patient_count() == 1  # the backup's state
    assert not lifecycle.interrupted(practice)
    conn = driver.connect(aside, key, readonly=True)
    assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 2
    conn.close()


# --- 11/12. Modes and lifetimes of copies -----------------------------------------------------------


def test_two_restores_in_one_second_keep_both_replaced_files(practice, tmp_path):
    keyring = Keyring.load(keyring_path(practice))
    key = keyring.unlock(USER, PASSPHRASE, min_seconds=0).key
    with unlock(practice) as store:
        made = backup.make_backup(store.opened, tmp_path / "kopie", rotate_after=False)
    now = dt.datetime(2026, 3, 3, 9, 0)
    first = backup.restore_backup(practice, made, key, db_id=keyring.db_id, now=now)
    second = backup.restore_backup(practice, made, key, db_id=keyring.db_id, now=now)
    assert first != second and first.exists() and second.exists()
    assert mode(first) == mode(second) == mode(practice) == 0o600
    assert mode(tmp_path / "kopie") == 0o700


def test_kept_aside_copies_expire_after_twelve_months(practice):
    now = dt.datetime.now()
    old_stamp = (now - dt.timedelta(days=400)).strftime("%Y%m%d-%H%M%S")
    old_aside = practice.with_name(f"{practice.name}.voor-herstel-{old_stamp}")
    new_aside = practice.with_name(f"{practice.name}.voor-herstel-{now.strftime('%Y%m%d-%H%M%S')}")
    old_bak, new_bak = (practice.with_name(f"{practice.name}.v{n}.bak") for n in (1, 2))
    for p in (old_aside, Path(f"{old_aside}-wal"), new_aside, old_bak, new_bak):
        p.write_bytes(os.urandom(64))
    year_ago = time.time() - 400 * 86400
    os.utime(old_bak, (year_ago, year_ago))
    unlock(practice).close()
    assert not old_aside.exists() and not Path(f"{old_aside}-wal").exists() and not old_bak.exists()
    assert new_aside.exists() and new_bak.exists()


def test_copy_lifetime_is_twelve_calendar_months():
    made = dt.datetime(2025, 3, 15, 12, 0)
    assert not copy_expired(made, dt.datetime(2026, 3, 15, 11, 59))
    assert copy_expired(made, dt.datetime(2026, 3, 15, 12, 0))
    assert copy_expired(made, dt.datetime(2027, 1, 1))


# --- Hardening -----------------------------------------------------------------------------------------


def test_wrong_passphrases_wait_across_restarts_and_are_logged(practice, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(attempts.time, "time", lambda: clock[0])
    for _ in range(attempts.FREE_TRIES):
        with pytest.raises(WrongCredentials, match="klopt niet"):
            vault.unlock(practice, USER, "fout wachtwoord", min_seconds=0)
    # Another process (the count is in a file beside the database): even the right one waits.
    assert attempts.attempts_path(practice).exists()
    with pytest.raises(attempts.TooManyTries, match="30 seconden"):
        unlock(practice)
    clock[0] += 31
    with unlock(practice) as store:
        lines = [r[0] for r in store.db.execute("SELECT what FROM access_log ORDER BY seq")]
        assert lines[-1] == f"unlock_failed:{attempts.FREE_TRIES}"
        assert access_log.verify_chain(store.db) == []
    assert not attempts.attempts_path(practice).exists()
    assert attempts.wait_seconds(10) == attempts.MAX_WAIT_SECONDS


def test_the_lock_holds_through_a_symlink(practice, tmp_path):
    link = tmp_path / "snelkoppeling.db"
    link.symlink_to(practice)
    with unlock(practice), pytest.raises(DatabaseLocked):
        database.acquire_lock(link)


def test_another_practices_key_file_is_named_as_such(practice, tmp_path):
    other = tmp_path / "ander" / "ander.db"
    other.parent.mkdir()
    make_encrypted(other)[0].close()
    shutil.copyfile(keyring_path(other), keyring_path(practice))
    with pytest.raises(WrongKeyring, match="andere praktijk"):
        unlock(practice)


def test_disk_errors_at_open_are_explained_in_dutch(tmp_path):
    full = database._explain_open_error(driver.OperationalError("database or disk is full"),
                                        tmp_path / "p.db", None)
    io_error = database._explain_open_error(driver.OperationalError("disk I/O error"),
                                            tmp_path / "p.db", None)
    assert "de schijf is vol" in str(full)
    assert "de schijf gaf een fout" in str(io_error) and "I/O" not in str(io_error)


# --- Messages of the commands ------------------------------------------------------------------------


def run(monkeypatch, capsys, *args, pw=PASSPHRASE):
    monkeypatch.setattr("sys.stdin", io.StringIO(pw + "\n"))
    code = cli.main(list(args))
    return code, capsys.readouterr().err


def test_init_without_user_is_a_clear_message(tmp_path, monkeypatch, capsys):
    code, err = run(monkeypatch, capsys, "init", "--db", str(tmp_path / "p.db"))
    assert code == 2 and "--user" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_backup_to_an_existing_file_is_refused(practice, monkeypatch, capsys):
    target = practice.parent / "bestaand.txt"
    target.write_text("iets")
    code, err = run(monkeypatch, capsys, "backup", "--db", str(practice), "--user", USER,
                    "--to", str(target))
    assert code == 2 and "geen map" in err
    assert target.read_text() == "iets"


@pytest.mark.parametrize("suffix", [".keys", ".lock", ""])
def test_out_may_not_name_pgdesks_own_files(practice, monkeypatch, capsys, suffix):
    target = Path(f"{practice}{suffix}")
    before = target.read_bytes() if target.exists() else None
    code, err = run(monkeypatch, capsys, "handout", "--db", str(practice), "--user", USER,
                    "--out", str(target))
    assert code == 2 and "van pgdesk zelf" in err
    assert (target.read_bytes() if target.exists() else None) == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_init_on_a_full_disk_says_so_and_leaves_nothing(tmp_path):
    db = tmp_path / "p.db"
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a file-size limit stands in for a full disk
        try:
            import resource
            import signal

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
            try:
                vault.init_encrypted(db, name=USER, role="huisarts", passphrase=PASSPHRASE,
                                     params=FAST_KDF)
                msg = "no error"
            except Exception as exc:
                msg = f"{type(exc).__name__}: {exc}"
            os.write(w, msg.encode())
        finally:
            os._exit(0)
    os.close(w)
    msg = os.read(r, 4096).decode()
    os.close(r)
    os.waitpid(pid, 0)
    assert "de schijf is vol" in msg and "Error:" not in msg.split(":", 1)[1], msg
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []
