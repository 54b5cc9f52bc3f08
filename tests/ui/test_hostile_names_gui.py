"""Names, answers and services full of markup and control characters, on every screen and report.

Qt renders a label, message box, input dialog or tooltip as HTML when its text looks like HTML; a
name like `<img src="/dev/zero">` then made Qt read that file until memory ran out. Here the
payloads are harmless (`<img src="nonexistent…">`, `<b>`, links, nested tables, `&amp;`, RTL marks,
NUL and BEL, a very long word): every screen is opened, every modal dialog looked into, and every
label and tooltip that Qt would render as HTML must not contain a payload unescaped. Reports must
render, and everything within a time and memory bound. All people and services are fictitious.
"""

from __future__ import annotations

import csv as csv_module
import datetime as dt
import io
import resource
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QLabel,
)

from pgdesk.domain.models import PLAN_FIELDS
from pgdesk.domain.social_map import Service
from pgdesk.storage import social_map as sm
from pgdesk.storage.keyring import Keyring, keyring_path
from pgdesk.storage.trajectories import set_planned
from pgdesk.storage.transfer import apply_transfer, export_take_along, preview_transfer
from pgdesk.ui import patient_actions, practice_actions, transfer_dialogs
from pgdesk.ui.backups import set_backup_folder
from pgdesk.ui.dialogs import ProfessionalDialog
from pgdesk.ui.main_window import MainWindow
from pgdesk.ui.overview_window import PracticeOverview
from pgdesk.ui.social_map_dialog import ImportPreviewDialog, ServiceDialog, SocialMapDialog
from tests.security_helpers import make_encrypted

pytestmark = pytest.mark.gui

# Markup does harm only when rendered as HTML; its first 14 characters identify it.
PAYLOADS = [
    '<img src="nonexistent-pgdesk.png">',
    "<b>Vet</b> de Vries",
    '<a href="https://voorbeeld.invalid/">klik</a>',
    "Jansen &amp; Zn",
    "<table><tr><td><table><tr><td>diep</td></tr></table></td></tr></table>",
    "<h1>Kop</h1><script>x</script>",
    "\u202eRTL\u200f Bakker \u061c",
    "Nul\x00teken en bel\x07",
    "Lang" + "woord" * 34,  # one word wider than any screen, within the 200-character fields
]
CORES = [p[:14] for p in PAYLOADS if "<" in p or "&" in p]  # escaped, none of these is left
TPW = "koffie bij de buren 42"
SECONDS_PER_SCREEN = 10
MEMORY_MB = 400


def hostile(i: int, what: str) -> str:
    """A payload that still reads as a name: the screens must show it literally."""
    return f"{PAYLOADS[i % len(PAYLOADS)]} {what} {i}"


def renders_html(text: str, fmt: Qt.TextFormat) -> bool:
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text))


def tip_renders_html(tip: str) -> bool:
    return bool(tip) and QtGui.mightBeRichText(tip)  # Qt decides this way for every tooltip


def offences() -> list[str]:
    """Every label and tooltip on screen now that Qt would render as HTML with a payload in it."""
    found = []

    def check(where: str, text: str, html: bool) -> None:
        if html and any(core in text for core in CORES):
            found.append(f"{where}: {text[:80]!r}")

    for w in QApplication.allWidgets():
        if isinstance(w, QLabel):
            check(f"label in {type(w.window()).__name__}", w.text(), renders_html(w.text(), w.textFormat()))
        check(f"tooltip of {type(w).__name__}", w.toolTip(), tip_renders_html(w.toolTip()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for r in range(min(model.rowCount(QModelIndex()), 200)):
                for c in range(12):
                    index = model.index(r, c)
                    if not index.isValid():
                        break
                    tip = model.data(index, Qt.ItemDataRole.ToolTipRole) or ""
                    check(f"cell tooltip in {type(w).__name__}", str(tip), tip_renders_html(str(tip)))
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                check("chart tooltip", item.toolTip(), tip_renders_html(item.toolTip()))
    return found


def plain_labels(box) -> list[str]:
    """The texts a dialog shows as plain text."""
    return [w.text() for w in box.findChildren(QLabel) if not renders_html(w.text(), w.textFormat())]


class Screens:
    """Opens screens and modal dialogs, sweeps each, and closes what it opened."""

    def __init__(self):
        self.found: list[str] = []
        self.dialogs: list[str] = []
        self.times: dict[str, float] = {}

    def sweep(self, name: str) -> None:
        QApplication.processEvents()
        self.found += [f"{name}: {o}" for o in offences()]

    def timed(self, name: str, action):
        start = time.monotonic()
        result = action()
        self.times[name] = time.monotonic() - start
        self.sweep(name)
        return result

    def modal(self, name: str, opener, inside=None):
        """Run `opener`, which shows modal dialogs; each one is swept (then `inside` may look at
        it) and closed as Cancel would. Returns what `opener` returned."""
        errors: list[BaseException] = []
        returned = []

        def step():
            if returned:  # the dialogs of a later call are that call's business
                return
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(10, step)
                return
            try:
                QApplication.processEvents()
                self.dialogs.append(f"{name}: {type(box).__name__}")
                self.found += [f"{name} ({type(box).__name__}): {o}" for o in offences()]
                if inside is not None:
                    inside(box)
            except BaseException as exc:  # noqa: BLE001 (re-raised below, after closing)
                errors.append(exc)
            finally:
                box.done(0)
                QTimer.singleShot(10, step)

        QTimer.singleShot(0, step)
        try:
            result = self.timed(name, opener)
        finally:
            returned.append(True)  # stop sweeping also when the opener failed
        if errors:
            raise errors[0]
        return result


@pytest.fixture
def world(tmp_path, instrument):
    """An encrypted practice where every name, service, answer and plan is hostile."""
    db = tmp_path / "praktijk.db"
    store, _code = make_encrypted(db)
    store.set_setting("practice_name", hostile(1, "praktijk"))
    pros = [store.add_professional(hostile(i, "arts"), "huisarts").id for i in range(3)]
    store.set_current_professional(pros[0])
    services = [sm.add_service(store, Service(
        name=hostile(i, "dienst"), organisation=hostile(i + 1, "org"), offer=hostile(i + 2, "aanbod"),
        dimensions=("meedoen", "zingeving"), phone="010-1234567", email="info@voorbeeld.nl",
        website="www.voorbeeld.nl", address=hostile(i + 5, "adres"), notes=hostile(i + 6, "notitie")),
        instrument=instrument).id for i in range(len(PAYLOADS))]
    patients = []
    for i in range(len(PAYLOADS)):
        p = store.add_patient(hostile(i, "patiënt"), "1950", hostile(i, "nr")[:40])
        patients.append(p.id)
        start = store.new_consultation(p.id, pros[i % 3], "start", "2026-01-12").id
        nxt = store.new_consultation(p.id, pros[(i + 1) % 3], "tussen", "2026-03-02").id
        for c in (start, nxt):
            for k, d in enumerate(instrument.dimensions):
                store.set_score(c, d.id, (i + k) % 11)
            store.set_mark(c, "talk", "meedoen", "", True)
            store.set_mark(c, "focus", "zingeving", "", True)
            for q in instrument.wheel:
                answer = hostile(i + len(q.id), "antwoord") + "\n" + hostile(i + 2, "regel")
                store.set_wheel_answer(c, q.id, answer)
            for field in PLAN_FIELDS:
                store.set_plan_field(c, field, hostile(i + len(field), field))
            r = sm.add_referral(store, c, services[i], note=hostile(i + 1, "notitie"))
            sm.add_referral(store, c, None, name=hostile(i + 2, "anders"))
            sm.set_referral_status(store, r.id, "verwezen", hostile(i + 3, "notitie"))
    yield store, db, patients, services
    store.close()


@pytest.fixture
def window(qtbot, world, instrument):
    store, db, _patients, _services = world
    w = MainWindow(store, instrument, Keyring.load(keyring_path(db)))
    qtbot.addWidget(w)
    w.backups.enabled = False
    w.resize(1280, 820)
    w.show()
    yield w
    w.backups.enabled = False


def test_every_screen_shows_hostile_text_as_plain_text(qtbot, window, world, instrument, tmp_path):
    store, _db, patients, services = world
    s = Screens()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pid = patients[0]

    # start page: the list, and the due panel (everyone's eind conversation in three days)
    soon = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    for p in patients:
        for t in store.db.query("SELECT id FROM trajectories WHERE patient_id = ?", [p]):
            set_planned(store, t["id"], "eind", soon)
    s.timed("patiëntenlijst", window.show_list)
    assert window.list_page.model.rowCount() == len(PAYLOADS)
    assert window.list_page.due.list.count() == len(PAYLOADS)

    for i, p in enumerate(patients):
        s.timed(f"patiëntpagina {i}", lambda p=p: window.show_patient(p))
    title = window.patient_page.title
    assert title.text() == store.patient(patients[-1]).display_name  # shown as typed, NUL and all

    window.show_patient(pid)
    cid = window.patient_page.selected_consultation_id()
    window.open_consultation(cid)
    page = window.consultation_page
    for step in range(5):
        s.timed(f"stap {step + 1}", lambda step=step: page.go_to(step))
    page.go_to(0)
    s.modal("aspecten", lambda: page.web.open_aspects(0))
    page.go_to(3)
    refs = page.plan.referrals
    refs.filter.setText(PAYLOADS[1][:5])
    s.sweep("sociale kaart in de planstap")
    mine = next(iter(refs._mine))
    refs_title = refs._mine[mine].title
    asked = []
    s.modal("verwijzing verwijderen", lambda: refs.remove(mine),
            inside=lambda box: asked.append(plain_labels(box)))
    page.go_to(4)
    handout = page.summary.pdf
    assert handout.startswith(b"%PDF")
    assert page.summary.copy_to_his()
    soep = QApplication.clipboard().text()
    assert PAYLOADS[1] in soep or PAYLOADS[1][:10] in soep

    # dialogs from the menus
    s.modal("inzagelog", window.show_access_log)
    log_pdf = patient_actions.AccessLogDialog(store, instrument, pid, window).render()
    s.modal("gegevens wijzigen", window.edit_patient)
    s.modal("patiënt verwijderen (vraag met naam)", window.erase_patient,
            inside=lambda box: asked.append(plain_labels(box)))
    s.modal("wie werkt er", lambda: ProfessionalDialog(window, store.professionals(), None).exec())
    window.show_patient(pid)
    export_dir = tmp_path / "export"
    export_dir.mkdir()
    files = s.modal("alles exporteren", lambda: patient_actions.export_everything(
        window, store, instrument, pid, folder=str(export_dir)))
    assert files and all(f.read_bytes() for f in files)
    s.modal("dossiers ouder dan 20 jaar", lambda: practice_actions.StaleRecordsDialog(
        [{"id": p, "display_name": store.patient(p).display_name, "birth_date": "1950",
          "last_change": "2001-01-01"} for p in patients], window).exec())
    s.modal("sociale kaart", window.show_social_map)
    s.modal("dienst wijzigen", lambda: ServiceDialog(store, instrument, sm.service(store, services[4]),
                                                      window).exec())
    csv = tmp_path / f"{PAYLOADS[1][:3].strip('<')}kaart.csv"
    out = io.StringIO()
    writer = csv_module.writer(out, delimiter=";")
    writer.writerow(["naam", "organisatie", "aanbod", "dimensies"])
    for i in range(len(PAYLOADS)):
        writer.writerow([hostile(i, "nieuw"), hostile(i + 1, "org"), hostile(i + 2, "x"), "meedoen"])
    writer.writerow([hostile(3, "fout"), "", "", "onbekend"])
    # the import refuses control characters in a file (it is then no text file), rightly
    csv.write_text(out.getvalue().replace("\x00", "").replace("\x07", ""), encoding="utf-8")
    previews = []
    dialog = SocialMapDialog(store, instrument, window)
    s.modal("csv-voorbeeld", lambda: dialog.import_file(str(csv)),
            inside=lambda box: previews.append(box.details.toPlainText())
            if isinstance(box, ImportPreviewDialog) else None)
    dialog.deleteLater()
    assert previews and PAYLOADS[1] in previews[0]  # the preview shows the names literally
    overview = PracticeOverview.from_store(store, instrument, window)
    s.modal("praktijkoverzicht", overview.exec)
    overview_pdf = overview.render()
    from pgdesk.ui.paper_web_dialog import PaperWebDialog

    paper = PaperWebDialog(instrument, window)
    s.modal("papieren web", paper.exec)
    paper_pdf = paper.pdf

    # home visits: the list to choose from, and what a laptop sees before reading the file in
    s.modal("meegeven", lambda: transfer_dialogs.TakeAlongDialog(store, window, patients[:3]).exec())
    out = tmp_path / "mee.pgtransfer"
    from pgdesk.storage.keyring import FAST_KDF

    export_take_along(store, patients, TPW, out, params=FAST_KDF)
    laptop, _ = make_encrypted(tmp_path / "laptop.db")
    with laptop:
        plan = preview_transfer(laptop, out, TPW)
        summary = transfer_dialogs.ImportSummaryDialog(plan, window)
        s.modal("overdracht inlezen", summary.exec)
        summary.deleteLater()  # before the laptop's store closes
        apply_transfer(laptop, plan)
        s.modal("meegenomen patiënten verwijderen",
                lambda: transfer_dialogs.clear_brought_along(window, laptop),
                inside=lambda box: asked.append(plain_labels(box)))

    # backups: the message names the folder, which the user chose (and may have named oddly)
    folder = tmp_path / "<b>reservekopieën</b>"
    set_backup_folder(folder)
    s.modal("reservekopie maken", lambda: window.backups.backup_now(window))

    # the lock screen over all of it
    window.lock()
    s.sweep("vergrendeld")

    for name, data in (("samenvatting", handout), ("inzagelog", log_pdf), ("overzicht", overview_pdf),
                       ("papieren web", paper_pdf), ("export", files[0].read_bytes())):
        assert data.startswith(b"%PDF"), name
        assert len(PdfReader(io.BytesIO(data)).pages) >= 1, name
    for name, data in (("samenvatting", handout), ("inzagelog", log_pdf), ("export", files[0].read_bytes())):
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert 'src="nonexistent-pgdesk.png"' in text, name  # printed as text, not read as markup
    assert not s.found, "\n".join(s.found)
    # the questions named the service, the patient and the patients to erase, literally
    assert any(refs_title in t for t in asked[0]) and any(PAYLOADS[0] in t for t in asked[1]), asked
    assert any(PAYLOADS[1] in t for t in asked[-1]), asked[-1]
    assert len(s.dialogs) >= 12, s.dialogs
    slow = {k: round(v, 1) for k, v in s.times.items() if v > SECONDS_PER_SCREEN}
    assert not slow
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < MEMORY_MB


def test_export_file_names_do_not_contain_the_patients_name(qtbot, window, world, instrument, tmp_path,
                                                            monkeypatch):
    store, _db, patients, _services = world
    pid = patients[1]
    monkeypatch.setattr("pgdesk.ui.plain.information", lambda *a, **k: None)
    files = patient_actions.export_everything(window, store, instrument, pid, folder=str(tmp_path))
    name_bits = [w for w in store.patient(pid).display_name.split() if len(w) > 3]
    for f in files:
        assert f.parent == tmp_path
        assert not any(bit.lower() in f.name.lower() for bit in ["vet", "vries", "patiënt", *name_bits])


def test_a_label_given_a_payload_stays_plain(qtbot):
    """The mechanism itself: pgdesk's Label and message boxes never parse what they are given."""
    from pgdesk.ui.plain import Label, tip

    label = Label(PAYLOADS[0])
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == PAYLOADS[0]
    assert not renders_html(label.text(), label.textFormat())
    shown = tip(PAYLOADS[1])
    assert QtGui.mightBeRichText(shown) and PAYLOADS[1] not in shown and "&lt;b&gt;Vet" in shown


def test_no_screen_makes_its_own_qlabel_or_static_message_box():
    """New code keeps to plain.py: a bare QLabel or QMessageBox.warning() would guess HTML again."""
    ui = Path(__file__).resolve().parents[2] / "pgdesk" / "ui"
    bad = []
    for path in ui.rglob("*.py"):
        if path.name == "plain.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ("QLabel(" in line or "QInputDialog.get" in line
                    or any(f"QMessageBox.{f}(" in line for f in ("information", "warning", "critical",
                                                                  "question"))):
                bad.append(f"{path.name}:{n}: {line.strip()}")
    assert not bad, "use pgdesk.ui.plain instead:\n" + "\n".join(bad)
