"""The patient list on both engines (issues 13, 16): a keystroke runs the search and nothing
else (the "meegenomen op laptop …" marks are held by the page, not read per keystroke), and the
marks still follow every take-along and bring-back: made in this room (the file gives no notice
of its own changes), or in another room (the file's poll, the server's NOTIFY)."""

from __future__ import annotations

import contextlib

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pgdesk.storage.access_log import Actor
from pgdesk.storage.engine import SERVER, dialect_of
from pgdesk.storage.repository import Store
from pgdesk.storage.transfer.away import mark_taken_along, unmark_taken_along
from pgdesk.ui import plain, transfer_dialogs
from pgdesk.ui.patient_list_page import PatientListPage
from tests.engines import pg_template, server_url  # noqa: F401  # fixtures for the server runs
from tests.storage.test_transfer import ANNA, TPW, bring_back, laptop_changes, make_sites, read_in
from tests.ui.test_transfer_gui import choosing

AWAY = "meegenomen op laptop Huisbezoek 2 sinds "


@pytest.fixture(params=["file", "server"])
def engine(request):
    return request.param


def _url(engine, request) -> str | None:
    return request.getfixturevalue("server_url") if engine == SERVER else None


@contextlib.contextmanager
def statements(store):
    """Every SQL statement `store`'s connection runs meanwhile, as the engine runs it."""
    seen: list[str] = []
    if dialect_of(store.db) == SERVER:
        conn, execute = store.db.conn, psycopg.Cursor.execute

        def recorded(cursor, query, *args, **kwargs):
            if cursor.connection is conn:
                seen.append(str(query))
            return execute(cursor, query, *args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(psycopg.Cursor, "execute", recorded)
            yield seen
    else:  # statements run inside one (the full-text index's own, "-- ...") are left out
        store.db.conn.set_trace_callback(lambda sql: sql.startswith("--") or seen.append(sql))
        try:
            yield seen
        finally:
            store.db.conn.set_trace_callback(None)


def _names(page) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def _shown(page, name: str) -> str:
    return next(n for n in _names(page) if n.startswith(name))


def test_a_keystroke_runs_the_search_alone(engine, request, tmp_path, qtbot):
    url = _url(engine, request)
    store = Store.open_server(url) if url else Store.open(tmp_path / "kamer.db")
    try:
        for i in range(30):
            store.add_patient(f"Jansen, Fien {i:02d}", "1950", f"10{i:02d}")
        anna = store.add_patient("Fictief, Anna", "1948", "P-0101")
        with store.db.atomic():
            mark_taken_along(store, "t1", [anna.id], "Huisbezoek 2")
        page = PatientListPage(store)
        qtbot.addWidget(page)
        page.show()
        page.search.setFocus()
        typed = ""
        for key in "fi a":
            typed += key
            with statements(store) as seen:
                qtbot.keyClick(page.search, key)
                qtbot.waitUntil(lambda: not page._timer.isActive(), timeout=2000)  # noqa: B023
            assert page.search.text() == typed
            # the search, one statement on both engines (each round trip counts on a
            # keystroke), nothing about laptops
            assert len(seen) == 1 and "patients" in seen[0], seen
            assert not any("taken_along" in s for s in seen), seen
        assert _names(page)[0].startswith("Fictief, Anna · meegenomen op laptop Huisbezoek 2")
        assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith(AWAY[:20])
        assert len(_names(page)) == 1  # "fi" and "a": Anna, none of the Fiens
    finally:
        store.close()


def test_the_mark_follows_a_take_along_and_a_bring_back_made_in_this_room(
        engine, request, tmp_path, open_window, instrument, qtbot, monkeypatch):
    s = make_sites(tmp_path / "sites", server=_url(engine, request))
    out = tmp_path / "mee.pgtransfer"
    monkeypatch.setattr(plain, "information", lambda *a: None)

    def accept(summary):
        monkeypatch.setattr(summary, "exec", lambda: QDialog.DialogCode.Accepted)

    take, read = transfer_dialogs.take_along, transfer_dialogs.read_transfer
    monkeypatch.setattr(transfer_dialogs.TakeAlongDialog, "exec", choosing(s.anna))
    # the window's own menu actions, with the file and its passphrase given instead of asked
    monkeypatch.setattr(transfer_dialogs, "take_along",
                        lambda parent, store, pre: take(parent, store, pre, path=out, passphrase=TPW))
    with s.open_practice() as p:
        pro = p.add_professional("B. Jansen", "poh-ggz")
        p.set_current_professional(pro.id)
        window = open_window(p, instrument)
        window.changes.stop()  # no notice of any change: what this room did itself must show
        page = window.list_page
        window.show_list()
        assert _shown(page, ANNA) == ANNA
        window.take_along()
        assert _shown(page, ANNA).startswith(f"{ANNA} · {AWAY}")
        read_in(s, out)
        laptop_changes(s)
        back = bring_back(s)
        monkeypatch.setattr(transfer_dialogs, "read_transfer", lambda parent, store: read(
            parent, store, path=back, passphrase=TPW, dialog_hook=accept))
        window.read_transfer()
        assert _shown(page, ANNA) == ANNA
        window.backups.enabled = False


def test_the_mark_follows_another_rooms_take_along_and_bring_back(
        engine, request, tmp_path, open_window, instrument, qtbot):
    url = _url(engine, request)
    here = Store.open_server(url) if url else Store.open(tmp_path / "praktijk.db")
    there_actor = Actor("Dr. A. de Vries", workstation="kamer 2")
    there = (Store.open_server(url, actor=there_actor) if url
             else Store.open(tmp_path / "praktijk.db", actor=there_actor, lock=False))
    try:
        pro = here.add_professional("B. Jansen", "poh-ggz")
        here.set_current_professional(pro.id)
        anna = there.add_patient(ANNA, "1948", "P-0101")
        window = open_window(here, instrument)
        if url:
            qtbot.waitUntil(lambda: window.changes._listener.listening.is_set(), timeout=10000)
        window.backups.enabled = False
        page = window.list_page
        window.show_list()
        assert _shown(page, ANNA) == ANNA
        with there.db.atomic():
            mark_taken_along(there, "t1", [anna.id], "Huisbezoek 2")
        qtbot.waitUntil(lambda: _shown(page, ANNA).startswith(f"{ANNA} · {AWAY}"), timeout=2000)
        with there.db.atomic():
            unmark_taken_along(there, [anna.id])
        qtbot.waitUntil(lambda: _shown(page, ANNA) == ANNA, timeout=2000)
        window.changes.stop()
    finally:
        there.close()
        here.close()
