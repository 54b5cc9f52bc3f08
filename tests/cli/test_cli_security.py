"""init, check, backup, restore and export from the command line, passphrase on standard input."""

from __future__ import annotations

import json

from pypdf import PdfReader

from pgdesk.storage.backup import list_backups
from tests.cli.test_cli import pgdesk
from tests.security_helpers import sha

PW = "een lange testzin\n"


def run(*args, pw=PW):
    return pgdesk(*args, input=pw)


def test_init_prints_the_recovery_code_once_and_refuses_an_existing_file(tmp_path):
    db = tmp_path / "p.db"
    r = run("init", "--db", str(db), "--user", "Dr. Test Arts")
    assert r.returncode == 0, r.stderr
    code = r.stdout.strip().splitlines()[-1]
    assert len(code.replace("-", "")) == 28
    assert not db.read_bytes().startswith(b"SQLite format 3")
    r = run("init", "--db", str(db), "--user", "Dr. Test Arts")
    assert r.returncode == 2 and "bestaat al" in r.stderr


def test_short_passphrase_is_refused_in_dutch(tmp_path):
    r = run("init", "--db", str(tmp_path / "p.db"), "--user", "X Y", pw="kort\n")
    assert r.returncode == 2 and "minstens 8" in r.stderr
    assert not (tmp_path / "p.db").exists()


def test_encrypted_demo_check_backup_restore_and_export(tmp_path):
    db = tmp_path / "demo.db"
    assert run("demo", str(db), "--user", "Dr. Test Arts").returncode == 0
    r = run("check", "--db", str(db), "--user", "dr. test arts")
    assert r.returncode == 0, r.stderr
    assert "versleuteld" in r.stdout and "keten intact" in r.stdout

    r = run("check", "--db", str(db), "--user", "Dr. Test Arts", pw="fout wachtwoord\n")
    assert r.returncode == 2 and "Naam of wachtwoord klopt niet" in r.stderr
    r = pgdesk("check", "--db", str(db))
    assert r.returncode == 2 and "--user" in r.stderr

    usb = tmp_path / "usb"
    r = run("backup", "--db", str(db), "--user", "Dr. Test Arts", "--to", str(usb))
    assert r.returncode == 0, r.stderr
    made = list_backups(usb)
    assert len(made) == 1 and str(made[0]) in r.stdout

    r = run("restore", "--db", str(db), "--user", "Dr. Test Arts", str(made[0]))
    assert r.returncode == 0, r.stderr
    assert "Teruggezet" in r.stdout and "bewaard als" in r.stdout

    garbage = tmp_path / "kapot.pgbackup"
    garbage.write_bytes(made[0].read_bytes()[:5000])
    before = sha(db)
    r = run("restore", "--db", str(db), "--user", "Dr. Test Arts", str(garbage))
    assert r.returncode == 2 and "geen bruikbare reservekopie" in r.stderr
    assert sha(db) == before

    from pgdesk.storage.keyring import Keyring, keyring_path
    from pgdesk.storage.vault import open_with_key

    keyring = Keyring.load(keyring_path(db))
    unlocked = keyring.unlock("Dr. Test Arts", PW.strip(), min_seconds=0)
    with open_with_key(db, keyring, unlocked.key, unlocked.professional_id, "t") as s:
        patient = s.search_patients("")[0]
    out = tmp_path / "export"
    r = run("export", "patient", "--db", str(db), "--user", "Dr. Test Arts", "--patient", patient.id,
            "--out", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert data["patient"]["display_name"] == patient.display_name
    assert data["access_log"][-1]["what"] == "export"
    text = " ".join("".join(p.extract_text() for p in PdfReader(next(out.glob("*.pdf"))).pages)
                    .split())
    assert patient.display_name in text


def test_check_reports_a_broken_chain(tmp_path):
    from tests.security_helpers import make_encrypted

    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        p = store.add_patient("Keten Testpersoon", "1970")
        store.record_opened(p.id)
        store.db.execute("DROP TRIGGER access_log_no_update")
        store.db.execute("UPDATE access_log SET what = 'iets anders' WHERE seq = 1")
    r = run("check", "--db", str(db), "--user", "Dr. Test Arts")
    assert r.returncode == 1
    assert "keten is verbroken" in r.stdout and "Regel 1 is achteraf gewijzigd" in r.stdout


def test_shared_practice_passphrase_opens_for_whoever_works(tmp_path):
    db = tmp_path / "p.db"
    assert run("init", "--db", str(db), "--user", "Praktijk Test", "--shared").returncode == 0
    r = run("check", "--db", str(db), "--user", "Invaller Testpersoon")
    assert r.returncode == 0, r.stderr
    r = run("check", "--db", str(db), "--user", "Invaller Testpersoon", pw="fout fout fout\n")
    assert r.returncode == 2 and "klopt niet" in r.stderr
