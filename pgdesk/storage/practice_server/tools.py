"""PostgreSQL's own pg_dump and pg_restore: where they are, and how to hand them a connection
without putting the password on a command line."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

from psycopg import conninfo as pg_conninfo

from pgdesk.storage.practice_server.connect import ServerError

BINDIR_ENV = "PGDESK_PG_BINDIR"
_SEARCH = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin",
           "/Applications/Postgres.app/Contents/Versions/*/bin",
           "C:/Program Files/PostgreSQL/*/bin"]


def _version(folder: str) -> int:
    found = re.findall(r"(\d+)", folder)
    return int(found[-1]) if found else 0


def find(tool: str) -> Path:
    """pg_dump or pg_restore: from $PGDESK_PG_BINDIR when set (only there), else the newest
    installed PostgreSQL, else PATH (newest first: an older pg_dump refuses a newer server)."""
    exe = tool + (".exe" if os.name == "nt" else "")
    chosen = os.environ.get(BINDIR_ENV)
    folders = [chosen] if chosen else [
        f for pattern in _SEARCH for f in sorted(glob.glob(pattern), key=_version, reverse=True)]
    for folder in folders:
        if (Path(folder) / exe).is_file():
            return Path(folder) / exe
    on_path = None if chosen else shutil.which(tool)
    if on_path:
        return Path(on_path)
    raise ServerError(f"{tool} is niet gevonden. Installeer de PostgreSQL-programma's (Debian/Ubuntu: "
                      "apt install postgresql-client; Windows: de PostgreSQL-installer, onderdeel "
                      f"Command Line Tools) of zet de map met {tool} in {BINDIR_ENV}. "
                      "Er is niets veranderd.")


def environment(params: dict, password: str | None) -> tuple[str, dict]:
    """The conninfo for --dbname (without the password) and the environment (with PGPASSWORD),
    so the password never shows in the list of running processes."""
    params = {k: v for k, v in params.items() if k != "password" and v not in (None, "")}
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    return pg_conninfo.make_conninfo(**params), env


def run_checked(args: list, *, what: str, env: dict, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(args, env=env, capture_output=True, **kw)
    if done.returncode != 0:
        raise ServerError(f"{what} is niet gelukt: {tool_message(done.stderr)} Er is niets veranderd.")
    return done


def tool_message(stderr: bytes | str) -> str:
    """pg_dump/pg_restore's own complaint, the first lines; its text is about objects and the
    connection, never about the data."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:3]
    if any("server version mismatch" in ln for ln in lines):
        return ("de PostgreSQL-programma's op deze computer zijn ouder dan de server; installeer "
                "dezelfde of een nieuwere versie.")
    return " ".join(lines) or "onbekende fout."
