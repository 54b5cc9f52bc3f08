"""Small helpers shared by the benchmarks: percentiles, memory, the machine, child processes."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MiB."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        kib = {k: int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM")}
        return kib["VmRSS"] / 1024, kib["VmHWM"] / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    return peak_mb, peak_mb


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    elif sys.platform == "darwin":
        cpu = subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True,
                             text=True).stdout.strip() or cpu
    return {"arch": platform.machine(), "cpu": cpu, "cores": os.cpu_count(),
            "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version()}


def clean_env(tmp: Path, **extra: str) -> dict:
    """Offscreen Qt, and a data folder and settings of its own (never the user's)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGDESK_DATA_DIR": str(tmp / "data"),
           "XDG_CONFIG_HOME": str(tmp / "config"), "PYTHONPATH": str(ROOT)}
    env.pop("PGDESK_DB", None)
    env.pop("PGDESK_EXIT_AFTER_PAINT", None)
    env.update(extra)
    return env


def probe(name: str, *args: str, timeout: float = 600) -> dict:
    """Run `python -m bench.probes NAME ARGS` in a fresh process; its last stdout line is JSON."""
    with tempfile.TemporaryDirectory(prefix="pgdesk-bench-") as tmp:
        r = subprocess.run([sys.executable, "-m", "bench.probes", name, *args], cwd=ROOT,
                           env=clean_env(Path(tmp)), capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"probe {name} failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])
