"""Wrong passphrases slow down across restarts: a count kept beside the database.

The keyring already makes every try cost an Argon2id run and at least a second; this adds a
growing wait after a few wrong tries that a restart of pgdesk does not reset, and lets the
next successful unlock write how many tries failed into the access log. Someone who may
delete files beside the database can reset the count; it slows guessing through pgdesk,
not an attacker who has copied the files (the Argon2id cost is what protects those).
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

from pgdesk.storage.errors import StorageError
from pgdesk.storage.keyring import WrongCredentials

FREE_TRIES = 3
MAX_WAIT_SECONDS = 15 * 60


class TooManyTries(WrongCredentials):
    """Shown where a wrong passphrase is shown; the try was not even made."""

    def __init__(self, seconds: int) -> None:
        wait = f"{math.ceil(seconds / 60)} minuten" if seconds > 90 else f"{seconds} seconden"
        StorageError.__init__(self, f"Te veel verkeerde pogingen. Probeer het over {wait} opnieuw.")
        self.seconds = seconds


def attempts_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".pogingen")


def _read(db_path: Path) -> tuple[int, float]:
    try:
        raw = json.loads(attempts_path(db_path).read_text(encoding="utf-8"))
        failed, last = int(raw["failed"]), float(raw["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0
    return max(failed, 0), last


def wait_seconds(failed: int) -> int:
    """After FREE_TRIES wrong tries: 30 s, then doubling, up to a quarter of an hour."""
    if failed < FREE_TRIES:
        return 0
    return min(30 * 2 ** (failed - FREE_TRIES), MAX_WAIT_SECONDS)


def check_allowed(db_path: Path, *, now: float | None = None) -> None:
    """Raise TooManyTries while the wait after the last wrong try is not over."""
    failed, last = _read(db_path)
    elapsed = (time.time() if now is None else now) - last
    if elapsed < 0:
        return  # the clock was set back: never a wait without end
    remaining = wait_seconds(failed) - elapsed
    if remaining > 0:
        raise TooManyTries(math.ceil(remaining))


def record_failure(db_path: Path, *, now: float | None = None) -> None:
    failed, _last = _read(db_path)
    _write(db_path, {"failed": failed + 1, "last": time.time() if now is None else now})


def take_failures(db_path: Path) -> int:
    """The number of wrong tries since the last unlock, and the count back to zero."""
    failed, _last = _read(db_path)
    if failed:
        try:
            attempts_path(db_path).unlink()
        except OSError:
            pass
    return failed


def _write(db_path: Path, data: dict) -> None:
    target = attempts_path(db_path)
    tmp = target.with_name(target.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only folder: the per-try cost of the keyring still applies
