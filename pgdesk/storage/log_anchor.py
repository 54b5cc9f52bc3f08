"""Anchors for the access log's hash chain, kept outside the database.

The chain alone shows a line changed or removed by someone without the key. Someone with the
key can delete a line, renumber and re-chain the rest and restore the triggers, and the chain
verifies again. An anchor is the head of the chain at one moment (line number and hash); a
rewrite changes the hash of every line from the deleted one on, so any anchor taken after that
line no longer matches. Anchors live in every backup (the backup's own log) and in the key file
beside the database and in the backup folder, sealed with an HMAC under a key derived from
the database key, so only a key holder can make one. What this does and does not prove is in
the README ("Access log").
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from pgdesk.storage import driver
from pgdesk.storage.access_log import utc_now
from pgdesk.storage.engine import FileDatabase
from pgdesk.storage.errors import StorageError

_LABEL = b"pgdesk-log-anchor-v1"
RESTORE = "herstel:"  # the `what` of the log line a restore writes


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str


@dataclass
class AnchorReport:
    """What `check` says: problems make it fail; `compared` and `skipped` are for the reader."""

    problems: list[str]
    compared: list[str]
    skipped: list[str]


def head(conn) -> Anchor | None:
    """The last line of a log, as an anchor; None for an empty log."""
    row = conn.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    return Anchor(int(row[0]), row[1], utc_now()) if row else None


def _mac(key: bytes, db_id: str, anchor: Anchor) -> str:
    anchor_key = hmac.digest(key, _LABEL + db_id.encode("utf-8"), "sha256")
    payload = json.dumps([db_id, anchor.seq, anchor.hash, anchor.at]).encode("utf-8")
    return hmac.digest(anchor_key, payload, "sha256").hex()


def sealed(anchor: Anchor, key: bytes, db_id: str) -> dict:
    return {"seq": anchor.seq, "hash": anchor.hash, "at": anchor.at,
            "mac": _mac(key, db_id, anchor)}


def unsealed(raw: object, key: bytes, db_id: str) -> Anchor | None:
    """The anchor if `raw` is one made with this key; None if it is malformed or forged."""
    if not (isinstance(raw, dict) and set(raw) == {"seq", "hash", "at", "mac"}):
        return None
    seq, digest, at, mac = raw["seq"], raw["hash"], raw["at"], raw["mac"]
    if not (type(seq) is int and seq > 0 and all(isinstance(v, str) for v in (digest, at, mac))):
        return None
    anchor = Anchor(seq, digest, at)
    return anchor if hmac.compare_digest(_mac(key, db_id, anchor), mac) else None


def record(db: Database, key: bytes | None, keys_file: Path) -> None:
    """Seal the log's current head into the key file (done at every backup and re-keying)."""
    from pgdesk.storage.keyring import Keyring

    if key is None or not keys_file.exists():
        return  # the unencrypted demo has no key file
    anchor = head(db.conn)
    if anchor is None:
        return
    keyring = Keyring.load(keys_file)
    keyring.log_anchor = sealed(anchor, key, keyring.db_id)
    keyring.save()


def mismatch(db: Database, anchor: Anchor, source: str, *,
             source_hash_at: str | None = None) -> str | None:
    """Why the database's chain does not hold `anchor`; None when it does.

    `source_hash_at` is the source's hash of the database's last line, when the source has
    the whole log (a backup): then a log that is only shorter can be told from a rewritten one.
    """
    row = db.execute("SELECT hash FROM access_log WHERE seq = ?", [anchor.seq]).fetchone()
    if row is not None and hmac.compare_digest(row[0], anchor.hash):
        return None
    when = anchor.at[:10]
    if row is not None:
        return (f"Logboek herschreven: regel {anchor.seq} is anders dan in {source} ({when}). "
                "Er zijn regels verwijderd, gewijzigd of tussengevoegd.")
    last = db.execute("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    last_seq, last_hash = last if last else (0, None)
    if anchor.seq <= last_seq:
        return f"Logboek herschreven: regel {anchor.seq} uit {source} ({when}) ontbreekt."
    if source_hash_at is not None and source_hash_at != last_hash:
        return (f"Logboek herschreven: {source} ({when}) heeft {anchor.seq} regels en regel "
                f"{last_seq} is daar anders dan in de database.")
    shorter = (f"{source} ({when}) kent {anchor.seq} regels, de database maar {last_seq}. Na het "
               "terugzetten van een oudere reservekopie is dat te verwachten; anders zijn er "
               "regels verwijderd.")
    if source_hash_at is not None:
        return f"Logboek ingekort: {shorter}"
    return f"Logboek herschreven of ingekort: {shorter}"


def _backup_head(path: Path, key: bytes, db_id: str,
                 seqs: list[int]) -> tuple[Anchor, dict[int, str]] | None:
    """The head of a backup's own log and its hashes of lines `seqs`, if the backup opens with
    this key and is of this practice."""
    try:
        conn = driver.connect(path, key, readonly=True)
    except driver.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'db_id'").fetchone()
        if row is None or row[0] != db_id:
            return None
        found = head(conn)
        hashes = {seq: r[0] for seq in seqs if (r := conn.execute(
            "SELECT hash FROM access_log WHERE seq = ?", [seq]).fetchone())}
    except driver.Error:
        return None  # an older key (before a re-keying) or a damaged file
    finally:
        conn.close()
    if found is None:
        return None
    made = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return Anchor(found.seq, found.hash, made.strftime("%Y-%m-%dT%H:%M:%SZ")), hashes


def note_restore(db_path: Path, key: bytes | None, backup_name: str, actor=None) -> None:
    """After a restore: a log line that says so, and the key file's anchor on the restored chain.

    The replaced database's lines after the restored backup's last one are not in the log any
    more; backups made before the restore that hold them are a branch the line explains (they
    are reported as such, not as a rewrite). The lines themselves stay in those backups and in
    the replaced file kept aside."""
    from pgdesk.storage.access_log import append, system_actor
    from pgdesk.storage.keyring import keyring_path

    try:
        conn = driver.connect(db_path, key)
        try:
            db = FileDatabase(conn)
            with db.atomic():
                append(db, actor or system_actor(), None, "U", f"{RESTORE}{backup_name}")
            record(db, key, keyring_path(Path(db_path)))
        finally:
            conn.close()
    except (driver.Error, OSError, StorageError):
        # The restore itself stands; without this line `check` reports the replaced branch's
        # backups as not matching, which is true and visible, so nothing is hidden.
        return


def _restores(db: Database) -> list[tuple[int, str]]:
    return db.execute("SELECT seq, at FROM access_log WHERE patient_id IS NULL AND what LIKE ? "
                      "ORDER BY seq", [RESTORE + "%"]).fetchall()


def _branch(anchor: Anchor, restores: list[tuple[int, str]], db: Database,
            hashes: dict[int, str] | None) -> str | None:
    """The restore that explains a mismatch: the anchor is older than the restore and, as far
    as the source can show, branches off at the restored line (a key file's anchor holds only
    its head, so for it only the time and position are checked)."""
    for seq, at in reversed(restores):
        # Times have whole seconds; an anchor of the restore's own second counts as before it
        # (one made after the restore matches the restored chain anyway).
        if anchor.at > at or anchor.seq < seq:
            continue
        if hashes is not None and seq > 1:
            ours = db.execute("SELECT hash FROM access_log WHERE seq = ?", [seq - 1]).fetchone()
            if ours is None or hashes.get(seq - 1) != ours[0]:
                continue
        return at
    return None


def check(db: Database, key: bytes | None, db_id: str | None, keys_files: list[Path],
          backups: list[Path]) -> AnchorReport:
    """Compare the database's chain with every anchor pgdesk can read."""
    report = AnchorReport([], [], [])
    if key is None or db_id is None:
        return report
    from pgdesk.storage.keyring import Keyring, KeyringError

    restores = _restores(db)
    for keys in dict.fromkeys(p.resolve() for p in keys_files):
        if not keys.exists():
            continue
        try:
            copy = Keyring.load(keys)
        except KeyringError:
            report.skipped.append(f"sleutelbestand {keys} (onleesbaar)")
            continue
        if copy.db_id != db_id:  # e.g. another practice's backups in the same folder
            report.skipped.append(f"sleutelbestand {keys} (van een andere database)")
            continue
        raw = copy.log_anchor
        if raw is None:
            continue
        anchor = unsealed(raw, key, db_id)
        if anchor is None:
            report.problems.append(f"Het logboekanker in {keys} is ongeldig: gewijzigd, of gemaakt "
                                   "met een andere sleutel.")
            continue
        _add(report, db, anchor, f"het sleutelbestand {keys}", restores)
    last = db.execute("SELECT max(seq) FROM access_log").fetchone()[0] or 0
    wanted = [last, *(seq - 1 for seq, _ in restores)]
    for backup in dict.fromkeys(p.resolve() for p in backups):
        found = _backup_head(backup, key, db_id, wanted)
        if found is None:
            report.skipped.append(f"reservekopie {backup.name} (andere sleutel of onleesbaar)")
            continue
        _add(report, db, found[0], f"reservekopie {backup.name}", restores, found[1])
    return report


def _add(report: AnchorReport, db: Database, anchor: Anchor, source: str,
         restores: list[tuple[int, str]], hashes: dict[int, str] | None = None) -> None:
    last = db.execute("SELECT max(seq) FROM access_log").fetchone()[0] or 0
    problem = mismatch(db, anchor, source,
                       source_hash_at=None if hashes is None else hashes.get(last, ""))
    if not problem:
        report.compared.append(f"{source}: regel {anchor.seq} klopt")
    elif restored := _branch(anchor, restores, db, hashes):
        report.skipped.append(f"{source} (van vóór het terugzetten op {restored[:10]})")
    else:
        report.problems.append(problem)


def is_rewrite(problem: str) -> bool:
    """A proven rewrite or a forged anchor; not a log that may only be shorter (a restore of an
    older backup explains that)."""
    return problem.startswith("Logboek herschreven:") or "logboekanker" in problem
