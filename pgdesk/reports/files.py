"""Writing a finished report to a file the user chose, never leaving half a file behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from pgdesk import files
from pgdesk.domain.errors import PgdeskError

# The temporary file beside the target could not even be made: the folder is the problem.
_FOLDER_ERRORS = (errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS)


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """pgdesk.files.write_atomically, with a Dutch message (PgdeskError) when it fails."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        files.write_atomically(path, data)
    except OSError as exc:
        if exc.errno in _FOLDER_ERRORS:
            raise PgdeskError(f"Kan niet schrijven in de map {folder}: {exc.strerror}.") from None
        raise PgdeskError(f"Kan {path} niet schrijven: {exc.strerror}.") from None
