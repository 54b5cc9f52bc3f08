"""Earlier webs beside the current one: a spinnenweb with a switch per earlier web (used by the
web step and the patient page), and on the patient page a trajectory's webs with a change table.

A conversation aid, not a measurement; the screens say so. The widgets take domain objects
(WebPoint, Trajectory), so they can be tested without a database; pyqtgraph is loaded only when
a WebHistory is built, never when this module is imported (the first window must paint fast).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain import numbers
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.trajectory import Trajectory, WebPoint, change_table
from pgdesk.domain.validation import display_birth_date
from pgdesk.storage.trajectories import trajectory_of
from pgdesk.ui import plain
from pgdesk.ui.plain import Label
from pgdesk.ui.web_pens import SWATCH_SIZE, current_pen, swatch_icon, swatch_pixmap

# Short names for the legend and the table header ("start 14-06-2026").
SHORT_TYPES = {
    "start": QT_TRANSLATE_NOOP("WebHistory", "start"),
    "tussen": QT_TRANSLATE_NOOP("WebHistory", "tussen"),
    "eind": QT_TRANSLATE_NOOP("WebHistory", "eind"),
    "los": QT_TRANSLATE_NOOP("WebHistory", "los"),
}
CAPTION = QT_TRANSLATE_NOOP("WebHistory", "Hulpmiddel voor het gesprek, geen meting.")
MAX_SWITCHES = 9  # Alt+1 .. Alt+9


def _tr(text: str) -> str:
    return QCoreApplication.translate("WebHistory", text)


def short_type(code: str) -> str:
    return _tr(SHORT_TYPES.get(code, code))


def web_label(point: WebPoint, separator: str = " ") -> str:
    """How a web is named on screen: its type and date, "start 14-06-2026"."""
    return f"{short_type(point.type)}{separator}{display_birth_date(point.date)}"


def is_scored(point: WebPoint) -> bool:
    return any(s is not None for s in point.scores)


def is_complete(point: WebPoint) -> bool:
    """Every dimension has a number: only such a web is drawn and compared on the patient page
    (a half-given web would show a shrunken area and a 'difference' that means nothing)."""
    return bool(point.scores) and all(s is not None for s in point.scores)


def webs_before(trajectory: Trajectory, consultation_id: str, date: str) -> list[WebPoint]:
    """The trajectory's scored webs held before this consultation (not itself, not later ones)."""
    ids = [w.consultation_id for w in trajectory.webs]
    if consultation_id in ids:
        earlier = trajectory.webs[:ids.index(consultation_id)]
    else:
        earlier = [w for w in trajectory.webs if w.date <= date]
    return [w for w in earlier if is_scored(w)]


def earlier_webs(session) -> list[WebPoint]:
    """The webs to compare with in a consultation: the earlier ones of its trajectory. A "los"
    conversation, one outside any trajectory, or the start of a new one (nothing earlier in
    it) gets the previous conversation's web instead, as "vorige keer" did before."""
    c, instrument = session.c, session.instrument
    trajectory = None if c.type == "los" else trajectory_of(session.store, c.id, instrument)
    if trajectory is not None:
        earlier = webs_before(trajectory, c.id, c.date)
        if earlier or c.type != "start":
            return earlier
    prev = session.previous
    if prev is None:
        return []
    point = WebPoint.of(prev, instrument)
    return [point] if is_scored(point) else []


def format_number(value: float | None) -> str:
    if value is None:
        return "–"
    return numbers.format_number(value)


def format_change(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return numbers.format_signed(value) + unit


def percent(fraction: float) -> int:
    return round(fraction * 100)


class _FlowLayout(QLayout):
    """Widgets side by side, wrapping onto the next line when the width runs out; each line
    centred. (The switches under a narrow chart must not widen the window.)"""

    def __init__(self, parent: QWidget, spacing: int):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        visible = [i.sizeHint() for i in self._items if not i.isEmpty()]
        if not visible:
            return QSize(0, 0)
        return QSize(sum(s.width() for s in visible) + self._gap * (len(visible) - 1),
                     max(s.height() for s in visible))

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if lines[-1] and x + self._gap + hint.width() > rect.width():
                lines.append([])
                x = 0
            x += (self._gap if lines[-1] else 0) + hint.width()
            lines[-1].append((item, hint))
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _i, h in line)
            width = sum(h.width() for _i, h in line) + self._gap * (len(line) - 1)
            x = rect.x() + max(0, (rect.width() - width) // 2)
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._gap
            y += height + 4
        return max(0, y - rect.y() - 4)


class WebHistory(QWidget):
    """The spinnenweb with its earlier webs, one switch (checkbox, Alt+1, Alt+2, ...) per web.

    The row of switches is the legend: the current web first (not switchable), then each
    earlier one with its colour and line style. The radar itself is ``self.radar``; the owner
    sets the current scores on it.
    """

    toggled = Signal(object, bool)  # (consultation id, shown)

    def __init__(self, labels: list[str], interactive: bool = True, caption: bool = True,
                 parent=None):
        super().__init__(parent)
        from pgdesk.ui.radar import RadarWidget  # pyqtgraph: only when a web is really shown

        self.radar = RadarWidget(labels)
        self.radar.set_interactive(interactive)
        self.radar.set_legend_shown(False)  # the switches below say it, and the web gets the room
        self.switch_row = QWidget()
        self.switch_row.setAccessibleName(self.tr("Eerdere spinnenwebben tonen"))
        self._switch_layout = _FlowLayout(self.switch_row, spacing=16)
        current = QWidget()
        current_layout = QHBoxLayout(current)
        current_layout.setContentsMargins(0, 0, 0, 0)
        current_layout.setSpacing(6)
        swatch = Label()
        swatch.setPixmap(swatch_pixmap(current_pen(), filled=True))
        self.current_name = Label()
        current_layout.addWidget(swatch)
        current_layout.addWidget(self.current_name)
        self._switch_layout.addWidget(current)
        self.caption = Label(_tr(CAPTION))
        self.caption.setObjectName("hint")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption_wanted = caption
        self.switches: dict[str, QCheckBox] = {}
        self.webs: list[WebPoint] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.radar, 1)
        layout.addWidget(self.switch_row)
        layout.addWidget(self.caption)
        self.set_webs([])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Never shorter than the whole radar plus the legend's rows at this width (more rows at
        150 % text): where a page has less room its scroll area scrolls, rather than cut them."""
        super().resizeEvent(event)
        width, layout = event.size().width(), self.layout()
        below = [w for w in (self.switch_row, self.caption) if w.isVisibleTo(self)]
        least = self.radar.minimumHeight() + sum(
            (w.heightForWidth(width) if w.hasHeightForWidth() else w.minimumSizeHint().height())
            + layout.spacing() for w in below)
        if least != self.minimumHeight():
            self.setMinimumHeight(least)

    def set_webs(self, webs: Sequence[WebPoint]) -> None:
        """The earlier webs, oldest first. A web switched off before stays off."""
        self.webs = list(webs)
        self.radar.set_history([(w.consultation_id, web_label(w), w.scores) for w in self.webs])
        for box in self.switches.values():
            self._switch_layout.removeWidget(box)
            box.deleteLater()
        self.switches = {}
        for k, w in enumerate(self.webs):
            key = w.consultation_id
            # The digit is the mnemonic (Alt+1 ...). Tab focus only: a click or Alt+digit
            # toggles without taking the keyboard away from the score list.
            text = web_label(w)
            box = QCheckBox(f"&{k + 1} {text}" if k < MAX_SWITCHES else text)
            box.setIcon(swatch_icon(self.radar.history_pen(key)))
            box.setIconSize(SWATCH_SIZE)
            box.setChecked(self.radar.history_visible(key))
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            box.setToolTip(plain.tip(self.tr("Web van %1 tonen of verbergen (Alt+%2)")
                           .replace("%1", web_label(w)).replace("%2", str(k + 1))))
            box.toggled.connect(lambda on, key=key: self._toggle(key, on))
            self._switch_layout.addWidget(box)
            self.switches[key] = box
        self.current_name.setText(self.radar.current_label())
        shown = bool(self.webs)
        self.switch_row.setVisible(shown)
        self.caption.setVisible(shown and self._caption_wanted)

    def set_current_web(self, point: WebPoint) -> None:
        """Show a stored web as the solid one (the patient page), named by its type and date."""
        n = len(self.radar.labels())
        self.radar.set_scores((list(point.scores) + [None] * n)[:n])
        self.radar.set_current_label(web_label(point))
        self.current_name.setText(self.radar.current_label())

    def _toggle(self, key: str, on: bool) -> None:
        self.radar.set_history_visible(key, on)
        self.toggled.emit(key, on)


class ChangeTable(QTableWidget):
    """Rows: the dimensions and the web's area; columns: each conversation and the change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Cijfers per gesprek en het verschil sinds de start"))

    def set_webs(self, webs: Sequence[WebPoint], instrument: Instrument) -> None:
        """One column per web (oldest first); the change column once there are two webs."""
        rows = change_table(webs, instrument)
        with_change = len(webs) >= 2
        self.clear()
        self.setRowCount(len(rows) + 1)
        self.setColumnCount(len(webs) + 1 + with_change)
        headers = [self.tr("Dimensie")] + [web_label(w, "\n") for w in webs]
        if with_change:
            headers.append(self.tr("verschil\nsinds start"))
        self.setHorizontalHeaderLabels(headers)
        centre = Qt.AlignmentFlag.AlignCenter
        last = len(webs) + 1
        for r, row in enumerate(rows):
            self._set(r, 0, row.name)
            for col, value in enumerate(row.scores, start=1):
                self._set(r, col, format_number(value), centre)
            if with_change:
                self._set(r, last, format_change(row.change), centre, bold=True)
        area = len(rows)
        self._set(area, 0, self.tr("oppervlakte"), tip=self.tr(
            "Oppervlakte van het web, als percentage van een web met overal een 10."))
        for col, w in enumerate(webs, start=1):
            self._set(area, col, f"{percent(w.area_fraction)}%", centre)
        if with_change:
            change = percent(webs[-1].area_fraction) - percent(webs[0].area_fraction)
            self._set(area, last, format_change(change, "%"), centre, bold=True)
        # As wide and high as its contents: no scrolling, and the chart beside it gets the rest.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        frame = 2 * self.frameWidth()
        self.setFixedHeight(header.sizeHint().height() + frame
                            + sum(self.rowHeight(r) for r in range(self.rowCount())))
        self.setFixedWidth(sum(header.sectionSize(c) for c in range(self.columnCount())) + frame)

    def _set(self, row: int, col: int, text: str, align=None, bold: bool = False, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        if align is not None:
            item.setTextAlignment(align)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        if tip:
            item.setToolTip(plain.tip(tip))
        self.setItem(row, col, item)

    def cell_text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text() if item else ""


class _RoomLayout(QHBoxLayout):
    """Beside each other, in the room the patient page's scroll area has. Qt gives a layout with
    height-for-width (the legend's flowing rows) its preferred height there, the radar's 480 px
    and more: at 768 px high the web's bottom was under the fold."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return False


class TrajectoryPanel(QWidget):
    """The patient page's view of one trajectory: its webs on a read-only spinnenweb (the
    latest solid, each earlier one switchable) and the change table; a choice of trajectory."""

    def __init__(self, instrument: Instrument, parent=None):
        super().__init__(parent)
        self.instrument = instrument
        self.trajectories: list[Trajectory] = []
        title = Label(self.tr("&Traject"))
        title.setObjectName("stepTitle")
        self.choice = QComboBox()
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        title.setBuddy(self.choice)  # Alt+T
        self.choice.currentIndexChanged.connect(self._show_index)
        self.single = Label()
        self.caption = Label(_tr(CAPTION))
        self.caption.setObjectName("hint")
        self.table = ChangeTable()
        # The caption is said once, above the table.
        self.web = WebHistory([d.name for d in instrument.dimensions], interactive=False, caption=False)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.choice)
        head.addWidget(self.single)
        head.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(self.caption)
        left.addWidget(self.table)
        left.addStretch(1)
        layout = _RoomLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 0)
        layout.addWidget(self.web, 1)

    def trajectory_name(self, t: Trajectory) -> str:
        name = self.tr("vanaf %1").replace("%1", display_birth_date(t.start_date))
        return name if t.open else self.tr("%1 (afgesloten)").replace("%1", name)

    def set_trajectories(self, trajectories: Sequence[Trajectory]) -> None:
        """Oldest first; those with a scored web are offered, the latest is shown."""
        self.trajectories = [t for t in trajectories if any(is_complete(w) for w in t.webs)]
        self.choice.blockSignals(True)
        self.choice.clear()
        for t in self.trajectories:
            self.choice.addItem(self.trajectory_name(t), t.id)
        self.choice.setCurrentIndex(len(self.trajectories) - 1)
        self.choice.blockSignals(False)
        several = len(self.trajectories) > 1
        self.choice.setVisible(several)
        self.single.setVisible(not several)
        self._show_index(len(self.trajectories) - 1)

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.trajectories):
            return
        t = self.trajectories[index]
        self.single.setText(self.trajectory_name(t))
        webs = [w for w in t.webs if is_complete(w)]
        self.table.set_webs(webs, self.instrument)
        self.web.set_current_web(webs[-1])
        self.web.set_webs(webs[:-1])

    def current_trajectory(self) -> Trajectory | None:
        index = self.choice.currentIndex()
        return self.trajectories[index] if 0 <= index < len(self.trajectories) else None
