"""The sociale kaart (the practice's directory of local help) and referrals to it. No Qt.

A `Service` is one entry of the map: who offers what, for which dimensions, how to reach them
and how to refer. A `Referral` is a patient's referral made in a conversation; it keeps a copy
of the service as it was on that day (`snapshot`), so an old conversation stays readable when
the service is edited or deleted later.

`validate_service` checks and tidies what people type (or what a CSV file holds) and raises
InputError with a Dutch message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from pgdesk.domain.i18n import QT_TRANSLATE_NOOP
from pgdesk.domain.instrument import Instrument
from pgdesk.domain.validation import InputError, require_name

# How the patient gets there; "" means not filled in.
REFERRAL_ROUTES: dict[str, str] = {
    "zelf": "Patiënt meldt zich zelf aan",
    "huisarts": "Via de huisarts of praktijk",
    "gemeente": "Via de gemeente (sociaal team, Wmo)",
    "anders": "Anders",
}

# A referral's statuses, in the order they are usually passed through, with their Dutch names:
# the one table of this code set (the screens translate the names in the "Referrals" context).
REFERRAL_STATUSES: dict[str, str] = {
    "voorgesteld": QT_TRANSLATE_NOOP("Referrals", "Voorgesteld"),
    "verwezen": QT_TRANSLATE_NOOP("Referrals", "Verwezen"),
    "gestart": QT_TRANSLATE_NOOP("Referrals", "Gestart"),
    "afgerond": QT_TRANSLATE_NOOP("Referrals", "Afgerond"),
    "niet_doorgegaan": QT_TRANSLATE_NOOP("Referrals", "Niet doorgegaan"),
}
OPEN_STATUSES: tuple[str, ...] = ("voorgesteld", "verwezen", "gestart")

# Longest text a field may hold (characters).
MAX_NAME = 200
MAX_LENGTHS: dict[str, int] = {
    "name": MAX_NAME,
    "organisation": MAX_NAME,
    "offer": 2000,
    "phone": 100,
    "email": 254,
    "website": 500,
    "address": 500,
    "notes": 2000,
}
MAX_NOTE = 2000

# Dutch names of the fields, for messages (and the CSV header, see storage.social_map).
FIELD_LABELS: dict[str, str] = {
    "name": "naam",
    "organisation": "organisatie",
    "offer": "aanbod",
    "dimensions": "dimensies",
    "phone": "telefoon",
    "email": "e-mail",
    "website": "website",
    "address": "adres",
    "referral_route": "verwijzing",
    "notes": "notities",
}

# Fields that are one line; the others (offer, notes, address) keep their line breaks.
_ONE_LINE = ("name", "organisation", "phone", "email", "website")
# What the referral snapshot keeps of the service.
SNAPSHOT_FIELDS = ("name", "organisation", "offer", "phone", "email", "website", "address",
                   "referral_route")

_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]{2,}")
_WEBSITE = re.compile(r"(https?://)?[^\s/?#<>\"]+\.[^\s/?#<>\"]{2,}([/?#][^\s<>\"]*)?", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Service:
    """One entry of the sociale kaart. `dimensions` are instrument dimension ids."""

    id: str = ""
    name: str = ""
    organisation: str = ""
    offer: str = ""
    dimensions: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    referral_route: str = ""  # a key of REFERRAL_ROUTES, or "" when not filled in
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return bool(self.deleted_at)

    @property
    def title(self) -> str:
        """'Welzijnscoach (Stichting Buurtkracht)', or the name alone."""
        return service_title(self.name, self.organisation)

    @property
    def route_label(self) -> str:
        return REFERRAL_ROUTES.get(self.referral_route, "")

    @property
    def website_url(self) -> str:
        """The website as a link to open (https:// added when the scheme is left out)."""
        return website_url(self.website)

    def contact_lines(self) -> list[str]:
        """Phone, e-mail, website and address, those that are filled in, one per line."""
        return contact_lines(self.snapshot())

    def helps_with(self, dimension_ids: Iterable[str]) -> bool:
        return bool(set(self.dimensions) & set(dimension_ids))

    def key(self) -> tuple[str, str]:
        """What makes two entries the same service: name and organisation, case and spacing
        ignored."""
        return duplicate_key(self.name, self.organisation)

    def snapshot(self) -> dict[str, str]:
        """The service as a referral keeps it."""
        return {f: getattr(self, f) for f in SNAPSHOT_FIELDS}


@dataclass(frozen=True)
class Referral:
    """A referral made in a conversation; `snapshot` is the service as it was then."""

    id: str
    consultation_id: str
    patient_id: str
    service_id: str | None
    snapshot: Mapping[str, str] = field(default_factory=dict)
    status: str = "voorgesteld"
    note: str = ""
    created_at: str = ""
    updated_at: str = ""
    consultation_date: str = ""  # the day of the conversation it was made in
    followed_up_in: str | None = None  # the later conversation its status was last changed in

    @property
    def name(self) -> str:
        return str(self.snapshot.get("name") or "")

    @property
    def organisation(self) -> str:
        return str(self.snapshot.get("organisation") or "")

    @property
    def title(self) -> str:
        return service_title(self.name, self.organisation)

    @property
    def status_label(self) -> str:
        return REFERRAL_STATUSES.get(self.status, self.status)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def free_text(self) -> bool:
        """Made without a service from the map (a name only)."""
        return self.service_id is None

    @property
    def service(self) -> Service:
        """The snapshot as a Service (id of the map entry, when there was one)."""
        s = self.snapshot
        return Service(id=self.service_id or "", **{f: str(s.get(f) or "") for f in SNAPSHOT_FIELDS})

    def contact_lines(self) -> list[str]:
        return contact_lines(self.snapshot)


# --- small helpers --------------------------------------------------------------------------


def service_title(name: str, organisation: str) -> str:
    name, organisation = name.strip(), organisation.strip()
    if organisation and organisation.casefold() != name.casefold():
        return f"{name} ({organisation})" if name else organisation
    return name


def duplicate_key(name: str, organisation: str) -> tuple[str, str]:
    return (" ".join(name.split()).casefold(), " ".join(organisation.split()).casefold())


def website_url(website: str) -> str:
    site = website.strip()
    if not site:
        return ""
    return site if re.match(r"^https?://", site, re.I) else f"https://{site}"


def contact_lines(values: Mapping[str, object]) -> list[str]:
    lines = []
    for f in ("phone", "email", "website", "address"):
        value = " ".join(str(values.get(f) or "").split())
        if value:
            lines.append(value)
    return lines


def status_label(status: str) -> str:
    return REFERRAL_STATUSES.get(status, status)


def check_status(status: str) -> str:
    if status not in REFERRAL_STATUSES:
        raise InputError(f"Onbekende status van een verwijzing: '{status}'. Kies uit: "
                         f"{', '.join(s.replace('_', ' ') for s in REFERRAL_STATUSES)}.")
    return status


def check_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InputError(f"De notitie bij de verwijzing is te lang ({len(note)} tekens, "
                         f"hoogstens {MAX_NOTE}).")
    return note


def _tidy(name: str, value: object) -> str:
    text = "" if value is None else str(value)
    if name in _ONE_LINE:
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def _check_length(name: str, value: str) -> None:
    limit = MAX_LENGTHS[name]
    if len(value) > limit:
        raise InputError(f"Het veld '{FIELD_LABELS[name]}' is te lang ({len(value)} tekens, "
                         f"hoogstens {limit}).")


def check_email(value: str) -> str:
    if value and not _EMAIL.fullmatch(value):
        raise InputError(f"'{value}' lijkt geen e-mailadres (zoals info@voorbeeld.nl).")
    return value


def check_website(value: str) -> str:
    if not value:
        return value
    if _SCHEME.match(value) and not re.match(r"^https?://", value, re.I):
        raise InputError(f"'{value}' is geen website; alleen adressen met http:// of https:// "
                         "(of zonder) worden bewaard.")
    if not _WEBSITE.fullmatch(value):
        raise InputError(f"'{value}' lijkt geen website (zoals www.voorbeeld.nl).")
    return value


def check_phone(value: str) -> str:
    if value and not re.search(r"\d", value):
        raise InputError(f"'{value}' lijkt geen telefoonnummer.")
    return value


def check_dimensions(dimension_ids: Iterable[str], instrument: Instrument) -> tuple[str, ...]:
    """Known dimension ids, each once, in the instrument's order (InputError for an unknown id)."""
    given = [str(d).strip() for d in dimension_ids if str(d).strip()]
    known = instrument.dimension_ids
    unknown = [d for d in given if d not in known]
    if unknown:
        raise InputError(f"Onbekende dimensie: {', '.join(repr(d) for d in unknown)}. "
                         f"Kies uit: {', '.join(d.name for d in instrument.dimensions)}.")
    return tuple(d for d in known if d in given)


def check_route(value: str) -> str:
    value = (value or "").strip()
    if value and value not in REFERRAL_ROUTES:
        raise InputError(f"Onbekende manier van verwijzen: '{value}'. Kies uit: "
                         f"{', '.join(REFERRAL_ROUTES)}.")
    return value


def validate_service(service: Service, instrument: Instrument) -> Service:
    """The service tidied (spaces, dimension order) and checked; InputError in Dutch if not valid."""
    values = {f: _tidy(f, getattr(service, f)) for f in MAX_LENGTHS}
    for f, value in values.items():
        _check_length(f, value)
    values["name"] = require_name(values["name"])
    check_email(values["email"])
    check_website(values["website"])
    check_phone(values["phone"])
    return replace(service, **values,
                   dimensions=check_dimensions(service.dimensions, instrument),
                   referral_route=check_route(service.referral_route))
