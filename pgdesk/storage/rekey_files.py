"""Where a re-keying keeps its files while it runs, and finishing one that was killed.

Apart from rekey.py so that unlocking (vault.py) can finish an interrupted run before it opens
the database, while re-keying itself unlocks through the vault: no cycle between the two. The
rule is rekey.py's: while `<db>.rekeying` exists the old key file fits, once it is gone the
`<db>.keys.next` file does.
"""

from __future__ import annotations

import os
from pathlib import Path

from pgdesk.files import fsync_dir
from pgdesk.storage.database import acquire_lock
from pgdesk.storage.errors import DatabaseLocked
from pgdesk.storage.keyring import keyring_path


def next_keys_path(path: Path) -> Path:
    return path.with_name(path.name + ".keys.next")


def copy_path(path: Path) -> Path:
    return path.with_name(path.name + ".rekeying")


def finish_interrupted(path: Path) -> None:
    """Complete or undo a re-keying that was killed; see the module docstring for the rule."""
    path = Path(path)
    nxt, copy = next_keys_path(path), copy_path(path)
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
