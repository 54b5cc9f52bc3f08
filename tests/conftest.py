"""Shared fixtures: every test gets its own temporary database and data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pgdesk.domain.content import shipped_instrument  # noqa: E402
from pgdesk.storage.repository import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    monkeypatch.setenv("PGDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PGDESK_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def instrument():
    return shipped_instrument("nl")


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
