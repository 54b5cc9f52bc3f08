"""Home visits: take patients along on a laptop and bring them back without losing anything.

Two encrypted databases (a practice and a laptop), fictitious people only. Transfer files use
the fast KDF. Refused files must leave both databases byte for byte as they were.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pgdesk.domain.social_map import Service
from pgdesk.domain.transfer import KEEP_BOTH, KEEP_LOCAL, TAKE_INCOMING, Version, decide
from pgdesk.domain.validation import InputError
from pgdesk.storage import access_log, social_map
from pgdesk.storage import transfer as tf
from pgdesk.storage.access_log import Actor
from pgdesk.storage.errors import StorageError
from pgdesk.storage.keyring import FAST_KDF, Keyring, keyring_path
from pgdesk.storage.repository import NotFound, Store
from tests.cli.test_cli import pgdesk
from tests.security_helpers import PASSPHRASE, USER, decrypt_pages, forms, make_encrypted, unlock

TPW = "koffie bij de buren 42"  # the transfer passphrase
ANNA, BERT, CEES = "Anna Testpersoon-Huisbezoek", "Bert Proefman", "Cees Blijfthuis"


@dataclasses.dataclass
class Sites:
    folder: Path
    practice: Path
    laptop: Path
    anna: str
    bert: str
    cees: str
    c1: str          # Anna's start conversation, held at the practice
    c2: str          # Bert's los conversation
    service: str
    files: Path
    server: str | None = None  # the practice on the server engine: its URL (`practice` unused)
    actor: Actor | None = None

    def open_practice(self) -> Store:
        if self.server:
            return Store.open_server(self.server, actor=self.actor)
        return unlock(self.practice)

    def practice_args(self) -> list[str]:
        """The practice on the command line: the file and its user, or the server's address."""
        return ["--server", self.server] if self.server else ["--db", str(self.practice), "--user", USER]

    def practice_creds(self) -> str:
        """Standard input before the transfer passphrase: the file's passphrase (the server's
        password is in its test address)."""
        return "" if self.server else f"{PASSPHRASE}\n"

    def open_laptop(self) -> Store:
        return unlock(self.laptop)


def make_sites(folder: Path, server: str | None = None) -> Sites:
    """A practice with three patients (in an encrypted file, or on the practice server at
    `server`) and a laptop (an encrypted file), both closed again."""
    (folder / "praktijk").mkdir(parents=True)
    (folder / "laptop").mkdir()
    (folder / "usb").mkdir()
    actor = None
    if server:
        practice = Store.open_server(server)
        actor = Actor(USER, practice.add_professional(USER, "huisarts").id)
        practice.set_actor(actor)
    else:
        practice, _ = make_encrypted(folder / "praktijk" / "praktijk.db")
    with practice as p:
        pro = p.actor.professional_id
        anna = p.add_patient(ANNA, "1948", "P-0101").id
        bert = p.add_patient(BERT, "1955-06-01", "P-0102").id
        cees = p.add_patient(CEES, "1970", "P-0103").id
        c1 = p.new_consultation(anna, pro, "start", "2026-01-12").id
        p.set_score(c1, "meedoen", 6)
        p.set_score(c1, "zingeving", 8)
        p.set_aspect_score(c1, "lichaamsfuncties", "fit_voelen", 4)
        p.set_mark(c1, "talk", "meedoen", "", True)
        p.set_mark(c1, "focus", "zingeving", "", True)
        p.set_wheel_answer(c1, "nu", "Ik kom weinig buiten.")
        p.set_wheel_answer(c1, "wens", "Weer naar de markt.")
        p.set_plan_field(c1, "goal", "Wandelen")
        p.set_plan_field(c1, "first_step", "Rondje om het blok")
        service = social_map.add_service(p, Service(name="Wandelclub De Stap",
                                                    organisation="Buurthuis Test",
                                                    dimensions=("meedoen",))).id
        social_map.add_referral(p, c1, service, note="Bellen na de zomer")
        c2 = p.new_consultation(bert, pro, "los", "2026-02-03").id
        p.set_wheel_answer(c2, "nu", "Rustig aan.")
        p.new_consultation(cees, pro, "los", "2026-02-04")
    laptop, _ = make_encrypted(folder / "laptop" / "laptop.db")
    laptop.close()
    return Sites(folder, folder / "praktijk" / "praktijk.db", folder / "laptop" / "laptop.db",
                 anna, bert, cees, c1, c2, service, folder / "usb", server, actor)


@pytest.fixture
def sites(tmp_path, engine, request) -> Sites:
    """On both engines: the practice as an encrypted file or on the practice server (a laptop
    is always a file)."""
    server = request.getfixturevalue("server_url") if engine == "server" else None
    return make_sites(tmp_path / "sites", server)


def take_along(s: Sites, ids=None, name="mee.pgtransfer") -> Path:
    out = s.files / name
    with s.open_practice() as p:
        tf.export_take_along(p, ids or [s.anna, s.bert], TPW, out, params=FAST_KDF)
    return out


def read_in(s: Sites, path: Path, *, on: str = "laptop", rule: str | None = None):
    with (s.open_laptop() if on == "laptop" else s.open_practice()) as store:
        plan = tf.preview_transfer(store, path, TPW)
        if rule:
            plan.resolve_all(rule)
        return plan, tf.apply_transfer(store, plan)


def bring_back(s: Sites, name="terug.pgtransfer") -> Path:
    out = s.files / name
    with s.open_laptop() as lap:
        tf.export_bring_back(lap, TPW, out, params=FAST_KDF)
    return out


def all_rows(store: Store) -> dict[str, list]:
    names = sorted(n for n in store.db.table_names() if not n.startswith(("sqlite_", "patients_fts")))
    return {n: sorted(repr(tuple(r.values())) for r in store.db.query(f'SELECT * FROM "{n}"'))
            for n in names}


def files_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its sha256 (the databases closed)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def transfer_lines(store: Store, patient_id: str) -> list[str]:
    return [line["action"] for line in access_log.lines_for(store.db, patient_id)
            if line["what"] == "transfer"]


def answers_and_goals(store: Store, patient_id: str) -> tuple[set[str], set[str]]:
    answers, goals = set(), set()
    for row in store.consultations_for(patient_id):
        c = store.consultation(row["id"])
        answers |= set(c.wheel_answers.values())
        goals.add(c.plan.goal)
    return answers, goals


def laptop_changes(s: Sites) -> str:
    """On the laptop: a new conversation with a referral, and the plan of c1 edited."""
    with s.open_laptop() as lap:
        c3 = lap.new_consultation(s.anna, lap.actor.professional_id, None, "2026-03-02").id
        lap.set_score(c3, "meedoen", 7)
        lap.set_wheel_answer(c3, "nu", "Ik ben twee keer naar de markt gefietst.")
        social_map.add_referral(lap, c3, s.service, status="verwezen")
        lap.set_plan_field(s.c1, "goal", "Fietsen naar de markt")
    return c3


# --- the round trip ---------------------------------------------------------------------------


def test_take_along_brings_the_whole_record_and_marks_it(sites):
    path = take_along(sites)
    assert path.read_bytes().startswith(tf.MAGIC)
    for text in (ANNA, "Ik kom weinig buiten", "Wandelclub"):
        for form in forms(text):
            assert form not in path.read_bytes()
    with sites.open_laptop() as lap:
        plan = tf.preview_transfer(lap, path, TPW)
        lines = plan.summary_lines()
        assert "2 patiënten (2 nieuw op deze computer)" in lines
        assert "2 nieuwe gesprekken" in lines and "1 verwijzing (nieuw of gewijzigd)" in lines
        assert [p.status for p in plan.patients] == ["new", "new"]
        assert lap.search_patients("Anna") == []  # a preview writes nothing
        done = tf.apply_transfer(lap, plan)
        assert done.new_consultations == 2 and done.patients == 2
        with pytest.raises(tf.TransferError, match="al ingelezen"):
            tf.apply_transfer(lap, plan)
        assert [p.display_name for p in lap.search_patients("anna")] == [ANNA]
        assert lap.search_patients(CEES.split()[0]) == []
        marks = tf.brought_along(lap)
        assert {b.patient_id for b in marks} == {sites.anna, sites.bert}
        assert not any(b.unsent_changes for b in marks)
        assert tf.is_brought_along(lap, sites.anna) and not tf.is_brought_along(lap, "x")
        on_laptop = {pid: tf.patient_entry(lap, pid) for pid in (sites.anna, sites.bert)}
        c = lap.consultation(sites.c1)
        assert c.manual_scores == {"meedoen": 6, "zingeving": 8}
        assert c.plan.goal == "Wandelen" and ("meedoen", "") in c.talk
        assert social_map.referrals_for_consultation(lap, sites.c1)[0].note == "Bellen na de zomer"
        assert transfer_lines(lap, sites.anna) == ["C"]
        assert access_log.verify_chain(lap.db) == []
        with pytest.raises(InputError, match="niets veranderd"):
            tf.export_bring_back(lap, TPW, sites.files / "leeg.pgtransfer", params=FAST_KDF)
    assert not (sites.files / "leeg.pgtransfer").exists()
    with sites.open_practice() as p:
        assert {pid: tf.patient_entry(p, pid) for pid in (sites.anna, sites.bert)} == on_laptop
        assert transfer_lines(p, sites.anna) == ["E"] and transfer_lines(p, sites.cees) == []


def test_bring_back_keeps_both_versions_of_a_conversation_changed_on_both_sides(sites):
    read_in(sites, take_along(sites))
    c3 = laptop_changes(sites)
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "nu", "Praktijk: het gaat wat beter.")
    back = bring_back(sites)

    with sites.open_practice() as p:
        before = all_rows(p)
        plan = tf.preview_transfer(p, back, TPW)
        assert all_rows(p) == before
        assert plan.kind == "bring-back"
        assert (plan.new_consultations, plan.changed_consultations, plan.referrals) == (1, 0, 1)
        [conflict] = plan.conflicts
        assert (conflict.kind, conflict.record_id, conflict.resolution) == ("consultation", sites.c1,
                                                                            KEEP_BOTH)
        diffs = {d.key: d for d in conflict.differences}
        assert set(diffs) == {"wheel:nu", "plan:goal"}
        assert diffs["wheel:nu"].changed_local and not diffs["wheel:nu"].changed_incoming
        assert diffs["plan:goal"].changed_incoming and not diffs["plan:goal"].changed_local
        assert diffs["plan:goal"].incoming == "Fietsen naar de markt"
        lines = plan.summary_lines()
        for expected in ("1 patiënt", "1 nieuw gesprek", "0 gewijzigde gesprekken",
                         "1 conflict (aan beide kanten gewijzigd)", "1 verwijzing (nieuw of gewijzigd)"):
            assert expected in lines
        assert any("de praktijk wijzigde Actiewiel: Hoe gaat het nu?" in line
                   and "de laptop wijzigde Plan: doel" in line and "beide versies bewaren" in line
                   for line in lines)

        done = tf.apply_transfer(p, plan)
        assert (done.new_consultations, done.conflicts, done.referrals) == (1, 1, 1)
        answers, goals = answers_and_goals(p, sites.anna)
        assert "Praktijk: het gaat wat beter." in answers and "Fietsen naar de markt" in goals
        assert "Wandelen" in goals and "Ik ben twee keer naar de markt gefietst." in answers
        kept = p.consultation(sites.c1)
        assert kept.wheel_answers["nu"] == "Praktijk: het gaat wat beter." and kept.plan.goal == "Wandelen"
        copies = tf.conflict_copies(p, sites.anna)
        [(copy_id, original)] = copies.items()
        assert original == sites.c1
        copy = p.consultation(copy_id)
        assert copy.type == "start" and copy.plan.goal == "Fietsen naar de markt"
        assert copy.wheel_answers["nu"] == "Ik kom weinig buiten."
        assert p.consultation(c3).manual_scores == {"meedoen": 7}
        [ref] = social_map.referrals_for_consultation(p, c3)
        assert ref.status == "verwezen" and ref.service_id == sites.service
        assert len(social_map.referrals_for_consultation(p, copy_id)) == 1  # the copy has its own
        assert p.search_patients("Bert")[0].id == sites.bert
        assert transfer_lines(p, sites.anna) == ["E", "U"]
        assert transfer_lines(p, sites.bert) == ["E"]  # nothing of Bert changed on the laptop
        assert access_log.verify_chain(p.db) == []

        # Reading the same file again is refused (issue 11, item 9) and changes nothing.
        before = all_rows(p)
        with pytest.raises(tf.ReplayedTransfer, match="al ingelezen"):
            tf.preview_transfer(p, back, TPW)
        assert all_rows(p) == before
    with sites.open_laptop() as lap:
        assert transfer_lines(lap, sites.anna) == ["C", "E"]
        assert access_log.verify_chain(lap.db) == []
        assert not any(b.unsent_changes for b in tf.brought_along(lap))


@pytest.mark.parametrize("later", ["laptop", "praktijk"])
def test_later_wins_is_one_visible_rule(sites, later):
    read_in(sites, take_along(sites))
    laptop_changes(sites)
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "nu", "Praktijk: het gaat wat beter.")
    stamp = "2099-01-01T00:00:00+00:00"
    with (sites.open_laptop() if later == "laptop" else sites.open_practice()) as s:
        s.db.execute("UPDATE consultations SET updated_at = ? WHERE id = ?", [stamp, sites.c1])
    back = bring_back(sites)
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, back, TPW)
        plan.resolve_all("later_wins")
        [conflict] = plan.conflicts
        expected = TAKE_INCOMING if later == "laptop" else KEEP_LOCAL
        assert conflict.resolution == expected
        assert any("Keuze: de versie van de laptop nemen" in line if later == "laptop" else
                   "Keuze: de versie van de praktijk houden" in line for line in plan.summary_lines())
        tf.apply_transfer(p, plan)
        c = p.consultation(sites.c1)
        if later == "laptop":
            assert c.plan.goal == "Fietsen naar de markt" and c.wheel_answers["nu"] == "Ik kom weinig buiten."
        else:
            assert c.plan.goal == "Wandelen" and c.wheel_answers["nu"] == "Praktijk: het gaat wat beter."
        assert tf.conflict_copies(p, sites.anna) == {}
        assert access_log.verify_chain(p.db) == []


def test_each_conflict_can_be_resolved_on_its_own(sites):
    read_in(sites, take_along(sites))
    laptop_changes(sites)
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "nu", "Praktijk: anders.")
    back = bring_back(sites)
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, back, TPW)
        [conflict] = plan.conflicts
        plan.resolve(conflict.key, TAKE_INCOMING)
        assert conflict.resolution == TAKE_INCOMING
        with pytest.raises(ValueError):
            plan.resolve_all("iets anders")
        tf.apply_transfer(p, plan)
        assert p.consultation(sites.c1).plan.goal == "Fietsen naar de markt"


def test_changes_on_one_side_only_merge_without_conflict(sites):
    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:
        lap.set_plan_field(sites.c1, "helper", "Buurman Kees")
        lap.update_patient(sites.anna, ANNA, "1948", "P-0101-L")        # laptop: practice number
        lap.set_progress(sites.c2, "plan")                                 # browsing is no change
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c2, "nu", "Praktijk: Bert belde.")
        p.update_patient(sites.anna, ANNA, "12-03-1948", "P-0101")        # practice: birth date
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, bring_back(sites), TPW)
        assert plan.conflicts == [] and plan.changed_consultations == 1
        assert "Persoonsgegevens bijgewerkt bij 1 patiënt" in plan.summary_lines()
        tf.apply_transfer(p, plan)
        anna = p.patient(sites.anna)
        assert (anna.birth_date, anna.practice_number) == ("1948-03-12", "P-0101-L")
        assert p.consultation(sites.c1).plan.helper == "Buurman Kees"
        assert p.consultation(sites.c2).wheel_answers["nu"] == "Praktijk: Bert belde."


def test_personal_details_changed_on_both_sides_keep_the_practice_value_unless_chosen(sites):
    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:
        lap.update_patient(sites.anna, "Anna Testpersoon-Laptop", "1948", "P-0101")
    with sites.open_practice() as p:
        p.update_patient(sites.anna, "Anna Testpersoon-Praktijk", "1948", "P-0101")
    back = bring_back(sites)
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, back, TPW)
        [conflict] = plan.conflicts
        assert conflict.kind == "patient" and conflict.resolution == KEEP_LOCAL
        assert [d.key for d in conflict.differences] == ["display_name"]
        plan.resolve_all(KEEP_BOTH)  # not possible for a name: stays at the default
        assert conflict.resolution == KEEP_LOCAL
        with pytest.raises(InputError):
            plan.resolve(conflict, KEEP_BOTH)
        plan.resolve(conflict, TAKE_INCOMING)
        tf.apply_transfer(p, plan)
        assert p.patient(sites.anna).display_name == "Anna Testpersoon-Laptop"
        assert [x.id for x in p.search_patients("laptop")] == [sites.anna]


def test_taking_along_again_updates_the_laptop_and_keeps_its_own_changes(sites):
    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:
        lap.set_plan_field(sites.c1, "goal", "Laptop: fietsen")
        lap.set_wheel_answer(sites.c2, "wens", "Laptop: minder pijn")
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "kunnen", "Praktijk: goed plannen")   # c1 on both sides
        p.set_plan_field(sites.c2, "goal", "Praktijk: rust")               # c2 on both sides
        c4 = p.new_consultation(sites.bert, p.actor.professional_id, "los", "2026-02-20").id
    plan, done = read_in(sites, take_along(sites, name="mee2.pgtransfer"))
    assert len(plan.conflicts) == 2 and done.new_consultations == 1
    with sites.open_laptop() as lap:
        # The practice's version keeps the id on the laptop too; the laptop's own becomes a copy.
        assert lap.consultation(sites.c1).wheel_answers.get("kunnen") == "Praktijk: goed plannen"
        copies = tf.conflict_copies(lap, sites.anna)
        [copy_id] = copies
        assert lap.consultation(copy_id).plan.goal == "Laptop: fietsen"
        assert lap.consultation(c4).type == "los"
        assert all(b.unsent_changes for b in tf.brought_along(lap))
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, bring_back(sites), TPW)
        assert plan.conflicts == [] and plan.new_consultations == 2  # the two copies
        tf.apply_transfer(p, plan)
        answers, goals = answers_and_goals(p, sites.anna)
        assert "Laptop: fietsen" in goals and "Praktijk: goed plannen" in answers
        _, bert_goals = answers_and_goals(p, sites.bert)
        assert "Praktijk: rust" in bert_goals
        assert tf.conflict_copies(p, sites.anna)[copy_id] == sites.c1


def test_a_second_tussen_in_one_trajectory_is_kept_but_unattached(sites):
    read_in(sites, take_along(sites))
    c3 = laptop_changes(sites)  # a tussen on the laptop
    with sites.open_practice() as p:
        held = p.new_consultation(sites.anna, p.actor.professional_id, "tussen", "2026-03-03").id
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, bring_back(sites), TPW)
        done = tf.apply_transfer(p, plan)
        assert any("had hier al een tussengesprek" in line for line in done.lines)
        rows = {r["id"]: r for r in p.consultations_for(sites.anna)}
        assert rows[c3]["trajectory_id"] is None and rows[held]["trajectory_id"] is not None
        assert rows[c3]["type"] == "tussen"


def test_a_conversation_deleted_on_the_laptop_stays_at_the_practice(sites):
    from pgdesk.storage.trajectories import delete_consultation

    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:
        delete_consultation(lap, sites.c2)
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, bring_back(sites), TPW)
        assert any("op de laptop verwijderd" in n for n in plan.summary_lines())
        tf.apply_transfer(p, plan)
        assert p.consultation(sites.c2).wheel_answers["nu"] == "Rustig aan."


def test_remove_brought_along_leaves_no_trace(sites):
    read_in(sites, take_along(sites))
    laptop_changes(sites)
    with sites.open_laptop() as lap:
        with pytest.raises(tf.UnsentChanges, match="nog niet in een terugbrengbestand"):
            tf.remove_brought_along(lap)
        assert len(lap.search_patients("")) == 2
    bring_back(sites)
    with sites.open_laptop() as lap:
        with pytest.raises(InputError, match="niet meegenomen"):
            tf.remove_brought_along(lap, [sites.cees])
        done = tf.remove_brought_along(lap)
        assert set(done.patient_ids) == {sites.anna, sites.bert}
        assert lap.search_patients("") == [] and lap.search_patients("Anna") == []
        assert tf.brought_along(lap) == []
        for table, rows in all_rows(lap).items():
            if table in ("access_log",):
                continue
            for pid in (sites.anna, sites.bert):
                assert not any(pid in r for r in rows), table
        assert transfer_lines(lap, sites.anna) == ["C", "E", "D"]
        assert access_log.verify_chain(lap.db) == []
        assert tf.remove_brought_along(lap).patients == 0
    key = Keyring.load(keyring_path(sites.laptop)).unlock(USER, PASSPHRASE, min_seconds=0).key
    raw = decrypt_pages(sites.laptop.read_bytes(), key)
    for text in (ANNA, BERT, "Ik kom weinig buiten", "Fietsen naar de markt", "Bellen na de zomer"):
        for form in forms(text):
            assert form not in raw, text
    assert not Path(f"{sites.laptop}-wal").exists()


def test_remove_can_be_forced_and_then_the_laptop_can_take_along_again(sites):
    read_in(sites, take_along(sites))
    laptop_changes(sites)
    with sites.open_laptop() as lap:
        tf.remove_brought_along(lap, [sites.bert])  # Bert did not change: no force needed
        tf.remove_brought_along(lap, force=True)
        assert lap.search_patients("") == []
    plan, done = read_in(sites, take_along(sites, name="opnieuw.pgtransfer"))
    assert done.patients == 2 and done.new_consultations == 2


# --- refusals ---------------------------------------------------------------------------------


@pytest.fixture
def files(sites):
    """A take-along file read in on the laptop, a bring-back file, and a third practice."""
    take = take_along(sites)
    read_in(sites, take)
    laptop_changes(sites)
    back = bring_back(sites)
    (sites.folder / "ander").mkdir()
    other, _ = make_encrypted(sites.folder / "ander" / "ander.db")
    other.close()
    return take, back, sites.folder / "ander" / "ander.db"


def _craft(path: Path, version: int) -> bytes:
    data = bytearray(path.read_bytes())
    struct.pack_into(">H", data, len(tf.MAGIC), version)
    return bytes(data)


def _resealed(path: Path, change) -> bytes:
    """A validly encrypted file whose payload was changed (as a newer or another program might)."""
    payload = json.loads(tf.unseal(path.read_bytes(), TPW))
    change(payload)
    return tf.seal(json.dumps(payload).encode(), TPW, FAST_KDF)


def _set_score(payload):
    payload["patients"][0]["consultations"][0]["dimension_scores"]["meedoen"] = 11


def _newer_payload(payload):
    payload["transfer"]["version"] = tf.VERSION + 1


REFUSALS = {
    "wachtwoord": (lambda take, back: take.read_bytes(), "laptop", "verkeerde zin",
                   tf.WrongTransferPassphrase, "De transferwachtwoordzin klopt niet of het bestand is "
                                               "gewijzigd"),
    "afgekapt": (lambda take, back: take.read_bytes()[:-100], "laptop", TPW, tf.TransferDamaged,
                 "afgekapt"),
    "kop afgekapt": (lambda take, back: take.read_bytes()[:30], "laptop", TPW, tf.TransferDamaged,
                     "afgekapt"),
    "willekeurig": (lambda take, back: os.urandom(5000), "laptop", TPW, tf.NotATransferFile,
                    "geen transferbestand"),
    "leeg": (lambda take, back: b"", "laptop", TPW, tf.NotATransferFile, "geen transferbestand"),
    "nieuwere versie": (lambda take, back: _craft(take, tf.VERSION + 1), "laptop", TPW,
                        tf.NewerTransferVersion, "gemaakt met een nieuwere versie van pgdesk"),
    "nieuwere inhoud": (lambda take, back: _resealed(take, _newer_payload), "laptop", TPW,
                        tf.NewerTransferVersion, "nieuwere versie"),
    "vreemde inhoud": (lambda take, back: _resealed(take, _set_score), "laptop", TPW,
                       tf.TransferDamaged, "niet wat pgdesk verwacht"),
    "meenemen in eigen praktijk": (lambda take, back: take.read_bytes(), "praktijk", TPW,
                                   tf.WrongPractice, "uit deze database zelf"),
    "terugbrengen naar andere praktijk": (lambda take, back: back.read_bytes(), "ander", TPW,
                                          tf.WrongPractice, "bedoeld voor een andere praktijk"),
    "terugbrengen op de laptop": (lambda take, back: back.read_bytes(), "laptop", TPW,
                                  tf.WrongPractice, "op deze computer gemaakt"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refused_files_leave_both_databases_byte_for_byte_unchanged(sites, files, case):
    take, back, other = files
    make, where, passphrase, error, message = REFUSALS[case]
    bad = sites.files / "verdacht.pgtransfer"
    bad.write_bytes(make(take, back))
    before = files_state(sites.folder)
    with sites.open_practice() as p:
        rows = all_rows(p)  # on the server engine the practice is not among the files
    opened = {"laptop": sites.open_laptop, "praktijk": sites.open_practice,
              "ander": lambda: unlock(other)}[where]
    with opened() as store:
        with pytest.raises(error, match=message) as caught:
            tf.preview_transfer(store, bad, passphrase)
    assert str(caught.value).endswith(("Er is niets ingelezen.", "Er is niets ingelezen.)"))
    assert files_state(sites.folder) == before  # databases, keys, and no stray files
    with sites.open_practice() as p:
        assert all_rows(p) == rows


def test_a_plan_is_not_applied_when_the_database_changed_since_the_preview(sites, files):
    take, back, _ = files
    with sites.open_practice() as p:
        plan = tf.preview_transfer(p, back, TPW)
        p.set_plan_field(sites.c1, "when", "Straks")
        before = all_rows(p)
        with pytest.raises(tf.TransferChanged, match="opnieuw in"):
            tf.apply_transfer(p, plan)
        assert all_rows(p) == before
        plan = tf.preview_transfer(p, back, TPW)
    with sites.open_laptop() as lap:
        with pytest.raises(tf.TransferError, match="andere database"):
            tf.apply_transfer(lap, plan)
    with sites.open_practice() as p:
        tf.apply_transfer(p, plan)
        assert p.consultation(sites.c1).plan.when == "Straks"


def test_a_file_for_a_patient_already_here_in_another_way_is_refused(sites):
    take = take_along(sites)
    with sites.open_laptop() as lap:
        lap.add_patient("Eigen Patiënt", patient_id=sites.anna)
        before = all_rows(lap)
        with pytest.raises(tf.WrongPractice, match="niet met een meeneembestand"):
            tf.preview_transfer(lap, take, TPW)
        assert all_rows(lap) == before


def test_export_refusals_write_nothing(sites):
    read_in(sites, take_along(sites))
    with sites.open_practice() as p:
        before = all_rows(p)
        with pytest.raises(InputError, match="minstens 8"):
            tf.export_take_along(p, [sites.anna], "kort", sites.files / "x.pgtransfer")
        with pytest.raises(InputError, match="minstens één"):
            tf.export_take_along(p, [], TPW, sites.files / "x.pgtransfer")
        with pytest.raises(NotFound, match="bestaat niet"):
            tf.export_take_along(p, ["onbekend"], TPW, sites.files / "x.pgtransfer", params=FAST_KDF)
        if not sites.server:  # a server has no database file to write over
            with pytest.raises(InputError, match="database zelf"):
                tf.export_take_along(p, [sites.anna], TPW, sites.practice, params=FAST_KDF)
        with pytest.raises(StorageError, match="bestaat niet"):
            tf.export_take_along(p, [sites.anna], TPW, sites.files / "geen-map" / "x.pgtransfer",
                                 params=FAST_KDF)
        assert all_rows(p) == before
    with sites.open_laptop() as lap:
        with pytest.raises(InputError, match="zelf meegenomen"):
            tf.export_take_along(lap, [sites.anna], TPW, sites.files / "x.pgtransfer", params=FAST_KDF)
    assert sorted(p.name for p in sites.files.iterdir()) == ["mee.pgtransfer"]


# --- fuzzing: any changed byte, any truncation ------------------------------------------------


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    s = make_sites(folder / "sites")
    take = take_along(s)
    read_in(s, take)
    laptop_changes(s)
    back = bring_back(s)
    laptop, practice = s.open_laptop(), s.open_practice()
    rows = (all_rows(laptop), all_rows(practice))
    yield {"take": take.read_bytes(), "back": back.read_bytes(), "laptop": laptop,
           "practice": practice, "rows": rows, "work": folder / "werk"}
    laptop.close()
    practice.close()


def _refused(fuzz, data: bytes, which: str) -> None:
    store = fuzz["laptop"] if which == "take" else fuzz["practice"]
    fuzz["work"].mkdir(exist_ok=True)
    path = fuzz["work"] / "f.pgtransfer"
    path.write_bytes(data)
    try:
        with pytest.raises(tf.TransferError) as caught:
            tf.preview_transfer(store, path, TPW)
        assert "Er is niets" in str(caught.value) or "bestaat niet" in str(caught.value)
    finally:
        path.unlink()
    assert (all_rows(fuzz["laptop"]), all_rows(fuzz["practice"])) == fuzz["rows"]
    assert list(fuzz["work"].iterdir()) == []


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_flipped_byte_is_refused(fuzz, data):
    which = data.draw(st.sampled_from(["take", "back"]))
    original = fuzz[which]
    # Half of the draws aim at the clear header, where the structure is.
    pos = data.draw(st.one_of(st.integers(0, min(len(original) - 1, 400)),
                              st.integers(0, len(original) - 1)))
    flip = data.draw(st.integers(1, 255))
    changed = bytearray(original)
    changed[pos] ^= flip
    _refused(fuzz, bytes(changed), which)


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_truncation_or_extension_is_refused(fuzz, data):
    which = data.draw(st.sampled_from(["take", "back"]))
    original = fuzz[which]
    if data.draw(st.booleans()):
        changed = original[:data.draw(st.integers(0, len(original) - 1))]
    else:
        changed = original + data.draw(st.binary(min_size=1, max_size=64))
    _refused(fuzz, changed, which)


def test_the_untouched_fuzz_files_are_accepted(fuzz):
    """The control: the same files, unchanged, preview fine (so the refusals above mean something)."""
    path = fuzz["work"] / "ok.pgtransfer"
    fuzz["work"].mkdir(exist_ok=True)
    path.write_bytes(fuzz["back"])
    plan = tf.preview_transfer(fuzz["practice"], path, TPW)
    assert plan.new_consultations == 1
    path.unlink()


# --- the file's header, and the merge rule in isolation ---------------------------------------


def test_the_clear_header_holds_no_patient_data_and_is_authenticated(sites):
    data = take_along(sites).read_bytes()
    magic, version, head_len = struct.unpack_from(">16sHI", data)
    assert (magic, version) == (tf.MAGIC, 2)
    header = json.loads(data[22:22 + head_len])
    assert set(header) == {"format", "version", "cipher", "compression", "kdf", "nonce", "length"}
    assert header["kdf"]["memory_kib"] == FAST_KDF.memory_kib
    assert len(base64.b64decode(header["kdf"]["salt"])) == 16
    assert len(data) == 22 + head_len + header["length"]
    # A header changed into something still well-formed (more KDF iterations) is detected.
    header["kdf"]["iterations"] = 2
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    forged = struct.pack(">16sHI", tf.MAGIC, 2, len(head)) + head + data[22 + head_len:]
    with pytest.raises(tf.WrongTransferPassphrase):
        tf.unseal(forged, TPW)
    assert json.loads(tf.unseal(data, TPW))["transfer"]["kind"] == "take-along"


def test_decide_follows_the_documented_rules():
    assert decide(None, None, "i") == "new"
    assert decide("b", "b", "b") == "same"
    assert decide("b", "b", "i") == "take"
    assert decide("b", "l", "b") == "keep"
    assert decide("b", "l", "i") == "conflict"
    assert decide("b", "x", "x") == "same"
    assert decide(None, "l", "i") == "conflict"
    assert decide("b", None, "b") == "stays_deleted"
    assert decide("b", None, "i") == "restore"
    v = Version.of({"plan:goal": "Wandelen"})
    assert not v.field_changed("plan:goal", "Wandelen") and v.field_changed("plan:goal", "Fietsen")
    assert v.field_changed("wheel:nu", "iets") and not v.field_changed("wheel:nu", None)


# --- the command line -------------------------------------------------------------------------


def test_command_line_round_trip_with_passphrases_on_stdin(sites):
    creds = f"{PASSPHRASE}\n{TPW}\n"
    at_practice = sites.practice_args()
    practice_creds = f"{sites.practice_creds()}{TPW}\n"
    take = sites.files / "cli-mee.pgtransfer"
    r = pgdesk("transfer", "out", *at_practice, "--patients", f"{sites.anna},{sites.bert}",
               "--out", str(take), input=practice_creds)
    assert r.returncode == 0, r.stderr
    assert "2 patiënten" in r.stdout and take.exists()

    before = files_state(sites.folder / "laptop")
    r = pgdesk("transfer", "in", "--db", str(sites.laptop), "--user", USER, str(take), input=creds)
    assert r.returncode == 0, r.stderr
    assert "2 nieuwe gesprekken" in r.stdout and "niets ingelezen" in r.stdout
    assert files_state(sites.folder / "laptop") == before

    r = pgdesk("transfer", "in", "--db", str(sites.laptop), "--user", USER, str(take),
               input=f"{PASSPHRASE}\nverkeerde zin\n")
    assert r.returncode == 2 and "klopt niet of het bestand is gewijzigd" in r.stderr
    assert files_state(sites.folder / "laptop") == before

    r = pgdesk("transfer", "in", "--db", str(sites.laptop), "--user", USER, str(take), "--yes",
               input=creds)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Ingelezen.")

    laptop_changes(sites)
    with sites.open_practice() as p:
        p.set_wheel_answer(sites.c1, "nu", "Praktijk: tussendoor gebeld.")
    back = sites.files / "cli-terug.pgtransfer"
    r = pgdesk("transfer", "back", "--db", str(sites.laptop), "--user", USER, "--out", str(back),
               input=creds)
    assert r.returncode == 0, r.stderr
    r = pgdesk("transfer", "in", *at_practice, str(back), "--yes", input=practice_creds)
    assert r.returncode == 0, r.stderr
    assert "1 nieuw gesprek" in r.stdout and "1 conflict (aan beide kanten gewijzigd)" in r.stdout
    assert "beide versies bewaren" in r.stdout
    with sites.open_practice() as p:
        answers, goals = answers_and_goals(p, sites.anna)
        assert "Praktijk: tussendoor gebeld." in answers and "Fietsen naar de markt" in goals

    r = pgdesk("transfer", "clear", "--db", str(sites.laptop), "--user", USER, input=creds)
    assert r.returncode == 0 and ANNA in r.stdout and "niets verwijderd" in r.stdout
    r = pgdesk("transfer", "clear", "--db", str(sites.laptop), "--user", USER, "--yes", input=creds)
    assert r.returncode == 0, r.stderr
    assert "2 meegenomen patiënten" in r.stdout
    with sites.open_laptop() as lap:
        assert lap.search_patients("") == []

    r = pgdesk("transfer", "in", *at_practice, str(take), input=practice_creds)
    assert r.returncode == 2 and "uit deze database zelf" in r.stderr
