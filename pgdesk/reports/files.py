"""Writing a finished report to a file the user chose, never leaving half a file behind."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from pgdesk import files
from pgdesk.domain.errors import PgdeskError
from pgdesk.files import is_disk_full

# The temporary file beside the target could not even be made: the folder is the problem.
_FOLDER_ERRORS = (errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS)


def _cannot_write(path: Path, folder: Path, exc: OSError) -> PgdeskError:
    if is_disk_full(exc):
        return PgdeskError(f"Kan {path} niet schrijven: de schijf is vol. Er is niets geschreven.")
    if exc.errno in _FOLDER_ERRORS:
        return PgdeskError(f"Kan niet schrijven in de map {folder}: {exc.strerror}.")
    return PgdeskError(f"Kan {path} niet schrijven: {exc.strerror or exc}. Er is niets geschreven.")


def stage(path: str | os.PathLike, data: bytes) -> Path:
    """pgdesk.files.stage, with a Dutch message (PgdeskError) when it fails."""
    path = Path(path)
    try:
        return files.stage(path, data)
    except OSError as exc:
        raise _cannot_write(path, path.parent if str(path.parent) else Path("."), exc) from None


def write_atomically(path: str | os.PathLike, data: bytes | Iterable[bytes]) -> None:
    """pgdesk.files.write_atomically, with a Dutch message (PgdeskError) when it fails."""
    path = Path(path)
    try:
        files.write_atomically(path, data)
    except OSError as exc:
        raise _cannot_write(path, path.parent if str(path.parent) else Path("."), exc) from None
