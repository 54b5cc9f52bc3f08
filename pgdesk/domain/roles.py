"""The professional roles and their Dutch names: the one table of this code set (the screens
translate the names in the "Labels" context, the reports through the instrument's texts).

Apart from domain.models so the command line can offer the roles without loading the records
(and the instrument) before the window's first paint."""

from __future__ import annotations

from pgdesk.domain.i18n import QT_TRANSLATE_NOOP

ROLE_LABELS_NL = {
    "huisarts": QT_TRANSLATE_NOOP("Labels", "Huisarts"),
    "poh-somatiek": QT_TRANSLATE_NOOP("Labels", "POH-somatiek"),
    "poh-ggz": QT_TRANSLATE_NOOP("Labels", "POH-GGZ"),
    "wijkverpleegkundige": QT_TRANSLATE_NOOP("Labels", "Wijkverpleegkundige"),
    "praktijkondersteuner": QT_TRANSLATE_NOOP("Labels", "Praktijkondersteuner"),
    "doktersassistent": QT_TRANSLATE_NOOP("Labels", "Doktersassistent"),
    "anders": QT_TRANSLATE_NOOP("Labels", "Anders"),
}
ROLES = tuple(ROLE_LABELS_NL)
