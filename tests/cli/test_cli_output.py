"""Where handout, export and soep write: never over pgdesk's own files, never a file (or text)
without its access-log line nor a line without it, and a full disk said in Dutch (exit 2).

A fictitious plain demo database; the commands run as `python -m pgdesk` in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pgdesk.commands.common import refuse_own_files
from pgdesk.domain.errors import PgdeskError
from tests.cli.test_cli import pgdesk

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs /dev/full or RLIMIT_FSIZE")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    r = pgdesk("demo", str(db))
    assert r.returncode == 0, r.stderr
    return db


@pytest.fixture
def demo(demo_template, tmp_path) -> Path:
    db = tmp_path / "demo.db"
    shutil.copyfile(demo_template, db)
    return db


def exports_logged(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT what FROM access_log WHERE action = 'E' ORDER BY seq")]
    finally:
        conn.close()


def a_patient(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM patients ORDER BY display_name LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def to_stdout(out, *args: str) -> subprocess.CompletedProcess:
    """`pgdesk ARGS > file`: standard output is that open file."""
    return subprocess.run([sys.executable, "-m", "pgdesk", *args], stdout=out,
                          stderr=subprocess.PIPE, text=True, timeout=120)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- pgdesk's own files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["praktijk.sqlite", "praktijk.sqlite-wal", "praktijk.sqlite-shm",
                                  "praktijk.sqlite.lock", "praktijk.sqlite.keys",
                                  "praktijk.sqlite.v3.bak", "praktijk.sqlite.voor-herstel-20261201-1015",
                                  "praktijk.sqlite.voor-herstel-20261201-1015-wal"])
def test_own_files_of_the_database_are_refused(tmp_path, name):
    db = tmp_path / "praktijk.sqlite"
    db.write_bytes(b"x")
    with pytest.raises(PgdeskError, match="van pgdesk zelf"):
        refuse_own_files(tmp_path / name, db)
    with pytest.raises(PgdeskError, match="van pgdesk zelf"):  # the same, written another way
        refuse_own_files(tmp_path / "sub" / ".." / name, tmp_path / "." / db.name)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_own_files_are_refused_through_a_symlink_or_a_hard_link(tmp_path):
    db = tmp_path / "praktijk.sqlite"
    db.write_bytes(b"x")
    keys = tmp_path / "praktijk.sqlite.keys"
    keys.write_bytes(b"k")
    (tmp_path / "samenvatting.pdf").symlink_to(keys)
    os.link(db, tmp_path / "kopie.pdf")
    for name in ("samenvatting.pdf", "kopie.pdf"):
        with pytest.raises(PgdeskError, match="van pgdesk zelf"):
            refuse_own_files(tmp_path / name, db)


@pytest.mark.parametrize("name", ["praktijk.pdf", "praktijk.sqlite.pdf", "andere.sqlite",
                                  "praktijk.sqlite-export.json", "export", "praktijk.sqlite.voorbeeld.pdf",
                                  "praktijk.sqlite.v3.bak.pdf", "praktijk.sqlite.lock.pdf"])
def test_other_names_beside_the_database_are_fine(tmp_path, name):
    db = tmp_path / "praktijk.sqlite"
    db.write_bytes(b"x")
    refuse_own_files(tmp_path / name, db)


def test_handout_and_soep_refuse_to_write_over_the_key_file_and_the_lock(demo, tmp_path):
    keys = demo.with_name(demo.name + ".keys")
    keys.write_bytes(b"sleutels")
    r = pgdesk("handout", "--db", str(demo), "--out", str(keys))
    assert r.returncode == 2 and "het sleutelbestand van pgdesk zelf" in r.stderr
    assert keys.read_bytes() == b"sleutels"
    keys.unlink()
    lock = demo.with_name(demo.name + ".lock")
    with lock.open("ab") as out:  # `pgdesk soep … >> demo.db.lock`
        r = to_stdout(out, "soep", "--db", str(demo))
    assert r.returncode == 2 and "het slot van pgdesk zelf" in r.stderr
    assert lock.read_bytes() == b""
    r = pgdesk("export", "evaluation", "--db", str(demo), "--out", str(demo))
    assert r.returncode == 2 and "de database van pgdesk zelf" in r.stderr
    assert exports_logged(demo) == []


# --- export patient: an existing target, and the log line only with the files ------------------


def test_export_to_an_existing_file_or_over_an_earlier_export_is_refused_and_not_logged(demo, tmp_path):
    pid = a_patient(demo)
    taken = tmp_path / "notities.txt"
    taken.write_text("van iemand anders", encoding="utf-8")
    r = pgdesk("export", "patient", "--db", str(demo), "--patient", pid, "--out", str(taken))
    assert r.returncode == 2 and "bestaat al en is geen map" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert taken.read_text(encoding="utf-8") == "van iemand anders"
    assert exports_logged(demo) == []

    out = tmp_path / "inzage"
    r = pgdesk("export", "patient", "--db", str(demo), "--patient", pid, "--out", str(out))
    assert r.returncode == 0, r.stderr
    made = sorted(out.iterdir())
    assert [p.suffix for p in made] == [".json", ".pdf"]
    before = {p: p.read_bytes() for p in made}
    assert exports_logged(demo) == ["export"]

    r = pgdesk("export", "patient", "--db", str(demo), "--patient", pid, "--out", str(out))
    assert r.returncode == 2 and "bestaat al" in r.stderr
    assert {p: p.read_bytes() for p in sorted(out.iterdir())} == before
    assert exports_logged(demo) == ["export"]


# --- a full disk -----------------------------------------------------------------------------------


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_soep_onto_a_full_disk_says_so_in_dutch_and_logs_nothing(demo):
    with open("/dev/full", "w") as full:
        r = to_stdout(full, "soep", "--db", str(demo))
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == "pgdesk: De SOEP-tekst schrijven is niet gelukt: de schijf is vol."
    assert exports_logged(demo) == []
    r = pgdesk("soep", "--db", str(demo))
    assert r.returncode == 0 and "S:" in r.stdout
    assert exports_logged(demo) == ["soep"]


def _file_size_limit(limit: int):
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@posix_only
def test_handout_onto_a_full_disk_leaves_no_file_and_no_log_line(demo, tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    # room for the database's WAL and shared-memory index (32 KB), not for the PDF (~45 KB)
    r = subprocess.run([sys.executable, "-m", "pgdesk", "handout", "--db", str(demo), "--out",
                        str(out / "samenvatting.pdf")], capture_output=True, text=True, timeout=120,
                       preexec_fn=_file_size_limit(40_000))
    assert r.returncode == 2, r.stderr
    assert "de schijf is vol" in r.stderr and "Er is niets geschreven" in r.stderr
    assert list(out.iterdir()) == [] and leftovers(out) == []
    assert exports_logged(demo) == []
