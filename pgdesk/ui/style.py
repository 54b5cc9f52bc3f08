"""One calm, high-contrast look for all pages (large type for the patient across the desk)."""

from PySide6.QtGui import QColor, QPalette

STYLE_SHEET = """
QWidget { font-size: 11pt; }
QLabel#pageTitle { font-size: 18pt; font-weight: 600; color: #1d2b3a; }
QLabel#stepTitle { font-size: 15pt; font-weight: 600; color: #1d2b3a; }
QLabel#hint { color: #5b6775; font-size: 10pt; }
QLabel#explanation { font-size: 12pt; color: #1d2b3a; padding: 6px;
                     background: #f3f6fa; border-radius: 6px; }
QLabel#prompts { font-size: 12pt; color: #425466; }
QLabel#bigQuestion { font-size: 24pt; font-weight: 700; color: #1d2b3a; }
QPlainTextEdit#answer { font-size: 15pt; }
QTableWidget#scoreTable, QTreeWidget#focusTree { font-size: 14pt; }
QLabel#recoveryCode { font-family: "DejaVu Sans Mono", monospace; font-size: 17pt;
                      font-weight: 600; color: #1d2b3a; padding: 10px; }
QPushButton { padding: 6px 14px; }
QPushButton#stepButton { padding: 8px 10px; border: 1px solid #c9d3de; border-radius: 6px;
                         background: #f3f6fa; color: #1d2b3a; }
QPushButton#stepButton:checked { background: #2e6da4; color: white; border-color: #2e6da4; }
QPushButton#primary { background: #2e6da4; color: white; border-radius: 6px; font-weight: 600; }
QPushButton#primary:disabled { background: #9db5cc; }
QTableView::item:selected, QTreeView::item:selected { background: #2e6da4; color: white; }
QTreeWidget#focusTree::item:selected { background: #cfe0f1; color: #1d2b3a; }
"""


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def keep_light(app) -> None:
    """The style sheet's calm blue-on-light colours are the look the patient sees across the desk;
    on a dark desktop theme they would put dark titles on a dark window. There pgdesk asks for the
    light scheme, and where the platform cannot give it, uses Fusion with a light palette."""
    if not is_dark(app.palette()):
        return
    # here, not at the top: the Qt namespace costs tens of ms the first paint need not wait for
    from PySide6.QtCore import Qt

    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    if not is_dark(app.palette()):
        return
    if app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    palette = QPalette(QColor("#efefef"))  # window, text, disabled and bevel colours derived
    for role, colour in ((QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.AlternateBase, "#f3f6fa"),
                         (QPalette.ColorRole.Text, "#000000"),
                         (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.PlaceholderText, "#6b7580"),
                         (QPalette.ColorRole.ToolTipBase, "#ffffdc"),
                         (QPalette.ColorRole.ToolTipText, "#000000"),
                         (QPalette.ColorRole.Highlight, "#2e6da4"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.Link, "#2e6da4")):
        palette.setColor(QPalette.ColorGroup.Active, role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(colour))
    app.setPalette(palette)
