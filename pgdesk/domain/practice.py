"""The practice's own details, printed on every handout and blank web so a patient knows whom
to call."""

from __future__ import annotations

from dataclasses import dataclass

from pgdesk.domain.validation import InputError

MAX_NAME = 120
MAX_PHONE = 40
MAX_WEBSITE = 200


@dataclass(frozen=True)
class PracticeDetails:
    name: str = ""
    phone: str = ""
    website: str = ""

    def is_filled(self) -> bool:
        """Name and phone: what a patient needs to get back to the practice."""
        return bool(self.name.strip() and self.phone.strip())


def checked_details(name: str, phone: str, website: str = "") -> PracticeDetails:
    """Details as typed, whitespace tidied; InputError (Dutch) for what cannot be printed."""
    name, phone, website = (" ".join((v or "").split()) for v in (name, phone, website))
    for value, limit, what in ((name, MAX_NAME, "De naam"), (phone, MAX_PHONE, "Het telefoonnummer"),
                               (website, MAX_WEBSITE, "De website")):
        if len(value) > limit:
            raise InputError(f"{what} van de praktijk is te lang (hoogstens {limit} tekens).")
    if phone and not any(ch.isdigit() for ch in phone):
        raise InputError("Het telefoonnummer van de praktijk bevat geen cijfers.")
    return PracticeDetails(name, phone, website)
