"""The pictogram of each dimension (resources/icons/dimensions/<id>.svg, drawn for pgdesk) and,
in the eenvoudig and kind variants, of each aspect (resources/icons/aspects, Font Awesome Free),
always shown beside the name in words: a picture helps, it never stands alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter
from PySide6.QtWidgets import QSizePolicy

from pgdesk.domain.content import aspect_pictogram_path
from pgdesk.paths import resources_dir
from pgdesk.ui.plain import Label

INKED_SIZE = 64  # px: a recoloured pictogram is drawn this large, then scaled down where shown


def pictogram_path(dimension_id: str) -> Path:
    return resources_dir() / "icons" / "dimensions" / f"{dimension_id}.svg"


def aspect_icon(icon: str, ink: QColor | None = None) -> QIcon:
    """The aspect's pictogram as an icon (for list and tree rows); null when it has none. In
    `ink` (the palette's accent, on a desktop that may be dark) instead of the file's dark blue."""
    path = aspect_pictogram_path(icon) if icon else None
    if path is None or not path.is_file():
        return QIcon()
    drawn = QIcon(str(path))
    if ink is None:
        return drawn
    pixmap = drawn.pixmap(QSize(INKED_SIZE, INKED_SIZE))
    painter = QPainter(pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), ink)  # the shape keeps its alpha, takes the colour
    painter.end()
    return QIcon(pixmap)


def aspect_pictogram(icon: str, size: int, ink: QColor | None = None) -> Label:
    """As pictogram(), for an aspect's icon name ('bed')."""
    return _label(aspect_icon(icon, ink), size)


def pictogram(dimension_id: str, size: int) -> Label:
    """A label with the pictogram at `size` logical pixels (sharp at any scale); empty and hidden
    for a dimension that has none (another instrument), so the name stands alone there."""
    path = pictogram_path(dimension_id)
    return _label(QIcon(str(path)) if path.is_file() else QIcon(), size)


def _label(icon: QIcon, size: int) -> Label:
    label = Label()
    label.setObjectName("pictogram")
    label.setFixedSize(size, size)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    if icon.isNull():
        label.hide()
    else:
        label.setPixmap(icon.pixmap(QSize(size, size)))
    return label
