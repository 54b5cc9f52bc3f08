"""Encryption at rest, per-user unlock, the access log chain, backups, export and erasure."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pgdesk.domain.retention import backups_to_keep
from pgdesk.storage import access_log, backup, driver
from pgdesk.storage.engine import SERVER
from pgdesk.storage.errors import DatabaseCorrupt, NeedsKey
from pgdesk.storage.keyring import FAST_KDF, Keyring, WrongCredentials, keyring_path
from pgdesk.storage.patient_rights import erase_patient, export_patient, stale_patients
from pgdesk.storage.repository import NotFound, Store
from pgdesk.storage.vault import convert_to_encrypted, unlock_with_recovery
from tests.security_helpers import (
    PASSPHRASE,
    USER,
    decrypt_pages,
    decrypt_wal,
    forms,
    make_encrypted,
    sha,
    unlock,
)

NAME = "Zwanenburg-Quist"
ANSWER = "Ik wil weer met de kleinkinderen naar het bos fietsen"


def _consult(store, instrument):
    p = store.add_patient(f"Fenna {NAME}", "03-04-1951", "777123")
    c = store.new_consultation(p.id, store.actor.professional_id)
    store.set_score(c.id, instrument.dimensions[0].id, 6)
    store.set_wheel_answer(c.id, "wens", ANSWER)
    return p, c


def test_new_database_is_encrypted_and_opens_only_with_the_passphrase(tmp_path, instrument):
    db = tmp_path / "praktijk.db"
    store, code = make_encrypted(db)
    with store:
        _consult(store, instrument)
        assert store.encrypted
    raw = db.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for needle in forms(NAME) + forms(ANSWER):
        assert needle not in raw
    with pytest.raises(NeedsKey):
        Store.open(db)
    with pytest.raises(WrongCredentials, match="Naam of wachtwoord klopt niet"):
        unlock(db, USER, "verkeerd wachtwoord")
    with pytest.raises(WrongCredentials, match="Naam of wachtwoord klopt niet"):
        unlock(db, "Onbekende Collega", PASSPHRASE)
    with unlock(db, USER.upper()) as again:
        assert again.search_patients(NAME)[0].practice_number == "777123"
        assert again.actor.name == USER  # the log names the professional as recorded


def test_what_is_on_disk_decrypts_to_the_patient_with_the_right_key(tmp_path, instrument):
    """Proves the raw-bytes checks look at real data: decrypted, the name is there."""
    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        _consult(store, instrument)
        key = store.opened.key
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert NAME.encode() in decrypt_pages(db.read_bytes(), key)


def test_passphrase_change_and_recovery_keep_the_database_as_it_is(tmp_path, instrument):
    db = tmp_path / "p.db"
    store, code = make_encrypted(db)
    with store:
        _consult(store, instrument)
        original_key = store.opened.key
    keyring = Keyring.load(keyring_path(db))
    keyring.change_passphrase(USER, PASSPHRASE, "een nieuwe testzin", min_seconds=0)
    with pytest.raises(WrongCredentials):
        unlock(db)
    unlock(db, USER, "een nieuwe testzin").close()
    keyring, key = unlock_with_recovery(db, code.lower().replace("-", " "), min_seconds=0)
    keyring.set_passphrase(key, USER, "na herstel gekozen")
    with unlock(db, USER, "na herstel gekozen") as s:
        assert s.search_patients(NAME)
        assert s.opened.key == original_key  # the database itself was never re-encrypted
    with pytest.raises(Exception, match="herstelcode klopt niet|niet goed overgenomen"):
        unlock_with_recovery(db, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", min_seconds=0)


def test_a_colleague_unlocks_with_their_own_passphrase(tmp_path):
    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        pro = store.add_professional("Wim Wijkverpleging", "wijkverpleegkundige")
        Keyring.load(keyring_path(db)).add_user(store.opened.key, "Wim Wijkverpleging",
                                                "wims eigen zin", pro.id, params=FAST_KDF)
    with unlock(db, "wim wijkverpleging", "wims eigen zin") as s:
        assert s.actor.professional_id == pro.id
        assert s.current_professional().role == "wijkverpleegkundige"


def test_plain_database_is_converted_without_loss_and_the_plain_file_is_gone(tmp_path, instrument):
    db = tmp_path / "oud.sqlite"
    with Store.open(db) as plain:
        pro = plain.add_professional("Dr. Test Arts", "huisarts")
        p, c = _consult(plain, instrument)
        plain.set_plan_field(c.id, "first_step", "Maandag de fiets nakijken")
        counts = {t: plain.db[t].count for t in ("patients", "consultations", "access_log")}
    assert NAME.encode() in db.read_bytes()
    store, code = convert_to_encrypted(db, name="dr. test arts", role="huisarts",
                                       passphrase=PASSPHRASE, params=FAST_KDF)
    with store:
        assert store.actor.professional_id == pro.id  # the existing professional is reused
        assert store.consultation(c.id).plan.first_step == "Maandag de fiets nakijken"
        assert {t: store.db[t].count for t in counts} == counts
        assert access_log.verify_chain(store.db) == []
    for f in tmp_path.iterdir():
        for needle in forms(NAME) + forms(ANSWER):
            assert needle not in f.read_bytes(), f.name
    assert not (tmp_path / "oud.sqlite.encrypting").exists()


def test_every_change_is_logged_in_its_own_transaction_and_the_chain_holds(store, instrument):
    p, c = _consult(store, instrument)
    store.record_opened(p.id)
    lines = access_log.lines_for(store.db, p.id)
    assert [(x["action"], x["what"]) for x in lines] == [
        ("C", "patient"), ("C", "consultation"),
        ("U", f"score:{instrument.dimensions[0].id}"), ("U", "wheel:wens"), ("R", "record")]
    for line in lines:
        assert dt.datetime.strptime(line["at"], "%Y-%m-%dT%H:%M:%SZ")
        assert line["user"] and line["workstation"] and line["patient_id"] == p.id
    assert ANSWER not in json.dumps(lines)  # the log never holds what was said
    assert access_log.verify_chain(store.db) == []


@pytest.mark.parametrize("batch", [access_log.CHAIN_BATCH, 2, 1])
def test_log_lines_cannot_be_changed_and_a_forged_change_breaks_the_chain(store, instrument, batch,
                                                                          monkeypatch):
    # the check reads the log in batches: a break across a batch's edge is found as well
    monkeypatch.setattr(access_log, "CHAIN_BATCH", batch)
    _consult(store, instrument)
    with pytest.raises(driver.IntegrityError):
        store.db.execute("UPDATE access_log SET \"user\" = 'iemand anders' WHERE seq = 2")
    with pytest.raises(driver.IntegrityError):
        store.db.execute("DELETE FROM access_log WHERE seq = 1")
    # Someone with the key (on a server: its owner) drops the guard and edits a line: the
    # check sees it.
    on = " ON access_log" if store.db.dialect == SERVER else ""
    store.db.execute(f"DROP TRIGGER access_log_no_update{on}")
    store.db.execute("UPDATE access_log SET \"user\" = 'iemand anders' WHERE seq = 2")
    problems = access_log.verify_chain(store.db)
    assert problems == ["Regel 2 is achteraf gewijzigd."]
    store.db.execute(f"DROP TRIGGER access_log_no_delete{on}")
    store.db.execute("DELETE FROM access_log WHERE seq = 3")
    assert "Regel 3 tot 3 ontbreekt." in access_log.verify_chain(store.db)


def test_a_failed_change_leaves_no_log_line(store, instrument):
    _consult(store, instrument)
    before = access_log.count(store.db)
    with pytest.raises(NotFound):
        store.set_score("geen-gesprek", instrument.dimensions[0].id, 5)
    assert access_log.count(store.db) == before


def test_backup_is_encrypted_verified_and_restored_keeping_the_old_file(tmp_path, instrument):
    db = tmp_path / "p.db"
    folder = tmp_path / "usb"
    store, _ = make_encrypted(db)
    with store:
        p, c = _consult(store, instrument)
        made = backup.make_backup(store.opened, folder)
        key, db_id = store.opened.key, store.setting("db_id")
        store.set_wheel_answer(c.id, "wens", "na de reservekopie veranderd")
    for needle in forms(NAME) + forms(ANSWER):
        assert needle not in made.read_bytes()
    assert (folder / keyring_path(db).name).exists()  # the wrapped keys travel with the backups
    info = backup.verify_backup(made, key, db_id=db_id)
    assert (info.patients, info.consultations) == (1, 1)
    aside = backup.restore_backup(db, made, key, db_id=db_id)
    assert aside.exists()
    with unlock(db) as s:
        assert s.consultation(c.id).wheel_answers["wens"] == ANSWER
    assert [f.name for f in folder.iterdir() if f.name.endswith(".part")] == []


def test_backup_of_another_practice_is_refused_and_nothing_changes(tmp_path, instrument):
    ours, theirs = tmp_path / "ons.db", tmp_path / "ander" / "hun.db"
    theirs.parent.mkdir()
    s1, _ = make_encrypted(ours)
    s2, _ = make_encrypted(theirs)
    with s1, s2:
        _consult(s2, instrument)
        their_backup = backup.make_backup(s2.opened, tmp_path / "hun-usb")
        key, db_id = s1.opened.key, s1.setting("db_id")
    before = sha(ours)
    with pytest.raises(backup.BadBackup, match="andere praktijk"):
        backup.restore_backup(ours, their_backup, key, db_id=db_id)
    assert sha(ours) == before


def test_rotation_keeps_seven_daily_four_weekly_twelve_monthly():
    start = dt.datetime(2025, 1, 1, 17, 0)
    stamps = [start + dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 2)]
    keep = backups_to_keep(stamps)
    last = max(stamps)
    assert last in keep
    days = {s.date() for s in keep}
    assert {(last - dt.timedelta(days=i)).date() for i in range(7)} <= days
    assert all(s.hour == 19 for s in keep)  # always the newest of its day
    assert len({(s.year, s.month) for s in keep}) == 12
    assert 7 <= len(keep) <= 7 + 4 + 12


def test_rotate_deletes_only_what_falls_outside(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    base = dt.datetime(2026, 1, 1, 12)
    for d in range(60):
        (folder / f"pgdesk-{(base + dt.timedelta(days=d)).strftime(backup.STAMP)}.pgbackup").write_bytes(b"x")
    (folder / "vakantiefoto.jpg").write_bytes(b"y")
    removed = backup.rotate(folder)
    left = backup.list_backups(folder)
    assert len(left) + len(removed) == 60 and 7 <= len(left) <= 12
    assert (folder / "vakantiefoto.jpg").exists()


def test_damaged_page_is_detected_and_the_file_left_alone(tmp_path, instrument):
    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        for i in range(40):
            store.add_patient(f"Patiënt {i:02d} Testpersoon", "1960")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * 4096
    data[3 * 4096 + 100] ^= 0xFF
    db.write_bytes(bytes(data))
    before = sha(db)
    with pytest.raises(DatabaseCorrupt, match="beschadigd"):
        unlock(db)
    assert sha(db) == before


def test_export_holds_everything_and_is_logged(store, instrument):
    p, c = _consult(store, instrument)
    data = export_patient(store, p.id)
    assert data["format"] == "pgdesk-patient-export"
    assert data["patient"]["display_name"] == f"Fenna {NAME}"
    assert data["consultations"][0]["wheel_answers"]["wens"] == ANSWER
    assert data["consultations"][0]["dimension_scores"] == {instrument.dimensions[0].id: 6}
    assert data["access_log"][-1]["action"] == "E" and data["access_log"][-1]["what"] == "export"
    assert [t["consultation_ids"] for t in data["trajectories"]] == [[c.id]]


def test_erased_patient_leaves_no_trace_in_the_file_only_the_log_line(tmp_path, instrument):
    db = tmp_path / "p.db"
    store, _ = make_encrypted(db)
    with store:
        keep = store.add_patient("Blijft Bestaan", "1970")
        p, c = _consult(store, instrument)
        for i in range(30):  # enough text to spread the patient over several pages
            store.set_wheel_answer(c.id, "nu", f"{ANSWER} {i}" * 20)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        key = store.opened.key
        assert NAME.encode() in decrypt_pages(db.read_bytes(), key)
        erase_patient(store, p.id)
        assert store.search_patients("Zwanenburg") == []
        assert store.search_patients("Blijft")[0].id == keep.id
        lines = access_log.lines_for(store.db, p.id)
        assert (lines[-1]["action"], lines[-1]["what"]) == ("D", "erase")
        assert access_log.verify_chain(store.db) == []
        wal = db.with_name(db.name + "-wal")
        inside = decrypt_pages(db.read_bytes(), key) + (
            decrypt_wal(wal.read_bytes(), key) if wal.exists() else b"")
    for needle in (NAME.encode(), ANSWER.encode(), b"777123", b"1951-04-03"):
        assert needle not in inside, needle
    assert b"Blijft Bestaan" in inside


def test_records_untouched_for_twenty_years_are_listed(store):
    old = store.add_patient("Oud Dossier", "1930")
    store.add_patient("Nieuw Dossier", "1990")
    store.db.execute("UPDATE patients SET updated_at = '2001-05-01T10:00:00+00:00' WHERE id = ?",
                     [old.id])
    rows = stale_patients(store, today=dt.date(2026, 11, 26))
    assert [r["display_name"] for r in rows] == ["Oud Dossier"]
