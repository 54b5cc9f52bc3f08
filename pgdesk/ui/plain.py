"""Text is shown as it is, never as HTML: every label, message box, question and tooltip of pgdesk.

Qt guesses: a QLabel, QMessageBox, QInputDialog or tooltip whose text starts like HTML is rendered
as HTML, so a patient or service name such as `<img src="/dev/zero">` (typed, brought back from a
laptop, or in a sociale-kaart CSV) would make Qt read that file until memory runs out. Screens use
`Label` instead of QLabel and the functions below instead of QMessageBox's and QInputDialog's
static ones; tests/test_hostile_names_gui.py opens every screen with such names and checks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

Button = QMessageBox.StandardButton
# Qt.TextFormat's PlainText and RichText, given through the widgets' textFormat property: the Qt
# namespace, whose enum that is, costs tens of ms to build, and the unlock dialog paints first.
PLAIN, RICH = 0, 1


def _plain_text(widget: QLabel | QMessageBox) -> None:
    """`widget` shows its text literally from now on (as setTextFormat(PlainText))."""
    widget.setProperty("textFormat", PLAIN)


class Label(QLabel):
    """A QLabel that shows its text literally. The format is set before the text, so the text is
    never parsed as HTML. `rich=True` only for fixed texts of our own."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, rich: bool = False):
        super().__init__(parent)
        self.setProperty("textFormat", RICH if rich else PLAIN)
        self.setText(text)


def as_problem(text: str) -> str:
    """A problem reads as one without its red too (colour-blind eyes, a grey printout, a screen
    reader): a warning sign before the text."""
    return "\u26a0\u00a0" + text


def tip(text: str) -> str:
    """A tooltip showing `text` literally: Qt has no plain-text tooltips, so it is escaped (and
    marked as HTML, else Qt would show the escapes themselves)."""
    from html import escape  # not before the first paint: html.entities is a large table

    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + escape(text, quote=False) + "</p>"


def _box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str,
         buttons: Button, default: Button) -> Button:
    box = QMessageBox(icon, title, "", buttons, parent)
    _plain_text(box)
    box.setText(text)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()  # none when the box was closed by the lock
    answer = box.standardButton(clicked) if clicked is not None else Button.NoButton
    box.deleteLater()
    return answer


def information(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Ok,
                default: Button = Button.NoButton) -> Button:
    return _box(QMessageBox.Icon.Information, parent, title, text, buttons, default)


def warning(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Ok,
            default: Button = Button.NoButton) -> Button:
    return _box(QMessageBox.Icon.Warning, parent, title, text, buttons, default)


def critical(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Ok,
             default: Button = Button.NoButton) -> Button:
    return _box(QMessageBox.Icon.Critical, parent, title, text, buttons, default)


def question(parent: QWidget | None, title: str, text: str,
             buttons: Button = Button.Yes | Button.No, default: Button = Button.NoButton) -> Button:
    return _box(QMessageBox.Icon.Question, parent, title, text, buttons, default)


def choose(parent: QWidget | None, title: str, text: str, choices: list[str],
           default: int = 0) -> int | None:
    """A question answered with buttons in our own words: the index of the one clicked, None when
    the box was closed without one (the lock closes it)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", Button.NoButton, parent)
    _plain_text(box)
    box.setText(text)
    buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else None


def _input(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText("")  # creates the label, which is made plain before it gets the text
    for child in dialog.findChildren(QLabel):
        _plain_text(child)
    dialog.setLabelText(label)
    return dialog


def get_text(parent: QWidget | None, title: str, label: str,
             echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal, text: str = "") -> tuple[str, bool]:
    dialog = _input(parent, title, label)
    dialog.setTextEchoMode(echo)
    dialog.setTextValue(text)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    value = dialog.textValue() if ok else ""
    dialog.deleteLater()
    return value, ok


def get_int(parent: QWidget | None, title: str, label: str, value: int = 0,
            minimum: int = -2147483647, maximum: int = 2147483647) -> tuple[int, bool]:
    dialog = _input(parent, title, label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(minimum, maximum)
    dialog.setIntValue(value)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    value = dialog.intValue() if ok else value
    dialog.deleteLater()
    return value, ok


def get_item(parent: QWidget | None, title: str, label: str, items: list[str],
             current: int = 0) -> tuple[str, bool]:
    """A choice from a list (not editable); the items are plain text in a combo box already."""
    dialog = _input(parent, title, label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(items[current] if items else "")
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    value = dialog.textValue() if ok else ""
    dialog.deleteLater()
    return value, ok
