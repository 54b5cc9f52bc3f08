"""Transfer files that must be refused, and writes that fail, with a Dutch message and nothing
lost (issue 11): replayed files (item 9), a take-along into an unencrypted database (item 10),
a full disk during `transfer in/back/clear`, crafted headers, and a laptop holding patients of
two practices. Fictitious people only.
"""

from __future__ import annotations

import base64
import json
import random
import resource
import signal
import struct
import time
from pathlib import Path

import pytest

from pgdesk.domain.content import shipped_instrument
from pgdesk.storage import transfer as tf
from pgdesk.storage.keyring import FAST_KDF
from pgdesk.storage.repository import Store
from pgdesk.storage.trajectories import delete_consultation
from tests.cli.test_cli import pgdesk
from tests.security_helpers import PASSPHRASE, USER, make_encrypted, unlock
from tests.storage.test_transfer import (
    TPW,
    Sites,
    all_rows,
    bring_back,
    files_state,
    laptop_changes,
    make_sites,
    read_in,
    take_along,
    transfer_lines,
)

CREDS = f"{PASSPHRASE}\n{TPW}\n"


@pytest.fixture
def sites(tmp_path) -> Sites:
    return make_sites(tmp_path / "sites")


# --- replays (item 9) ---------------------------------------------------------------------------


def test_a_bring_back_read_again_is_refused_so_what_the_practice_deleted_stays_deleted(sites):
    read_in(sites, take_along(sites))
    c3 = laptop_changes(sites)
    back = bring_back(sites)
    with sites.open_practice() as p:
        first, second = tf.preview_transfer(p, back, TPW), tf.preview_transfer(p, back, TPW)
        tf.apply_transfer(p, first)
        delete_consultation(p, c3)
        before = all_rows(p)
        with pytest.raises(tf.ReplayedTransfer, match="al ingelezen op .*verwijderd.*niets ingelezen"):
            tf.preview_transfer(p, back, TPW)
        # A second summary of the same file, made before the first was applied, is refused too.
        with pytest.raises(tf.ReplayedTransfer):
            tf.apply_transfer(p, second)
        assert all_rows(p) == before
        assert c3 not in {c["id"] for c in p.consultations_for(sites.anna)}


def test_a_bring_back_older_than_one_read_from_the_same_laptop_is_refused(sites):
    read_in(sites, take_along(sites))
    laptop_changes(sites)
    older = bring_back(sites, name="terug-1.pgtransfer")
    time.sleep(1.1)  # file times have whole seconds
    with sites.open_laptop() as lap:
        lap.set_plan_field(sites.c1, "goal", "Laptop: later nog aangepast")
    newer = bring_back(sites, name="terug-2.pgtransfer")
    with sites.open_practice() as p:
        tf.apply_transfer(p, tf.preview_transfer(p, newer, TPW))
        before = all_rows(p)
        with pytest.raises(tf.ReplayedTransfer, match="al een nieuwer terugbrengbestand"):
            tf.preview_transfer(p, older, TPW)
        assert all_rows(p) == before


def test_an_older_take_along_is_refused_on_the_laptop_and_so_is_the_same_one_twice(sites):
    old = take_along(sites, name="oud.pgtransfer")
    time.sleep(1.1)  # file times have whole seconds
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "nu", "Praktijk: nieuwer antwoord.")
    new = take_along(sites, name="nieuw.pgtransfer")
    read_in(sites, new)
    before = files_state(sites.folder)
    with sites.open_laptop() as lap:
        with pytest.raises(tf.ReplayedTransfer, match="nieuwer meeneembestand.*niets ingelezen"):
            tf.preview_transfer(lap, old, TPW)
        with pytest.raises(tf.ReplayedTransfer, match="al ingelezen"):
            tf.preview_transfer(lap, new, TPW)
        assert lap.consultation(sites.c1).wheel_answers["nu"] == "Praktijk: nieuwer antwoord."
    assert files_state(sites.folder) == before
    r = pgdesk("transfer", "in", "--db", str(sites.laptop), "--user", USER, str(old), "--yes",
               input=CREDS)
    assert r.returncode == 2 and "nieuwer meeneembestand" in r.stderr and "Traceback" not in r.stderr


# --- plaintext on the laptop (item 10) ----------------------------------------------------------


def test_a_take_along_into_an_unencrypted_database_is_refused(sites, tmp_path):
    take = take_along(sites)
    with Store.open(tmp_path / "demo.sqlite") as plain:
        before = all_rows(plain)
        with pytest.raises(tf.TransferError, match="niet versleuteld.*niets ingelezen"):
            tf.preview_transfer(plain, take, TPW)
        assert all_rows(plain) == before and plain.search_patients("") == []
    r = pgdesk("transfer", "in", "--db", str(tmp_path / "demo.sqlite"), str(take), "--yes",
               input=f"{TPW}\n")
    assert r.returncode == 2 and "niet versleuteld" in r.stderr and "Traceback" not in r.stderr


# --- a full disk ---------------------------------------------------------------------------------

LIMIT = 64 << 10  # enough to open a database, too little to write these records


def _file_size_limit():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _big_answers(store: Store, patient_id: str, date: str, seed: int) -> None:
    """Conversations whose answers do not compress: together far more than LIMIT."""
    rng = random.Random(seed)
    for k in range(3):
        cid = store.new_consultation(patient_id, store.actor.professional_id, None,
                                     f"{date}{k + 1}").id
        for step in shipped_instrument("nl").wheel:
            store.set_wheel_answer(cid, step.id, " ".join(
                f"{rng.choice(['fiets', 'markt', 'tuin', 'koffie', 'bus'])}{rng.randint(0, 999)}"
                for _ in range(1700)))


def _cli_on_a_full_disk(*args: str) -> str:
    r = pgdesk("transfer", *args, "--user", USER, input=CREDS, preexec_fn=_file_size_limit)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "de schijf is vol" in r.stderr, r.stderr
    return r.stderr


def test_a_full_disk_during_transfer_in_back_and_clear_is_told_and_loses_nothing(sites):
    with sites.open_practice() as p:
        _big_answers(p, sites.anna, "2026-02-1", seed=1)
    take = take_along(sites)

    before = files_state(sites.folder / "laptop")
    assert "niets ingelezen" in _cli_on_a_full_disk("in", "--db", str(sites.laptop), str(take),
                                                    "--yes")
    assert files_state(sites.folder / "laptop") == before
    read_in(sites, take)

    with sites.open_laptop() as lap:
        _big_answers(lap, sites.anna, "2026-03-0", seed=2)
        rows = all_rows(lap)
    back = sites.files / "terug.pgtransfer"
    assert "geen terugbrengbestand" in _cli_on_a_full_disk("back", "--db", str(sites.laptop),
                                                          "--out", str(back))
    assert [f.name for f in sites.files.iterdir()] == [take.name]  # no file, no leftover
    with sites.open_laptop() as lap:
        assert all_rows(lap) == rows  # no log line, still counted as not brought back
        assert all(b.unsent_changes for b in tf.brought_along(lap) if b.patient_id == sites.anna)

    assert "niets verwijderd" in _cli_on_a_full_disk("clear", "--db", str(sites.laptop), "--yes",
                                                     "--force")
    with sites.open_laptop() as lap:
        assert {b.patient_id for b in tf.brought_along(lap)} == {sites.anna, sites.bert}
        assert len(lap.consultations_for(sites.anna)) == 7


# --- crafted files -------------------------------------------------------------------------------


def _forge(data: bytes, change) -> bytes:
    """The file with its clear header changed by change(header) (which may return new bytes)."""
    _magic, version, head_len = struct.unpack_from(">16sHI", data)
    header = json.loads(data[22:22 + head_len])
    head = change(header)
    if head is None:
        head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    return struct.pack(">16sHI", tf.MAGIC, version, len(head)) + head + data[22 + head_len:]


def _set(*path_and_value):
    *path, value = path_and_value

    def change(header):
        target = header
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _prefix(version: int, head_len: int):
    return lambda data: struct.pack(">16sHI", tf.MAGIC, version, head_len) + data[22:]


FORGED = {
    "enorme lengte": lambda d: _forge(d, _set("length", 2 ** 62)),
    "negatieve lengte": lambda d: _forge(d, _set("length", -1)),
    "lengte als tekst": lambda d: _forge(d, _set("length", "12")),
    "enorm geheugen": lambda d: _forge(d, _set("kdf", "memory_kib", 1 << 22)),
    "te veel werk": lambda d: _forge(d, _set("kdf", "memory_kib", 1 << 18)),
    "nul rondes": lambda d: _forge(d, _set("kdf", "iterations", 0)),
    "duizend banen": lambda d: _forge(d, _set("kdf", "lanes", 1000)),
    "kort zout": lambda d: _forge(d, _set("kdf", "salt", base64.b64encode(b"kort").decode())),
    "nonce geen base64": lambda d: _forge(d, _set("nonce", "!!!")),
    "ander algoritme": lambda d: _forge(d, _set("kdf", "alg", "scrypt")),
    "extra sleutel": lambda d: _forge(d, _set("extra", 1)),
    "kop is een lijst": lambda d: _forge(d, lambda h: b"[1,2,3]"),
    "diep genest": lambda d: _forge(d, lambda h: b"[" * 4000 + b"]" * 4000),
    "geen ascii": lambda d: _forge(d, lambda h: "{\"é\":1}".encode()),
    "versie nul": _prefix(0, 200),
    "versie 65535": _prefix(65535, 200),
    "kop langer dan bestand": _prefix(1, 4000),
    "kop van 4 GB": _prefix(1, 0xFFFFFFFF),
    "alleen het begin": lambda d: d[:20],
}


@pytest.mark.parametrize("case", list(FORGED))
def test_crafted_headers_are_refused_quickly_with_a_dutch_message(sites, case):
    take = take_along(sites)
    bad = sites.files / "vervalst.pgtransfer"
    bad.write_bytes(FORGED[case](take.read_bytes()))
    before = files_state(sites.folder)
    with sites.open_laptop() as lap:
        started = time.monotonic()
        with pytest.raises(tf.TransferError) as caught:
            tf.preview_transfer(lap, bad, TPW)
        assert time.monotonic() - started < 5
    assert str(caught.value).endswith("Er is niets ingelezen.")
    assert files_state(sites.folder) == before


def test_a_crafted_file_on_the_command_line_gives_exit_2_and_no_traceback(sites):
    take = take_along(sites)
    for n, case in enumerate(("enorme lengte", "kop van 4 GB", "diep genest")):
        bad = sites.files / f"vervalst-{n}.pgtransfer"
        bad.write_bytes(FORGED[case](take.read_bytes()))
        r = pgdesk("transfer", "in", "--db", str(sites.laptop), "--user", USER, str(bad),
                   input=CREDS)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (case, r.stderr)
        assert "Er is niets ingelezen." in r.stderr


def test_a_deeply_nested_payload_is_refused(sites):
    bad = sites.files / "genest.pgtransfer"
    bad.write_bytes(tf.seal(b"[" * 200_000 + b"]" * 200_000, TPW, FAST_KDF))
    with sites.open_laptop() as lap:
        with pytest.raises(tf.TransferDamaged, match="niet wat pgdesk verwacht"):
            tf.preview_transfer(lap, bad, TPW)


# --- two practices on one laptop -----------------------------------------------------------------


def two_practices(sites: Sites) -> tuple[Path, str, str]:
    """The laptop holds Anna from the practice and Dirk from a second practice, both changed
    there. Returns the second practice's database, Dirk's id and that practice's id."""
    read_in(sites, take_along(sites, [sites.anna]))
    other_db = sites.folder / "ander" / "ander.db"
    other_db.parent.mkdir()
    other, _ = make_encrypted(other_db)
    with other as o:
        dirk = o.add_patient("Dirk Elders-Proef", "1960", "A-0001").id
        o.new_consultation(dirk, o.actor.professional_id, "los", "2026-02-10")
        elders = sites.files / "elders.pgtransfer"
        tf.export_take_along(o, [dirk], TPW, elders, params=FAST_KDF)
        other_id = o.setting("db_id")
    read_in(sites, elders)
    laptop_changes(sites)
    with sites.open_laptop() as lap:
        lap.set_wheel_answer(lap.consultations_for(dirk)[0]["id"], "nu", "Dirk: beter.")
    return other_db, dirk, other_id


def test_bring_back_with_two_practices_asks_which_and_lists_them(sites):
    other_db, dirk, other_id = two_practices(sites)
    with sites.open_laptop() as lap:
        practices = tf.practices_here(lap)
        codes = {p.origin_db_id: p.code for p in practices}
        with pytest.raises(tf.SeveralPractices) as caught:
            tf.export_bring_back(lap, TPW, sites.files / "x.pgtransfer", params=FAST_KDF)
    message = str(caught.value)
    assert codes[other_id] in message and "Dirk Elders-Proef" in message and "Anna" in message
    assert not (sites.files / "x.pgtransfer").exists()

    back = sites.files / "terug.pgtransfer"
    base = ("back", "--db", str(sites.laptop), "--user", USER, "--out", str(back))
    r = pgdesk("transfer", *base, input=CREDS)
    assert r.returncode == 2 and "--practice" in r.stderr and codes[other_id] in r.stderr
    assert "Traceback" not in r.stderr and not back.exists()
    r = pgdesk("transfer", *base, "--practice", "zzzz", input=CREDS)
    assert r.returncode == 2 and "zzzz" in r.stderr and "Dirk Elders-Proef" in r.stderr
    r = pgdesk("transfer", *base, "--practice", codes[other_id], input=CREDS)
    assert r.returncode == 0, r.stderr
    with unlock(other_db) as o:
        plan = tf.preview_transfer(o, back, TPW)
        assert [p.patient_id for p in plan.patients] == [dirk]
        tf.apply_transfer(o, plan)
        assert transfer_lines(o, dirk) == ["E", "U"]
