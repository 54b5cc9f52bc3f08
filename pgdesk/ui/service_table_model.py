"""The sociale kaart's list as a Qt table model (name, organisation, dimensions, how to refer),
and the filter the dialog applies to it; tested without a window."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from pgdesk.domain.instrument import Instrument
from pgdesk.domain.social_map import REFERRAL_ROUTES, Service
from pgdesk.ui import plain
from pgdesk.ui.referrals_widget import fold

translate = QCoreApplication.translate

ROUTE_LABELS = {  # the domain's Dutch labels, for lupdate
    "zelf": QT_TRANSLATE_NOOP("SocialMap", "Patiënt meldt zich zelf aan"),
    "huisarts": QT_TRANSLATE_NOOP("SocialMap", "Via de huisarts of praktijk"),
    "gemeente": QT_TRANSLATE_NOOP("SocialMap", "Via de gemeente (sociaal team, Wmo)"),
    "anders": QT_TRANSLATE_NOOP("SocialMap", "Anders"),
}
ROUTE_SHORT = {
    "zelf": QT_TRANSLATE_NOOP("SocialMap", "zelf"),
    "huisarts": QT_TRANSLATE_NOOP("SocialMap", "via huisarts"),
    "gemeente": QT_TRANSLATE_NOOP("SocialMap", "via gemeente"),
    "anders": QT_TRANSLATE_NOOP("SocialMap", "anders"),
}


def route_label(code: str) -> str:
    return translate("SocialMap", ROUTE_LABELS.get(code, REFERRAL_ROUTES.get(code, code)))


class ServiceTableModel(QAbstractTableModel):
    """Services as rows: name, organisation, dimensions, how to refer."""

    COLUMNS = (QT_TRANSLATE_NOOP("SocialMap", "Naam"), QT_TRANSLATE_NOOP("SocialMap", "Organisatie"),
               QT_TRANSLATE_NOOP("SocialMap", "Dimensies"), QT_TRANSLATE_NOOP("SocialMap", "Verwijzing"))

    def __init__(self, instrument: Instrument, parent: QObject | None = None):
        super().__init__(parent)
        self._names = {d.id: d.name for d in instrument.dimensions}
        self._short = {d.id: d.short or d.name for d in instrument.dimensions}
        self._services: list[Service] = []

    def set_services(self, services: list[Service]) -> None:
        self.beginResetModel()
        self._services = list(services)
        self.endResetModel()

    def service(self, row: int) -> Service:
        return self._services[row]

    def rows(self) -> list[Service]:
        return list(self._services)

    def dimensions(self, s: Service, *, short: bool = False) -> str:
        names = self._short if short else self._names
        return ", ".join(names.get(d, d) for d in s.dimensions)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._services)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._services[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return s.name
            if col == 1:
                return s.organisation
            if col == 2:
                return self.dimensions(s, short=True)
            short = ROUTE_SHORT.get(s.referral_route)
            return translate("SocialMap", short) if short else s.referral_route
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip("\n".join(x for x in (s.offer, self.dimensions(s), *s.contact_lines()) if x))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("SocialMap", self.COLUMNS[section])
        return None


def matches(s: Service, words: list[str], dimension: str | None, names: str = "") -> bool:
    """Every typed word in name, organisation, offer, notes or dimensions; and the dimension."""
    if dimension and dimension not in s.dimensions:
        return False
    key = fold(" ".join((s.name, s.organisation, s.offer, s.notes, names)))
    return all(w in key for w in words)
