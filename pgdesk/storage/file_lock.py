"""One running pgdesk per database file: an exclusive lock on a file beside it (``PATH.lock``),
held while the database is open and let go by the system when the process ends, however it ends.

The lock file stays when released: were it removed, a second pgdesk could lock a new file of
that name while a first still held the old one. (The filelock package did this before; its import
alone cost tens of ms at every start.)
"""

from __future__ import annotations

import errno
import os


class Locked(Exception):
    """Another process, or another open of this one, holds the lock."""


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        try:  # the first byte; a lock of a region held by another handle fails at once
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                raise Locked from None
            raise

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        try:  # flock: held per open file, so a second open in this process is refused too
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Locked from None

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Raises Locked when held elsewhere, OSError when the file cannot be made or opened."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)
