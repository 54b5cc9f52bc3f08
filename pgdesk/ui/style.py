"""One calm, high-contrast look for all pages (large type for the patient across the desk)."""

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
"""
