"""One calm, high-contrast look for all pages (large type for the patient across the desk).
Whatever has the keyboard wears a thick border in a colour of its own (the border width is taken
from the padding, so nothing shifts): focus is visible without Qt's thin dotted native frame."""

from PySide6.QtGui import QPalette

# The style sheet's colours for a light and for a dark (or high-contrast dark) desktop: pgdesk
# follows the system's palette rather than fixing dark text that vanishes on a dark window.
LIGHT = {"title": "#1d2b3a", "hint": "#5b6775", "panel": "#f3f6fa", "prompts": "#425466",
         "border": "#c9d3de", "accent": "#2e6da4", "on_accent": "white", "accent_off": "#9db5cc",
         "soft": "#cfe0f1", "focus": "#0b3d73",
         "error": "#b00020", "number": "#1c4e7a"}
DARK = {"title": "#eef3f8", "hint": "#c3ccd6", "panel": "#26313d", "prompts": "#d5dde6",
        "border": "#6b7a8a", "accent": "#5b9bd5", "on_accent": "#0b1620", "accent_off": "#3d5269",
        "soft": "#34506b", "focus": "#ffd75e",
        "error": "#ff9a9a", "number": "#8cc2f2"}

_SHEET = """
QWidget {{ font-size: {base}pt; }}
QLabel#pageTitle {{ font-size: {page}pt; font-weight: 600; color: {title}; }}
QLabel#stepTitle {{ font-size: {step}pt; font-weight: 600; color: {title}; }}
QLabel#hint {{ color: {hint}; font-size: {small}pt; }}
QLabel#quiet {{ color: {hint}; }}
QLabel#error {{ color: {error}; font-weight: 600; }}
QLabel#sectionTitle {{ font-weight: 600; color: {title}; }}
QLabel#bigNumber {{ font-size: {number_size}pt; font-weight: 700; color: {number}; }}
QLabel#numberCaption {{ font-size: {medium}pt; color: {title}; }}
QLabel#patientNote {{ background: #fff4c2; border-left: 4px solid #b58900; padding: 6px;
                     color: #1d2b3a; }}
QLabel#explanation {{ font-size: {medium}pt; color: {title}; padding: 6px;
                     background: {panel}; border-radius: 6px; }}
QLabel#prompts {{ font-size: {medium}pt; color: {prompts}; }}
QLabel#bigQuestion {{ font-size: {big}pt; font-weight: 700; color: {title}; }}
QPlainTextEdit#answer {{ font-size: {step}pt; }}
QTableWidget#scoreTable, QTreeWidget#focusTree {{ font-size: {table}pt; }}
QLabel#recoveryCode {{ font-family: "DejaVu Sans Mono", monospace; font-size: {code}pt;
                      font-weight: 600; color: {title}; padding: 10px; }}
QPushButton {{ padding: 5px 13px; border: 1px solid {border}; border-radius: 6px;
               background: {panel}; color: {title}; }}
QPushButton:pressed, QPushButton:checked {{ background: {soft}; }}
QPushButton:disabled {{ color: {hint}; }}
QPushButton#stepButton {{ padding: 8px 10px; border: 1px solid {border}; border-radius: 6px;
                         background: {panel}; color: {title}; }}
QPushButton#stepButton:checked {{ background: {accent}; color: {on_accent}; border-color: {accent}; }}
QPushButton#primary {{ background: {accent}; color: {on_accent}; border-radius: 6px; font-weight: 600; }}
QPushButton#primary:disabled {{ background: {accent_off}; }}
QPushButton:focus, QPushButton#primary:focus {{ border: 3px solid {focus}; padding: 3px 11px; }}
QPushButton#stepButton:focus {{ border: 3px solid {focus}; padding: 6px 8px; }}
QToolButton#menuArrow {{ padding: 5px 9px; border: 1px solid {border}; border-radius: 6px;
                        background: {panel}; color: {title}; }}
QToolButton#menuArrow:pressed {{ background: {soft}; }}
QToolButton#menuArrow:focus {{ border: 3px solid {focus}; padding: 3px 7px; }}
QToolButton#menuArrow::menu-indicator {{ image: none; width: 0px; }}
QLineEdit, QPlainTextEdit, QAbstractItemView {{ border: 1px solid {border}; padding: 2px; }}
QLineEdit:focus, QPlainTextEdit:focus, QAbstractItemView:focus {{ border: 3px solid {focus};
    padding: 0px; }}
QAbstractSpinBox QLineEdit, QAbstractSpinBox QLineEdit:focus, QComboBox QLineEdit,
QComboBox QLineEdit:focus {{ border: none; padding: 0px; }}
QTableView::item:selected, QTreeView::item:selected {{ background: {accent}; color: {on_accent}; }}
QTreeWidget#focusTree::item:selected {{ background: {soft}; color: {title}; }}
"""
SIZES = {"base": 11, "page": 18, "step": 15, "small": 10, "medium": 12, "big": 24, "table": 14,
         "code": 17, "number_size": 30}


def style_sheet(scale: float = 1.0, dark: bool = False) -> str:
    """The style sheet with every type size times `scale` (Ctrl+plus/minus) in the colours of a
    light or a dark desktop."""
    sizes = {k: f"{v * scale:.1f}".rstrip("0").rstrip(".") for k, v in SIZES.items()}
    return _SHEET.format(**sizes, **(DARK if dark else LIGHT))


STYLE_SHEET = style_sheet()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def follow_system(app) -> bool:
    """The style sheet in the colours of the desktop's palette (light, dark or a dark high
    contrast theme); returns whether it is dark."""
    dark = is_dark(app.palette())
    app.setStyleSheet(style_sheet(dark=dark))
    return dark


def restyle(widget, name: str) -> None:
    """Give `widget` another object name (another rule of the sheet, e.g. "error") and redraw it
    in that rule's colours: Qt applies a sheet's rules only when a widget is polished."""
    widget.setObjectName(name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def colours(widget) -> dict[str, str]:
    """The sheet's colours for `widget`'s palette, for what paints or writes HTML itself."""
    return DARK if is_dark(widget.palette()) else LIGHT
