"""Builds the self-contained app dist/pgdesk/ with PyInstaller (`make package` runs this).

    .venv/bin/python packaging/build.py

First checks that every tool the build needs is there, and names whatever is missing
(all at once) instead of failing halfway. Then builds from packaging/pgdesk.spec and prints
the bundle's size; on Linux the bundle must stay under 200 MB.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "pgdesk"
LIMIT_MB = 200  # the Linux bundle: a warning above 200 MB (10^6 bytes), an error above 200 MiB


def missing_tools() -> list[str]:
    missing = []
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing.append("PyInstaller in this Python: `make package` installs it, or "
                       f"`{sys.executable} -m pip install -e '.[package]'`")
    if sys.platform.startswith("linux"):
        for tool, why in (("objdump", "binutils"), ("strip", "binutils"), ("ldd", "libc-bin")):
            if shutil.which(tool) is None:
                missing.append(f"`{tool}` (Debian/Ubuntu package {why}; `bash scripts/system-deps.sh "
                               "package` installs it)")
    if not missing:
        from PyInstaller.depend.bindepend import get_python_library_path

        if get_python_library_path() is None:
            v = f"{sys.version_info[0]}.{sys.version_info[1]}"
            missing.append(f"the shared Python library libpython{v} (Debian/Ubuntu package "
                           f"libpython{v}; a pyenv Python needs PYTHON_CONFIGURE_OPTS=--enable-shared)")
    return missing


def tree_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            p = Path(root) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def main() -> int:
    missing = missing_tools()
    if missing:
        print("make package: cannot build, missing:", file=sys.stderr)
        for item in missing:
            print(f"  - {item}", file=sys.stderr)
        return 2
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
           str(ROOT / "packaging" / "pgdesk.spec")]
    print("make package:", " ".join(cmd[2:]), flush=True)
    print("make package: (warnings about libgtk-3, user32/ntdll or pyqtgraph.opengl/flowchart are "
          "expected: those parts are left out)", flush=True)
    r = subprocess.run(cmd, cwd=ROOT)
    if r.returncode != 0:
        print(f"make package: PyInstaller failed (exit {r.returncode})", file=sys.stderr)
        return r.returncode
    exe = BUNDLE / ("pgdesk.exe" if os.name == "nt" else "pgdesk")
    if not exe.is_file():
        print(f"make package: {exe} was not made", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):  # menu entry, AppStream data and their installer
        shutil.copytree(ROOT / "packaging" / "linux", BUNDLE / "linux", dirs_exist_ok=True)
    size = tree_size(BUNDLE)
    mb, mib = size / 1e6, size / 2**20
    print(f"make package: {exe.relative_to(ROOT)} built in {time.monotonic() - started:.0f} s; "
          f"{BUNDLE.relative_to(ROOT)}/ is {mb:.1f} MB ({mib:.1f} MiB) on {platform.system()} "
          f"{platform.machine()}")
    if sys.platform.startswith("linux") and mb >= LIMIT_MB:
        print(f"make package: the Linux bundle must stay under {LIMIT_MB} MB; see the excludes in "
              "packaging/pgdesk.spec", file=sys.stderr)
        return 1 if mib >= LIMIT_MB else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
