"""Smoke test of the frozen app in dist/pgdesk/: everything it needs must be inside the bundle.

    .venv/bin/python packaging/smoke_test.py [dist/pgdesk]

Only the frozen executable does the work; this script (any Python with pypdf) starts it and
reads what it wrote. Checks: the version; the shipped resources; a handout from the demo
database in Dutch and English (reportlab, fonts, instrument); the main window offscreen on a
demo database with a conversation open (Qt plugins, translations, icon, pyqtgraph, numpy);
an encrypted database made and checked with a passphrase on stdin (sqlcipher3, cryptography);
and a bundle with a resource missing, which must say in Dutch which file and exit non-zero.
Exit status 0 when all is well; every failure is named.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bundled import bundled_resources

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "rook-test-wachtwoord"
USER = "Dr. R. Rooktest"

failures: list[str] = []


def check(ok: bool, what: str, detail: str = "") -> bool:
    print(f"  {'ok  ' if ok else 'FOUT'} {what}" + (f"\n       {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(what)
    return ok


class Frozen:
    def __init__(self, exe: Path, home: Path):
        self.exe = exe
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PGDESK_DATA_DIR": str(home / "data"),
                    "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home), "LANG": "C.UTF-8"}
        for key in ("PGDESK_DB", "PGDESK_EXIT_AFTER_PAINT", "PYTHONPATH", "PYTHONHOME"):
            self.env.pop(key, None)

    def run(self, *args: str, stdin: str = "", env: dict | None = None, timeout: float = 60):
        started = time.monotonic()
        try:
            r = subprocess.run([str(self.exe), *args], input=stdin, capture_output=True, text=True,
                               timeout=timeout, env={**self.env, **(env or {})})
        except subprocess.TimeoutExpired as exc:
            r = subprocess.CompletedProcess(exc.cmd, 124, exc.stdout or "", f"timeout na {timeout} s")
        r.seconds = time.monotonic() - started
        return r


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def dimension_names(language: str) -> list[str]:
    data = json.loads((ROOT / "resources" / "instrument" / f"{language}.json").read_text("utf-8"))
    return [d["name"] for d in data["dimensions"]]


def copy_bundle(src: Path, dest: Path) -> None:
    """A copy to break on purpose: hard links where possible (instant), otherwise real copies."""
    try:
        shutil.copytree(src, dest, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest, symlinks=True)


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "pgdesk").resolve()
    # On Windows pgdesk.exe has no console (no stdout); pgdesk-cli.exe is the same program with one.
    exe = bundle / ("pgdesk-cli.exe" if os.name == "nt" else "pgdesk")
    if not exe.is_file():
        print(f"smoke_test: {exe} bestaat niet; bouw eerst met `make package`.", file=sys.stderr)
        return 2
    version = re.search(r'^__version__ = "([^"]+)"', (ROOT / "pgdesk" / "__init__.py").read_text(),
                        re.M).group(1)
    started = time.monotonic()
    print(f"smoke_test: {exe}")
    with tempfile.TemporaryDirectory(prefix="pgdesk-smoke-") as tmp:
        tmp = Path(tmp)
        app = Frozen(exe, tmp)

        r = app.run("--version")
        check(r.returncode == 0 and r.stdout.strip() == f"pgdesk {version}",
              f"--version zegt 'pgdesk {version}'", r.stdout + r.stderr)

        internal = next((p for p in (bundle / "_internal", bundle) if (p / "resources").is_dir()), bundle)
        wanted = bundled_resources()
        missing = [str(rel) for rel in wanted if not (internal / "resources" / rel).is_file()]
        check(not missing and len(wanted) >= 6,
              f"alle {len(wanted)} bestanden uit resources/ (instrument, lettertypen, vertaling, "
              "pictogram …) zitten in de bundel", f"ontbreekt: {missing}")

        for language in ("nl", "en"):
            out = tmp / f"samenvatting-{language}.pdf"
            r = app.run("handout", "--demo", "--lang", language, "--out", str(out))
            ok = check(r.returncode == 0 and out.is_file() and out.read_bytes()[:5] == b"%PDF-",
                       f"handout --demo --lang {language} schrijft een PDF ({r.seconds:.1f} s)",
                       r.stdout + r.stderr)
            if ok:
                text = pdf_text(out)
                names = dimension_names(language)
                found = [n for n in names if n in text]
                check(bool(found), f"de {language}-samenvatting noemt de dimensies ({len(found)}/6 heel)",
                      text[:300])

        # A window that cannot start shows a message box, which waits offscreen: hence the timeout.
        r = app.run("--demo", "--lang", "en", env={"PGDESK_EXIT_AFTER_PAINT": "consultation"},
                    timeout=30)
        line = next((x for x in r.stdout.splitlines() if x.startswith("pgdesk-painted ")), "")
        listed = next((x for x in r.stdout.splitlines() if x.startswith("pgdesk-list ")), "")
        check(r.returncode == 0 and "lang=en" in line and "icon=ok" in line
              and "preloaded=-" in line and "consultation=ok" in listed,
              "venster offscreen op de demodatabase: Engels, pictogram, geen grafiek- of PDF-"
              f"bibliotheek voor het eerste beeld, gesprek open ({r.seconds:.1f} s)",
              f"exit {r.returncode}: {line or r.stdout[-500:]} {r.stderr[-1500:]}")

        db = tmp / "praktijk.sqlite"
        r = app.run("init", "--db", str(db), "--user", USER, stdin=PASSPHRASE + "\n")
        check(r.returncode == 0 and "Herstelcode" in r.stdout + r.stderr and db.is_file()
              and not db.read_bytes().startswith(b"SQLite format 3"),
              f"init maakt een versleutelde database ({r.seconds:.1f} s)", r.stdout + r.stderr)
        r = app.run("check", "--db", str(db), "--user", USER, stdin=PASSPHRASE + "\n")
        check(r.returncode == 0, f"check opent hem met het wachtwoord ({r.seconds:.1f} s)",
              r.stdout + r.stderr)
        r = app.run("check", "--db", str(db), "--user", USER, stdin="fout-wachtwoord\n")
        check(r.returncode != 0 and "Traceback" not in r.stderr and "klopt niet" in r.stderr,
              "check met een fout wachtwoord: nette melding", r.stdout + r.stderr)

        # The practice server's driver (psycopg with its bundled libpq) is in the bundle: an
        # address where nothing listens gets the Dutch message, not an ImportError.
        r = app.run("check", "--server", "postgresql://smoke@127.0.0.1:1/pgdesk?sslmode=disable",
                    stdin="x\n")
        check(r.returncode == 2 and "niet bereikbaar" in r.stderr and "Traceback" not in r.stderr,
              "praktijkserver onbereikbaar: nette melding, exit 2", r.stdout + r.stderr)

        # Beside the bundle (same file system, so hard links work), removed afterwards.
        broken = Path(tempfile.mkdtemp(prefix=".smoke-kapot-", dir=bundle.parent)) / bundle.name
        try:
            copy_bundle(bundle, broken)
            broken_internal = broken / internal.relative_to(bundle)
            cases = (("fonts/DejaVuSans.ttf", ("handout", "--demo", "--out", str(tmp / "x.pdf"))),
                     ("instrument/nl.json", ("handout", "--demo", "--out", str(tmp / "y.pdf"))))
            for name, args in cases:
                target = broken_internal / "resources" / name
                target.unlink()
                r = Frozen(broken / exe.name, tmp).run(*args)
                check(r.returncode != 0 and Path(name).name in r.stderr
                      and "Traceback" not in r.stderr and r.stderr.startswith("pgdesk: "),
                      f"zonder {name}: Nederlandse melding die het bestand noemt, exit {r.returncode}",
                      r.stderr[-800:])
                shutil.copy2(internal / "resources" / name, target)
        finally:
            shutil.rmtree(broken.parent, ignore_errors=True)

    took = time.monotonic() - started
    if failures:
        print(f"smoke_test: {len(failures)} fout(en) in {took:.0f} s: " + "; ".join(failures))
        return 1
    print(f"smoke_test: alles goed ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
