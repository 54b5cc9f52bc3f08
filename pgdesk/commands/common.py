"""What every command needs: a passphrase without echo, and an unlocked store."""

from __future__ import annotations

import getpass
import sys
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


def existing_db(path: str) -> Path:
    db = Path(path)
    if not db.exists():
        raise PgdeskError(f"De database {db} bestaat niet.")
    return db


def open_store(path: Path, user: str | None):
    """An encrypted database is unlocked as `user`; a plain (demo) one opens as it is."""
    from pgdesk.storage.repository import Store
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


def refuse_own_file(out: Path, db: Path) -> None:
    """An output file may not be the database or one of the files pgdesk keeps beside it."""
    out, db = out.expanduser().resolve(), db.expanduser().resolve()
    if out.parent == db.parent and (out.name == db.name or out.name.startswith(
            (f"{db.name}.", f"{db.name}-"))):
        raise PgdeskError(f"{out} is een bestand van pgdesk zelf (de database of een bestand "
                          "ernaast). Kies een andere naam; er is niets veranderd.")
