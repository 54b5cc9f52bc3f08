"""The Qt user interface: windows, pages and widgets on top of domain, storage and reports."""

import sys as _sys

import PySide6.QtCore  # noqa: F401  (first: its import installs the scan turned off below)


def _no_source_scan() -> None:
    """PySide6 reads the source file of every module imported after it, to see whether it names
    "PySide6" (for PySide's opt-in renaming, `from __feature__ import snake_case`): about 200
    files read and decoded before the patient list paints, a tenth of a second and more. pgdesk
    never selects a feature, so every module sees Qt's own names whatever the answer: answer
    without reading. (A frozen app has no sources to read; its answer is the same.)"""
    feature = _sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda module: False


_no_source_scan()
