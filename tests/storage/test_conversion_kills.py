"""SIGKILL while a plain database is being encrypted (see test_lifecycle_kills.py for how).

After every kill the next start finds either the plain database as it was (and converting it
again works) or the encrypted one with its key file, a new recovery code when the first one
never reached the user, and no plaintext copy anywhere beside it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pgdesk.storage import driver, vault
from pgdesk.storage.keyring import FAST_KDF, Keyring, keyring_path
from pgdesk.storage.repository import Store
from tests.storage.test_lifecycle_kills import (
    NAME,
    PASS,
    SECRET,
    kill_schedule,
    mode,
    no_leftovers,
    plaintext_in,
    send,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


# --- Conversion of a plain database -----------------------------------------------------------------

PATIENTS = 30


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("onversleuteld") / "praktijk.sqlite"
    with Store.open(db) as store:
        for i in range(PATIENTS):
            store.add_patient(f"{SECRET} {i}", practice_number=f"P-{i:04d}")
    return db


def test_kill_during_conversion(plain_template, tmp_path):
    folder = tmp_path / "praktijk"
    db = folder / plain_template.name

    def reset() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        shutil.copyfile(plain_template, db)
        shutil.copyfile(plain_template, folder / f"{db.name}.v4.bak")  # a plain pre-migration copy

    def body(fd: int) -> None:
        store, code = vault.convert_to_encrypted(db, name=NAME, role="huisarts", passphrase=PASS,
                                                 params=FAST_KDF)
        send(fd, f"code {code}")  # shown, as the set-up dialog or `pgdesk init` shows it
        vault.recovery_code_shown(store)
        store.close()

    def check(lines: list[str]) -> str:
        shown = any(x.startswith("code ") for x in lines)
        vault.recover(db)  # what every start does first
        no_leftovers(db)
        if vault.is_encrypted_setup(db):
            outcome = "encrypted"
            with vault.unlock(db, NAME, PASS, min_seconds=0) as store:
                assert store.patient_count() == PATIENTS
                code = vault.pending_recovery_code(store)
                if not shown:  # the code the child made never reached the user
                    assert code is not None
                    outcome = "encrypted, new recovery code"
                if code:
                    vault.recovery_code_shown(store)
                    Keyring.load(keyring_path(db)).unlock_with_recovery(code, min_seconds=0)
        else:
            assert not shown
            assert driver.is_plain_sqlite(db)  # as before: convert again
            with Store.open(db) as store:
                assert store.patient_count() == PATIENTS
            outcome = "still plain, converted again"
            vault.convert_to_encrypted(db, name=NAME, role="huisarts", passphrase=PASS,
                                       params=FAST_KDF)[0].close()
        assert mode(db) == 0o600
        assert plaintext_in(db.parent) == []
        assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".bak")) == []
        return outcome

    stats = kill_schedule(body, reset, check, "omzetten")
    # Both sides of the switch were reached by a kill. Whether the code reached the user before the
    # kill depends on the machine's speed (a slow one never kills in the last few steps).
    encrypted = stats["encrypted"] + stats["encrypted, new recovery code"]
    assert stats["still plain, converted again"] > 0 and encrypted > 0, stats
