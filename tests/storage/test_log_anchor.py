"""The access log's anchors: a key holder who rewrites the chain is caught by the anchors in the
key files and the backups, and what the anchors cannot see is stated, not hidden."""

from __future__ import annotations

import json

from pgdesk.storage import access_log
from pgdesk.storage.backup import default_folder, list_backups, make_backup
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.storage.log_anchor import Anchor, check, head, sealed
from tests.cli.test_cli import pgdesk
from tests.security_helpers import PASSPHRASE, USER, make_encrypted, unlock


def check_cli(db, *extra):
    return pgdesk("check", "--db", str(db), "--user", USER, *extra, input=PASSPHRASE + "\n")


def practice(tmp_path, visits: int = 6):
    """An encrypted practice with some record openings and one backup in the practice folder."""
    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        for i in range(visits):
            p = store.add_patient(f"Anker Testpersoon {i}", "1970")
            store.record_opened(p.id)
        make_backup(store.opened, default_folder())
    return db


def rewrite_without(store, seq: int) -> None:
    """The attack: delete one line, renumber the rest, recompute the chain, restore the triggers."""
    db = store.db
    db.execute("DROP TRIGGER access_log_no_update")
    db.execute("DROP TRIGGER access_log_no_delete")
    rows = access_log._rows(db)
    db.execute("DELETE FROM access_log")
    prev = access_log.GENESIS
    for new_seq, row in enumerate((r for r in rows if r["seq"] != seq), start=1):
        row["seq"] = new_seq
        digest = access_log.line_hash(prev, row)
        db.execute("INSERT INTO access_log (seq, at, user, professional_id, workstation, "
                   "patient_id, action, what, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                   [row[f] for f in access_log.FIELDS] + [prev, digest])
        prev = digest
    access_log_triggers(db)


def access_log_triggers(db, events=("UPDATE", "DELETE")) -> None:
    for event in events:
        db.execute(f"CREATE TRIGGER access_log_no_{event.lower()} BEFORE {event} ON access_log "
                   "BEGIN SELECT RAISE(ABORT, 'het toegangslog kan niet worden gewijzigd'); END")


def snooping_line(store) -> int:
    return store.db.execute("SELECT seq FROM access_log WHERE action = 'R' "
                            "ORDER BY seq LIMIT 1").fetchone()[0]


def test_an_untouched_log_matches_every_anchor(tmp_path):
    db = practice(tmp_path)
    r = check_cli(db)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "keten intact" in r.stdout
    assert "sleutelbestand" in r.stdout and "reservekopie pgdesk-" in r.stdout
    assert "klopt" in r.stdout and "HERSCHREVEN" not in r.stdout


def test_a_rewritten_chain_is_reported_although_the_chain_itself_verifies(tmp_path):
    """The reproduction of issue 11 item 6: on the old code `check` said "keten intact", exit 0."""
    db = practice(tmp_path)
    with unlock(db) as store:
        rewrite_without(store, snooping_line(store))
        assert access_log.verify_chain(store.db) == []  # the chain alone cannot tell
    r = check_cli(db)
    assert r.returncode == 1
    assert "keten intact" in r.stdout  # honest: the chain is internally fine ...
    assert "Logboek herschreven" in r.stdout  # ... but it is not the chain that was anchored


def test_a_rewrite_that_also_reseals_the_key_file_is_caught_by_the_backup(tmp_path):
    db = practice(tmp_path)
    with unlock(db) as store:
        rewrite_without(store, snooping_line(store))
        keyring = Keyring.load(keyring_path(db))
        for keys in (keyring_path(db), default_folder() / keyring_path(db).name):
            k = Keyring.load(keys)
            k.log_anchor = sealed(head(store.db.conn), store.opened.key, keyring.db_id)
            k.save()
        report = check(store.db, store.opened.key, keyring.db_id, [keyring_path(db)],
                       list_backups(default_folder()))
    assert len(report.problems) == 1 and "reservekopie pgdesk-" in report.problems[0]


def test_backups_kept_elsewhere_are_compared_too(tmp_path):
    db = practice(tmp_path)
    usb = tmp_path / "usb"
    with unlock(db) as store:
        make_backup(store.opened, usb)
        rewrite_without(store, snooping_line(store))
        for old in list_backups(default_folder()):  # the attacker cleans the practice folder
            old.unlink()
        (default_folder() / keyring_path(db).name).unlink()
        keyring = Keyring.load(keyring_path(db))
        keyring.log_anchor = None
        keyring.save()
    assert check_cli(db).returncode == 0  # nothing left within reach to compare with
    r = check_cli(db, "--backups", str(usb))
    assert r.returncode == 1 and "Logboek herschreven" in r.stdout and "pgdesk-" in r.stdout


def test_deleting_the_last_lines_is_reported_as_a_shorter_log(tmp_path):
    db = practice(tmp_path)
    with unlock(db) as store:
        last = access_log.count(store.db)
        store.db.execute("DROP TRIGGER access_log_no_delete")
        store.db.execute("DELETE FROM access_log WHERE seq > ?", [last - 2])
        access_log_triggers(store.db, ("DELETE",))
        assert access_log.verify_chain(store.db) == []
    r = check_cli(db)
    assert r.returncode == 1 and "ingekort" in r.stdout and f"kent {last} regels" in r.stdout


def test_an_anchor_edited_without_the_key_is_refused(tmp_path):
    db = practice(tmp_path)
    keys = keyring_path(db)
    data = json.loads(keys.read_text())
    data["log_anchor"]["seq"] = 1  # someone with file access only tries to move the anchor back
    keys.write_text(json.dumps(data))
    r = check_cli(db)
    assert r.returncode == 1 and "logboekanker" in r.stdout and "ongeldig" in r.stdout


def test_an_anchor_is_bound_to_the_practice_and_the_key(tmp_path):
    from pgdesk.storage.log_anchor import unsealed

    anchor = Anchor(3, "ab" * 32, "2026-01-01T00:00:00Z")
    raw = sealed(anchor, b"k" * 32, "praktijk-1")
    assert unsealed(raw, b"k" * 32, "praktijk-1") == anchor
    assert unsealed(raw, b"x" * 32, "praktijk-1") is None
    assert unsealed(raw, b"k" * 32, "praktijk-2") is None
    assert unsealed({**raw, "seq": True}, b"k" * 32, "praktijk-1") is None


def test_what_anchors_cannot_see_a_key_holder_who_replaces_every_copy(tmp_path):
    """The README's limit, as a test: rewrite, then make every anchor again; nothing is left."""
    db = practice(tmp_path)
    with unlock(db) as store:
        rewrite_without(store, snooping_line(store))
        for old in list_backups(default_folder()):
            old.unlink()
        make_backup(store.opened, default_folder())  # fresh anchors of the rewritten chain
    assert check_cli(db).returncode == 0


def test_a_restore_is_a_logged_branch_not_a_rewrite(tmp_path):
    """Backups made before a restore hold lines the restored log no longer has: the restore's own
    log line explains them, so `check` (and re-keying) go on; without that line they would be
    reported as a rewrite for up to a year."""
    import datetime as dt
    import os

    db = practice(tmp_path)
    folder = default_folder()
    with unlock(db) as store:
        older = make_backup(store.opened, folder, now=dt.datetime(2026, 3, 1, 9))
        p = store.add_patient("Na De Kopie", "1960")
        store.record_opened(p.id)
        newer = make_backup(store.opened, folder, now=dt.datetime(2026, 3, 2, 9))
    past = dt.datetime(2026, 3, 2, 9).timestamp()
    for backup in list_backups(folder):
        os.utime(backup, (past, past))
    r = pgdesk("restore", "--db", str(db), "--user", USER, str(older), input=PASSPHRASE + "\n")
    assert r.returncode == 0, r.stderr
    with unlock(db) as store:
        store.record_opened(store.add_patient("Na Het Herstel", "1961").id)
        assert store.db.execute("SELECT count(*) FROM access_log WHERE what = ?",
                                [f"herstel:{older.name}"]).fetchone()[0] == 1
    r = check_cli(db)
    assert r.returncode == 0, r.stdout
    assert f"reservekopie {newer.name} (van vóór het terugzetten" in r.stdout
    assert f"reservekopie {older.name}: regel" in r.stdout  # the restored one still matches


def test_the_key_file_keeps_its_anchor_when_it_changes_for_other_reasons(tmp_path):
    from pgdesk.storage.keyring import FAST_KDF

    db = practice(tmp_path)
    keyring = Keyring.load(keyring_path(db))
    anchor = keyring.log_anchor
    assert anchor is not None
    with unlock(db) as store:
        keyring.add_user(store.opened.key, "Nieuwe Collega", "een lange zin hier", params=FAST_KDF)
    assert Keyring.load(keyring_path(db)).log_anchor == anchor
