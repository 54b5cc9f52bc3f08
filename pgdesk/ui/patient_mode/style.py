"""The patient's look: large type (at least 20 pt), black on white, one calm accent colour, and
buttons large enough for a finger (at least 44 px). Every rule starts at #patientMode, so it
outranks the general one that sets 20 pt and black for every widget inside. The mode keeps its own
light palette too, so a dark desktop theme (also one switched on while the patient fills in) puts
no light-grey hint on white."""

from PySide6.QtGui import QColor, QPalette

TOUCH = 48  # px, above the 44 px minimum for touch targets


def patient_palette() -> QPalette:
    palette = QPalette(QColor("#f4f6f8"), QColor("#ffffff"))  # button, window
    for role, colour in ((QPalette.ColorRole.Base, "#ffffff"),
                         (QPalette.ColorRole.Text, "#000000"),
                         (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.PlaceholderText, "#4d5a66"),
                         (QPalette.ColorRole.Highlight, "#1d3f66"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff")):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
    return palette

PATIENT_STYLE = f"""
#patientMode {{ background: #ffffff; }}
#patientMode QWidget {{ font-size: 20pt; color: #000000; }}
#patientMode QLabel#patientTitle {{ font-size: 30pt; font-weight: 700; }}
#patientMode QLabel#patientText {{ font-size: 21pt; color: #1a1a1a; }}
#patientMode QLabel#patientHint {{ font-size: 20pt; color: #333333; }}
#patientMode QLabel#patientProgress {{ font-weight: 700; color: #1d3f66; }}
#patientMode QLabel#patientError {{ color: #9a0000; font-weight: 700; }}
#patientMode QPushButton {{ min-height: {TOUCH}px; min-width: {TOUCH}px; padding: 4px 14px;
    border: 2px solid #4d5a66; border-radius: 8px; background: #f4f6f8; }}
#patientMode QPushButton:focus {{ border: 3px solid #000000; }}
#patientMode QPushButton#score {{ padding: 0px; font-weight: 700; }}
#patientMode QPushButton#score:checked {{ background: #1d3f66; color: #ffffff;
    border-color: #1d3f66; }}
#patientMode QPushButton#skip:checked, #patientMode QPushButton#talk:checked {{
    background: #ffe58a; border-color: #7a5c00; }}
#patientMode QPushButton#skip, #patientMode QPushButton#talk {{ padding: 4px 8px; }}
#patientMode QPushButton#patientPrimary {{ background: #1d3f66; color: #ffffff;
    font-weight: 700; border-color: #1d3f66; padding: 6px 24px; }}
#patientMode QFrame#aspectRow {{ border-radius: 8px; }}
#patientMode QScrollArea#patientScroll {{ background: transparent; border: none; }}
#patientMode QFrame#aspectRow {{ border: 3px solid transparent; }}
#patientMode QFrame#aspectRow[current="true"] {{ background: #dce8f5; border-color: #000000; }}
#patientMode QPlainTextEdit, #patientMode QLineEdit {{ font-size: 21pt; border: 2px solid #4d5a66;
    border-radius: 6px; background: #ffffff; min-height: {TOUCH}px; }}
#patientMode QPlainTextEdit:focus, #patientMode QLineEdit:focus {{ border: 4px solid #000000; }}
"""
