"""The practice overview on screen (the "check" of plan-do-check-act): conversations per month and
per role, completed trajectories and their mean change per dimension; printable as one A4 page.

Opened from a menu, so pyqtgraph is imported here and never at start. An aid, not a measurement.
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.numbers import format_signed
from pgdesk.domain.overview import UNKNOWN_ROLE, PracticeStats
from pgdesk.ui import pdf_output, plain
from pgdesk.ui.chart_colours import widget_colours
from pgdesk.ui.labels import role_label
from pgdesk.ui.plain import Label

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402  (must come after PySide6 and the env var)

__all__ = ["PracticeOverview"]

GRID_ALPHA = 0.25
BAR_WIDTH = 0.62


class _Chart(pg.PlotWidget):
    """A still chart in the palette's colours (light, dark or high contrast; the bars, a soft
    fill for a decrease with an edge in the bars' colour), no mouse, no menu, readable axis text."""

    def __init__(self, parent: QWidget | None = None):
        self.ink = widget_colours(parent)
        super().__init__(parent=parent, background=self.ink.background)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        self.tick_font = QFont()
        self.ensurePolished()  # the sheet's size, times Ctrl+plus/minus: the axes grow with it
        self.tick_font.setPointSizeF(max(10.0, self.font().pointSizeF() * 0.9))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(self.tick_font)
            axis.setPen(pg.mkPen(self.ink.line))
            axis.setTextPen(pg.mkPen(self.ink.ink))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)

    def set_ticks(self, name: str, ticks: list[tuple[float, str]]) -> None:
        """Only these ticks (no minor ones, so the grid stays calm); a left axis made wide enough
        for its longest name (pyqtgraph widens it only after a repaint, and then only so far)."""
        axis = self.getPlotItem().getAxis(name)
        axis.setTicks([ticks, []])
        if name == "bottom":
            axis.setHeight(QFontMetrics(self.tick_font).height() + 14)  # taller with larger text
            self._bottom = ticks
            self._thin_bottom()
        if name == "left":
            metrics = QFontMetrics(self.tick_font)
            axis.setWidth(max((metrics.horizontalAdvance(t) for _, t in ticks), default=0) + 16)

    def _thin_bottom(self) -> None:
        """Every k-th label of the bottom axis, k as small as lets them stand apart at this width
        and text size (at 150 % twelve months' names ran together)."""
        ticks, item = getattr(self, "_bottom", []), getattr(self, "plotItem", None)
        if item is None:  # a resize while pyqtgraph builds the widget
            return
        (lo, hi), width = item.viewRange()[0], item.getViewBox().width()
        if len(ticks) < 2 or hi <= lo or width <= 0:
            return
        metrics = QFontMetrics(self.tick_font)
        widest = max(metrics.horizontalAdvance(t) for _, t in ticks) + 10
        room = width * (ticks[1][0] - ticks[0][0]) / (hi - lo)
        k = max(1, math.ceil(widest / max(room, 1.0)))
        zero = next((i for i, (v, _) in enumerate(ticks) if v == 0), 0)  # keep 0 on a ± scale
        item.getAxis("bottom").setTicks([[t for i, t in enumerate(ticks) if (i - zero) % k == 0], []])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._thin_bottom()

    def label(self, x: float, y: float, text: str, anchor: tuple[float, float], bold: bool = False
              ) -> pg.TextItem:
        item = pg.TextItem(text, color=self.ink.ink, anchor=anchor)
        font = QFont(self.tick_font)
        font.setBold(bold)
        item.setFont(font)
        item.setPos(x, y)
        self.addItem(item)
        return item


class PracticeOverview(QDialog):
    """The practice's numbers for the last twelve months, with print and save as PDF."""

    def __init__(self, stats: PracticeStats, instrument: Instrument, *, practice_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.stats, self.instrument, self.practice_name = stats, instrument, practice_name
        self.setWindowTitle(self.tr("Praktijkoverzicht"))

        title = Label(self.tr("Praktijkoverzicht Positieve Gezondheid"))
        title.setObjectName("pageTitle")
        period = self.tr("%1 t/m %2").replace("%1", self._month(stats.months[0][0], True)) \
            .replace("%2", self._month(stats.months[-1][0], True))
        subtitle = Label("  ·  ".join(p for p in (practice_name.strip(), period) if p))
        notice = Label(self.tr(
            "Hulpmiddel, geen meting. Om als team terug te kijken en bij te sturen. De cijfers van "
            "het spinnenweb helpen het gesprek; een hoger cijfer is geen doel."))
        notice.setObjectName("explanation")
        notice.setWordWrap(True)

        numbers = QHBoxLayout()
        self.conversations_label = self._big_number(
            numbers, stats.conversations, self.tr("gesprekken in deze periode"))
        self.trajectories_label = self._big_number(
            numbers, stats.completed_trajectories,
            self.tr("afgeronde trajecten (start- en eindgesprek)"))
        numbers.addStretch(1)

        # referrals by status per service lead, beside the months; the roles and the mean change
        # per dimension come below them (what a pilot's evaluation asks first comes first)
        self.referrals_table = self._referrals_table()
        self.months_chart = self._months_chart()
        self.roles_chart = self._roles_chart()
        self.changes_chart = self._changes_chart()
        grid = QGridLayout()
        grid.addWidget(self._heading(self.tr("Verwijzingen per voorziening")), 0, 0)
        grid.addWidget(self.referrals_table, 1, 0)
        grid.addWidget(self._heading(self.tr("Gesprekken per maand")), 0, 1)
        grid.addWidget(self.months_chart, 1, 1)
        grid.addWidget(self._heading(self.tr("Gemiddelde verandering per dimensie")), 2, 0)
        grid.addWidget(self.changes_chart, 3, 0)
        grid.addWidget(self._heading(self.tr("Gesprekken per functie")), 2, 1)
        grid.addWidget(self.roles_chart, 3, 1)
        if stats.has_changes:
            change_note = self.tr(
                "Afgeronde trajecten: cijfer bij het eindgesprek min cijfer bij het startgesprek, "
                "gemiddeld (n = %1).").replace("%1", str(stats.completed_trajectories))
        else:
            change_note = self.tr("Nog geen afgeronde trajecten in deze periode.")
        self.change_note = Label(change_note)
        self.change_note.setObjectName("hint")
        self.change_note.setWordWrap(True)
        grid.addWidget(self.change_note, 4, 0)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(3, 1)

        buttons = pdf_output.report_buttons(self, self.print_overview, self.save_overview)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(notice)
        layout.addLayout(numbers)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        # fits a 1366 x 768 laptop; smaller would squeeze the charts
        self.setMinimumSize(880, 680)
        self.resize(1040, 720)

    def _referrals_table(self) -> QWidget:
        """Per service the referrals by status (what the evaluation of a pilot asks first)."""
        from pgdesk.domain.social_map import REFERRAL_STATUSES
        from pgdesk.ui.referrals_widget import status_label

        rows = self.stats.referrals
        if not rows:
            return Label(self.tr("Nog geen verwijzingen in deze periode."))
        statuses = list(REFERRAL_STATUSES)
        table = QTableWidget(len(rows), len(statuses) + 2)
        # the statuses on two lines where they have two words, so the services keep their room
        table.setHorizontalHeaderLabels([self.tr("Voorziening"),
                                         *(status_label(c).replace(" ", "\n") for c in statuses),
                                         self.tr("Totaal")])
        for i, r in enumerate(rows):
            counts = dict(r.by_status)
            values = [r.service, *(str(counts.get(s, 0)) for s in statuses), str(r.total)]
            for j, value in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(value))
            table.item(i, 0).setToolTip(plain.tip(r.service))  # a long name is cut short in its column
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # up to four services in view; more scroll
        shown = min(len(rows), 4)
        table.setFixedHeight(header.sizeHint().height() + shown * table.verticalHeader()
                             .defaultSectionSize() + 2 * table.frameWidth())
        return table

    @classmethod
    def from_store(cls, store, instrument: Instrument, parent: QWidget | None = None
                   ) -> PracticeOverview | None:
        """Counted from the store now, on a worker thread behind a progress dialog with Cancel;
        None when cancelled or when reading failed (the user was told why)."""
        from pgdesk.storage.documents import practice_overview
        from pgdesk.ui.background_work import run_with_progress

        stats = run_with_progress(
            parent, store, lambda reader, progress: practice_overview(reader, instrument,
                                                                      progress=progress),
            QCoreApplication.translate("PracticeOverview", "Het praktijkoverzicht wordt geteld…"))
        if stats is None:
            return None
        from pgdesk.storage.practice import practice_details

        name = practice_details(store).name
        return cls(stats, instrument, practice_name=name, parent=parent)

    # -- words -------------------------------------------------------------------------------
    def _month(self, key: str, with_year: bool = False) -> str:
        names = (self.tr("jan"), self.tr("feb"), self.tr("mrt"), self.tr("apr"), self.tr("mei"),
                 self.tr("jun"), self.tr("jul"), self.tr("aug"), self.tr("sep"), self.tr("okt"),
                 self.tr("nov"), self.tr("dec"))
        try:
            name = names[int(key[5:7]) - 1]
        except (ValueError, IndexError):
            return key
        return f"{name} {key[:4]}" if with_year else name

    def _role(self, role: str) -> str:
        return self.tr("Onbekend") if role == UNKNOWN_ROLE else role_label(role)

    # -- pieces ------------------------------------------------------------------------------
    @staticmethod
    def _heading(text: str) -> QLabel:
        label = Label(text)
        label.setObjectName("stepTitle")
        return label

    @staticmethod
    def _big_number(row: QHBoxLayout, value: int, caption: str) -> QLabel:
        number = Label(str(value))
        number.setObjectName("bigNumber")
        text = Label(caption)
        text.setObjectName("numberCaption")
        box = QVBoxLayout()
        box.setSpacing(0)
        box.addWidget(number)
        box.addWidget(text)
        row.addLayout(box)
        row.addSpacing(48)
        return number

    def _months_chart(self) -> _Chart:
        chart = _Chart(self)
        counts = [n for _, n in self.stats.months]
        xs = list(range(len(counts)))
        chart.addItem(pg.BarGraphItem(x=xs, height=counts, width=BAR_WIDTH, brush=chart.ink.accent,
                                      pen=pg.mkPen(None)))
        ticks = []
        for i, (key, _) in enumerate(self.stats.months):
            label = self._month(key)
            ticks.append((i, f"{label} \u2019{key[2:4]}" if i == 0 or key.endswith("-01") else label))
        chart.set_ticks("bottom", ticks)
        top = max(counts, default=0)
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10**9) if top <= 4 * s)
        chart.set_ticks("left", [(v, str(v)) for v in range(0, top + step, step)])
        for x, n in zip(xs, counts, strict=True):
            if n:
                chart.label(x, n, str(n), anchor=(0.5, 1.0))
        chart.setXRange(-0.75, len(counts) - 0.25, padding=0)
        chart.setYRange(0, max(top * 1.25, 1), padding=0)  # room for the top bar's number
        chart.getPlotItem().showGrid(y=True, alpha=GRID_ALPHA)
        return chart

    def _roles_chart(self) -> _Chart:
        chart = _Chart(self)
        roles = list(self.stats.roles)
        ys = list(range(len(roles)))[::-1]  # the largest on top
        counts = [n for _, n in roles]
        if roles:
            chart.addItem(pg.BarGraphItem(x0=0, y=ys, width=counts, height=BAR_WIDTH, brush=chart.ink.accent,
                                          pen=pg.mkPen(None)))
        for y, n in zip(ys, counts, strict=True):
            chart.label(n, y, f" {n}", anchor=(0.0, 0.5))
        chart.set_ticks("left", [(y, self._role(r)) for y, (r, _) in zip(ys, roles, strict=True)])
        chart.getAxis("bottom").hide()
        if not roles:
            chart.label(0.5, 0, self.tr("Nog geen gesprekken in deze periode."), anchor=(0.5, 0.5))
            chart.getAxis("left").hide()
        top = max(counts, default=0)
        chart.setXRange(0, max(top * 1.3, 1), padding=0)  # room for the longest bar's number
        chart.setYRange(-0.6, max(len(roles), 1) - 0.4, padding=0)
        return chart

    def _changes_chart(self) -> _Chart:
        chart = _Chart(self)
        changes = list(self.stats.changes)
        n = len(changes)
        ys = [n - 1 - i for i in range(n)]  # instrument order from the top
        up = [(y, c.mean) for y, c in zip(ys, changes, strict=True) if c.mean is not None and c.mean >= 0]
        down = [(y, c.mean) for y, c in zip(ys, changes, strict=True) if c.mean is not None and c.mean < 0]
        if up:
            chart.addItem(pg.BarGraphItem(x0=0, y=[y for y, _ in up], width=[m for _, m in up],
                                          height=BAR_WIDTH, brush=chart.ink.accent, pen=pg.mkPen(None)))
        if down:
            chart.addItem(pg.BarGraphItem(x0=[m for _, m in down], y=[y for y, _ in down],
                                          width=[-m for _, m in down], height=BAR_WIDTH,
                                          brush=chart.ink.soft, pen=pg.mkPen(chart.ink.accent, width=1.5)))
        chart.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(chart.ink.line, width=1.5)))
        language = self.instrument.language
        for y, c in zip(ys, changes, strict=True):
            if c.mean is None:
                chart.label(0, y, " –", anchor=(0.0, 0.5))
            elif c.mean >= 0:
                chart.label(c.mean, y, f" {format_signed(c.mean, language)}", anchor=(0.0, 0.5), bold=True)
            else:
                chart.label(c.mean, y, f"{format_signed(c.mean, language)} ", anchor=(1.0, 0.5), bold=True)
        chart.set_ticks("left", [(y, c.name) for y, c in zip(ys, changes, strict=True)])
        largest = max([abs(c.mean) for c in changes if c.mean is not None] + [0.5])
        span = -(-(largest / 0.7) // 0.5) * 0.5  # room beside the longest bar for its number
        step = 0.5 if span <= 2 else 1.0
        ticks, v = [], -span
        while v <= span + 1e-9:
            ticks.append((v, format_signed(v, language)))
            v += step
        chart.set_ticks("bottom", ticks)
        chart.getPlotItem().showGrid(x=True, alpha=GRID_ALPHA)
        chart.setXRange(-span, span, padding=0)
        chart.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        return chart

    # -- output ------------------------------------------------------------------------------
    def render(self) -> bytes:
        from pgdesk.reports.overview import render_overview  # reportlab: only when printing

        return render_overview(self.stats, self.instrument, self.practice_name)

    def print_overview(self, *, printer: QPrinter | None = None, ask: bool = True) -> bool:
        return pdf_output.print_pdf_bytes(self, self.render(), self.tr("Praktijkoverzicht afdrukken"),
                                          printer=printer, ask=ask)

    def save_overview(self, path: str | None = None) -> bool:
        return pdf_output.save_pdf(self, self.render(), "praktijkoverzicht.pdf", path)
