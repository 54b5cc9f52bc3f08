"""kill -9 while a transfer file is written: a readable file never exists without its access-log
line, and on the laptop the patients never count as brought back without the file (issue 11,
item 5).

The writer runs in a forked child (POSIX only) that kills itself right before its n-th file or
database call (a profile hook), so every step of writing is reached, not only the moments a
timer happens to hit. The kill points are the last calls (where the file is renamed and the
database commits) plus a seeded random sample of the rest; the counts are printed with -s.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest

from pgdesk.storage import transfer as tf
from pgdesk.storage.keyring import FAST_KDF
from tests.storage.test_transfer import (
    TPW,
    Sites,
    laptop_changes,
    make_sites,
    read_in,
    take_along,
    transfer_lines,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

SEED = 20261201
KILLS = 60           # per path, at least 50 as issue 11 asks
TAIL = 30            # of which the last calls, every one
# The calls that write: to the transfer file, to its folder, to the database.
WRITING = {"open", "write", "fsync", "replace", "rename", "link", "unlink", "mkstemp", "close",
           "execute", "executemany", "commit", "__exit__"}


def _profile(counter: list[int], kill_at: int | None):
    def hook(frame, event, arg):
        if event == "c_call" and getattr(arg, "__name__", "") in WRITING:
            counter[0] += 1
            if counter[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
    return hook


def _count_calls(work) -> int:
    counter = [0]
    sys.setprofile(_profile(counter, None))
    try:
        work()
    finally:
        sys.setprofile(None)
    return counter[0]


def _killed_at(work, n: int) -> bool:
    """Run work() in a child that dies before its n-th writing call; True if it was killed."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            sys.setprofile(_profile([0], n))
            work()
        except BaseException:
            code = 3
        finally:
            sys.setprofile(None)
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return os.WTERMSIG(status) == signal.SIGKILL
    assert os.WEXITSTATUS(status) == 0, f"the writer failed at kill point {n}"
    return False


def _kill_points(total: int) -> list[int]:
    tail = list(range(max(1, total - TAIL + 1), total + 1))
    rest = range(1, max(1, total - TAIL + 1))
    sample = random.Random(f"{SEED}/{total}").sample(rest, min(len(rest), KILLS - len(tail)))
    return sorted(sample + tail)


def _readable(files: Path) -> list[Path]:
    """Every file in the folder (hidden temporary files too) that opens as a transfer file."""
    out = []
    for p in files.iterdir():
        try:
            tf.unseal(p.read_bytes(), TPW)
        except tf.TransferError:
            continue
        out.append(p)
    return out


def _fresh(template: Sites, folder: Path) -> Sites:
    shutil.copytree(template.folder, folder)
    return Sites(folder, folder / "praktijk" / "praktijk.db", folder / "laptop" / "laptop.db",
                 template.anna, template.bert, template.cees, template.c1, template.c2,
                 template.service, folder / "usb")


@pytest.fixture(scope="module")
def before_out(tmp_path_factory) -> Sites:
    return make_sites(tmp_path_factory.mktemp("uit") / "sites")


@pytest.fixture(scope="module")
def before_back(tmp_path_factory) -> Sites:
    s = make_sites(tmp_path_factory.mktemp("terug") / "sites")
    read_in(s, take_along(s))
    laptop_changes(s)
    for leftover in s.files.iterdir():
        leftover.unlink()
    return s


def _out(s: Sites) -> None:
    with s.open_practice() as p:
        tf.export_take_along(p, [s.anna, s.bert], TPW, s.files / "mee.pgtransfer", params=FAST_KDF)


def _back(s: Sites) -> None:
    with s.open_laptop() as lap:
        tf.export_bring_back(lap, TPW, s.files / "terug.pgtransfer", params=FAST_KDF)


def _kill_run(template: Sites, tmp_path: Path, work, check) -> Counter:
    # Counted twice: the first run also does one-time work (imports, caches) the children skip.
    copies = [_fresh(template, tmp_path / f"tellen-{i}") for i in (1, 2)]
    total = [_count_calls(lambda s=s: work(s)) for s in copies][-1]
    seen: Counter = Counter()
    for n in _kill_points(total):
        s = _fresh(template, tmp_path / f"kill-{n}")
        if not _killed_at(lambda s=s: work(s), n):
            seen["not killed"] += 1
            continue
        seen["kills"] += 1
        seen[check(s)] += 1
        shutil.rmtree(s.folder)
    print(f"\n{work.__name__}: {total} writing calls; {dict(seen)}")
    return seen


def test_transfer_out_killed_anywhere_leaves_no_file_without_its_log_line(before_out, tmp_path):
    def check(s: Sites) -> str:
        readable = _readable(s.files)
        with s.open_practice() as p:
            logged = transfer_lines(p, s.anna) == ["E"] and transfer_lines(p, s.bert) == ["E"]
            assert transfer_lines(p, s.cees) == []
        assert logged or not readable, f"a readable file without its log line: {readable}"
        return "file and line" if readable else "line, no file" if logged else "nothing"

    seen = _kill_run(before_out, tmp_path, _out, check)
    assert seen["kills"] >= 50 and seen["file and line"] and seen["nothing"]


def test_transfer_back_killed_anywhere_leaves_no_file_without_its_line_nor_a_lost_change(
        before_back, tmp_path):
    def check(s: Sites) -> str:
        readable = _readable(s.files)
        with s.open_laptop() as lap:
            logged = transfer_lines(lap, s.anna) == ["C", "E"]
            unsent = {b.patient_id: b.unsent_changes for b in tf.brought_along(lap)}
        assert logged or not readable, f"a readable file without its log line: {readable}"
        # Anna counts as brought back only when her changes are in a file that exists.
        assert unsent[s.anna] or (s.files / "terug.pgtransfer") in readable
        return "file and line" if readable else "line, no file" if logged else "nothing"

    seen = _kill_run(before_back, tmp_path, _back, check)
    assert seen["kills"] >= 50 and seen["file and line"] and seen["nothing"]
