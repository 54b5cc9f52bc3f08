"""The patient's screens: a welcome in plain words, one screen per dimension, and the end with the
web the patient made and "Wat is voor u nu het belangrijkst?"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QScrollBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN, Dimension
from pgdesk.ui.patient_mode.pictograms import pictogram
from pgdesk.ui.patient_mode.rows import AspectRow, scrolled, touch_button
from pgdesk.ui.patient_mode.style import TOUCH
from pgdesk.ui.plain import Label

PICTOGRAM = 72  # px beside a dimension's title
SMALL_PICTOGRAM = 36  # px beside each line of the end screen
END_SIDE_BY_SIDE = 1000  # px: narrower, the end screen puts the web above the words
NARROW_WEB = 300  # px: the web's height there, so the words follow within a short scroll
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def _text(text: str, name: str = "patientText") -> Label:
    label = Label(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class WelcomeScreen(QWidget):
    start = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.begin = touch_button(self.tr("Beginnen"), "patientPrimary")
        self.begin.clicked.connect(self.start)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))
        layout.addStretch(1)
        layout.addWidget(_text(self.tr("Welkom"), "patientTitle"))
        layout.addWidget(_text(self.tr(
            "U krijgt zes onderwerpen over hoe het met u gaat. Geef bij elk punt een cijfer "
            "van 0 tot 10: 0 is heel slecht, 10 is heel goed. Er zijn geen goede of foute "
            "antwoorden.")))
        layout.addWidget(_text(self.tr(
            "Weet u het niet, of wilt u iets niet beantwoorden? Kies dan \"Weet ik niet\". "
            "Wilt u ergens over praten? Kies \"Over praten\". Uw antwoorden worden "
            "meteen bewaard en alleen in de praktijk gebruikt.")))
        layout.addWidget(_text(self.tr("Met het toetsenbord: een cijfer kiest, Enter gaat verder."),
                               "patientHint"))
        layout.addSpacing(20)
        layout.addWidget(self.begin, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.start.emit()
        else:
            super().keyPressEvent(event)


class DimensionScreen(QWidget):
    """Keys: a digit scores the current line (1 then 0 is 10), ←/→ one lower or higher,
    ↑/↓ another line, Space "wil ik over praten", Backspace "weet ik niet", Enter the next line
    (and after the last one the next screen)."""

    aspectScored = Signal(str, object)  # noqa: N815 (Qt naming) aspect id, value or None
    talkToggled = Signal(str, bool)  # noqa: N815 (Qt naming) aspect id ("" = the dimension)
    done = Signal()

    def __init__(self, dimension: Dimension, parent=None):
        super().__init__(parent)
        self.dimension = dimension
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        header = QHBoxLayout()
        header.setSpacing(16)
        self.pictogram = pictogram(dimension.id, PICTOGRAM)
        header.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(_text(dimension.everyday, "patientTitle"))
        words.addWidget(_text(dimension.explanation))
        header.addLayout(words, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(header)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.scroll = scrolled(inner)
        outer.addWidget(self.scroll, 1)
        self.rows: list[AspectRow] = []
        self.ids: list[str] = []
        for aspect in dimension.aspects:
            self._add_row(layout, aspect.name, aspect.id, True, aspect.icon)
        self._add_row(layout, self.tr("Over dit hele onderwerp wil ik praten"), "", False)
        layout.addStretch(1)
        self.current = 0
        self._one_typed = False
        self.skipped: set[str] = set()
        self.rows[0].set_current(True)

    def _add_row(self, layout, name: str, aspect_id: str, scorable: bool, icon: str = "") -> None:
        row = AspectRow(name, scorable, icon=icon)
        index = len(self.rows)
        row.scored.connect(lambda v, a=aspect_id: self._score(a, v))
        row.talkToggled.connect(lambda on, a=aspect_id: self.talkToggled.emit(a, on))
        row.activated.connect(lambda i=index: self.set_current(i))
        self.rows.append(row)
        self.ids.append(aspect_id)
        layout.addWidget(row)

    def _score(self, aspect_id: str, value: int | None) -> None:
        (self.skipped.add if value is None else self.skipped.discard)(aspect_id)
        self.aspectScored.emit(aspect_id, value)

    def resizeEvent(self, event):  # noqa: N802 (Qt API)
        """Two-line rows when one line would cut the buttons' words or the numbers."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, QScrollBar())
        room = event.size().width() - bar  # the same answer with or without a scroll bar
        narrow = room < max(row.wide_width() for row in self.rows)
        for row in self.rows:
            row.set_narrow(narrow)
        super().resizeEvent(event)
        self.scroll.ensureWidgetVisible(self.rows[self.current], 0, 8)

    def show_state(self, scores: dict[str, int], talk: set[tuple[str, str]]) -> None:
        for row, aspect_id in zip(self.rows, self.ids, strict=True):
            row.set_state(scores.get(aspect_id), aspect_id in self.skipped,
                          (self.dimension.id, aspect_id) in talk)

    def set_current(self, index: int) -> None:
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.current:
            self._one_typed = False
        self.rows[self.current].set_current(False)
        self.current = index
        self.rows[index].set_current(True)
        self.scroll.ensureWidgetVisible(self.rows[index], 0, 8)
        self.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 (Qt API)
        key, row = event.key(), self.rows[self.current]
        aspect_id = self.ids[self.current]
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            super().keyPressEvent(event)  # Alt+← / Alt+→ are the flow's
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and row.scorable:
            digit = key - Qt.Key.Key_0
            value = SCALE_MAX if (self._one_typed and digit == 0) else digit
            self._one_typed = digit == 1
            self._score(aspect_id, value)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and row.scorable:
            # towards the higher numbers: to the right, or to the left where they run right to left
            step = 1 if (key == Qt.Key.Key_Right) != self.isRightToLeft() else -1
            start = row.value if row.value is not None else (SCALE_MIN - 1 if step > 0 else None)
            if start is not None:
                self._score(aspect_id, max(SCALE_MIN, min(SCALE_MAX, start + step)))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.set_current(self.current + (1 if key == Qt.Key.Key_Down else -1))
        elif key == Qt.Key.Key_Space:
            self.talkToggled.emit(aspect_id, not row.talk.isChecked())
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and row.scorable:
            self._score(aspect_id, None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current == len(self.rows) - 1:
                self.done.emit()
            else:
                self.set_current(self.current + 1)
        else:
            super().keyPressEvent(event)


class EndScreen(QWidget):
    """The web as the patient made it (a picture only), and their own words or a skip."""

    finished = Signal()

    def __init__(self, labels: list[str], dimension_ids: list[str], save, parent=None):
        super().__init__(parent)
        from pgdesk.ui.radar.widget import RadarWidget  # pyqtgraph: only once the mode opens

        self._save = save
        self.radar = RadarWidget(labels)
        self.radar.set_interactive(False)
        self.radar.set_legend_shown(False)
        self.radar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.important = QPlainTextEdit()
        self.important.setTabChangesFocus(True)
        self.important.setPlaceholderText(self.tr("Typ hier, of kies Overslaan"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.flush)
        self.important.textChanged.connect(self._timer.start)
        self.skip = touch_button(self.tr("Overslaan"), "skip")
        self.skip.clicked.connect(self._skip)
        # in the flow's bar at the bottom, where "Verder" was: on screen at every size
        self.ready = touch_button(self.tr("Klaar: geef het scherm terug"), "patientPrimary")
        self.ready.clicked.connect(self._ready)
        right = QVBoxLayout()
        self.summary = [_text("") for _ in labels]  # the numbers large, the web's labels are small
        self._labels = labels
        for line, dimension_id in zip(self.summary, dimension_ids, strict=True):
            row = QHBoxLayout()
            row.addWidget(pictogram(dimension_id, SMALL_PICTOGRAM))
            row.addWidget(line, 1)
            right.addLayout(row)
        right.addSpacing(12)
        right.addWidget(_text(self.tr("Wat is voor u nu het belangrijkst?")))
        self.important.setMinimumHeight(3 * TOUCH)
        right.addWidget(self.important, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(_text(self.tr("Ctrl+Enter: klaar"), "patientHint"))
        right.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._ready,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(_text(self.tr("Dit is uw spinnenweb"), "patientTitle"))
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addWidget(self.radar, 2)
        self.columns.addLayout(right, 3)
        column.addLayout(self.columns, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))

    def resizeEvent(self, event):  # noqa: N802 (Qt API)
        """Side by side on a wide screen; on a narrow one the web above and the words below."""
        wide = event.size().width() >= END_SIDE_BY_SIDE
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                  else QBoxLayout.Direction.TopToBottom)
        self.radar.setFixedHeight(NARROW_WEB if not wide else QWIDGETSIZE_MAX)
        self.radar.setMinimumHeight(0 if wide else NARROW_WEB)
        super().resizeEvent(event)

    def show_web(self, scores, marked: set[int], text: str) -> None:
        self.radar.set_scores(scores)
        for i, (line, label, score) in enumerate(zip(self.summary, self._labels, scores, strict=True)):
            number = self.tr("niet ingevuld") if score is None else str(round(score))
            talk = " · " + self.tr("wil ik over praten") if i in marked else ""
            line.setText(f"{label}: {number}{talk}")
        self.radar.set_marked(marked)
        if self.important.toPlainText() != text:
            self.important.blockSignals(True)
            self.important.setPlainText(text)
            self.important.blockSignals(False)

    def flush(self) -> bool:
        self._timer.stop()
        return self._save(self.important.toPlainText())

    def _skip(self) -> None:
        self.important.clear()
        if self.flush():
            self.finished.emit()

    def _ready(self) -> None:
        if self.flush():
            self.finished.emit()

    def focus(self) -> None:
        self.important.setFocus()

