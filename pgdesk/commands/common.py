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
    from pgdesk.storage.vault import is_encrypted_setup, unlock

    if is_encrypted_setup(path):
        if not user:
            raise PgdeskError(f"De database {path} is versleuteld: geef --user NAAM.")
        return unlock(path, user, read_secret(f"Wachtwoord voor {user}: "))
    return Store.open(path)
