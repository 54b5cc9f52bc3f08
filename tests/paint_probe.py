"""Starts pgdesk in a fresh interpreter that quits at a given paint (PGDESK_EXIT_AFTER_PAINT:
"frame", "1" for the patient list, "unlock"), for the tests of what the start does first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def start_until_paint(tmp_path: Path, stage: str, *args: str, timeout: float = 60
                      ) -> tuple[list[str], set[str]]:
    """pgdesk's printed lines and the modules it had imported when it quit (-X importtime)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGDESK_EXIT_AFTER_PAINT": stage,
           "PGDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PGDESK_DB", None)
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "pgdesk", *args], env=env,
                       capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stdout + r.stderr
    imported = {line.split("|")[-1].strip() for line in r.stderr.splitlines()
                if line.startswith("import time:")}
    return r.stdout.splitlines(), imported
