"""A large practice for the search and memory benchmarks: 50,000 fictitious patients with
three conversations each (start, tussen, eind, with scores and a plan).

pgdesk's own Store creates the schema (its migrations); the rows then go in with bulk
inserts in one transaction. The result is cached in bench/.cache, named after the schema
(the migration names) so that a schema change makes a new one. A plain and an encrypted
copy (SQLCipher, with a keyring using the fast test KDF) are made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
import time
import unicodedata
import uuid
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
PATIENTS = 50_000
CONVERSATIONS = ("start", "tussen", "eind")
GENERATOR = 1  # bump when the generated content changes
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


def schema_tag() -> str:
    from pgdesk.storage.migrations import known_names

    text = "|".join(known_names()) + f"|{GENERATOR}|{PATIENTS}"
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def cache_path(encrypted: bool) -> Path:
    return CACHE / f"praktijk-{PATIENTS}-{schema_tag()}{'-versleuteld' if encrypted else ''}.sqlite"


def open_store(path: Path, encrypted: bool):
    from pgdesk.storage.repository import Store

    if encrypted:
        from pgdesk.storage.vault import unlock

        return unlock(path, USER, PASSPHRASE, min_seconds=0)
    return Store.open(path)


def ensure(encrypted: bool, log=print) -> Path:
    """The cached database, generated first when missing."""
    path = cache_path(encrypted)
    keys = path.with_name(path.name + ".keys")
    if path.exists() and (keys.exists() or not encrypted):
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"praktijk-{PATIENTS}-*"):  # made for an older schema
        if schema_tag() not in old.name:
            old.unlink()
    part = path.with_name(path.name + ".part")
    part_keys = part.with_name(part.name + ".keys")
    for leftover in part.parent.glob(part.name + "*"):  # an interrupted earlier attempt
        leftover.unlink(missing_ok=True)
    started = time.monotonic()
    log(f"  generating {PATIENTS:,} patients x {len(CONVERSATIONS)} conversations "
        f"({'encrypted' if encrypted else 'plain'}) in {path.relative_to(CACHE.parent.parent)} …")
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
        fill(store, pro_id)
    if encrypted:
        part_keys.rename(keys)
    part.rename(path)
    for leftover in part.parent.glob(part.name + "*"):  # the lock file
        leftover.unlink(missing_ok=True)
    log(f"  … done in {time.monotonic() - started:.0f} s")
    return path


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def fill(store, pro_id: str) -> None:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage import migrations

    dims = [d.id for d in shipped_instrument("nl").dimensions]
    rng = random.Random(50_000)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    today = dt.date.today()
    patients, consultations, scores, plans = [], [], [], []
    for i in range(PATIENTS):
        name = f"{rng.choice(FIRST)} {rng.choice(PREFIX)}{rng.choice(LAST)}"
        pid = _uuid(rng)
        birth = dt.date(rng.randint(1930, 2008), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        patients.append((pid, name, birth, str(100_000 + i), unicodedata.normalize("NFKC", name),
                         stamp, stamp))
        start = today - dt.timedelta(days=rng.randint(200, 3000))
        for k, ctype in enumerate(CONVERSATIONS):
            cid = _uuid(rng)
            date = (start + dt.timedelta(days=91 * k)).isoformat()
            consultations.append((cid, pid, pro_id, date, ctype, "summary", 0, stamp, stamp, stamp))
            scores.extend((cid, d, rng.randint(2, 10)) for d in dims)
            plans.append((cid, "Elke dag een half uur wandelen", "Morgen na de lunch de eerste keer",
                          "Mijn buurvrouw", "Morgen", ""))
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
            'INSERT INTO plans (consultation_id, goal, first_step, helper, "when", next_appointment) '
            "VALUES (?, ?, ?, ?, ?, ?)", plans)
        # Conversations belong to trajectories (start, tussen, eind) where the schema has them;
        # pgdesk's own backfill groups them exactly as the app would.
        backfill = getattr(migrations, "backfill_trajectories", None)
        if backfill is not None and "trajectories" in store.db.table_names():
            backfill(store.db)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


if __name__ == "__main__":
    for enc in (False, True):
        print(ensure(enc))
    sys.exit(0)
