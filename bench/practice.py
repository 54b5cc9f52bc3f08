"""Practices for the benchmarks: 1,000, 10,000 or 50,000 fictitious patients, as a practice
has them. Two in three have a finished trajectory (start, tussen, eind), one in three a running
one (start, or start and tussen, planned around today), each conversation with scores, wheel
answers, a plan and focus marks; the access log holds six lines per conversation (a real chain).

pgdesk's own Store creates the schema (its migrations); the rows then go in with bulk
inserts in one transaction. The result is cached in bench/.cache (or PGDESK_BENCH_CACHE, e.g. a
folder outside the worktree that several checkouts share), named after the schema (the migration
names) so that a schema change makes a new one. A plain and an encrypted
copy (SQLCipher, with a keyring using the fast test KDF) are made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sys
import time
import unicodedata
import uuid
from pathlib import Path

CACHE = Path(os.environ.get("PGDESK_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
PATIENTS = 50_000
CONVERSATIONS = ("start", "tussen", "eind")
SIZES = (1_000, 10_000, 50_000)
GENERATOR = 2  # bump when the generated content changes
USER = "Bench Huisarts"
PASSPHRASE = "bench-wachtwoord-50k"

FIRST = (
    "Jan Johan Jannie Janneke Joris Jeroen Jasper Jesse Julia Julian Jolanda Joke Jacob Jens "
    "Anna Anne Annemiek Bart Bas Bram Carla Chloë Daan Dirk Eva Emma Esther Femke Floor Frank "
    "Gerrit Hanna Hendrik Henk Ilse Inge IJsbrand Karin Kees Lars Lieke Lotte Maarten Marieke "
    "Mark Noor Noah Pieter Petra Ruben Sanne Sem Sophie Thijs Tim Wim Willemijn Zoë Ünal Yusuf"
).split()
PREFIX = ("", "", "", "", "de ", "van ", "van der ", "van den ", "ter ", "El ")
LAST = (
    "Jansen Janssen Jansma Janszen Jacobs Jonker Joosten de Jong Bakker Visser Smit Meijer "
    "Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits Kok Wouters Verbeek Vermeulen "
    "Boer Willems Hoekstra Koster Prins Huisman Peeters Kuipers Veenstra Kramer Schouten Post "
    "Vink Martens Bosch Wijnands IJzerman Öztürk Yılmaz Haddou Bouzid Nguyen Pinas Sedney"
).split()


def schema_tag(patients: int = PATIENTS) -> str:
    from pgdesk.storage.migrations import known_names

    text = "|".join(known_names()) + f"|{GENERATOR}|{patients}"
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def cache_path(encrypted: bool, patients: int = PATIENTS) -> Path:
    return CACHE / (f"praktijk-{patients}-{schema_tag(patients)}"
                    f"{'-versleuteld' if encrypted else ''}.sqlite")


def open_store(path: Path, encrypted: bool):
    from pgdesk.storage.repository import Store

    if encrypted:
        from pgdesk.storage.vault import unlock

        return unlock(path, USER, PASSPHRASE, min_seconds=0)
    return Store.open(path)


def ensure(encrypted: bool, log=print, patients: int = PATIENTS) -> Path:
    """The cached database, generated first when missing."""
    path = cache_path(encrypted, patients)
    keys = path.with_name(path.name + ".keys")
    if path.exists() and (keys.exists() or not encrypted):
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"praktijk-{patients}-*"):  # made for an older schema
        if schema_tag(patients) not in old.name:
            old.unlink()
    part = path.with_name(path.name + ".part")
    part_keys = part.with_name(part.name + ".keys")
    for leftover in part.parent.glob(part.name + "*"):  # an interrupted earlier attempt
        leftover.unlink(missing_ok=True)
    started = time.monotonic()
    log(f"  generating {patients:,} patients with up to {len(CONVERSATIONS)} conversations "
        f"({'encrypted' if encrypted else 'plain'}) in {path} …")
    if encrypted:
        from pgdesk.storage.keyring import FAST_KDF
        from pgdesk.storage.vault import init_encrypted

        store, _code = init_encrypted(part, name=USER, role="huisarts", passphrase=PASSPHRASE,
                                      params=FAST_KDF)
        pro_id = store.current_professional().id
    else:
        from pgdesk.storage.repository import Store

        store = Store.open(part)
        pro_id = store.add_professional(USER, "huisarts").id
        store.set_current_professional(pro_id)
    with store:
        fill(store, pro_id, patients)
    if encrypted:
        part_keys.rename(keys)
    part.rename(path)
    for leftover in part.parent.glob(part.name + "*"):  # the lock file
        leftover.unlink(missing_ok=True)
    log(f"  … done in {time.monotonic() - started:.0f} s")
    return path


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def fill(store, pro_id: str, count: int = PATIENTS) -> None:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage import access_log, follow_ups, migrations

    instrument = shipped_instrument("nl")
    dims = [d.id for d in instrument.dimensions]
    steps = [w.id for w in instrument.wheel]
    rng = random.Random(count)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    today = dt.date.today()
    patients, consultations, scores, plans, answers, marks, log = [], [], [], [], [], [], []
    for i in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(PREFIX)}{rng.choice(LAST)}"
        pid = _uuid(rng)
        birth = dt.date(rng.randint(1930, 2008), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        patients.append((pid, name, birth, str(100_000 + i), unicodedata.normalize("NFKC", name),
                         stamp, stamp))
        running = i % 3 == 0
        if running:  # started in the last half year: its tussen or eind falls around today
            start = today - dt.timedelta(days=rng.randint(60, 190))
            held = CONVERSATIONS[:1 + (today - start).days // 91]
        else:
            start = today - dt.timedelta(days=rng.randint(200, 3000))
            held = CONVERSATIONS
        for k, ctype in enumerate(held):
            cid = _uuid(rng)
            date = (start + dt.timedelta(days=91 * k)).isoformat()
            done = stamp if not (running and k == len(held) - 1 and ctype == "eind") else None
            consultations.append((cid, pid, pro_id, date, ctype, "summary", 0, stamp, stamp, done))
            scores.extend((cid, d, rng.randint(2, 10)) for d in dims)
            answers.extend((cid, s, "Weer de hele dag kunnen wandelen met de hond")
                           for s in steps)
            marks.extend((cid, "focus", d, "") for d in rng.sample(dims, 2))
            plans.append((cid, "Elke dag een half uur wandelen", "Morgen na de lunch de eerste keer",
                          "Mijn buurvrouw", "Morgen", ""))
            log.extend((pid, a, w) for a, w in (("C", "consultation"), ("R", "record"),
                                                ("U", f"score:{dims[0]}"), ("U", "wheel:1"),
                                                ("U", "plan:goal"), ("E", "handout")))
    conn = store.db.conn
    conn.execute("BEGIN")
    try:
        conn.executemany(
            "INSERT INTO patients (id, display_name, birth_date, practice_number, search_name, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", patients)
        conn.executemany(
            "INSERT INTO consultations (id, patient_id, professional_id, date, type, step, "
            "wheel_index, created_at, updated_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            consultations)
        conn.executemany(
            "INSERT INTO dimension_scores (consultation_id, dimension_id, score) VALUES (?, ?, ?)",
            scores)
        conn.executemany(
            "INSERT INTO wheel_answers (consultation_id, step_id, answer) VALUES (?, ?, ?)", answers)
        conn.executemany("INSERT INTO marks VALUES (?, ?, ?, ?)", marks)
        conn.executemany(
            'INSERT INTO plans (consultation_id, goal, first_step, helper, "when", next_appointment) '
            "VALUES (?, ?, ?, ?, ?, ?)", plans)
        _append_log(conn, access_log, pro_id, log)
        # Conversations belong to trajectories (start, tussen, eind) where the schema has them;
        # pgdesk's own backfill groups them exactly as the app would (an eind closes one).
        backfill = getattr(migrations, "backfill_trajectories", None)
        if backfill is not None and "trajectories" in store.db.table_names():
            backfill(store.db)
            follow_ups.refresh(store.db)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _append_log(conn, access_log, pro_id: str, lines) -> None:
    """Access-log lines with a valid hash chain, after those the set-up wrote."""
    last = conn.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0], last[1]) if last else (0, access_log.GENESIS)
    at = access_log.utc_now()
    rows = []
    for patient_id, action, what in lines:
        seq += 1
        line = {"seq": seq, "at": at, "user": USER, "professional_id": pro_id,
                "workstation": "bench", "patient_id": patient_id, "action": action, "what": what}
        digest = access_log.line_hash(prev, line)
        rows.append([line[f] for f in access_log.FIELDS] + [prev, digest])
        prev = digest
    conn.executemany(
        "INSERT INTO access_log (seq, at, user, professional_id, workstation, patient_id, action, "
        "what, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or SIZES:
        print(ensure(True, patients=n))
    sys.exit(0)
