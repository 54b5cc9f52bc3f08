"""Packaging without building: the spec, installers, icons and metadata are consistent, the
dependencies stay lean, and the first-paint probe the smoke test and benchmarks rely on works.
(The frozen app itself is checked by `make package && make smoke`.)"""

from __future__ import annotations

import configparser
import os
import re
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pgdesk import __version__
from tests.paint_probe import start_until_paint

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def test_spec_is_python_reads_the_one_version_and_bundles_the_resources():
    spec = (PACKAGING / "pgdesk.spec").read_text(encoding="utf-8")
    compile(spec, "pgdesk.spec", "exec")
    assert '__version__ = "([^"]+)"' in spec and __version__ not in spec
    assert "pyinstaller_datas(" in spec
    for unwanted in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "tkinter"):
        assert f'"{unwanted}"' in spec

    sys.path.insert(0, str(PACKAGING))
    try:
        from bundled import bundled_resources, pyinstaller_datas
    finally:
        sys.path.remove(str(PACKAGING))
    files = {str(p).replace(os.sep, "/") for p in bundled_resources()}
    assert {"instrument/nl.json", "instrument/en.json", "fonts/DejaVuSans.ttf",
            "fonts/DejaVuSans-Bold.ttf", "translations/pgdesk_en.qm", "icons/pgdesk.svg"} <= files
    assert not any(f.endswith((".ts", ".ico", ".icns")) for f in files)
    # Every file the app reads through pgdesk.paths is in resources/, hence bundled.
    everything = {str(p.relative_to(ROOT / "resources")).replace(os.sep, "/")
                  for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert {f for f in everything - files
            if not f.endswith((".ts", ".ico", ".icns", ".png"))} == set()
    assert all(Path(src).is_file() and dest.startswith("resources") for src, dest in pyinstaller_datas())


def test_dependencies_stay_lean():
    """PySide6-Essentials plus the PDF wheel: never the full PySide6 (WebEngine)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = [re.split(r"[<>=;\s\[]", d, maxsplit=1)[0].lower() for d in project["dependencies"]]
    assert "pyside6" not in names
    assert "pyside6-essentials" in names and "pyside6-pdf" in names
    addons = [d for d in project["dependencies"] if d.lower().startswith("pyside6-addons")]
    assert all("python_version < '3.12'" in d for d in addons)
    assert "pyinstaller" in " ".join(project["optional-dependencies"]["package"]).lower()
    if sys.version_info >= (3, 12):
        from importlib.metadata import PackageNotFoundError, distribution

        for heavy in ("PySide6", "PySide6_Addons"):
            with pytest.raises(PackageNotFoundError):
                distribution(heavy)


def test_icons_are_rendered_from_the_svg():
    for size in (16, 32, 48, 64, 128, 256, 512):
        data = (ICONS / f"pgdesk-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = (ICONS / "pgdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    for i in range(count):
        size, offset = struct.unpack("<II", ico[6 + 16 * i + 8:6 + 16 * i + 16])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(ico)
    icns = (ICONS / "pgdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_linux_desktop_entry_and_appstream_metadata():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "pgdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] == "pgdesk"
    assert desktop["Icon"] == "nl.pgdesk.pgdesk" and desktop["Categories"].endswith(";")
    assert "Name[nl]" in entry["Desktop Action demo"]

    root = ET.parse(PACKAGING / "linux" / "nl.pgdesk.pgdesk.metainfo.xml").getroot()  # well-formed
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "nl.pgdesk.pgdesk"
    assert root.findtext("launchable") == "nl.pgdesk.pgdesk.desktop"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "EUPL-1.2"
    assert root.find("releases/release").get("version") == "@VERSION@"  # filled in by install.sh
    assert "@VERSION@" in (PACKAGING / "linux" / "install.sh").read_text()


def test_windows_installer_takes_the_version_from_outside_and_can_install_per_user():
    iss = (PACKAGING / "windows" / "pgdesk.iss").read_text(encoding="utf-8")
    assert iss.isascii()
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert "{autoprograms}" in iss and "UninstallDisplayIcon" in iss
    code = "\n".join(line for line in iss.splitlines() if not line.lstrip().startswith(";"))
    assert not re.search(r"AppVersion\s*=\s*\d", code) and "#ifndef AppVersion" in code
    icon = re.search(r"SetupIconFile=(.+)", iss).group(1).strip().replace("\\", "/")
    assert (PACKAGING / "windows" / icon).resolve().is_file()
    assert "/DAppVersion=$version" in (PACKAGING / "windows" / "build.ps1").read_text()


def test_ci_runs_the_tests_then_builds_and_smoke_tests_the_frozen_app():
    steps = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
             if line.startswith("make ")]
    assert steps == ["make test", "make package", "make smoke"]


# Run in a fresh Python: the frozen app's entry point installs its stand-ins, then makes PDFs
# with reportlab and draws the spinnenweb with pyqtgraph, as the bundle does.
_WITH_STAND_INS = """
import runpy, sys
from pathlib import Path
out = Path(sys.argv[2])
main = runpy.run_path(sys.argv[1], run_name="pgdesk_entry")["main"]
assert main(["handout", "--demo", "--lang", "en", "--out", str(out / "handout.pdf")]) == 0
assert main(["paper-web", "--paper", "A5", "--out", str(out / "web.pdf")]) == 0
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pgdesk.ui.radar import RadarWidget
radar = RadarWidget(["een", "twee", "drie", "vier", "vijf", "zes"])
radar.resize(400, 400)
radar.show()
app.processEvents()
assert not radar.grab().isNull()
import reportlab.lib.utils
assert reportlab.lib.utils.haveImages is False
# the stand-ins, not the installed modules (those have an import spec)
assert all(sys.modules[m].__spec__ is None
           for m in ("PIL", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"))
print("stand-ins ok")
"""


def test_the_bundle_works_without_what_its_entry_stands_in_for(tmp_path):
    """The bundle leaves Pillow and Qt's OpenGL modules out (pgdesk.spec, for the 200 MB
    budget) and packaging/entry.py gives reportlab and pyqtgraph stand-ins: reportlab's own
    no-Pillow case, OpenGL classes that can be named but not made. PDFs and the chart work."""
    spec = (PACKAGING / "pgdesk.spec").read_text(encoding="utf-8")
    for left_out in ("PIL", "QtOpenGL", "QtOpenGLWidgets", "ssl"):
        assert f'"{left_out}"' in spec, left_out
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGDESK_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    env.pop("PGDESK_DB", None)
    r = subprocess.run([sys.executable, "-c", _WITH_STAND_INS, str(PACKAGING / "entry.py"),
                        str(tmp_path)], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "stand-ins ok" in r.stdout, r.stdout + r.stderr
    for pdf in ("handout.pdf", "web.pdf"):
        assert (tmp_path / pdf).read_bytes()[:5] == b"%PDF-"


def test_first_paint_probe_reports_and_quits(tmp_path):
    """PGDESK_EXIT_AFTER_PAINT: what the smoke test and the start benchmark read."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGDESK_EXIT_AFTER_PAINT": "1",
           "PGDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PGDESK_DB", None)
    r = subprocess.run([sys.executable, "-m", "pgdesk", "--demo", "--lang", "en"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("pgdesk-painted "))
    listed = next(x for x in r.stdout.splitlines() if x.startswith("pgdesk-list "))
    assert 0 < float(line.split()[1]) <= float(listed.split()[1])  # the frame, then the list
    assert "lang=en" in line and "icon=ok" in line
    # Fast start, on the real start path: no chart or PDF library before the first paint.
    assert "preloaded=-" in line


def test_the_frame_paints_before_storage_or_the_pages_are_imported(tmp_path):
    """The first paint waits for Qt alone: storage, sqlite-utils and the window's pages come
    after it (PGDESK_EXIT_AFTER_PAINT=frame quits at that paint; what it imported is printed
    by the interpreter's -X importtime)."""
    lines, imported = start_until_paint(tmp_path, "frame", "--demo")
    assert any(x.startswith("pgdesk-painted ") for x in lines)
    assert "PySide6.QtWidgets" in imported
    for late in ("sqlite_utils", "pgdesk.storage", "pgdesk.ui.main_window", "pgdesk.ui.plain",
                 "pgdesk.domain.content", "sqlcipher3"):
        assert late not in imported, late
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.sqlite"))


def test_unlock_probe_reports_the_unlock_dialog(tmp_path):
    """PGDESK_EXIT_AFTER_PAINT=unlock: what the start benchmark reads for an encrypted database
    (the frame first, then the unlock dialog over it)."""
    from tests.security_helpers import make_encrypted

    store, _ = make_encrypted(tmp_path / "praktijk.db")
    store.close()
    lines, _ = start_until_paint(tmp_path, "unlock", "--db", str(tmp_path / "praktijk.db"))
    frame = next(x for x in lines if x.startswith("pgdesk-painted "))
    dialog = next(x for x in lines if x.startswith("pgdesk-dialog "))
    assert float(frame.split()[1]) <= float(dialog.split()[1])
