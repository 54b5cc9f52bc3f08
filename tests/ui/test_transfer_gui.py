"""Reading a transfer file in the window: the summary and the conflicts come before anything is
written, and the choice made there is what gets applied."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from pgdesk.domain.transfer import KEEP_LOCAL
from pgdesk.ui import plain, transfer_dialogs
from tests.storage.test_transfer import (
    TPW,
    all_rows,
    answers_and_goals,
    bring_back,
    laptop_changes,
    make_sites,
    read_in,
    take_along,
)


@pytest.fixture
def conflict_file(tmp_path):
    s = make_sites(tmp_path / "sites")
    read_in(s, take_along(s))
    laptop_changes(s)
    with s.open_practice() as p:
        p.set_wheel_answer(s.c1, "nu", "Praktijk: het gaat wat beter.")
    return s, bring_back(s)


def test_summary_shows_the_conflict_and_applies_the_choice(qtbot, conflict_file, monkeypatch):
    s, back = conflict_file
    seen = {}
    monkeypatch.setattr(plain, "information", lambda *a: seen.setdefault("done", a[2]))

    def hook(dialog: transfer_dialogs.ImportSummaryDialog):
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.conflicts.rowCount()
        seen["diff"] = dialog.conflicts.item(0, 1).text()
        box = dialog.choice_boxes[0]
        box.setCurrentIndex(box.findData(KEEP_LOCAL))  # keep the practice's version only
        seen["after"] = dialog.summary.text()
        if os.environ.get("PGDESK_SHOTS"):
            dialog.show()
            dialog.grab().save(os.path.join(os.environ["PGDESK_SHOTS"], "11-transfer-summary.png"))
        monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)

    parent = QWidget()
    qtbot.addWidget(parent)
    with s.open_practice() as p:
        before = all_rows(p)
        assert transfer_dialogs.read_transfer(parent, p, path=back, passphrase=TPW,
                                              dialog_hook=hook)
        assert all_rows(p) != before
        answers, goals = answers_and_goals(p, s.anna)
    assert seen["rows"] == 1
    assert "1 conflict" in seen["summary"] and "beide versies bewaren" in seen["summary"]
    assert "Plan: doel" in seen["diff"] and "Fietsen naar de markt" in seen["diff"]
    assert "de versie van de praktijk houden" in seen["after"]
    # keep_local: the practice's answer stays, the laptop's goal for c1 did not come in,
    # but the laptop's new conversation did.
    assert "Praktijk: het gaat wat beter." in answers
    assert "Fietsen naar de markt" not in goals
    assert "Ik ben twee keer naar de markt gefietst." in answers
    assert "1 nieuw gesprek" in seen["done"]


def test_cancel_writes_nothing_and_a_wrong_passphrase_is_told(qtbot, conflict_file, monkeypatch):
    s, back = conflict_file
    warnings = []
    monkeypatch.setattr(plain, "warning", lambda *a: warnings.append(a[2]))
    parent = QWidget()
    qtbot.addWidget(parent)

    def cancel(dialog):
        monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Rejected)

    with s.open_practice() as p:
        before = all_rows(p)
        assert not transfer_dialogs.read_transfer(parent, p, path=back, passphrase=TPW,
                                                  dialog_hook=cancel)
        assert not transfer_dialogs.read_transfer(parent, p, path=back,
                                                  passphrase="verkeerde wachtwoordzin")
        assert all_rows(p) == before
    assert "klopt niet" in warnings[0]


def test_patient_page_labels_the_second_version_and_the_brought_along_mark(qtbot, conflict_file,
                                                                          instrument):
    from pgdesk.ui.patient_page import PatientPage
    from tests.storage.test_transfer import read_in

    s, back = conflict_file
    read_in(s, back, on="practice")  # default: keep both
    with s.open_practice() as p:
        page = PatientPage(p, instrument)
        qtbot.addWidget(page)
        page.show_patient(s.anna)
        kinds = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
        assert sum("tweede versie, van de laptop" in k for k in kinds) == 1
        assert "meegenomen" not in page.details.text()
    with s.open_laptop() as lap:
        page = PatientPage(lap, instrument)
        qtbot.addWidget(page)
        page.show_patient(s.anna)
        assert "meegenomen voor huisbezoek" in page.details.text()


def choosing(patient_id: str, laptop: str = "Huisbezoek 2"):
    """The take-along dialog's exec, as the user would: this patient ticked, the laptop named."""

    def choose(dialog):
        from PySide6.QtCore import Qt

        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == patient_id:
                item.setCheckState(Qt.CheckState.Checked)
        dialog.laptop.setText(laptop)
        return QDialog.DialogCode.Accepted

    return choose


def test_take_along_and_bring_back_from_the_window(qtbot, tmp_path, monkeypatch):
    from pgdesk.storage import transfer as tf
    from tests.storage.test_transfer import make_sites

    s = make_sites(tmp_path / "sites")
    shown = []
    monkeypatch.setattr(plain, "information", lambda *a: shown.append(a[2]))

    monkeypatch.setattr(transfer_dialogs.TakeAlongDialog, "exec", choosing(s.anna))
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "mee.pgtransfer"
    with s.open_practice() as p:
        assert transfer_dialogs.take_along(parent, p, path=out, passphrase=TPW)
        assert tf.taken_along(p, [s.anna])[s.anna].laptop == "Huisbezoek 2"  # every room sees it
    assert out.exists() and "1 patiënt" in shown[-1]
    read_in(s, out)
    laptop_changes(s)
    back = tmp_path / "terug.pgtransfer"
    with s.open_laptop() as lap:
        assert transfer_dialogs.bring_back(parent, lap, path=back, passphrase=TPW)
    assert back.exists() and "Terugbrengbestand geschreven" in shown[-1]


def test_bring_back_from_the_window_asks_which_practice_first(qtbot, tmp_path, monkeypatch):
    from pgdesk.storage import transfer as tf
    from tests.security_helpers import unlock
    from tests.storage.test_transfer import make_sites
    from tests.storage.test_transfer_safety import two_practices

    s = make_sites(tmp_path / "sites")
    other_db, dirk, other_id = two_practices(s)
    asked = []

    def choose(parent, title, label, items, current=0):
        asked.append(list(items))
        return (next(i for i in items if "Dirk" in i), True) if len(asked) > 1 else ("", False)

    monkeypatch.setattr(plain, "get_item", choose)
    monkeypatch.setattr(plain, "information", lambda *a: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    back = tmp_path / "terug.pgtransfer"
    with s.open_laptop() as lap:
        assert not transfer_dialogs.bring_back(parent, lap, path=back, passphrase=TPW)  # cancelled
        assert not back.exists()
        assert transfer_dialogs.bring_back(parent, lap, path=back, passphrase=TPW)
    assert len(asked[0]) == 2 and any("Anna" in i for i in asked[0])
    with unlock(other_db) as o:
        assert [p.patient_id for p in tf.preview_transfer(o, back, TPW).patients] == [dirk]


def test_clear_on_a_full_disk_after_the_second_yes_is_told_not_raised(qtbot, tmp_path, monkeypatch):
    from pgdesk.storage import transfer as tf
    from pgdesk.storage.errors import StorageError
    from tests.storage.test_transfer import make_sites

    s = make_sites(tmp_path / "sites")
    read_in(s, take_along(s))
    laptop_changes(s)
    warnings = []
    monkeypatch.setattr(plain, "question", lambda *a: plain.Button.Yes)
    monkeypatch.setattr(plain, "warning",
                        lambda *a: warnings.append(a[2]) or plain.Button.Yes)

    def remove(store, patient_ids=None, *, force=False):
        if not force:
            raise tf.UnsentChanges(["Anna"])
        raise StorageError("Opslaan lukte niet: de schijf is vol. Er is niets verwijderd.")

    monkeypatch.setattr(tf, "remove_brought_along", remove)
    parent = QWidget()
    qtbot.addWidget(parent)
    with s.open_laptop() as lap:
        assert not transfer_dialogs.clear_brought_along(parent, lap)
        assert len(tf.brought_along(lap)) == 2
    assert "de schijf is vol" in warnings[-1]
