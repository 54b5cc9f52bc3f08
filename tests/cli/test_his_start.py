"""`pgdesk --patient NUMBER` as a HIS starts it: two real processes on one database, the
second hands the patient to the first and ends; malformed numbers end with a Dutch message."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage.demo import write_demo
from pgdesk.storage.repository import Store

pytestmark = pytest.mark.timeout(300)


def pgdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pgdesk", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("number", ["12 34", "", "-100", "1" * 31, "12;rm", "<b>1</b>", "١٢٣"])
def test_malformed_number_is_refused_with_dutch_message_and_nothing_written(tmp_path, number):
    db = tmp_path / "praktijk.sqlite"
    r = pgdesk("--db", str(db), "--patient", number)
    assert r.returncode == 2
    assert r.stderr.startswith("pgdesk: ") and "patiëntnummer" in r.stderr
    assert "Traceback" not in r.stderr
    assert not db.exists() and not list(tmp_path.iterdir())


def test_name_or_birth_date_without_a_number_and_bad_birth_date_are_refused(tmp_path):
    r = pgdesk("--db", str(tmp_path / "p.sqlite"), "--name", "Jan Jansen")
    assert r.returncode == 2 and "horen bij --patient" in r.stderr
    r = pgdesk("--db", str(tmp_path / "p.sqlite"), "--patient", "100237", "--birth-date", "31-02-1950")
    assert r.returncode == 2 and "geboortedatum" in r.stderr
    assert not list(tmp_path.iterdir())


def _opened(db: Path) -> list[str]:
    """Patients whose record was opened, as the access log of the running pgdesk says."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(
            "SELECT patient_id FROM access_log WHERE action = 'R' ORDER BY seq")]
    finally:
        conn.close()


def _wait_for(predicate, seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_second_start_hands_the_patient_to_the_running_window(tmp_path):
    from pgdesk.ui.single_instance import socket_name

    db = write_demo(tmp_path / "praktijk.sqlite", shipped_instrument("nl"))
    with Store.open(db) as s:
        known = s.search_patients("")[0]
        count = s.patient_count()
    name = socket_name(db)
    first = subprocess.Popen([sys.executable, "-m", "pgdesk", "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: Path(name).exists()), "the first pgdesk never listened"
        assert Path(name).stat().st_mode & 0o077 == 0  # only this user reaches the socket
        started = time.monotonic()
        r = pgdesk("--db", str(db), "--patient", known.practice_number)
        assert r.returncode == 0, r.stderr
        assert time.monotonic() - started < 30
        assert _wait_for(lambda: known.id in _opened(db)), "the running window did not open it"
        # the same number again: the same patient, never a second one
        r = pgdesk("--db", str(db), "--patient", known.practice_number, "--name", "Iemand Anders")
        assert r.returncode == 0, r.stderr
        assert _wait_for(lambda: _opened(db).count(known.id) >= 2)
        # an unknown number opens the new-patient form there: nothing is written until confirmed
        r = pgdesk("--db", str(db), "--patient", "999111", "--name", "Nieuwe Patiënt")
        assert r.returncode == 0, r.stderr
        time.sleep(1)
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == count
        conn.close()
        assert first.poll() is None  # the first pgdesk is still the one running
    finally:
        first.kill()
        first.wait(timeout=30)
