"""Writing a finished report to a file the user chose, never leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage.errors import is_disk_full


def _cannot_write(path: Path, exc: OSError) -> PgdeskError:
    why = "de schijf is vol" if is_disk_full(exc) else exc.strerror or str(exc)
    return PgdeskError(f"Kan {path} niet schrijven: {why}. Er is niets geschreven.")


def stage(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` beside `path` under a temporary name, synced to disk; the caller renames it
    into place (os.replace, atomic within the folder) or removes it."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pgdesk-", suffix=".part", dir=folder)
    except OSError as exc:
        raise PgdeskError(f"Kan niet schrijven in de map {folder}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
    return Path(tmp)


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write next to the target and rename, so a failure never leaves half a file."""
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(Path(path), exc) from None
