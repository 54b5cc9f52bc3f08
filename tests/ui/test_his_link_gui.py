"""Opening a patient the HIS asked for, in the running window: known, unknown (the filled-in
form, confirmed or not), never twice the same number, and not while the window is locked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pgdesk.domain.his import HisRequest
from pgdesk.domain.validation import InputError
from pgdesk.ui import app as app_module
from pgdesk.ui import plain, single_instance
from pgdesk.ui.dialogs import PatientDialog
from pgdesk.ui.his_link import HisLink


def answer_form(qtbot, accept: bool, seen: list):
    """Let the real form open, note what it shows, then accept or cancel it."""

    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PatientDialog)
        seen.append((dialog.windowTitle(), dialog.name.text(), dialog.birth.text(),
                     dialog.number.text(), dialog.number.isReadOnly()))
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, act)


def test_known_number_opens_the_patient_page(window, store):
    p = store.add_patient("Anna de Vries", "1956-03-14", "100237")
    link = HisLink(None, None)
    link.attach(window)
    link.take(HisRequest.checked("100237"))
    assert window.stack.currentWidget() is window.patient_page
    assert window.patient_page.patient_id == p.id


def test_unknown_number_offers_the_filled_in_form_and_adds_once(qtbot, window, store):
    link = HisLink(None, None)
    link.attach(window)
    seen: list = []
    answer_form(qtbot, False, seen)
    link.take(HisRequest.checked("999111", "Bram Bakker", "1960-05-01"))
    assert seen == [("Nieuwe patiënt uit het HIS", "Bram Bakker", "01-05-1960", "999111", True)]
    assert store.patient_by_number("999111") is None  # cancelled: nothing written
    answer_form(qtbot, True, seen)
    link.take(HisRequest.checked("999111", "Bram Bakker", "1960-05-01"))
    p = store.patient_by_number("999111")
    assert (p.display_name, p.birth_date) == ("Bram Bakker", "1960-05-01")
    assert window.patient_page.patient_id == p.id
    # the HIS asks again, with another name: the same patient opens, unchanged, no form
    window.show_list()
    link.take(HisRequest.checked("999111", "B. Bakker-Smit"))
    assert window.patient_page.patient_id == p.id
    assert store.patient_count() == 1 and store.patient(p.id).display_name == "Bram Bakker"


def test_a_request_while_locked_waits_for_the_professional(qtbot, window, store):
    p = store.add_patient("Anna de Vries", "1956", "100237")
    link = HisLink(None, None)
    link.attach(window)
    window.locked = True  # as lock() leaves it; the unlock form is what shows
    link.take(HisRequest.checked("100237"))
    assert window.stack.currentWidget() is window.list_page and link.pending
    window.locked = False
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.patient_page, timeout=3000)
    assert window.patient_page.patient_id == p.id and not link.pending


def test_the_store_never_gives_a_number_to_two_patients(store):
    a = store.add_patient("Anna de Vries", "1956", "100237")
    b = store.add_patient("Bert Bos", "1970", "100238")
    with pytest.raises(InputError, match="al een patiënt met nummer 100237"):
        store.add_patient("Anna Tweede", "1957", "100237")
    with pytest.raises(InputError, match="al een patiënt met nummer 100237"):
        store.update_patient(b.id, "Bert Bos", "1970", " 100237 ")
    store.update_patient(a.id, "Anna de Vries-Smit", "1956", "100237")  # her own number stays
    assert store.patient_count() == 2
    # two patients who shared a number before this rule can still be edited
    store.db.execute("UPDATE patients SET practice_number = '100237' WHERE id = ?", [b.id])
    store.update_patient(b.id, "Bert Bos-Jansen", "1970", "100237")
    assert store.patient(b.id).display_name == "Bert Bos-Jansen"


def test_request_survives_the_wire_and_bad_bytes_are_refused():
    r = HisRequest.checked("A-100/7", "Zoë Ĳsselstein", "14-03-1956")
    assert HisRequest.from_bytes(r.to_bytes().strip()) == r
    assert HisRequest.from_bytes(b'{"number": ""}') == HisRequest("")
    for bad in (b"\xff", b"[1]", b'{"number": 5}', b'{"number": "1 2"}'):
        with pytest.raises(InputError):
            HisRequest.from_bytes(bad)


def test_server_socket_is_private_and_hand_over_reaches_it(qtbot, tmp_path):
    name = single_instance.socket_name(tmp_path / "praktijk.sqlite")
    folder = os.path.dirname(name)
    assert stat.S_IMODE(os.lstat(folder).st_mode) & 0o077 == 0
    server = single_instance.InstanceServer(name)
    assert server.listen()
    try:
        assert stat.S_IMODE(os.lstat(name).st_mode) & 0o077 == 0
        got: list = []
        server.requested.connect(got.append)
        # the client blocks until answered: another process, as a HIS's second start is
        client = subprocess.Popen([sys.executable, "-c", (
            "import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from pgdesk.ui.single_instance import hand_over; from pgdesk.domain.his import "
            f"HisRequest; sys.exit(0 if hand_over({name!r}, HisRequest('100237')) else 1)")])
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=20000)
        assert client.returncode == 0
        assert got == [HisRequest("100237")]
    finally:
        server.close()


def test_no_single_instance_where_the_folder_is_not_private(tmp_path, monkeypatch):
    shared = tmp_path / "tmp"
    shared.mkdir()
    (shared / f"pgdesk-{os.getuid()}").mkdir(mode=0o777)
    os.chmod(shared / f"pgdesk-{os.getuid()}", 0o777)  # someone made it open to everyone
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single_instance.tempfile, "gettempdir", lambda: str(shared))
    assert single_instance.socket_name(tmp_path / "praktijk.sqlite") is None


def test_a_pgdesk_that_listens_but_does_not_answer_is_told_not_started_twice(qtbot, tmp_path,
                                                                             monkeypatch):
    from pgdesk.domain.errors import PgdeskError
    from pgdesk.ui.his_link import claim

    db = tmp_path / "praktijk.sqlite"
    server = single_instance.InstanceServer(single_instance.socket_name(db))
    assert server.listen()
    server.server.newConnection.disconnect()  # hangs: takes the call, never answers
    monkeypatch.setattr(single_instance, "REPLY_MS", 600)
    try:
        with pytest.raises(PgdeskError, match="antwoordt niet"):
            claim(db, HisRequest.checked("100237"))
        told: list[str] = []
        monkeypatch.setattr(plain, "critical", lambda *a, **k: told.append(a[2]))
        assert app_module.run(db=str(db), his=HisRequest.checked("100237")) == 2
        assert "antwoordt niet" in told[0] and not db.exists()  # nothing opened, nothing made
    finally:
        server.close()
