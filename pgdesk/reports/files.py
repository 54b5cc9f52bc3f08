"""Writing a finished report to a file the user chose, never leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pgdesk.domain.errors import PgdeskError


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write next to the target and rename, so a failure never leaves half a file."""
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
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PgdeskError(f"Kan {path} niet schrijven: {exc.strerror}.") from None
