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


WATCH_DIALOG_PAINT = """
import os, sys
import PySide6.QtCore as QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog

app = QApplication(sys.argv[:1])

class Watch(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and isinstance(obj.window(), QDialog)):
            # PySide6 builds the Qt namespace (hundreds of enums) on its first use
            print("Qt namespace" if "Qt" in vars(QtCore) else "no Qt namespace", flush=True)
            print("html" if "html" in sys.modules else "no html", flush=True)
            os._exit(0)
        return False

watch = Watch()
app.installEventFilter(watch)
from pgdesk.cli import main
main(["--db", sys.argv[1]])
"""


def test_the_unlock_dialog_paints_before_the_qt_namespace_is_built(tmp_path):
    from tests.security_helpers import make_encrypted

    db = tmp_path / "praktijk.db"
    make_encrypted(db)[0].close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PGDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PGDESK_EXIT_AFTER_PAINT", None)
    r = subprocess.run([sys.executable, "-c", WATCH_DIALOG_PAINT, str(db)], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.splitlines() == ["no Qt namespace", "no html"], r.stdout + r.stderr


def test_labels_show_text_literally_unless_rich_is_asked(qtbot):
    from PySide6.QtCore import Qt

    from pgdesk.ui import plain

    literal, rich = plain.Label("<b>Zoë</b>"), plain.Label("<b>vast</b>", rich=True)
    qtbot.addWidget(literal)
    qtbot.addWidget(rich)
    assert literal.textFormat() == Qt.TextFormat.PlainText
    assert rich.textFormat() == Qt.TextFormat.RichText


def test_the_list_page_is_built_in_place(qtbot, store, instrument, monkeypatch):
    """A widget given another parent is styled again with all it holds: the start's list page is
    made in the pages' stack, and the pages are put in the window before they hold it."""
    from pgdesk.ui import connection
    from pgdesk.ui import patient_list_page as list_module
    from pgdesk.ui.main_window import MainWindow

    seen = {}
    real_install, real_page = connection.install, list_module.PatientListPage.__init__

    def install(window, pages):
        seen["pages held"] = pages.findChildren(list_module.PatientListPage)
        return real_install(window, pages)

    def page_init(self, store, parent=None, **kwargs):
        seen["page parent"] = parent
        real_page(self, store, parent, **kwargs)

    monkeypatch.setattr(connection, "install", install)
    monkeypatch.setattr(list_module.PatientListPage, "__init__", page_init)
    window = MainWindow(store, instrument)
    qtbot.addWidget(window)
    assert seen["pages held"] == []
    assert seen["page parent"] is window.stack and window.list_page.parent() is window.stack


def test_the_demo_opens_without_checking_every_page_first(monkeypatch):
    """As a practice's database: every page is checked in the background once the window is up
    (ui.integrity_watch), not before the list can paint."""
    from pgdesk.storage.repository import Store
    from pgdesk.ui import app as app_module

    opened = []
    real = Store.open.__func__

    def record(cls, path, **kwargs):
        opened.append(kwargs)
        return real(cls, path, **kwargs)

    monkeypatch.setattr(Store, "open", classmethod(record))
    from pgdesk.ui.server_choice import choose

    store, keyring = app_module.open_store(choose(None, True, None))
    store.close()
    assert keyring is None and opened[-1] == {"full_check": False}  # the one it works with
