"""Marking a domain label for translation without importing Qt (the domain stays Qt-free)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate looks for)
    """`text` as it is; Qt's lupdate finds it by this name (`make translations` scans the
    domain too), and the screens translate it with QCoreApplication.translate(context, text)."""
    return text
