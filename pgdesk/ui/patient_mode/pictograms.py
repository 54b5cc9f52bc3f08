"""The pictogram of each dimension (resources/icons/dimensions/<id>.svg, drawn for pgdesk), always
shown beside the dimension's name in words: a picture helps, it never stands alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSizePolicy

from pgdesk.paths import resources_dir
from pgdesk.ui.plain import Label


def pictogram_path(dimension_id: str) -> Path:
    return resources_dir() / "icons" / "dimensions" / f"{dimension_id}.svg"


def pictogram(dimension_id: str, size: int) -> Label:
    """A label with the pictogram at `size` logical pixels (sharp at any scale); empty and hidden
    for a dimension that has none (another instrument), so the name stands alone there."""
    label = Label()
    label.setObjectName("pictogram")
    label.setFixedSize(size, size)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    path = pictogram_path(dimension_id)
    icon = QIcon(str(path)) if path.is_file() else QIcon()
    if icon.isNull():
        label.hide()
    else:
        label.setPixmap(icon.pixmap(QSize(size, size)))
    return label
