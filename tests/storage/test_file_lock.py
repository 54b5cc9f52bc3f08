"""The one-pgdesk-per-database lock (storage/file_lock.py): refused to a second holder, in this
process or another, free again on release or when its process dies, its file kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from pgdesk.storage.file_lock import FileLock, Locked

HOLD = """
import sys, time
from pgdesk.storage.file_lock import FileLock
FileLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(60)
"""

TRY = """
import sys
from pgdesk.storage.file_lock import FileLock, Locked
try:
    FileLock(sys.argv[1]).acquire()
except Locked:
    print("locked")
else:
    print("free")
"""


def _try(path) -> str:
    return subprocess.run([sys.executable, "-c", TRY, str(path)], capture_output=True, text=True,
                          timeout=60).stdout.strip()


def test_held_here_refused_in_another_process_and_free_after_release(tmp_path):
    path = tmp_path / "p.db.lock"
    lock = FileLock(str(path))
    lock.acquire()
    with pytest.raises(Locked):
        FileLock(str(path)).acquire()  # a second open in this process
    assert _try(path) == "locked"
    lock.release()
    assert _try(path) == "free"
    assert path.exists()  # kept: a second pgdesk never locks a new file beside a held one
    lock.release()  # twice is harmless


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_a_killed_holder_lets_go(tmp_path):
    path = tmp_path / "p.db.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert _try(path) == "locked"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert _try(path) == "free"


def test_a_lock_that_cannot_be_made_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        FileLock(str(tmp_path / "geen-map" / "p.db.lock")).acquire()
