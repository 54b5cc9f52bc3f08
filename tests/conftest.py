"""Shared fixtures: every test gets its own temporary database and data folder; the shipped
instruments (`instrument`/`nl`, `en`) and the main window as a user sees it (`window`,
`open_window`). Tests that drive Qt widgets are marked `gui` here, not in each file."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pgdesk.domain.content import shipped_instrument  # noqa: E402
from pgdesk.storage.repository import Store  # noqa: E402

TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Mark `gui` every test that drives Qt widgets: it uses qtbot (directly or through a
    fixture), lives in a *_gui.py file, or sits in a tests/ui folder."""
    for item in items:
        path = Path(str(item.fspath)).resolve()
        folders = path.parent.relative_to(TESTS).parts if path.is_relative_to(TESTS) else ()
        if ({"qtbot", "qapp"} & set(getattr(item, "fixturenames", ()))
                or path.stem.endswith("_gui") or "ui" in folders):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    monkeypatch.setenv("PGDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PGDESK_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL server for the whole session (tests/pg_cluster.py), stopped and
    removed at the end; skipped only where PostgreSQL is not installed at all."""
    from pg_cluster import PgCluster, find_bindir

    if find_bindir() is None:
        pytest.skip("PostgreSQL is niet geïnstalleerd (scripts/system-deps.sh installeert het)")
    cluster = PgCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_tls_cluster():
    """The same with TLS on (a self-signed certificate, `ca_path`), for verify-full."""
    from pg_cluster import PgCluster, find_bindir

    if find_bindir() is None:
        pytest.skip("PostgreSQL is niet geïnstalleerd (scripts/system-deps.sh installeert het)")
    cluster = PgCluster(tls=True).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def instrument():
    return shipped_instrument("nl")


@pytest.fixture(scope="session")
def nl():
    return shipped_instrument("nl")


@pytest.fixture(scope="session")
def en():
    return shipped_instrument("en")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "praktijk.sqlite"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def foreign_db(tmp_path):
    """A SQLite file of some other program (an accounting table)."""
    import sqlite3

    path = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE boekhouding (x)")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def professional(store):
    pro = store.add_professional("Test Huisarts", "huisarts")
    store.set_current_professional(pro.id)
    return pro


@pytest.fixture
def open_window(qtbot):
    """Open a MainWindow as a user sees it: 1280 x 800, shown and active. Its backups are
    switched off when the test ends, so closing it writes no backup of a test database."""
    from pgdesk.ui.main_window import MainWindow

    opened = []

    def open_(store, instrument, keyring=None):
        w = MainWindow(store, instrument, keyring)
        qtbot.addWidget(w)
        opened.append(w)
        w.resize(1280, 800)
        w.show()
        w.activateWindow()
        qtbot.waitActive(w)
        return w

    yield open_
    for w in opened:
        w.backups.enabled = False


@pytest.fixture
def window(open_window, store, professional, instrument):
    """The main window over the test's store, with a current professional."""
    return open_window(store, instrument)
