"""What every command needs: a passphrase without echo, an unlocked store, and output that
never overwrites pgdesk's own files nor exists without its access-log line."""

from __future__ import annotations

import getpass
import glob
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from pgdesk.domain.errors import PgdeskError


def read_secret(prompt: str, *, confirm: bool = False) -> str:
    """From a terminal without echo (twice when confirming); otherwise the first line of stdin."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise PgdeskError("Er is geen wachtwoord gegeven (standaardinvoer is leeg).")
        return line.rstrip("\r\n")
    secret = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nog een keer: ") != secret:
        raise PgdeskError("De twee wachtwoorden zijn niet gelijk.")
    return secret


SERVER_ENV = "PGDESK_SERVER"


def server_of(args, db: str | None = None) -> str | None:
    """The practice server a command works on: --server, else $PGDESK_SERVER when no --db
    file is given; None for a file."""
    if getattr(args, "server", None):
        return args.server
    return None if db else (os.environ.get(SERVER_ENV) or None)


def existing_db(path: str | None) -> Path:
    if not path:
        raise PgdeskError("Geef de database met --db BESTAND, of de praktijkserver met --server "
                          f"ADRES (of in {SERVER_ENV}).")
    db = Path(path)
    if not db.exists():
        raise PgdeskError(f"De database {db} bestaat niet.")
    return db


def open_store(path: Path | None, user: str | None, *, server: str | None = None):
    """An encrypted database is unlocked as `user`; a plain (demo) one opens as it is; the
    practice server `server` is logged into as `user` (the password asked when needed)."""
    from pgdesk.storage.repository import Store

    if server:
        return Store.open_practice(server, user, read_secret)
    from pgdesk.storage.vault import (
        is_encrypted_setup,
        pending_recovery_code,
        recover,
        recovery_code_shown,
        unlock,
    )

    recover(path)
    if is_encrypted_setup(path):
        if not user:
            raise PgdeskError(f"De database {path} is versleuteld: geef --user NAAM.")
        store = unlock(path, user, read_secret(f"Wachtwoord voor {user}: "))
        try:
            code = pending_recovery_code(store)
            if code:  # the set-up was interrupted before its code was shown
                print("De herstelcode van deze database is nooit getoond; dit is een nieuwe "
                      f"(bewaar hem op papier, op een veilige plek): {code}", file=sys.stderr,
                      flush=True)
                recovery_code_shown(store)
        except BaseException:
            store.close()
            raise
        return store
    return Store.open(path)


# Beside the database <name>: what pgdesk itself keeps there (storage/database.py, keyring.py,
# the kept-aside copies of migrations, <name>.v<N>.bak, and of restores, with their WAL).
_OWN_SUFFIXES = {"": "de database", ".keys": "het sleutelbestand", ".lock": "het slot",
                 "-wal": "een hulpbestand van de database", "-shm": "een hulpbestand van de database",
                 "-journal": "een hulpbestand van de database"}
_KEPT_COPY = re.compile(r"\.(?:v\d+\.bak|voor-herstel-.*)")
# Files pgdesk works with while it converts, restores, re-keys or waits after wrong passphrases
# (storage/lifecycle.py, rekey.py, attempts.py).
_WORK_FILE = re.compile(r"\.(?:keys\..+|nieuw\.part|onversleuteld|herstel\..+|rekeying.*|pogingen.*)")


def _own_file_kind(name: str, db_name: str) -> str | None:
    """What `name` (a file beside the database) is to pgdesk, or None if it is not pgdesk's."""
    name, db_name = os.path.normcase(name), os.path.normcase(db_name)
    if not name.startswith(db_name):
        return None
    rest = name[len(db_name):]
    if rest in _OWN_SUFFIXES:
        return _OWN_SUFFIXES[rest]
    if _KEPT_COPY.fullmatch(rest):
        return "een bewaarde kopie van de database"
    return "een werkbestand van de database" if _WORK_FILE.fullmatch(rest) else None


def refuse_own_files(path: str | os.PathLike, db_path: str | os.PathLike) -> None:
    """Refuse an output path that is one of pgdesk's own files of this database (the database,
    its WAL, lock, key file, kept-aside copies), also when reached through a symlink or a
    hard link, before anything is written: an export over them would destroy the practice's data
    or lock it out."""
    target = Path(path).expanduser()
    db = Path(db_path).expanduser().resolve()
    resolved = target.resolve()
    same_folder = os.path.normcase(resolved.parent) == os.path.normcase(db.parent)
    kind = _own_file_kind(resolved.name, db.name) if same_folder else None
    if kind is None and target.is_file():
        for own in db.parent.glob(glob.escape(db.name) + "*"):
            if own.is_file() and os.path.samefile(target, own):
                kind = _own_file_kind(own.name, db.name)
                if kind:
                    break
    if kind:
        raise PgdeskError(f"{path} is {kind} van pgdesk zelf; kies een andere bestandsnaam of map. "
                          "Er is niets geschreven.")


def refuse_own_stdout(db_path: str | os.PathLike) -> None:
    """The same for standard output redirected into a file (`> praktijk.sqlite.keys`)."""
    try:
        out = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return  # not a file (a pipe, a test's capture): nothing of ours can be overwritten
    db = Path(db_path).expanduser().resolve()
    for own in db.parent.glob(glob.escape(db.name) + "*"):
        kind = _own_file_kind(own.name, db.name)
        if kind and own.is_file() and os.path.samestat(out, own.stat()):
            raise PgdeskError(f"De uitvoer gaat naar {own}, {kind} van pgdesk zelf; stuur hem naar "
                              "een ander bestand. Er is niets geschreven.")


def explained(exc: BaseException, what: str) -> PgdeskError:
    """A failed write (file or database) as a Dutch message that says nothing was done."""
    from pgdesk.files import is_disk_full

    if isinstance(exc, PgdeskError):
        return exc
    why = "de schijf is vol" if is_disk_full(exc) else getattr(exc, "strerror", None) or str(exc)
    return PgdeskError(f"{what} is niet gelukt: {why}.")


def write_logged(store, build: Callable[[], dict[Path, bytes]]) -> None:
    """Write output files together with their access-log line, so that neither exists alone.

    `build` runs inside one transaction: it logs the export and returns the files' contents.
    Each file is written and synced under a temporary name; only then is the line committed,
    and the files are renamed into place. Any failure before the commit (a full disk, a render
    error) leaves no file and no line; the error propagates. Only a rename failing after the
    commit (within one folder: hardly possible) or a kill just then leaves a line without files.
    """
    from pgdesk.reports.files import stage

    staged: list[tuple[Path, Path]] = []
    try:
        with store.db.atomic():
            for path, data in build().items():
                staged.append((stage(path, data), path))
        for part, path in staged:
            os.replace(part, path)
    finally:
        for part, _ in staged:
            part.unlink(missing_ok=True)


def write_stdout(text: str) -> None:
    """Text on standard output, flushed here so that a full disk is noticed (and can be said in
    Dutch) while the caller can still undo; what could not be written is dropped, so it does not
    fail once more (with an English traceback) when Python flushes at exit."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise
