"""A demo database of about twenty fictitious patients, so a newcomer sees a living app.

All names, numbers and answers are invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.models import Consultation, Plan
from pgdesk.domain.practice import PracticeDetails
from pgdesk.storage.database import acquire_lock
from pgdesk.storage.practice import set_practice_details
from pgdesk.storage.repository import Store

if TYPE_CHECKING:  # the key library (cryptography) is for the encrypted demo only
    from pgdesk.storage.keyring import KdfParams

FIRST = ["Anouk", "Bram", "Chantal", "Daan", "Esra", "Fenna", "Gerrit", "Hatice", "Ingrid",
         "Joost", "Karim", "Lotte", "Mehmet", "Noor", "Okke", "Petra", "Rik", "Saskia",
         "Teun", "Zoë", "Wim", "Yara"]
LAST = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Smits", "Yılmaz", "El Amrani"]
PROFESSIONALS = [("Dr. M. Verhoeven", "huisarts"), ("Ilse Kramer", "poh-somatiek"),
                 ("Sander Koç", "poh-ggz"), ("Femke Hoekstra", "wijkverpleegkundige")]
GOALS = [
    ("Weer een half uur per dag wandelen", "Morgen een rondje om het blok lopen",
     "Mijn buurvrouw loopt mee", "Elke ochtend na het ontbijt"),
    ("Beter slapen", "Na negen uur geen koffie meer", "Zelf, en de POH denkt mee",
     "Vanaf vandaag"),
    ("Meer mensen zien", "Bellen met het buurthuis over de koffieochtend",
     "Welzijnscoach van het buurthuis", "Deze week"),
    ("Rust in mijn geldzaken", "Mijn post sorteren in drie bakjes", "Schuldhulp van de gemeente",
     "Voor de volgende afspraak"),
    ("Minder piekeren", "Elke avond drie goede dingen opschrijven", "Mijn dochter",
     "Vanavond beginnen"),
    ("Weer vrijwilligerswerk doen", "Langs de bibliotheek voor de vacaturebank",
     "Vrijwilligerscentrale", "Volgende week dinsdag"),
]
WHEEL = {
    "nu": ["Ik ben vaak moe en kom weinig buiten.", "Het gaat op en neer.",
           "Sinds mijn operatie zit ik veel thuis."],
    "wens": ["Ik wil me fitter voelen.", "Ik wil weer dingen doen met anderen.",
             "Ik wil dat ik weer goed slaap."],
    "kunnen": ["Vroeger fietste ik elke dag.", "Ik kan goed plannen als ik rust heb.",
               "Mijn kleinkinderen geven me energie."],
    "tegenhouden": ["Pijn in mijn knie.", "Ik zie er tegenop om alleen te gaan.",
                    "Geldzorgen houden me wakker."],
    "nodig": ["Iemand die mee gaat.", "Een duwtje in de rug.", "Hulp met de papieren."],
    "besluit": ["Ik begin klein, elke dag een stukje.", "Ik bel deze week.",
                "Ik probeer het twee weken en vertel het dan."],
}


DEMO_PRACTICE = PracticeDetails("Huisartsenpraktijk De Linde", "071 123 45 67",
                                "www.praktijkdelinde.example")


def fill_demo(store: Store, instrument: Instrument, *, seed: int = 7,
              today: dt.date | None = None, n_patients: int = 20) -> None:
    rng = random.Random(seed)
    today = today or dt.date.today()
    pros = [store.add_professional(n, r) for n, r in PROFESSIONALS]
    store.set_current_professional(pros[1].id)
    # fictitious: 071 is Leiden's area code, the rest is not a real practice's number
    set_practice_details(store, DEMO_PRACTICE.name, DEMO_PRACTICE.phone, DEMO_PRACTICE.website)
    names = rng.sample([(f, la) for f in FIRST for la in LAST], n_patients)
    with store.db.atomic():
        for i, (first, last) in enumerate(names):
            year = rng.randint(1938, 2002)
            patient = store.add_patient(f"{first} {last}",
                                        f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{year}",
                                        f"{100200 + i * 37}")
            n_conv = rng.choice([0, 1, 1, 2, 2, 3, 3])
            start = today - dt.timedelta(days=rng.randint(n_conv * 80, n_conv * 80 + 120))
            base = {d.id: rng.randint(3, 8) for d in instrument.dimensions}
            pro = rng.choice(pros)
            for k in range(n_conv):
                date = start + dt.timedelta(days=90 * k + rng.randint(-7, 7))
                c = store.new_consultation(patient.id, pro.id, ("start", "tussen", "eind")[k],
                                           date.isoformat())
                _fill(c, instrument, base, rng, k, today)
                store.save_consultation(c)
                for d in base:
                    base[d] = min(10, base[d] + rng.choice([0, 0, 1, 1, 2]))
        fill_social_map(store, instrument, seed=seed)


# Status of a referral at the next conversation, and at the last one (still running).
FOLLOWED_UP = ("gestart", "afgerond", "afgerond", "niet_doorgegaan", "gestart")
STILL_OPEN = ("voorgesteld", "verwezen", "verwezen")
NOTES = ("", "", "Belt zelf deze week.", "Folder meegegeven.", "Samen met de dochter.")


def fill_social_map(store: Store, instrument: Instrument, *, seed: int = 7) -> None:
    """Import the example sociale kaart and make referrals in about two thirds of the patients'
    conversations: those of an earlier conversation followed up (and mostly moved on) in the
    next, those of the last one still open."""
    from pgdesk.paths import resource
    from pgdesk.storage import social_map, social_map_csv

    rng = random.Random(seed * 31 + 5)  # its own stream: the patients stay as they were
    social_map_csv.import_csv(store, resource("social_map", "voorbeeld.csv").read_bytes(), instrument)
    by_patient: dict[str, list[str]] = {}
    # in the order the patients were made (their ids are random): the same demo every time
    for cid, pid in store.db.execute(
            "SELECT c.id, c.patient_id FROM consultations c JOIN patients p ON p.id = c.patient_id "
            "ORDER BY p.rowid, c.date, c.created_at, c.rowid"):
        by_patient.setdefault(pid, []).append(cid)
    with store.db.atomic():
        for n, cids in enumerate(by_patient.values()):
            if rng.random() > 0.67:
                continue
            for k, cid in enumerate(cids):
                c = store.consultation(cid)
                offered = social_map.services_for(store, [d for d, _ in c.focus])[:4]
                picks = rng.sample(offered, rng.choice([1, 1, 2]))
                later = cids[k + 1] if k + 1 < len(cids) else None
                for service in picks:
                    r = social_map.add_referral(store, cid, service.id,
                                                status=rng.choice(("voorgesteld", "verwezen")),
                                                note=rng.choice(NOTES))
                    if later:
                        social_map.set_referral_status(store, r.id, rng.choice(FOLLOWED_UP),
                                                       consultation_id=later)
                    else:
                        social_map.set_referral_status(store, r.id, rng.choice(STILL_OPEN))
                if n % 5 == 0 and later is None:
                    social_map.add_referral(store, cid, None, name="Zwemclub De Spetters",
                                            note="Zoon gaat de eerste keer mee.")


def _fill(c: Consultation, instrument: Instrument, base: dict, rng: random.Random, k: int,
          today: dt.date) -> None:
    dims = instrument.dimensions
    for d in dims:
        c.manual_scores[d.id] = max(0, min(10, base[d.id] + rng.choice([-1, 0, 0, 1])))
    detailed = rng.choice(dims)  # one dimension scored per aspect: the score follows the mean
    c.manual_scores.pop(detailed.id)
    c.aspect_scores[detailed.id] = {a.id: max(0, min(10, base[detailed.id] + rng.randint(-2, 2)))
                                    for a in detailed.aspects}
    low = sorted(dims, key=lambda d: base[d.id])[:2]
    c.talk = {(d.id, "") for d in low}
    c.focus = {(low[0].id, "")}
    for step in instrument.wheel:
        if step.id in WHEEL:
            c.wheel_answers[step.id] = rng.choice(WHEEL[step.id])
    goal, first, helper, when = rng.choice(GOALS)
    nxt = dt.date.fromisoformat(c.date) + dt.timedelta(days=90)
    c.plan = Plan(goal, first, helper, when, f"{nxt.isoformat()}T{rng.choice([9, 10, 14]):02d}:00")
    c.step = "summary"
    c.completed_at = f"{c.date}T12:00:00+00:00"


def write_demo(path: Path, instrument: Instrument, **kw) -> Path:
    """Write a fresh, unencrypted demo database at `path` (a demo file there is replaced)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(path)
    try:  # never pull the file away from under a running pgdesk
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        template = _template_path(instrument) if not kw else None
        if template is not None and template.exists():
            # Filling the demo costs thousands of statements; a copy made earlier today is instant.
            shutil.copyfile(template, path)
            return path
    finally:
        lock.release()
    with Store.open(path) as store:
        store.set_setting("demo", "1")
        fill_demo(store, instrument, **kw)
    if template is not None:
        _keep_as_template(path, template)
    return path


def _template_path(instrument: Instrument) -> Path:
    """Today's demo for this version, schema and instrument (its dates follow the calendar)."""
    from pgdesk import __version__
    from pgdesk.paths import data_dir
    from pgdesk.storage.migrations import known_names

    ids = [(d.id, [a.id for a in d.aspects]) for d in instrument.dimensions]
    digest = hashlib.sha256(repr((__version__, known_names(), ids, instrument.language))
                            .encode()).hexdigest()[:12]
    return data_dir() / "demo-cache" / f"demo-{dt.date.today().isoformat()}-{digest}.sqlite"


def _keep_as_template(path: Path, template: Path) -> None:
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        for old in template.parent.glob("demo-*.sqlite"):
            old.unlink(missing_ok=True)
        tmp = template.with_suffix(".part")
        shutil.copyfile(path, tmp)
        os.replace(tmp, template)
    except OSError:
        pass  # only a speed-up: without it the next demo is filled again


def write_encrypted_demo(path: Path, instrument: Instrument, *, user: str, passphrase: str,
                         params: KdfParams | None = None) -> str:
    """A demo database encrypted like a real one, with `user` as its first user (the key
    derived with `params`, the usual ones when None).

    Returns the recovery code. The demo colleagues are added as professionals only.
    """
    from pgdesk.storage.keyring import DEFAULT_KDF
    from pgdesk.storage.vault import init_encrypted, recovery_code_shown

    store, code = init_encrypted(path, name=user, role="huisarts", passphrase=passphrase,
                                 params=params or DEFAULT_KDF)
    with store:
        store.set_setting("demo", "1")
        recovery_code_shown(store)  # a demo's code only matters for trying the recovery out
        fill_demo(store, instrument)
    return code
