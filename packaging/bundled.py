"""Which files of resources/ go into the frozen app: all of them, except sources and the
installer-only icons. One list for the spec, the smoke test and the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"

# Translation sources (the .qm files are what Qt loads) and icons only installers use.
LEFT_OUT_SUFFIXES = {".ts", ".ico", ".icns"}
KEPT_PNG_ICONS = {"pgdesk-256.png"}  # the Linux menu icon (packaging/linux/install.sh)


def bundled_resources(resources: Path = RESOURCES) -> list[Path]:
    """Files relative to `resources`, e.g. Path("instrument/nl.json")."""
    out = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.suffix in LEFT_OUT_SUFFIXES or path.name.startswith("."):
            continue
        rel = path.relative_to(resources)
        if rel.parts[0] == "icons" and path.suffix == ".png" and path.name not in KEPT_PNG_ICONS:
            continue
        out.append(rel)
    return out


def pyinstaller_datas(resources: Path = RESOURCES) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) pairs for the spec's Analysis(datas=…)."""
    return [(str(resources / rel), str(Path("resources") / rel.parent))
            for rel in bundled_resources(resources)]
