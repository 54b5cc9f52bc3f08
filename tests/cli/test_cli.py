"""The command line, run as a user would run it (a real subprocess)."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader

from pgdesk import __version__
from pgdesk.domain.content import shipped_instrument


def pgdesk(*args, **kw):
    return subprocess.run([sys.executable, "-m", "pgdesk", *args], capture_output=True, text=True,
                          timeout=120, **kw)


def test_version():
    r = pgdesk("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_handout_of_demo_holds_every_dimension_and_the_plan(tmp_path):
    out = tmp_path / "h.pdf"
    r = pgdesk("handout", "--demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    for d in shipped_instrument("nl").dimensions:
        assert d.name in " ".join(text.split()), d.name
    assert "Mijn eerste stap" in text


def test_demo_then_handout_of_latest_and_by_id(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert pgdesk("demo", str(db)).returncode == 0
    assert db.exists()
    r = pgdesk("demo", str(db))
    assert r.returncode != 0 and "bestaat al" in r.stderr
    from pgdesk.storage.repository import Store

    s = Store.open(db)
    cid = s.latest_consultation_id()
    first_step = s.consultation(cid).plan.first_step
    s.close()
    out = tmp_path / "latest.pdf"
    r = pgdesk("handout", "--db", str(db), "--consultation", "latest", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = " ".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert first_step in text
    r = pgdesk("handout", "--db", str(db), "--consultation", cid, "--out", str(out))
    assert r.returncode == 0, r.stderr


def test_errors_are_dutch_on_stderr_with_nonzero_exit(tmp_path):
    r = pgdesk("handout", "--db", str(tmp_path / "bestaatniet.sqlite"), "--out",
               str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and "bestaat niet" in r.stderr
    foreign = tmp_path / "brief.sqlite"
    foreign.write_text("geen database", encoding="utf-8")
    r = pgdesk("handout", "--db", str(foreign), "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and "geen pgdesk-database" in r.stderr
    assert foreign.read_text(encoding="utf-8") == "geen database"
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_output_folder_leaves_no_file(tmp_path):
    r = pgdesk("handout", "--demo", "--out", str(tmp_path / "nietbestaand" / "h.pdf"))
    assert r.returncode == 2 and "Kan niet schrijven" in r.stderr
    assert not (tmp_path / "nietbestaand").exists()


def test_headless_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys; from pgdesk.cli import main; "
        f"rc = main(['handout', '--demo', '--out', {str(tmp_path / 'h.pdf')!r}]); "
        "assert rc == 0; assert 'PySide6' not in sys.modules, 'Qt was imported'; print('ok')"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "ok" in r.stdout, r.stderr
