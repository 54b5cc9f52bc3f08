"""The files beside a database, and finishing or undoing what a crash interrupted.

Set-up, conversion and restore each change several files. Each has one commit point (an
atomic rename); the files that exist tell how far a run got, and `recover` finishes a run
that passed its commit point and removes the traces of one that did not:

- set-up and conversion build the encrypted database as `<db>.nieuw.part` and write the
  keyring as `<db>.keys.pending`; renaming the new database over `<db>` commits, and the
  keyring is then renamed into place. A plain database being converted keeps a second name,
  `<db>.onversleuteld`, until its content is overwritten.
- restore writes a verified copy as `<db>.herstel.part`, records where the current database
  goes in `<db>.herstel.json`, and commits by renaming the copy to `<db>.herstel.klaar`.

Copies kept aside (`<db>.v<N>.bak` before a migration, `<db>.voor-herstel-<time>` before a
restore) live as long as the erase dialog promises: twelve months.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from pgdesk.domain.retention import copy_expired
from pgdesk.files import fsync_dir
from pgdesk.storage import driver
from pgdesk.storage.errors import StorageError

STAMP = "%Y%m%d-%H%M%S"


class MissingDatabase(StorageError):
    """The database file is gone or empty while its key file or copies are still there."""


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def keys_of(path: Path) -> Path:
    return _beside(path, ".keys")


def pending_keys(path: Path) -> Path:
    return _beside(path, ".keys.pending")


def staging(path: Path) -> Path:
    return _beside(path, ".nieuw.part")


def plain_copy(path: Path) -> Path:
    return _beside(path, ".onversleuteld")


def restore_part(path: Path) -> Path:
    return _beside(path, ".herstel.part")


def restore_ready(path: Path) -> Path:
    return _beside(path, ".herstel.klaar")


def restore_plan(path: Path) -> Path:
    return _beside(path, ".herstel.json")


SIDECARS = ("-wal", "-shm", "-journal")


def with_sidecars(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{s}") for s in SIDECARS)]


def remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def private(path: Path) -> None:
    """Owner only: patient data is never readable by other accounts (no-op where unsupported)."""
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def has_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _is_plain(path: Path) -> bool:
    try:
        return has_content(path) and driver.is_plain_sqlite(path)
    except OSError:
        return False


def _overwritten(path: Path) -> bool:
    """A copy whose shredding a crash interrupted (its first bytes already zero)."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"\0" * 16
    except OSError:
        return False


def overwrite(fh) -> None:
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    fh.seek(0)
    chunk = b"\0" * 65536
    for _ in range(0, size, len(chunk)):
        fh.write(chunk)
    fh.flush()
    os.fsync(fh.fileno())


def shred(path: Path) -> None:
    """Overwrite a plaintext file before unlinking it (best effort: SSDs may keep old blocks)."""
    if path.exists():
        with path.open("r+b") as fh:
            overwrite(fh)
        path.unlink()


# --- What a crash left behind ----------------------------------------------------------------------


def interrupted(path: Path) -> bool:
    """Whether files of an unfinished set-up, conversion or restore lie beside `path`."""
    return any(p.exists() for p in (pending_keys(path), staging(path), plain_copy(path),
                                    restore_part(path), restore_ready(path), restore_plan(path)))


def recover(path: Path) -> None:
    """Finish or undo what a crash interrupted; the caller holds the database lock."""
    path = Path(path)
    _recover_restore(path)
    _recover_setup(path)
    cleanup_plaintext(path)


def _recover_setup(path: Path) -> None:
    if staging(path).exists():
        # Not committed: the database (plain, or absent for a set-up) is as it was.
        remove(*with_sidecars(staging(path)), pending_keys(path), plain_copy(path))
        return
    if pending_keys(path).exists():
        if has_content(path) and not driver.is_plain_sqlite(path) and not keys_of(path).exists():
            os.replace(pending_keys(path), keys_of(path))  # committed: the keys belong to it
            fsync_dir(path.parent)
        else:
            remove(pending_keys(path))


def cleanup_plaintext(path: Path) -> None:
    """Once a database is encrypted, no plain copy that pgdesk made of it may stay beside it."""
    if not keys_of(path).exists() or not has_content(path) or driver.is_plain_sqlite(path):
        return
    if plain_copy(path).exists() and not os.path.samefile(plain_copy(path), path):
        shred(plain_copy(path))  # even a half-overwritten one
    for copy in kept_copies(path):
        if not copy.name.endswith(SIDECARS) and (_is_plain(copy) or _overwritten(copy)):
            for side in with_sidecars(copy):
                shred(side)


def glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)


# --- Restore ----------------------------------------------------------------------------------------


def aside_name(path: Path, now: dt.datetime) -> Path:
    """`<db>.voor-herstel-<time>`, never one that exists (two restores in one second)."""
    base = _beside(path, f".voor-herstel-{now.strftime(STAMP)}")
    candidate, n = base, 1
    while any(p.exists() for p in with_sidecars(candidate)):
        n += 1
        candidate = Path(f"{base}-{n}")
    return candidate


def commit_restore(path: Path, aside: Path | None) -> None:
    """Record the plan, then commit by renaming the verified copy; then carry it out."""
    plan = restore_plan(path)
    tmp = _beside(plan, ".tmp")
    tmp.write_text(json.dumps({"aside": aside.name if aside else None}), encoding="utf-8")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, plan)
    with restore_part(path).open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(restore_part(path), restore_ready(path))
    fsync_dir(path.parent)
    _finish_restore(path)


def _finish_restore(path: Path) -> None:
    """Move the current database (with its WAL) aside, then put the restored one in place.

    Every step can be repeated after a crash: the main file is kept aside by a hard link (or
    a copy) before anything is renamed, so `<db>` never disappears, and the old WAL is moved
    away before the new file arrives, so it can never be replayed onto the restored one.
    """
    name = json.loads(restore_plan(path).read_text(encoding="utf-8"))["aside"]
    aside = path.with_name(name) if name else None
    if aside is not None and path.exists() and not aside.exists():
        _link_or_copy(path, aside)
        private(aside)
    for suffix in SIDECARS:
        side = Path(f"{path}{suffix}")
        if side.exists() and aside is not None:
            os.replace(side, Path(f"{aside}{suffix}"))
        else:
            remove(side)  # a WAL without its database must never meet the restored one
    os.replace(restore_ready(path), path)
    fsync_dir(path.parent)
    remove(restore_plan(path))


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        import shutil

        tmp = _beside(dst, ".part")
        shutil.copyfile(src, tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    fsync_dir(dst.parent)


def _recover_restore(path: Path) -> None:
    if restore_ready(path).exists() and restore_plan(path).exists():
        _finish_restore(path)
        return
    remove(restore_part(path), restore_ready(path), restore_plan(path),
           _beside(restore_plan(path), ".tmp"))


# --- Refusing to start over a lost database ---------------------------------------------------------


def kept_copies(path: Path) -> list[Path]:
    name = glob_escape(path.name)
    return sorted([*path.parent.glob(f"{name}.voor-herstel-*"), *path.parent.glob(f"{name}.v*.bak")])


def require_database(path: Path, backups: Path | None = None) -> None:
    """Raise MissingDatabase when `path` is missing or empty but something says it existed."""
    path = Path(path)
    if has_content(path):
        return
    traces = [p for p in (keys_of(path), pending_keys(path)) if p.exists()] + kept_copies(path)
    if backups is not None and backups.is_dir():
        traces += sorted(backups.glob("pgdesk-*.pgbackup"))[-1:]
    if traces:
        state = "is leeg" if path.exists() else "ontbreekt"
        raise MissingDatabase(
            f"De database {path} {state}, maar er is nog {traces[0]}. pgdesk maakt hier geen nieuwe, "
            "lege database: zet de database of de nieuwste reservekopie terug "
            f"(pgdesk restore --db {path} --user NAAM BESTAND). Er is niets veranderd.")


# --- Lifetimes ----------------------------------------------------------------------------------------


def _made_at(copy: Path) -> dt.datetime:
    match = re.search(r"\.voor-herstel-(\d{8}-\d{6})", copy.name)
    if match:
        try:
            return dt.datetime.strptime(match.group(1), STAMP)
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(copy.stat().st_mtime)


def expire_copies(path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete kept-aside copies older than their lifetime; returns what went."""
    now = now or dt.datetime.now()
    gone = []
    for copy in kept_copies(path):
        if copy.name.endswith(SIDECARS):
            continue
        try:
            if copy_expired(_made_at(copy), now):
                for side in with_sidecars(copy):
                    (shred if _is_plain(side) else remove)(side)
                gone.append(copy)
        except OSError:
            continue
    return gone
