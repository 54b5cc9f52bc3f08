"""The files of a re-keying in progress (`<db>.rekeying`, `<db>.keys.next`) and the rule that
finishes or undoes one a crash interrupted (see storage/rekey.py). Apart from rekey.py so that
unlocking (vault.py) can apply the rule without importing the re-keying itself."""

from __future__ import annotations

import os
from pathlib import Path

from pgdesk.files import fsync_dir
from pgdesk.storage.database import acquire_lock
from pgdesk.storage.errors import DatabaseLocked
from pgdesk.storage.keyring import keyring_path


def next_keys(path: Path) -> Path:
    return path.with_name(path.name + ".keys.next")


def rekeying_copy(path: Path) -> Path:
    return path.with_name(path.name + ".rekeying")


def finish_interrupted(path: Path) -> None:
    """Complete or undo a re-keying that was killed; see the module docstring for the rule."""
    path = Path(path)
    nxt, copy = next_keys(path), rekeying_copy(path)
    if not (nxt.exists() or copy.exists()):
        return
    try:
        lock = acquire_lock(path)
    except DatabaseLocked:
        return  # a running pgdesk owns these files; it finishes them itself
    try:
        if nxt.exists() and not copy.exists():
            os.replace(nxt, keyring_path(path))  # the swap happened: the new keys fit
        else:
            nxt.unlink(missing_ok=True)  # first the keys, so the rule above stays true
            copy.unlink(missing_ok=True)
        fsync_dir(path.parent)
    finally:
        lock.release()
