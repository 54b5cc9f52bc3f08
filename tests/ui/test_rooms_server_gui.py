"""Two clients on one practice server, through the real window (issue 13): the first client's
change reaches the second's due list by NOTIFY within a second; a conversation taken over in
another room refuses the later write and keeps the earlier text; and the server killed in the
middle of typing: a banner, the text stays, and once the server is back it is written with every
confirmed answer still there."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pgdesk.storage import claims
from pgdesk.storage.access_log import Actor
from pgdesk.storage.repository import Store
from pgdesk.storage.session import ConsultationSession
from pgdesk.ui import plain


def _at_the_wheel(window, store):
    """A new conversation made through `store`, opened in `window` at the actiewiel: (its id,
    the consultation page)."""
    patient = store.add_patient("Fictief, Gerrit")
    cid = store.new_consultation(patient.id, None, "start").id
    window.open_consultation(cid)
    page = window.consultation_page
    page.go_to(2)
    return cid, page


@pytest.fixture(scope="module")
def cluster():
    """A server of this module's own: one test stops it."""
    from pg_cluster import own_cluster

    with own_cluster() as server:
        yield server


@pytest.fixture
def url(cluster):
    from pg_cluster import durable_database

    with durable_database(cluster) as url:
        yield url


@pytest.fixture
def client(url):
    """pgdesk in another room, on the same server."""
    store = Store.open_server(url, actor=Actor("Dr. A. de Vries", workstation="kamer 2"))
    yield store
    store.close()


@pytest.fixture
def server_window(open_window, url, instrument):
    store = Store.open_server(url, actor=Actor("B. Jansen", workstation="kamer 3"))
    pro = store.add_professional("B. Jansen", "poh-ggz")
    store.set_current_professional(pro.id)
    window = open_window(store, instrument)
    window.backups.enabled = False  # backups of a server are pg_dump's, not this test's
    yield window
    window.changes.stop()
    store.close()


def test_the_first_clients_change_reaches_the_seconds_due_list_by_notify(server_window, client,
                                                                          qtbot):
    due = server_window.list_page.due
    qtbot.waitUntil(lambda: server_window.changes._listener.listening.is_set(), timeout=10000)
    assert not due.items
    patient = client.add_patient("Fictief, Anna")
    start = (dt.date.today() - dt.timedelta(days=85)).isoformat()
    client.new_consultation(patient.id, None, "start", start)
    qtbot.waitUntil(lambda: [d.patient_id for d in due.items] == [patient.id], timeout=1000)


def test_the_later_write_is_refused_and_the_earlier_text_stays(server_window, client, nl,
                                                              qtbot, monkeypatch):
    cid, page = _at_the_wheel(server_window, client)  # kamer 3 opens it first and holds it
    wheel = page.wheel
    step = wheel.steps[wheel.index].id
    qtbot.keyClicks(wheel.answer, "Van kamer 3.")
    # meanwhile kamer 2 takes it over and writes the same answer first
    assert claims.claim(client, cid, take_over=True) is None
    ConsultationSession(client, nl, cid).set_wheel_answer(step, "Van kamer 2.")
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: warnings.append(a[2]))
    assert not wheel.flush()  # the later write: refused
    assert "overgenomen door Dr. A. de Vries (kamer 2)" in warnings[0]
    assert client.consultation(cid).wheel_answers[step] == "Van kamer 2."
    assert wheel.answer.toPlainText() == "Van kamer 3."  # still on screen
    qtbot.waitUntil(lambda: page.session.read_only, timeout=1000)  # the claim's NOTIFY
    monkeypatch.setattr(plain, "choose", lambda *a, **k: 0)  # "Kopiëren en sluiten"
    page.close_consultation()
    assert server_window.consultation_page is None
    assert QApplication.clipboard().text() == "Van kamer 3."


def test_the_server_killed_mid_typing_keeps_the_text_and_writes_it_when_back(
        cluster, server_window, url, qtbot, monkeypatch):
    store = server_window.store
    cid, page = _at_the_wheel(server_window, store)
    wheel = page.wheel
    confirmed = {}
    for text in ("Het gaat redelijk.", "Weer naar de markt lopen."):
        qtbot.keyClicks(wheel.answer, text)
        confirmed[wheel.steps[wheel.index].id] = text
        page.next()  # stores it: confirmed by the server
    assert store.consultation(cid).wheel_answers == confirmed
    boxes = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: boxes.append(a[2]))
    qtbot.keyClicks(wheel.answer, "Mijn dochter")
    cluster.kill()  # in the middle of typing
    qtbot.keyClicks(wheel.answer, " helpt.")
    assert not wheel.flush()
    banner = server_window.outage.banner
    assert banner.isVisible() and "niet bereikbaar" in banner.text.text()
    assert not boxes  # a banner, no box in the way of typing
    page.next()  # cannot leave the question: its text is not stored yet
    assert wheel.answer.toPlainText() == "Mijn dochter helpt."
    typed_at = wheel.steps[wheel.index].id
    cluster.start_again()
    qtbot.waitUntil(lambda: not server_window.outage.active, timeout=15000)  # retried
    assert "verbinding met de praktijkserver is terug" in banner.text.text()
    assert not boxes
    check = Store.open_server(url)
    try:
        assert check.consultation(cid).wheel_answers == confirmed | {typed_at: "Mijn dochter helpt."}
    finally:
        check.close()
    page.next()  # and the consult goes on
    assert wheel.index == 3


@pytest.fixture
def window_through_a_cable(cluster, url, open_window, instrument):
    """pgdesk in kamer 3, its connections through a proxy that can stop passing packets."""
    from stalling_proxy import StallingProxy

    proxy = StallingProxy(cluster.host, cluster.port)
    store = Store.open_server(url.replace(f":{cluster.port}/", f":{proxy.port}/"),
                              actor=Actor("B. Jansen", workstation="kamer 3"))
    store.set_current_professional(store.add_professional("B. Jansen", "poh-ggz").id)
    window = open_window(store, instrument)
    window.backups.enabled = False
    yield window, proxy
    window.changes.stop()
    store.close()
    proxy.close()


def test_a_cable_pulled_out_mid_typing_is_noticed_and_the_text_written_when_back(
        window_through_a_cable, url, qtbot, monkeypatch):
    """No RST, no FIN: the packets just stop. pgdesk notices within its configured time (the
    link timeout and the probe), keeps the text, says so in the banner, and writes the text
    once packets pass again."""
    from pgdesk.storage.postgres.connection import LINK_TIMEOUT_MS
    from pgdesk.storage.postgres.link_watch import PROBE_SECONDS

    window, proxy = window_through_a_cable
    store = window.store
    cid, page = _at_the_wheel(window, store)
    wheel = page.wheel
    qtbot.keyClicks(wheel.answer, "Het gaat redelijk.")
    confirmed = {wheel.steps[wheel.index].id: "Het gaat redelijk."}
    page.next()
    boxes = []
    monkeypatch.setattr(plain, "warning", lambda *a, **k: boxes.append(a[2]))
    qtbot.keyClicks(wheel.answer, "Mijn dochter")
    proxy.stop_forwarding()  # the cable out, in the middle of typing
    qtbot.keyClicks(wheel.answer, " helpt.")
    started = time.monotonic()
    assert not wheel.flush()
    assert time.monotonic() - started < LINK_TIMEOUT_MS / 1000 + PROBE_SECONDS + 3
    banner = window.outage.banner
    assert banner.isVisible() and "niet bereikbaar" in banner.text.text()
    assert not boxes
    assert wheel.answer.toPlainText() == "Mijn dochter helpt."
    typed_at = wheel.steps[wheel.index].id
    proxy.forward_again()  # the cable back in
    qtbot.waitUntil(lambda: not window.outage.active, timeout=20000)
    assert "verbinding met de praktijkserver is terug" in banner.text.text()
    assert not boxes
    check = Store.open_server(url)  # straight to the server, not through the cable
    try:
        assert check.consultation(cid).wheel_answers == confirmed | {typed_at: "Mijn dochter helpt."}
    finally:
        check.close()


def test_the_room_name_reaches_the_other_room(server_window, client, qtbot):
    patient = client.add_patient("Fictief, Truus")
    cid = client.new_consultation(patient.id, None, "start").id
    assert claims.claim(client, cid) is None
    server_window.show_patient(patient.id)
    page = server_window.patient_page
    assert "open bij Dr. A. de Vries (kamer 2)" in page.table.item(0, 3).text()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    bar = server_window.consultation_page.hold.bar
    assert "Open bij Dr. A. de Vries (kamer 2)" in bar.text.text()


def test_a_patient_on_a_laptop_shows_in_every_room(server_window, client, qtbot, tmp_path):
    from pgdesk.storage.keyring import FAST_KDF
    from pgdesk.storage.transfer import export_take_along
    from pgdesk.storage.transfer.away import unmark_taken_along

    patient = client.add_patient("Fictief, Anna")
    start = (dt.date.today() - dt.timedelta(days=85)).isoformat()
    client.new_consultation(patient.id, None, "start", start)
    page = server_window.list_page
    qtbot.waitUntil(lambda: server_window.changes._listener.listening.is_set(), timeout=10000)
    qtbot.waitUntil(lambda: [d.patient_id for d in page.due.items] == [patient.id], timeout=1000)
    page.refresh()
    export_take_along(client, [patient.id], "koffie bij de buren 42", tmp_path / "mee.pgtransfer",
                      params=FAST_KDF, laptop="Huisbezoek 1")
    away = "meegenomen op laptop Huisbezoek 1 sinds "
    qtbot.waitUntil(lambda: away in page.due.list.item(0).text(), timeout=1000)  # by NOTIFY
    name = page.model.data(page.model.index(0, 0))
    assert name.startswith("Fictief, Anna · " + away) and name.endswith("(Dr. A. de Vries)")
    server_window.show_patient(patient.id)
    details = server_window.patient_page.details
    assert away in details.text()
    with client.db.atomic():  # its bring-back read in kamer 2
        unmark_taken_along(client, [patient.id])
    qtbot.waitUntil(lambda: "meegenomen" not in details.text(), timeout=1000)
