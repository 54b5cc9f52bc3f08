"""Numbered schema migrations (sqlite-utils Migrations); each one runs all-or-nothing."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlite_utils import Database, Migrations

from pgdesk.domain.trajectory import TrajectoryDefaults
from pgdesk.storage import follow_ups

migrations = Migrations("pgdesk")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["professionals"].create(
        {"id": str, "name": str, "role": str, "created_at": str}, pk="id", not_null={"name", "role"}
    )
    db["patients"].create(
        {"id": str, "display_name": str, "birth_date": str, "practice_number": str,
         "search_name": str, "created_at": str, "updated_at": str},
        pk="id", not_null={"display_name"},
    )
    db["patients"].create_index(["practice_number"])
    # search_name is the display name in NFKC form (the ligature Ĳ becomes IJ), so what
    # people type on any keyboard finds the patient.
    db["patients"].enable_fts(
        ["search_name", "practice_number"], create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db["consultations"].create(
        {"id": str, "patient_id": str, "professional_id": str, "date": str, "type": str,
         "step": str, "wheel_index": int, "created_at": str, "updated_at": str,
         "completed_at": str},
        pk="id", not_null={"patient_id", "date", "type"},
        foreign_keys=[("patient_id", "patients", "id"), ("professional_id", "professionals", "id")],
        defaults={"step": "web", "wheel_index": 0},
    )
    db["consultations"].create_index(["patient_id", "date"])
    fk = [("consultation_id", "consultations", "id")]
    db["dimension_scores"].create(
        {"consultation_id": str, "dimension_id": str, "score": int},
        pk=("consultation_id", "dimension_id"), foreign_keys=fk,
    )
    db["aspect_scores"].create(
        {"consultation_id": str, "dimension_id": str, "aspect_id": str, "score": int},
        pk=("consultation_id", "dimension_id", "aspect_id"), foreign_keys=fk,
    )
    # "hier wil ik over praten" (kind='talk') and the chosen focus (kind='focus');
    # aspect_id '' marks the whole dimension.
    db["marks"].create(
        {"consultation_id": str, "kind": str, "dimension_id": str, "aspect_id": str},
        pk=("consultation_id", "kind", "dimension_id", "aspect_id"), foreign_keys=fk,
    )
    db["wheel_answers"].create(
        {"consultation_id": str, "step_id": str, "answer": str},
        pk=("consultation_id", "step_id"), foreign_keys=fk,
    )
    db["plans"].create(
        {"consultation_id": str, "goal": str, "first_step": str, "helper": str, "when": str,
         "next_appointment": str},
        pk="consultation_id", foreign_keys=fk,
    )


@migrations(name="0002_access_log")
def m0002_access_log(db: Database) -> None:
    from pgdesk.storage.access_log import create_table

    create_table(db)


# Trajectory ids made by the backfill are derived from their start conversation's id, so the
# same data always gives the same trajectories.
BACKFILL_NAMESPACE = uuid.UUID("5f1c2d8e-7a43-4b6e-9d0a-3e2b1c4f5a60")


@migrations(name="0003_trajectories")
def m0003_trajectories(db: Database) -> None:
    """A trajectory groups a start with its tussen and eind; `los` conversations have none.

    No foreign key on start_consultation_id: the two tables would point at each other,
    and deleting a lone start would need deferred constraints.
    """
    db["trajectories"].create(
        {"id": str, "patient_id": str, "start_consultation_id": str, "start_date": str,
         "tussen_planned": str, "eind_planned": str, "closed_at": str, "created_at": str,
         "updated_at": str},
        pk="id", not_null={"patient_id", "start_date", "tussen_planned", "eind_planned"},
        foreign_keys=[("patient_id", "patients", "id")],
    )
    db["trajectories"].create_index(["patient_id", "start_date"])
    db.execute("ALTER TABLE consultations ADD COLUMN trajectory_id TEXT REFERENCES trajectories(id)")
    db["consultations"].create_index(["trajectory_id"])
    backfill_trajectories(db)


def backfill_trajectories(db: Database) -> None:
    """Group existing conversations: per patient in date order a `start` opens a trajectory
    (closing one still open), a following `tussen` and `eind` attach to it, and an `eind`
    closes it on the day it was completed (or its date). A follow-up with no open
    trajectory, or a second one of its kind, stays unattached. Planned dates follow the
    defaults."""
    settings = dict(db.execute("SELECT key, value FROM settings WHERE key IN "
                               "('trajectory_tussen_days', 'trajectory_eind_days')").fetchall())
    defaults = TrajectoryDefaults(int(settings.get("trajectory_tussen_days", 91)),
                                  int(settings.get("trajectory_eind_days", 182)))
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = db.execute(
        "SELECT id, patient_id, date, type, created_at, completed_at FROM consultations "
        "ORDER BY patient_id, date, created_at, id").fetchall()
    open_by_patient: dict[str, dict] = {}
    for cid, patient_id, date, ctype, created_at, completed_at in rows:
        current = open_by_patient.get(patient_id)
        if ctype == "start":
            if current:
                db.execute("UPDATE trajectories SET closed_at = ? WHERE id = ?", [date, current["id"]])
            tid = str(uuid.uuid5(BACKFILL_NAMESPACE, f"trajectory/{cid}"))
            planned = defaults.planned(date)
            db.execute(
                "INSERT INTO trajectories (id, patient_id, start_consultation_id, start_date, "
                "tussen_planned, eind_planned, closed_at, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                [tid, patient_id, cid, date, planned["tussen"], planned["eind"],
                 created_at or stamp, stamp])
            db.execute("UPDATE consultations SET trajectory_id = ? WHERE id = ?", [tid, cid])
            open_by_patient[patient_id] = {"id": tid, "held": set()}
        elif ctype in ("tussen", "eind") and current and ctype not in current["held"]:
            db.execute("UPDATE consultations SET trajectory_id = ? WHERE id = ?", [current["id"], cid])
            current["held"].add(ctype)
            if ctype == "eind":
                db.execute("UPDATE trajectories SET closed_at = ? WHERE id = ?",
                           [(completed_at or date)[:10], current["id"]])
                del open_by_patient[patient_id]


@migrations(name="0004_sociale_kaart")
def m0004_sociale_kaart(db: Database) -> None:
    """The sociale kaart (services), referrals made in conversations, and per patient the
    language and paper size of the handout.

    Services are never deleted, only marked (deleted_at), and a referral keeps a JSON copy of
    its service as it was (service_snapshot), so old conversations stay readable.
    followed_up_in is the later conversation in which a referral's status was last changed
    (no foreign key: deleting that conversation must not touch the referral).
    """
    db.execute("""
        CREATE TABLE services (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            organisation TEXT NOT NULL DEFAULT '',
            offer TEXT NOT NULL DEFAULT '',
            dimensions TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            referral_route TEXT NOT NULL DEFAULT ''
                CHECK (referral_route IN ('', 'zelf', 'huisarts', 'gemeente', 'anders')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )""")
    db.execute("CREATE INDEX idx_services_name ON services (name COLLATE NOCASE)")
    db.execute("""
        CREATE TABLE referrals (
            id TEXT PRIMARY KEY,
            consultation_id TEXT NOT NULL REFERENCES consultations(id),
            patient_id TEXT NOT NULL REFERENCES patients(id),
            service_id TEXT REFERENCES services(id),
            service_snapshot TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'voorgesteld' CHECK (status IN
                ('voorgesteld', 'verwezen', 'gestart', 'afgerond', 'niet_doorgegaan')),
            note TEXT NOT NULL DEFAULT '',
            followed_up_in TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX idx_referrals_consultation ON referrals (consultation_id)")
    db.execute("CREATE INDEX idx_referrals_patient ON referrals (patient_id, status)")
    db.execute("ALTER TABLE patients ADD COLUMN handout_lang TEXT "
               "CHECK (handout_lang IS NULL OR handout_lang IN ('nl', 'en'))")
    db.execute("ALTER TABLE patients ADD COLUMN handout_paper TEXT "
               "CHECK (handout_paper IS NULL OR handout_paper IN ('A4', 'A5'))")


@migrations(name="0005_transfer")
def m0005_transfer(db: Database) -> None:
    """Taking patients along on a laptop and bringing them back (storage/transfer.py).

    brought_along: on the laptop, the patients imported from a take-along file, with the
    practice they came from. transfer_base: per record of those patients the digests of the
    version taken along (never its content), to find what changed since. transfers: which
    transfer files this database wrote or read (ids and counts only). consultations.conflict_of:
    a conversation kept as the second version of one changed on both sides.

    No foreign keys to patients: erasing a patient must not be blocked; the trigger clears the
    markers and digests of an erased patient with it.
    """
    db.execute("""
        CREATE TABLE brought_along (
            patient_id TEXT PRIMARY KEY,
            transfer_id TEXT NOT NULL,
            origin_db_id TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            brought_back_at TEXT,
            brought_back_digest TEXT
        )""")
    db.execute("""
        CREATE TABLE transfer_base (
            kind TEXT NOT NULL CHECK (kind IN ('patient', 'trajectory', 'consultation')),
            record_id TEXT NOT NULL,
            patient_id TEXT NOT NULL,
            digest TEXT NOT NULL,
            fields TEXT NOT NULL,
            updated_at TEXT,
            PRIMARY KEY (kind, record_id)
        )""")
    db.execute("CREATE INDEX idx_transfer_base_patient ON transfer_base (patient_id)")
    db.execute("""
        CREATE TABLE transfers (
            id TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
            kind TEXT NOT NULL CHECK (kind IN ('take-along', 'bring-back')),
            origin_db_id TEXT NOT NULL,
            at TEXT NOT NULL,
            patients INTEGER NOT NULL,
            PRIMARY KEY (id, direction)
        )""")
    db.execute("ALTER TABLE consultations ADD COLUMN conflict_of TEXT")
    db.execute("""
        CREATE TRIGGER brought_along_erased AFTER DELETE ON patients BEGIN
            DELETE FROM brought_along WHERE patient_id = OLD.id;
            DELETE FROM transfer_base WHERE patient_id = OLD.id;
        END""")


@migrations(name="0006_practice_details")
def m0006_practice_details(db: Database) -> None:
    """The practice's name, phone number and website for every handout and blank web (one row,
    id 1), and per patient whether the end handout says in words what changed (1, the default)
    or leaves that out (0), as the professional last chose for this patient."""
    db.execute("""
        CREATE TABLE practice (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            updated_at TEXT
        )""")
    # a name typed into the older setting carries over
    db.execute("INSERT INTO practice (id, name) VALUES (1, COALESCE((SELECT value FROM settings "
               "WHERE key = 'practice_name'), ''))")
    db.execute("ALTER TABLE patients ADD COLUMN handout_changes INTEGER NOT NULL DEFAULT 1 "
               "CHECK (handout_changes IN (0, 1))")


@migrations(name="0007_practice_scale_indexes")
def m0007_practice_scale_indexes(db: Database) -> None:
    """Indexes for what grows with the practice (issue 16). The start page's list of who is due
    reads only running trajectories whose next planned date has come near (partial indexes that
    hold every column it reads) and checks which follow-ups were held from an index alone; the
    overview and the evaluation export read each conversation's scores from an index alone."""
    for ctype in ("tussen", "eind"):
        db.execute(f"CREATE INDEX trajectories_open_{ctype} ON trajectories "
                   f"({ctype}_planned, closed_at, id, patient_id) WHERE closed_at IS NULL")
    db.execute("CREATE INDEX consultations_trajectory_type ON consultations (trajectory_id, type)")
    db.execute("CREATE INDEX dimension_scores_covering ON dimension_scores "
               "(consultation_id, dimension_id, score)")
    db.execute("CREATE INDEX aspect_scores_covering ON aspect_scores "
               "(consultation_id, dimension_id, aspect_id, score)")


@migrations(name="0008_next_follow_up")
def m0008_next_follow_up(db: Database) -> None:
    """Each trajectory's next follow-up beside it (storage/follow_ups.py keeps it), so the due
    list reads one range of one index that holds every column it needs (issue 16); the two
    per-type indexes of 0007 served only the due list's earlier query."""
    for ctype in ("tussen", "eind"):
        db.execute(f"DROP INDEX IF EXISTS trajectories_open_{ctype}")
    db.execute("ALTER TABLE trajectories ADD COLUMN next_type TEXT")
    db.execute("ALTER TABLE trajectories ADD COLUMN next_planned TEXT")
    db.execute("CREATE INDEX trajectories_next_planned ON trajectories "
               "(next_planned, patient_id, id, next_type) WHERE next_planned IS NOT NULL")
    follow_ups.refresh(db)


@migrations(name="0009_rooms")
def m0009_rooms(db: Database) -> None:
    """Several rooms on one practice database (issue 13). answer_versions: per answer of a
    conversation (field as in the access log: "wheel:wish", "plan:goal", "score:meedoen", ...)
    a number raised by every write, so a write from a screen that saw an older number is
    refused instead of overwriting another room's newer text (storage/versions.py), and who
    wrote it last, in which room. consultation_claims: which open pgdesk (holder) edits a
    conversation now, with its heartbeat; another room opens it read-only unless it takes it
    over (storage/claims.py)."""
    db.execute("""
        CREATE TABLE answer_versions (
            consultation_id TEXT NOT NULL REFERENCES consultations(id),
            field TEXT NOT NULL,
            version INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            room TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (consultation_id, field)
        )""")
    db.execute("""
        CREATE TABLE consultation_claims (
            consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
            holder TEXT NOT NULL,
            who TEXT NOT NULL,
            professional_id TEXT,
            room TEXT NOT NULL,
            since TEXT NOT NULL,
            heartbeat TEXT NOT NULL
        )""")





@migrations(name="0010_patient_answers")
def m0010_patient_answers(db: Database) -> None:
    """What the patient filled in themselves in the patient mode (issue 17), kept beside the
    conversation's own tables, which hold what was agreed in the consult: a changed number keeps
    both. kind 'aspect' (score NULL: "weet ik niet"), 'talk' (a mark the patient set) or
    'important' (answer: "Wat is voor u nu het belangrijkst?"). patient_mode_runs: the screen the
    patient was on, so a crash or power cut reopens the mode there (ended_at NULL: still open) on
    the same workstation, never one the waiting-room kiosk (kiosk = 1) left open.
    patient_invitations: the waiting-room kiosk's one-time codes (only their SHA-256), valid on
    one day and used once. Plain portable SQL: the PostgreSQL engine mirrors it."""
    db.execute("""
        CREATE TABLE patient_answers (
            consultation_id TEXT NOT NULL REFERENCES consultations(id),
            kind TEXT NOT NULL CHECK (kind IN ('aspect', 'talk', 'important')),
            dimension_id TEXT NOT NULL DEFAULT '',
            aspect_id TEXT NOT NULL DEFAULT '',
            score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
            answer TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (consultation_id, kind, dimension_id, aspect_id)
        )""")
    db.execute("""
        CREATE TABLE patient_mode_runs (
            consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
            screen INTEGER NOT NULL DEFAULT 0,
            workstation TEXT NOT NULL DEFAULT '',
            kiosk INTEGER NOT NULL DEFAULT 0 CHECK (kiosk IN (0, 1)),
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT
        )""")
    db.execute("CREATE INDEX patient_mode_runs_open ON patient_mode_runs (ended_at, updated_at)")
    db.execute("""
        CREATE TABLE patient_invitations (
            code_hash TEXT PRIMARY KEY,
            consultation_id TEXT NOT NULL REFERENCES consultations(id),
            created_at TEXT NOT NULL,
            valid_on TEXT NOT NULL,
            used_at TEXT
        )""")
    db.execute("CREATE INDEX patient_invitations_consultation ON patient_invitations "
               "(consultation_id)")


@migrations(name="0011_variants")
def m0011_variants(db: Database) -> None:
    """Per patient: the instrument variant ('volwassenen', 'eenvoudig', 'jongeren', 'kind' or a
    practice's own; checked in code, since a practice may add one), the handout language from
    the longer list (nl, nl-eenvoudig, en, tr, ar, pl, uk; handout_lang's CHECK allows only nl and
    en and a CHECK cannot be changed portably, so a new column takes over, starting from the old
    value) and whether the handout is printed in large letters. Per conversation: who else was
    there ('naaste', 'tolk', 'namens', comma-separated; '' for no one)."""
    db.execute("ALTER TABLE patients ADD COLUMN instrument_variant TEXT NOT NULL "
               "DEFAULT 'volwassenen'")
    db.execute("ALTER TABLE patients ADD COLUMN handout_language TEXT")
    db.execute("UPDATE patients SET handout_language = handout_lang")
    db.execute("ALTER TABLE patients ADD COLUMN handout_large_print INTEGER NOT NULL DEFAULT 0 "
               "CHECK (handout_large_print IN (0, 1))")
    db.execute("ALTER TABLE consultations ADD COLUMN present TEXT NOT NULL DEFAULT ''")


@migrations(name="0013_overview_period_indexes")
def m0013_overview_period_indexes(db: Database) -> None:
    """The practice overview reads the last twelve months, not every conversation (issue 16):
    conversations by date with what it counts (role, completed), and eind conversations by
    date with their trajectory, both from an index alone."""
    db.execute("CREATE INDEX consultations_period ON consultations "
               "(date, professional_id, completed_at, id)")
    db.execute("CREATE INDEX consultations_type_date ON consultations "
               "(type, date, trajectory_id, id)")


@migrations(name="0014_taken_along")
def m0014_taken_along(db: Database) -> None:
    """At the practice: which patients are on a laptop for a home visit now, so that every room
    sees "meegenomen op laptop X sinds …" until their bring-back is read (issue 13). `laptop`
    is the name given at the take-along ('' when none was given), `taken_by` who made it."""
    db.execute("""
        CREATE TABLE taken_along (
            patient_id TEXT PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
            transfer_id TEXT NOT NULL,
            laptop TEXT NOT NULL,
            taken_by TEXT NOT NULL,
            taken_at TEXT NOT NULL
        )""")


@migrations(name="0015_search")
def m0015_search(db: Database) -> None:
    """The patient list without a search text, and after each clearing of the search field,
    reads the first names in order from an index instead of sorting every patient (issue 16)."""
    db.execute("CREATE INDEX patients_name ON patients (display_name COLLATE NOCASE)")


@migrations(name="0016_search_prefixes")
def m0016_search_prefixes(db: Database) -> None:
    """The first one to three letters or digits of a word typed into the search ("1", "de v")
    read prefix indexes of the full-text table, instead of merging the entries of every word
    that starts so: 10 ms for "1" at 50,000 patients, 0.2 ms with them (issue 16). The index is
    made again from the patients (the triggers that keep it stay as they are)."""
    db.execute("DROP TABLE patients_fts")
    db.execute("""CREATE VIRTUAL TABLE "patients_fts" USING FTS5 (
    "search_name", "practice_number",
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3',
    content="patients"
)""")
    db.execute("INSERT INTO patients_fts (patients_fts) VALUES ('rebuild')")


@migrations(name="0017_search_words")
def m0017_search_words(db: Database) -> None:
    """The server's search gets a table of the patients' words (issue 13: a prefix typed reads
    a range of a btree there, not every match of a GIN index). The file's full-text table with
    its prefix indexes (0016) already reads only the matches it keeps: nothing to change here;
    the migration keeps both engines' versions in step (server migrate compares them)."""


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]
