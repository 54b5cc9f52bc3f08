"""`pgdesk backup --server` and `pgdesk restore --server`: pg_dump's archive sealed at rest,
rotated 7/4/12, and restored only into an empty database, counted and chain-checked."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from pgdesk.domain.retention import backups_to_keep
from pgdesk.storage.practice_server import dump, sealed
from tests.cli.server_helpers import (
    FILE_PASSPHRASE,
    FILE_USER,
    PASSPHRASE,
    as_user,
    databases,
    demo_file,
    init,
    lines,
    new_db_name,
    new_user,
    owner_url,
)
from tests.cli.test_cli import pgdesk

BACKUP_PW = "wachtwoord voor de kopie"


@pytest.fixture(scope="module")
def practice(pg_tls_cluster, tmp_path_factory):
    """An initialised server with the demo practice moved onto it."""
    db, user = new_db_name(), new_user()
    assert init(pg_tls_cluster, db, user).returncode == 0
    demo = demo_file(tmp_path_factory.mktemp("kamer"))
    r = pgdesk("server", "migrate", "--from", str(demo), "--to",
               pg_tls_cluster.url(db, user=user, password=""), "--user", user,
               "--file-user", FILE_USER, input=lines(FILE_PASSPHRASE, PASSPHRASE))
    assert r.returncode == 0, r.stderr
    return db, user


def _counts(cluster, db) -> dict:
    with cluster.admin(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def test_backup_then_restore_into_an_empty_database(pg_tls_cluster, practice, tmp_path):
    db, user = practice
    folder = tmp_path / "kopieen"
    folder.mkdir()
    stale = folder / f".pgdesk-{dump.PREFIX}20260101-000000{dump.SUFFIX}.x1y2.part"  # a killed run
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    url = owner_url(pg_tls_cluster, db)
    r = pgdesk("backup", "--server", url, "--to", str(folder), input=lines(BACKUP_PW, BACKUP_PW))
    assert r.returncode == 0, r.stderr
    assert not stale.exists()
    first = dump.list_backups(folder)
    assert len(first) == 1 and str(first[0]) in r.stdout and "Herstelcode" in r.stdout
    code = r.stdout.strip().splitlines()[-1]
    assert (folder / dump.KEYS).exists()
    raw = first[0].read_bytes()
    assert b"Vries" not in raw and b"PGDMP" not in raw  # sealed: neither names nor the archive
    header, _ = sealed.read_header(first[0])
    assert header["counts"]["patients"] == 20 and header["log_head"][0] > 1000

    r = pgdesk("backup", "--server", url, "--to", str(folder), input=lines("een fout wachtwoord"))
    assert r.returncode == 2 and "klopt niet" in r.stderr
    assert dump.list_backups(folder) == first

    target = new_db_name()
    r = pgdesk("restore", "--server", owner_url(pg_tls_cluster, target), str(first[0]),
               input=lines(BACKUP_PW))
    assert r.returncode == 0, r.stderr
    assert "20 patiënten" in r.stdout and "keten intact" in r.stdout
    assert _counts(pg_tls_cluster, target) == _counts(pg_tls_cluster, db)
    with as_user(pg_tls_cluster, target, user) as conn:  # the group's rights came back too
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 20
    r = pgdesk("check", "--server", owner_url(pg_tls_cluster, target))
    assert r.returncode == 0 and "keten intact" in r.stdout

    # not into a database that holds anything; the recovery code opens it as well
    r = pgdesk("restore", "--server", owner_url(pg_tls_cluster, target), str(first[0]),
               input=lines(BACKUP_PW))
    assert r.returncode == 2 and "niet leeg" in r.stderr
    other = new_db_name()
    r = pgdesk("restore", "--server", owner_url(pg_tls_cluster, other), str(first[0]),
               input=lines(code))
    assert r.returncode == 0, r.stderr


def test_restore_onto_a_new_server_names_who_needs_a_login(pg_tls_cluster, pg_cluster, practice,
                                                            tmp_path):
    db, user = practice
    folder = tmp_path / "kopieen"
    r = pgdesk("backup", "--server", owner_url(pg_tls_cluster, db), "--to", str(folder),
               input=lines(BACKUP_PW, BACKUP_PW))
    assert r.returncode == 0, r.stderr
    target = new_db_name()  # another server: no pgdesk group, no logins yet
    r = pgdesk("restore", "--server", pg_cluster.url(target), str(dump.list_backups(folder)[0]),
               input=lines(BACKUP_PW))
    assert r.returncode == 0, r.stderr
    assert "zonder aanmelding" in r.stdout and user in r.stdout
    assert _counts(pg_cluster, target) == _counts(pg_tls_cluster, db)
    r = pgdesk("server", "user", "add", "--server", pg_cluster.url(target), "--user", user,
               input=lines(PASSPHRASE, PASSPHRASE))
    assert r.returncode == 0, r.stderr
    with as_user(pg_cluster, target, user) as conn:  # the professional was there already
        assert conn.execute("SELECT count(*) FROM professionals WHERE name = %s", [user]
                            ).fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 20


def test_a_bad_backup_or_secret_restores_nothing(pg_tls_cluster, practice, tmp_path, monkeypatch):
    db, _ = practice
    folder = tmp_path / "kopieen"
    url = owner_url(pg_tls_cluster, db)
    assert pgdesk("backup", "--server", url, "--to", str(folder),
                  input=lines(BACKUP_PW, BACKUP_PW)).returncode == 0
    good = dump.list_backups(folder)[0]
    data = good.read_bytes()
    flipped = folder / "omgevallen.pgsbackup"
    flipped.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
    cut = folder / "afgebroken.pgsbackup"
    cut.write_bytes(data[:len(data) // 2])
    before = databases(pg_tls_cluster)
    for source, secret, message in [(flipped, BACKUP_PW, "geen bruikbare reservekopie"),
                                    (cut, BACKUP_PW, "geen bruikbare reservekopie"),
                                    (good, "niet het wachtwoord", "klopt niet"),
                                    (tmp_path / "weg.pgsbackup", BACKUP_PW, "bestaat niet")]:
        r = pgdesk("restore", "--server", owner_url(pg_tls_cluster, new_db_name()), str(source),
                   input=lines(secret))
        assert r.returncode == 2 and message in r.stderr, (source, r.stderr)
        assert "Traceback" not in r.stderr
    assert databases(pg_tls_cluster) == before  # a database made for the restore went again

    monkeypatch.setenv(dump.tools.BINDIR_ENV, str(tmp_path))  # no PostgreSQL programs there
    r = pgdesk("backup", "--server", url, "--to", str(folder), input=lines(BACKUP_PW))
    assert r.returncode == 2 and "pg_dump is niet gevonden" in r.stderr
    r = pgdesk("restore", "--server", owner_url(pg_tls_cluster, new_db_name()), str(good),
               input=lines(BACKUP_PW))
    assert r.returncode == 2 and "pg_restore is niet gevonden" in r.stderr


def test_rotation_keeps_seven_days_four_weeks_twelve_months(tmp_path):
    start = dt.datetime(2026, 1, 1, 22, 0)
    stamps = [start + dt.timedelta(days=d) for d in range(400)]
    for s in stamps:
        (tmp_path / f"{dump.PREFIX}{s.strftime(dump.STAMP)}{dump.SUFFIX}").write_bytes(b"x")
    (tmp_path / "pgdesk-20260101-220000.pgbackup").write_bytes(b"a file backup: not ours")
    gone = dump.rotate(tmp_path)
    kept = dump.list_backups(tmp_path)
    assert len(kept) == len(backups_to_keep(stamps)) and len(gone) == 400 - len(kept)
    assert kept[0].name.endswith(stamps[-1].strftime(dump.STAMP) + dump.SUFFIX)
    assert (tmp_path / "pgdesk-20260101-220000.pgbackup").exists()
