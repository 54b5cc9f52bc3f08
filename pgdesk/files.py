"""Writing a file so that a crash, a full disk or a pulled stick never leaves half of it: a
complete temporary file beside the target, flushed to disk, then renamed into place.

The one home of atomic writes for every layer (reports' PDFs, the keyring, transfer files,
backups); callers turn the OSError into their own Dutch message.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def stage(path: str | os.PathLike, data: bytes | Iterable[bytes]) -> Path:
    """`data` (bytes, or chunks of bytes written as they come) in a temporary file beside `path`
    (mode 0o600), synced to disk; the caller renames it into place (os.replace, atomic within
    the folder) or removes it."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".pgdesk-{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in (data,) if isinstance(data, bytes) else data:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomically(path: str | os.PathLike, data: bytes | Iterable[bytes], *,
                     exclusive: bool = False) -> None:
    """Write `data` to `path` all at once (the temporary file has mode 0o600). `exclusive`:
    FileExistsError instead of replacing a file that is already there."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = stage(path, data)
    try:
        if exclusive:
            # A hard link never replaces an existing file; fall back where links are not supported.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:
                if os.path.lexists(path):
                    raise FileExistsError(path) from None
                os.replace(tmp, path)
        else:
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    fsync_dir(folder)


def move_into_place(tmp: Path, target: Path) -> None:
    """A finished temporary file (written by someone else, e.g. SQLite) renamed onto `target`,
    durably: its content first, then the rename."""
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    fsync_dir(Path(target).parent)


def fsync_dir(directory: Path) -> None:
    """Make a rename itself durable; not possible on Windows, where it is skipped."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_size_limited() -> bool:
    """True when this process may not grow files without bound (RLIMIT_FSIZE, POSIX only)."""
    try:
        import resource
    except ImportError:
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def is_disk_full(exc: BaseException) -> bool:
    """Whether a failed write ran out of room: a full disk, a quota or a file-size limit.

    SQLite reports only ENOSPC as "database or disk is full"; a write refused with EFBIG
    (the file-size limit) reaches Python as a bare "disk I/O error". With such a limit in
    force that error is, in practice, the limit.
    """
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return True
    msg = (getattr(exc, "strerror", None) or str(exc)).lower()
    if "full" in msg or "no space" in msg or "too large" in msg or "quota" in msg:
        return True
    return "disk i/o" in msg and _file_size_limited()
