"""`pgdesk server migrate`: a room's encrypted file onto the server, everything read back and
counted, the access log's chain kept; a second room merged in turn, the same patient shown and
never merged; the file untouched; refusals write nothing."""

from __future__ import annotations

from pgdesk.storage.access_log import line_hash
from pgdesk.storage.repository import Store
from tests.cli.server_helpers import (
    FILE_PASSPHRASE,
    FILE_USER,
    PASSPHRASE,
    databases,
    demo_file,
    fingerprint,
    init,
    lines,
    new_db_name,
    new_user,
    owner_url,
)
from tests.cli.test_cli import pgdesk
from tests.security_helpers import PASSPHRASE as ROOM2_PASSPHRASE
from tests.security_helpers import USER as ROOM2_USER
from tests.security_helpers import make_encrypted


def _migrate(cluster, db, user, path, file_user=FILE_USER, file_pw=FILE_PASSPHRASE, pw=PASSPHRASE):
    return pgdesk("server", "migrate", "--from", str(path), "--to",
                  cluster.url(db, user=user, password=""), "--user", user, "--file-user", file_user,
                  input=lines(file_pw, pw))


def _file_rows(path, table, order):
    from tests.security_helpers import unlock

    with unlock(path, FILE_USER, FILE_PASSPHRASE) as store:
        return [tuple(r) for r in store.db.execute(f'SELECT * FROM "{table}" ORDER BY {order}')]


def test_first_room_then_second_room_with_the_same_patients_shown(pg_tls_cluster, tmp_path):
    db, user = new_db_name(), new_user()
    assert init(pg_tls_cluster, db, user).returncode == 0
    (tmp_path / "kamer1").mkdir()
    room1 = demo_file(tmp_path / "kamer1")
    untouched = fingerprint(room1.parent)
    file_log = _file_rows(room1, "access_log", "seq")
    file_answers = _file_rows(room1, "wheel_answers", "consultation_id, step_id")

    r = _migrate(pg_tls_cluster, db, user, room1)
    assert r.returncode == 0, r.stderr
    assert "patients: 20" in r.stdout and "keten intact" in r.stdout
    assert "twee keer" not in r.stdout
    assert fingerprint(room1.parent) == untouched  # the file, its keys, its WAL: as they were
    with pg_tls_cluster.admin(db) as conn:
        server_log = conn.execute('SELECT seq, at, "user", professional_id, workstation, '
                                  "patient_id, action, what, prev_hash, hash FROM access_log "
                                  "ORDER BY seq").fetchall()
        answers = conn.execute("SELECT * FROM wheel_answers ORDER BY consultation_id, step_id"
                               ).fetchall()
        patients = conn.execute("SELECT display_name, birth_date, practice_number FROM patients "
                                "ORDER BY display_name").fetchall()
    assert server_log[:len(file_log)] == file_log  # the file's chain is the server's chain
    assert len(server_log) == len(file_log) + 1 and server_log[-1][7].startswith("migrate:")
    assert server_log[-1][7].endswith(file_log[-1][-1])  # names the head of the file's chain
    assert answers == file_answers

    # a second room: one patient by name and birth date, one by practice number, one new
    room2 = tmp_path / "kamer2.db"
    twin_name, twin_born, _ = patients[0]
    _, _, number = patients[1]
    store, _ = make_encrypted(room2)
    with store:
        store.add_patient(twin_name, twin_born, "999001")
        store.add_patient("Iemand Anders", "1970", number)
        store.add_patient("Nieuwe Patiënt", "1990", "999003")
    r = _migrate(pg_tls_cluster, db, user, room2, ROOM2_USER, ROOM2_PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert "2 patiënten staan nu twee keer op de server" in r.stdout
    assert f"{twin_name} (geboren {twin_born}, nummer 999001) staat al op de server" in r.stdout
    assert f"Iemand Anders (geboren 1970, nummer {number}) staat al" in r.stdout
    assert "Nieuwe Patiënt" not in r.stdout
    with pg_tls_cluster.admin(db) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 23  # none merged
        log = conn.execute('SELECT seq, at, "user", professional_id, workstation, patient_id, '
                           "action, what, prev_hash, hash FROM access_log ORDER BY seq").fetchall()
    assert log[:len(server_log)] == server_log  # appended after, the earlier chain unchanged
    prev = log[len(server_log) - 1][9]
    for row in log[len(server_log):]:  # the second room's lines chained on, fields unchanged
        fields = dict(zip(("seq", "at", "user", "professional_id", "workstation", "patient_id",
                           "action", "what"), row[:8], strict=True))
        assert row[8] == prev and row[9] == line_hash(prev, fields)
        prev = row[9]
    r = pgdesk("check", "--server", owner_url(pg_tls_cluster, db))
    assert r.returncode == 0 and f"{len(log)} regels, keten intact" in r.stdout

    # the engine works on what was moved: as the user, search, write, and the chain goes on
    with Store.open_server(pg_tls_cluster.url(db, user=user, password=PASSPHRASE)) as store:
        assert twin_name in {p.display_name for p in store.search_patients(twin_name[:4])}
        store.add_patient("Na De Verhuizing", "2000", "777001")
    r = pgdesk("check", "--server", owner_url(pg_tls_cluster, db))
    assert r.returncode == 0 and f"{len(log) + 1} regels, keten intact" in r.stdout, r.stdout

    # the same file twice: refused, nothing added
    r = _migrate(pg_tls_cluster, db, user, room2, ROOM2_USER, ROOM2_PASSPHRASE)
    assert r.returncode == 2 and "al eerder" in r.stderr
    with pg_tls_cluster.admin(db) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 24


def test_refusals_write_nothing_on_the_server(pg_tls_cluster, tmp_path):
    db, user = new_db_name(), new_user()
    room = demo_file(tmp_path)
    owner = ["server", "migrate", "--from", str(room), "--to", owner_url(pg_tls_cluster, db),
             "--user", user, "--file-user", FILE_USER]
    r = pgdesk(*owner, input=lines(FILE_PASSPHRASE))
    assert r.returncode == 2 and "De database op" in r.stderr and "bestaat niet" in r.stderr
    assert db not in databases(pg_tls_cluster)
    pg_tls_cluster.create_database(db)
    r = pgdesk(*owner, input=lines(FILE_PASSPHRASE))
    assert r.returncode == 2 and "nog niet ingericht" in r.stderr
    assert init(pg_tls_cluster, db, user).returncode == 0
    for kw, message in [({"file_pw": "niet het wachtwoord"}, "Naam of wachtwoord klopt niet"),
                        ({"pw": "niet het wachtwoord"}, "of dit wachtwoord"),
                        ({"file_user": "Onbekende Naam"}, "Naam of wachtwoord klopt niet")]:
        r = _migrate(pg_tls_cluster, db, user, room, **kw)
        assert r.returncode == 2 and message in r.stderr, (kw, r.stderr)
    r = pgdesk("server", "migrate", "--from", str(tmp_path / "weg.db"), "--to",
               owner_url(pg_tls_cluster, db), "--user", user, input=lines(FILE_PASSPHRASE))
    assert r.returncode == 2 and "bestaat niet" in r.stderr
    with pg_tls_cluster.admin(db) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM access_log").fetchone()[0] == 0
