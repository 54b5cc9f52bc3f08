"""What the start leaves out until it is needed: the patient list of the demo paints without
sqlite-utils' plugin machinery, the key library or the transfer machinery, and no module's
source is read on the way (PySide6 would read each one's, see pgdesk/ui/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.paint_probe import start_until_paint


def test_the_demo_list_paints_without_plugins_key_library_or_transfer_files(tmp_path):
    lines, imported = start_until_paint(tmp_path, "1", "--demo", timeout=120)
    assert any(x.startswith("pgdesk-list ") for x in lines)
    assert "pgdesk.storage.transfer" in imported  # the list asks who is on a laptop
    for late in ("pluggy", "click",  # sqlite-utils' plugins and its command line
                 "cryptography", "pgdesk.storage.keyring",  # an unencrypted demo has no keys
                 "pgdesk.storage.transfer.apply", "pgdesk.storage.transfer.fileformat",
                 "pgdesk.storage.transfer.plan"):
        assert late not in imported, late


SQLITE_UTILS_STILL_WORKS = """
import sys
import pgdesk.storage.repository
assert "pluggy" not in sys.modules and "click" not in sys.modules, "plugin machinery imported"
import sqlite_utils
db = sqlite_utils.Database(memory=True)
db["t"].insert({"a": 1})
assert list(db["t"].rows) == [{"a": 1}]
import sqlite_utils.utils, click
assert sqlite_utils.utils.click.progressbar is click.progressbar  # imported when first used
print("ok")
"""


def test_storage_imports_no_plugin_machinery_and_sqlite_utils_still_works():
    r = subprocess.run([sys.executable, "-c", SQLITE_UTILS_STILL_WORKS], capture_output=True,
                       text=True, timeout=60)
    assert r.stdout.strip() == "ok", r.stdout + r.stderr


SOURCE_NOT_READ = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import pgdesk.ui.app  # Qt first, as at every start
import fresh_module_for_the_test as fresh
print("read" if fresh.__file__ in linecache.cache else "not read")
"""


def test_modules_imported_after_qt_are_not_read_as_source(tmp_path):
    (tmp_path / "fresh_module_for_the_test.py").write_text("VALUE = 1\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", SOURCE_NOT_READ, str(tmp_path)],
                       capture_output=True, text=True, timeout=60,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.stdout.strip() == "not read", r.stdout + r.stderr
