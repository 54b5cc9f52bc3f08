"""Backups of the practice server (pg_dump's custom format, sealed at rest, rotated 7/4/12 like
the file backups) and a verified restore into an empty database.

The counts of every table and the head of the access log are read in the very snapshot pg_dump
dumps (pg_export_snapshot), and go into the backup's header; a restore must give exactly those,
with an intact log chain, or it is undone.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

from pgdesk.domain.retention import backups_to_keep
from pgdesk.files import move_into_place, stage
from pgdesk.storage.keyring import Keyring, WrongCredentials, WrongRecoveryCode
from pgdesk.storage.practice_server import schema, sealed, setup, tools
from pgdesk.storage.practice_server.connect import ServerError, Target, connect, explain
from pgdesk.storage.recovery_code import normalize_recovery_code

SUFFIX = ".pgsbackup"
PREFIX = "pgdesk-server-"
STAMP = "%Y%m%d-%H%M%S"
KEYS = "pgdesk-server.keys"
_READ = 1 << 16

Ask = Callable[[str], str]


@dataclass(frozen=True)
class Made:
    path: Path
    recovery_code: str | None  # only when this backup started the folder's keyring
    counts: dict


@dataclass(frozen=True)
class Restored:
    counts: dict
    log_lines: int
    users_to_add: list[str]


def _stamp_of(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(path.name.removeprefix(PREFIX).removesuffix(SUFFIX), STAMP)
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """Server backups in a folder, newest first."""
    found = [(s, p) for p in Path(folder).glob(f"{PREFIX}*{SUFFIX}") if (s := _stamp_of(p))]
    return [p for _, p in sorted(found, reverse=True)]


def rotate(folder: Path) -> list[Path]:
    backups = {_stamp_of(p): p for p in list_backups(folder)}
    keep = backups_to_keep(backups)
    gone = [p for s, p in backups.items() if s not in keep]
    for p in gone:
        p.unlink(missing_ok=True)
    return gone


def _backup_key(folder: Path, ask_secret: Ask, ask_new: Ask) -> tuple[bytes, Keyring, str | None]:
    """The folder's backup key; the first backup makes the keyring (a new backup passphrase and a
    recovery code), under a pending name that becomes real once the backup is whole."""
    keys = folder / KEYS
    if keys.exists():
        keyring = Keyring.load(keys)
        try:
            return keyring.unlock("", ask_secret("Wachtwoord voor de reservekopieën: ")).key, \
                keyring, None
        except WrongCredentials:
            raise _wrong_secret() from None
    pending = folder / f".{KEYS}.nieuw"
    pending.unlink(missing_ok=True)
    keyring, key, code = Keyring.create(
        pending, name="", mode="shared",
        passphrase=ask_new("Nieuw wachtwoord voor de reservekopieën van de server: "))
    return key, keyring, code


def make_backup(target: Target, folder: Path, *, ask_password: Ask | None, ask_secret: Ask,
                ask_new: Ask, now: dt.datetime | None = None) -> Made:
    """pg_dump of the server's database, sealed into `folder`, then the folder thinned out."""
    pg_dump = tools.find("pg_dump")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ServerError(f"{folder} is een bestand, geen map. Er is niets veranderd.")
    now = now or dt.datetime.now()
    out = folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}"
    with connect(target, ask_password=ask_password) as conn:
        schema.require_current(conn, target.shown)
        conn.commit()  # the dump's snapshot comes from a transaction of its own
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale_parts(folder, now)
        key, keyring, code = _backup_key(folder, ask_secret, ask_new)
        try:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with conn.transaction():
                snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
                counts = schema.counts(conn)
                header = {"keyring": keyring.db_id, "made_at": now.isoformat(timespec="seconds"),
                          "database": conn.info.dbname, "counts": counts,
                          "log_head": schema.log_head(conn), "migrations": schema.applied(conn)}
                conninfo, env = tools.environment(target.params, conn.info.password)
                part = _dump(pg_dump, conninfo, env, snapshot, out, key, header)
            if code is not None:  # the keys first: never a backup that nothing can open
                os.replace(keyring.path, folder / KEYS)
            move_into_place(part, out)
        except BaseException:
            if code is not None:
                keyring.path.unlink(missing_ok=True)
            raise
    rotate(folder)
    return Made(out, code, counts)


def _remove_stale_parts(folder: Path, now: dt.datetime) -> None:
    """Half-written backups of a run that was killed (files.stage names them so)."""
    for part in folder.glob(f".pgdesk-{PREFIX}*{SUFFIX}.*.part"):
        try:
            if part.stat().st_mtime < now.timestamp() - 3600:
                part.unlink()
        except OSError:
            pass


def _dump(pg_dump: Path, conninfo: str, env: dict, snapshot: str, out: Path, key: bytes,
          header: dict) -> Path:
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([str(pg_dump), "--format=custom", "--compress=6", "--no-password",
                                 f"--snapshot={snapshot}", f"--dbname={conninfo}"],
                                stdout=subprocess.PIPE, stderr=err, env=env)
        part = None
        try:
            part = stage(out, sealed.seal(iter(lambda: proc.stdout.read(_READ), b""), key, header))
        except OSError as exc:
            proc.kill()
            raise ServerError(f"De reservekopie in {out.parent} is niet gelukt "
                              f"({getattr(exc, 'strerror', None) or exc}). De server is ongewijzigd.") \
                from None
        finally:
            proc.stdout.close()
            proc.wait()
        if proc.returncode != 0:
            part.unlink(missing_ok=True)
            err.seek(0)
            raise ServerError(f"pg_dump is niet gelukt: {tools.tool_message(err.read())} "
                              "Er is geen reservekopie gemaakt.")
    return part


def _wrong_secret() -> ServerError:
    return ServerError("Het wachtwoord voor de reservekopieën (of de herstelcode) klopt niet. "
                       "Er is niets veranderd.")


def backup_key_for(source: Path, secret: str, keys: Path | None = None) -> tuple[bytes, dict]:
    """The key of a backup from its folder's keyring, by backup passphrase or recovery code."""
    header, _ = sealed.read_header(source)
    keys = keys or source.parent / KEYS
    if not keys.exists():
        raise ServerError(f"Het sleutelbestand {KEYS} hoort naast de reservekopie te staan "
                          f"({keys.parent}). Er is niets veranderd.")
    keyring = Keyring.load(keys)
    if keyring.db_id != header.get("keyring"):
        raise ServerError(f"{source.name} hoort niet bij het sleutelbestand {keys}. "
                          "Er is niets veranderd.")
    try:
        return keyring.unlock("", secret).key, header
    except WrongCredentials:
        try:
            normalize_recovery_code(secret)
            return keyring.unlock_with_recovery(secret), header
        except (ValueError, WrongRecoveryCode):
            raise _wrong_secret() from None


def restore(target: Target, source: Path, *, ask_password: Ask | None, ask_secret: Ask,
            keys: Path | None = None) -> Restored:
    """Verify the backup completely, then restore it into an empty database (created when it
    does not exist) and check every table's count and the log chain; a restore that does not
    check out is removed again, leaving the database as empty as it was."""
    pg_restore = tools.find("pg_restore")
    source = Path(source)
    if not source.is_file():
        raise ServerError(f"De reservekopie {source} bestaat niet.")
    sealed.read_header(source)
    conn, created = setup.connect_or_create(target, ask_password)
    dbname = conn.info.dbname
    try:
        with conn:
            setup.require_owner(conn, target)
            schema.require_blank(conn, target.shown)
            key, header = backup_key_for(source, ask_secret(
                "Wachtwoord voor de reservekopieën (of de herstelcode): "), keys)
            schema.require_known(header.get("migrations") or [], source.name)
            for _ in sealed.unseal(source, key):
                pass  # the whole file is checked before the server is touched
            setup.create_group(conn, dbname)
            conn.commit()
            conninfo, env = tools.environment({**target.params, "dbname": dbname},
                                              conn.info.password)
            _restore(pg_restore, conninfo, env, source, key)
            try:
                result = _verify(conn, header, source.name)
                with conn.transaction():
                    setup.apply_grants(conn)
            except BaseException:
                _undo(conn)
                raise
    except BaseException as exc:
        if created:
            setup.drop_database(target, dbname, ask_password)
        if isinstance(exc, psycopg.Error):
            raise explain(exc, target) from None
        raise
    return result


def _restore(pg_restore: Path, conninfo: str, env: dict, source: Path, key: bytes) -> None:
    """pg_restore in one transaction: an error leaves nothing behind."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([str(pg_restore), "--single-transaction", "--exit-on-error",
                                 "--no-owner", "--no-password", f"--dbname={conninfo}"],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err, env=env)
        try:
            for chunk in sealed.unseal(source, key):
                proc.stdin.write(chunk)
            proc.stdin.close()
        except BrokenPipeError:
            pass  # pg_restore stopped early; its own message says why
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        proc.wait()
        if proc.returncode != 0:
            err.seek(0)
            raise ServerError(f"Terugzetten is niet gelukt: {tools.tool_message(err.read())} "
                              "De database is leeg gebleven.")


def _verify(conn: psycopg.Connection, header: dict, name: str) -> Restored:
    counts = schema.counts(conn)
    expected = header.get("counts") or {}
    wrong = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
    if wrong:
        raise ServerError(f"Na het terugzetten van {name} kloppen de aantallen niet "
                          f"({', '.join(wrong)}); het teruggezette is weer verwijderd.")
    problems = schema.verify_chain(conn)
    if problems or schema.log_head(conn) != header.get("log_head"):
        raise ServerError(f"Na het terugzetten van {name} klopt het toegangslog niet; het "
                          "teruggezette is weer verwijderd.")
    conn.commit()
    return Restored(counts, counts.get(schema.ACCESS_LOG, 0), schema.users_without_login(conn))


def _undo(conn: psycopg.Connection) -> None:
    conn.rollback()
    with conn.transaction():
        schema.wipe(conn)
