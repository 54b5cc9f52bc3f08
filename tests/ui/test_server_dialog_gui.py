"""Praktijk → Verbinden met de praktijkserver… (issue 13): the address and user name are
remembered for this workstation, a password never; the next start without --db, --demo, --server
or PGDESK_SERVER opens that server, the password asked in a dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from pgdesk.ui import app, plain, server_choice, server_dialog


def _fill(address: str, user: str, seen: list[str]) -> None:
    """Types into the real dialog once it is open and presses Bewaren; notes its error line."""
    def fill():
        dialog = QApplication.activeModalWidget()
        dialog.address.setText(address)
        dialog.user.setText(user)
        dialog._try_accept()
        if dialog.isVisible():  # refused: what it says, then Annuleren
            seen.append(dialog.error.text())
            dialog.reject()
    QTimer.singleShot(0, fill)


@pytest.fixture
def told(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(plain, "information", lambda parent, title, text, *a: said.append(text))
    return said


def test_the_address_is_remembered_and_a_password_in_it_refused(qtbot, told):
    seen: list[str] = []
    _fill("postgresql://dokter:geheim@praktijkserver/pgdesk", "dokter", seen)
    server_dialog.connect_from_menu(None)
    assert "wachtwoord" in seen[0] and told == []
    assert server_dialog.remembered() is None and "geheim" not in str(QSettings().allKeys())

    _fill("postgresql://x@[bad/db", "dokter", seen)
    server_dialog.connect_from_menu(None)
    assert "Het adres van de praktijkserver is ongeldig" in seen[1] and told == []

    _fill(" postgresql://praktijkserver/pgdesk ", "dokter", seen)
    server_dialog.connect_from_menu(None)
    assert server_dialog.remembered() == ("postgresql://praktijkserver/pgdesk", "dokter")
    assert told == ["pgdesk gebruikt de praktijkserver bij de volgende start."]

    _fill("", "", seen)  # back to the file on this computer
    server_dialog.connect_from_menu(None)
    assert server_dialog.remembered() is None
    assert told[-1] == "pgdesk opent bij de volgende start het bestand op deze computer."
    assert QSettings().value(server_dialog.ADDRESS_SETTING) == ""


def test_the_next_start_opens_the_remembered_server_asking_the_password(
        qtbot, told, pg_cluster, monkeypatch):
    name = pg_cluster.create_database()
    url = pg_cluster.url(name)
    without_password = url.replace(f":{pg_cluster.password}@", "@").replace(
        f"{pg_cluster.user}@", "")
    monkeypatch.delenv("PGDESK_SERVER", raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    asked: list[str] = []

    def password(parent, title, prompt, echo=QLineEdit.EchoMode.Normal, *a, **k):
        asked.append(prompt)
        return pg_cluster.password, True
    monkeypatch.setattr(plain, "get_text", password)
    try:
        _fill(without_password, pg_cluster.user, [])
        server_dialog.connect_from_menu(None)
        store, keyring = app.open_store(server_choice.choose(None, False, None))
        try:
            assert keyring is None and store.opened.params.get("dbname") == name
            assert asked and pg_cluster.user in asked[0]
        finally:
            store.close()
        assert pg_cluster.password not in str([QSettings().value(k) for k in QSettings().allKeys()])
    finally:  # the settings may outlive the test's own folder (Qt keeps their path)
        QSettings().remove("server")
        pg_cluster.drop_database(name)


def test_a_his_start_names_the_remembered_server_to_the_running_window(qtbot, monkeypatch):
    """pgdesk opening only the remembered server listens, and hands a HIS request over, under
    that server's name, not the default file's: a second start reaches the window on it."""
    from pgdesk.domain.his import HisRequest
    from pgdesk.paths import default_db_path
    from pgdesk.ui import his_link
    from pgdesk.ui.single_instance import socket_name

    address = "postgresql://praktijkserver.test/pgdesk"
    qt_app = QApplication.instance()
    names = (qt_app.organizationName(), qt_app.applicationName())
    monkeypatch.delenv("PGDESK_SERVER", raising=False)
    places = []
    # None: a running window took the request, so this start ends before opening anything
    monkeypatch.setattr(his_link, "claim", lambda place, request: places.append(place))
    try:
        qt_app.setOrganizationName("pgdesk")  # as pgdesk itself is named: its settings
        qt_app.setApplicationName("pgdesk")
        QSettings().setValue(server_dialog.ADDRESS_SETTING, address)
        assert app.run(his=HisRequest.checked("123456", None, None)) == 0
        assert places == [address]
        assert socket_name(places[0]) != socket_name(default_db_path())
        QSettings().remove("server")  # no server remembered: the file, as before
        assert app.run(his=HisRequest.checked("123456", None, None)) == 0
        assert places[1] == default_db_path()
    finally:
        QSettings().remove("server")
        qt_app.setOrganizationName(names[0])
        qt_app.setApplicationName(names[1])
