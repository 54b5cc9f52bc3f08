"""Re-keying: a removed colleague's or a leaked passphrase no longer opens the database or the
new backups, nothing is lost, and a kill at any moment never locks the practice out."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from pgdesk.domain.validation import InputError
from pgdesk.storage import access_log
from pgdesk.storage.backup import list_backups, make_backup, verify_backup
from pgdesk.storage.errors import StorageError
from pgdesk.storage.keyring import FAST_KDF, Keyring, WrongCredentials, keyring_path
from pgdesk.storage.rekey import rekey
from pgdesk.storage.rekey_files import finish_interrupted
from pgdesk.storage.repository import Store
from tests.cli.test_cli import pgdesk
from tests.security_helpers import PASSPHRASE, USER, make_encrypted, unlock

BERT, BERT_PW = "Bert Jansen", "bert zijn wachtwoord"
COR, COR_PW = "Cor Vos", "cor zijn eigen wachtwoord"
NEW_PW = "een nieuw geheim wachtwoord"
PATIENTS = 8
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def new_practice(folder: Path) -> tuple[Path, str]:
    """Three colleagues, some patients and a backup; returns the database and recovery code."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "p.db"
    store, code = make_encrypted(db)
    with store:
        keyring = Keyring.load(keyring_path(db))
        for name, pw in ((BERT, BERT_PW), (COR, COR_PW)):
            pro = store.add_professional(name, "huisarts")
            keyring.add_user(store.opened.key, name, pw, pro.id, params=FAST_KDF)
        for i in range(PATIENTS):
            p = store.add_patient(f"Sleutel Testpersoon {i}", "1980")
            store.record_opened(p.id)
        make_backup(store.opened, folder / "bk")
    return db, code


def do_rekey(db: Path, **kw):
    kw.setdefault("backup_folder", db.parent / "bk")
    return rekey(db, Keyring.load(keyring_path(db)), min_seconds=0, **kw)


def opens(db: Path, name: str, passphrase: str, keys: Path | None = None) -> bool:
    """Whether this name and passphrase, with this key file, open the database."""
    keyring = Keyring.load(keys or keyring_path(db))
    try:
        key = keyring.unlock(name, passphrase, min_seconds=0).key
    except WrongCredentials:
        return False
    try:
        Store.open(db, key=key).close()
    except StorageError:
        return False
    return True


def test_a_removed_colleague_with_an_old_key_file_no_longer_opens_anything_new(tmp_path):
    """Issue 11 item 7: before, an old key file plus the old passphrase still opened it all."""
    db, _ = new_practice(tmp_path)
    stolen = tmp_path / "oud.keys"
    shutil.copy(keyring_path(db), stolen)
    assert opens(db, BERT, BERT_PW, stolen)

    result = do_rekey(db, name=USER, passphrase=PASSPHRASE, remove=(BERT,))

    assert not opens(db, BERT, BERT_PW, stolen)  # the old key no longer fits the database
    assert not opens(db, BERT, BERT_PW)
    old_key = Keyring.load(stolen).unlock(BERT, BERT_PW, min_seconds=0).key
    with pytest.raises(StorageError):
        verify_backup(result.backup, old_key)
    assert opens(db, USER, PASSPHRASE)  # the acting user keeps their own passphrase here
    assert [name for name, _ in result.temporary] == [COR]
    assert opens(db, COR, result.temporary[0][1]) and not opens(db, COR, COR_PW)


def test_a_leaked_passphrase_gets_a_new_one_and_everything_else_stays(tmp_path):
    db, old_code = new_practice(tmp_path)
    with unlock(db) as store:
        before = {p.id for p in store.search_patients("")}
        lines = access_log.count(store.db)
    result = do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW)

    assert not opens(db, USER, PASSPHRASE) and opens(db, USER, NEW_PW)
    assert sorted(n for n, _ in result.temporary) == [BERT, COR]
    keyring = Keyring.load(keyring_path(db))
    assert keyring.unlock_with_recovery(result.recovery_code, min_seconds=0) == result.key
    with pytest.raises(StorageError):
        keyring.unlock_with_recovery(old_code, min_seconds=0)
    with unlock(db, USER, NEW_PW) as store:
        assert {p.id for p in store.search_patients("")} == before
        assert access_log.verify_chain(store.db) == []
        assert access_log.count(store.db) == lines + 1
        last = store.db.execute("SELECT what FROM access_log ORDER BY seq DESC").fetchone()[0]
    assert last == "sleutel:vernieuwen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "p.db", "p.db.keys", "p.db.lock"]


def test_the_fresh_backup_has_the_new_key_and_the_old_key_file_is_kept_for_older_ones(tmp_path):
    db, _ = new_practice(tmp_path)
    folder = tmp_path / "bk"
    old_backup = list_backups(folder)[0]
    kept = folder / "ouder.pgbackup"
    os.replace(old_backup, kept)  # out of the rotation's reach, as on a second stick
    result = do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW)
    assert verify_backup(result.backup, result.key).patients == PATIENTS
    with pytest.raises(StorageError):
        verify_backup(kept, result.key)
    old_keys = next(folder.glob("p.db.keys.tot-*"))
    old_key = Keyring.load(old_keys).unlock(USER, PASSPHRASE, min_seconds=0).key
    assert verify_backup(kept, old_key).patients == PATIENTS  # older backups keep the old key
    assert Keyring.load(folder / "p.db.keys").unlock(USER, NEW_PW, min_seconds=0).key == result.key


def test_refusals_change_nothing(tmp_path):
    db, _ = new_practice(tmp_path)
    keys_before = keyring_path(db).read_bytes()
    with pytest.raises(WrongCredentials):
        do_rekey(db, name=USER, passphrase="niet het wachtwoord")
    with pytest.raises(InputError, match="uzelf"):
        do_rekey(db, name=USER, passphrase=PASSPHRASE, remove=(USER,))
    with pytest.raises(InputError, match="geen gebruiker"):
        do_rekey(db, name=USER, passphrase=PASSPHRASE, remove=("Niemand Bekend",))
    with pytest.raises(InputError, match="ander wachtwoord"):
        do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=PASSPHRASE)
    assert keyring_path(db).read_bytes() == keys_before
    assert opens(db, BERT, BERT_PW)


def test_a_rewritten_log_is_not_laundered_by_a_new_key(tmp_path):
    from tests.storage.test_log_anchor import rewrite_without

    db, _ = new_practice(tmp_path)
    with unlock(db) as store:
        rewrite_without(store, 3)
    with pytest.raises(StorageError, match="toegangslog klopt niet"):
        do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW)
    assert opens(db, USER, PASSPHRASE)


def test_rekey_from_the_command_line(tmp_path):
    db, _ = new_practice(tmp_path)
    r = pgdesk("rekey", "--db", str(db), "--user", USER, "--to", str(tmp_path / "bk"),
               input=f"{PASSPHRASE}\n{NEW_PW}\n")
    assert r.returncode == 0, r.stderr
    assert "nieuwe sleutel" in r.stdout and f"Eenmalig wachtwoord voor {BERT}" in r.stdout
    assert "Oudere reservekopieën houden de oude sleutel" in r.stdout
    assert opens(db, USER, NEW_PW)
    r = pgdesk("rekey", "--db", str(db), "--user", USER, "--keep-passphrase", "--remove", "Niemand",
               input=f"{NEW_PW}\n")
    assert r.returncode == 2 and "geen gebruiker" in r.stderr and "Traceback" not in r.stderr
    r = pgdesk("rekey", "--db", str(db), "--user", USER, input="fout fout fout\nnog een ander wachtwoord\n")
    assert r.returncode == 2 and "klopt niet" in r.stderr


def test_an_interrupted_run_is_undone_before_the_swap_and_completed_after_it(tmp_path):
    db, _ = new_practice(tmp_path)
    nxt, copy = tmp_path / "p.db.keys.next", tmp_path / "p.db.rekeying"
    old_keys = keyring_path(db).read_bytes()
    nxt.write_bytes(b"{}")
    copy.write_bytes(b"half")
    finish_interrupted(db)  # the swap had not happened: the old state stays
    assert not nxt.exists() and not copy.exists() and keyring_path(db).read_bytes() == old_keys
    nxt.write_bytes(b"new keys")
    finish_interrupted(db)  # the swap had happened: the new key file is put in place
    assert not nxt.exists() and keyring_path(db).read_bytes() == b"new keys"


# -- kill -9 at random moments --------------------------------------------------------------------

KILLS = 60
SEED = 20261101


def _rekey_in_child(db: Path) -> int:
    pid = os.fork()
    if pid == 0:  # the child re-keys and leaves without any cleanup of the parent's
        try:
            do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW)
            code = 0
        except BaseException:
            code = 1
        os._exit(code)
    return pid


@needs_fork
def test_kill_9_during_rekey_never_locks_out_and_loses_nothing(tmp_path):
    """60 kills with a fixed seed, at random moments over the whole run (measured first).

    After each kill, unlocking (which finishes or undoes the interrupted run) must work with
    exactly one of the old and the new passphrase, with every patient and an intact log."""
    template, _ = new_practice(tmp_path / "template")
    swap = _time_to_swap(_copy(template, tmp_path / "timing"))
    rng = random.Random(SEED)
    outcome = {"old": 0, "new": 0}
    for i in range(KILLS):
        db = _copy(template, tmp_path / f"k{i}")
        pid = _rekey_in_child(db)
        time.sleep(rng.uniform(0, swap * 1.6))  # about 5/8 before the swap, 3/8 after it
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        store = unlocked_after_kill(db, PASSPHRASE)  # the real unlock path finishes a run
        which = "old" if store else "new"
        store = store or unlocked_after_kill(db, NEW_PW)
        assert store is not None, f"kill {i}: neither passphrase opens the database"
        with store:
            assert len(store.search_patients("")) == PATIENTS
            assert access_log.verify_chain(store.db) == []
        other = NEW_PW if which == "old" else PASSPHRASE
        with pytest.raises(WrongCredentials):  # one key file, so never both
            Keyring.load(keyring_path(db)).unlock(USER, other, min_seconds=0)
        outcome[which] += 1
        assert not (db.parent / "p.db.rekeying").exists()
        assert not (db.parent / "p.db.keys.next").exists()
        shutil.rmtree(db.parent)
    print(f"rekey: {KILLS} kills, {outcome}, swap after {swap:.2f} s")
    # The kills fell on both sides of the swap.
    assert outcome["old"] >= 5 and outcome["new"] >= 5, outcome


def _time_to_swap(db: Path) -> float:
    """How long after the fork a whole run renames the verified copy over the database."""
    copy = db.parent / "p.db.rekeying"
    started = time.monotonic()
    pid, seen, swap = _rekey_in_child(db), False, None
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        seen = seen or copy.exists()
        if seen and swap is None and not copy.exists():
            swap = time.monotonic() - started
        if time.monotonic() - started > 60:
            os.kill(pid, signal.SIGKILL)
            raise AssertionError("the re-keying child hung")
        time.sleep(0.0005)
    assert swap is not None and (db.parent / "p.db.keys").exists()
    return swap


def unlocked_after_kill(db: Path, passphrase: str) -> Store | None:
    try:
        return unlock(db, USER, passphrase)
    except WrongCredentials:
        return None


def _copy(template: Path, folder: Path) -> Path:
    shutil.copytree(template.parent, folder)
    return folder / template.name


@needs_fork
def test_kill_9_before_and_after_every_rename_of_a_rekey(tmp_path):
    """The narrow moments random kills rarely hit: before and after each rename (new key file,
    swap, key file in place, backup), the child kills itself; the same promises must hold."""
    template, _ = new_practice(tmp_path / "template")
    outcome = {"old": 0, "new": 0}
    for step in range(1, 9):
        for after in (False, True):
            db = _copy(template, tmp_path / f"s{step}{after}")
            pid = os.fork()
            if pid == 0:
                _die_at_rename(step, after)
                try:
                    do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW)
                finally:
                    os._exit(0)
            _wait(pid)
            store = unlocked_after_kill(db, PASSPHRASE)
            outcome["old" if store else "new"] += 1
            store = store or unlocked_after_kill(db, NEW_PW)
            assert store is not None, f"rename {step} ({'after' if after else 'before'})"
            with store:
                assert len(store.search_patients("")) == PATIENTS
            shutil.rmtree(db.parent)
    assert outcome["old"] >= 3 and outcome["new"] >= 3, outcome


def _wait(pid: int) -> None:
    """Reap the child; one that hangs (fork in a threaded process can) fails the test, not CI."""
    deadline = time.monotonic() + 60
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the re-keying child hung")
        time.sleep(0.005)


def _die_at_rename(step: int, after: bool) -> None:
    real, count = os.replace, [0]

    def replace(src, dst):
        count[0] += 1
        if count[0] == step and not after:
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst)
        if count[0] == step and after:
            os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace


def test_a_backup_folder_beside_the_database_keeps_the_new_key_file(tmp_path):
    db, _ = new_practice(tmp_path)
    result = do_rekey(db, name=USER, passphrase=PASSPHRASE, new_passphrase=NEW_PW,
                      backup_folder=tmp_path)
    assert result.backup is not None and opens(db, USER, NEW_PW)
    old_keys = next(tmp_path.glob("p.db.keys.tot-*"))
    assert Keyring.load(old_keys).unlock(USER, PASSPHRASE, min_seconds=0).key != result.key
