"""What a screen reader gets from the two pictures: the spinnenweb as one slider per dimension
("Lichaamsfuncties 7 van 10", settable, the score then stored as after a click) and the actiewiel
as a slider over its questions ("vraag 2 van 6: Wat wil je?", setting it goes to that question).
Qt asks the factory installed here for the interface of each of these widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRect
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleValueInterface
from PySide6.QtWidgets import QAccessibleWidget

from pgdesk.domain.instrument import SCALE_MAX, SCALE_MIN

translate = QCoreApplication.translate  # module functions: explicit context
_installed = False


def _out_of(value: int | None, total: int) -> str:
    if value is None:
        return translate("Accessible", "geen cijfer")
    return translate("Accessible", "%1 van %2").replace("%1", str(value)).replace("%2", str(total))


class _Value(QAccessibleValueInterface):
    """A whole number between `low` and `high`, read and set through two functions."""

    def __init__(self, get, set_, low: int, high: int):
        super().__init__()
        self._get, self._set, self._low, self._high = get, set_, low, high

    def currentValue(self):  # noqa: N802 (Qt API)
        value = self._get()
        return self._low if value is None else value

    def setCurrentValue(self, value) -> None:  # noqa: N802 (Qt API)
        self._set(max(self._low, min(self._high, round(float(value)))))

    def maximumValue(self):  # noqa: N802 (Qt API)
        return self._high

    def minimumValue(self):  # noqa: N802 (Qt API)
        return self._low

    def minimumStepSize(self):  # noqa: N802 (Qt API)
        return 1


class _Spoke(QAccessibleInterface):
    """One dimension of the web: a slider from 0 to 10 named after it."""

    def __init__(self, web: _Web, index: int):
        super().__init__()
        self._web, self._index = web, index
        radar = web.widget()
        self._value = _Value(lambda: self.score(), lambda v: radar._set_by_user(index, v),
                             SCALE_MIN, SCALE_MAX)

    def score(self) -> int | None:
        value = self._web.widget().scores()[self._index]
        return None if value is None else round(value)

    def isValid(self) -> bool:  # noqa: N802 (Qt API)
        return self._index < len(self._web.widget().labels())

    def object(self) -> QObject:
        return self._web.widget()

    def window(self):
        return self._web.window()

    def relations(self, _match=None):
        return []

    def focusChild(self):  # noqa: N802 (Qt API)
        return None

    def childAt(self, _x: int, _y: int):  # noqa: N802 (Qt API)
        return None

    def parent(self):
        return self._web

    def child(self, _index: int):
        return None

    def childCount(self) -> int:  # noqa: N802 (Qt API)
        return 0

    def indexOfChild(self, _child) -> int:  # noqa: N802 (Qt API)
        return -1

    def text(self, kind):
        label = self._web.widget().labels()[self._index]
        if kind == QAccessible.Text.Name:
            return f"{label} {_out_of(self.score(), SCALE_MAX)}"
        if kind == QAccessible.Text.Value:
            return _out_of(self.score(), SCALE_MAX)
        if kind == QAccessible.Text.Description:
            return translate("Accessible", "Cijfer van 0 (heel slecht) tot 10 (heel goed)")
        return ""

    def setText(self, _kind, _text) -> None:  # noqa: N802 (Qt API)
        return None

    def rect(self) -> QRect:
        radar = self._web.widget()
        point = radar.mapToGlobal(radar.label_pos_in_widget(self._index))
        return QRect(point.x() - 20, point.y() - 10, 40, 20)

    def role(self):
        return QAccessible.Role.Slider

    def state(self):
        return QAccessible.State()

    def interface_cast(self, kind):
        if kind == QAccessible.InterfaceType.ValueInterface:
            return self._value
        return None


class _Web(QAccessibleWidget):
    """The spinnenweb: a chart with one slider per dimension."""

    def __init__(self, radar):
        super().__init__(radar, QAccessible.Role.Chart, translate("Accessible", "Spinnenweb"))
        self._spokes: dict[int, _Spoke] = {}

    def childCount(self) -> int:  # noqa: N802 (Qt API)
        return len(self.widget().labels())

    def child(self, index: int):
        if not 0 <= index < self.childCount():
            return None
        if index not in self._spokes:  # kept: Qt holds no reference to a Python interface
            self._spokes[index] = _Spoke(self, index)
        return self._spokes[index]

    def indexOfChild(self, child) -> int:  # noqa: N802 (Qt API)
        return next((i for i, s in self._spokes.items() if s is child), -1)

    def text(self, kind):
        if kind == QAccessible.Text.Name:
            return translate("Accessible", "Spinnenweb")
        if kind == QAccessible.Text.Description:
            return "; ".join(self.child(i).text(QAccessible.Text.Name)
                             for i in range(self.childCount()))
        return super().text(kind)


class _Wheel(QAccessibleWidget):
    """The actiewiel: its value is the question now open (1 to n); setting it opens another."""

    def __init__(self, wheel):
        super().__init__(wheel, QAccessible.Role.Slider, translate("Accessible", "Actiewiel"))
        self._value = _Value(lambda: wheel.current + 1,
                             lambda v: wheel.segmentClicked.emit(v - 1), 1, max(1, len(wheel.labels)))

    def text(self, kind):
        wheel = self.widget()
        n = len(wheel.labels)
        if kind in (QAccessible.Text.Name, QAccessible.Text.Value) and n:
            question = wheel.labels[wheel.current] if 0 <= wheel.current < n else ""
            where = translate("Accessible", "vraag %1").replace("%1", _out_of(wheel.current + 1, n))
            answered = (translate("Accessible", "beantwoord") if wheel.current in wheel.answered
                        else translate("Accessible", "nog niet beantwoord"))
            value = f"{where}: {question} ({answered})"
            if kind == QAccessible.Text.Name:
                return f"{translate('Accessible', 'Actiewiel')}, {value}"
            return value
        return super().text(kind)

    def interface_cast(self, kind):
        if kind == QAccessible.InterfaceType.ValueInterface:
            return self._value
        return super().interface_cast(kind)


# by class name: the widgets call install(), so importing them here would be a cycle
_INTERFACES = {"RadarWidget": lambda w: _Web(w), "WheelPicture": lambda w: _Wheel(w)}


def _factory(key: str, obj: QObject):
    make = _INTERFACES.get(key)
    return make(obj) if make is not None and obj.isWidgetType() else None


def install() -> None:
    """Once per process: Qt then asks _factory for every widget's interface."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
