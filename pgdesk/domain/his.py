"""What a HIS hands pgdesk when it starts it with a patient (`pgdesk --patient NUMBER`), checked
before anything opens: the HIS's patient number, and the name and birth date it may add."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from pgdesk.domain.validation import InputError, normalize_birth_date, require_name

# HIS patient numbers are digits in most systems, letters and a separator in a few; nothing a
# shell or a file name would read otherwise (no spaces, quotes or control characters).
NUMBER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,29})")
MAX_MESSAGE = 4096  # one hand-over between two pgdesk processes, with room for a long name


def normalize_his_number(text: str) -> str:
    """The number as stored; a Dutch InputError for anything that is not a patient number."""
    number = (text or "").strip()
    if not number:
        raise InputError("Geef het patiëntnummer uit het HIS (bijvoorbeeld --patient 100237).")
    if not NUMBER.fullmatch(number):
        shown = number if len(number) <= 40 else number[:40] + "…"
        raise InputError(f"'{shown}' is geen patiëntnummer: alleen letters, cijfers en - . / _, "
                         "hoogstens 30 tekens, beginnend met een letter of cijfer.")
    return number


@dataclass(frozen=True)
class HisRequest:
    """Open this patient; name and birth date only fill in the new-patient form when the number
    is not yet known (pgdesk never changes a known patient on a HIS's word)."""

    number: str
    name: str = ""
    birth_date: str = ""  # as normalize_birth_date returns it, or ""

    @classmethod
    def checked(cls, number: str, name: str | None = None, birth_date: str | None = None) -> HisRequest:
        name = require_name(name) if name is not None and name.strip() else ""
        return cls(normalize_his_number(number), name, normalize_birth_date(birth_date or ""))

    def to_bytes(self) -> bytes:
        return (json.dumps(asdict(self), ensure_ascii=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> HisRequest:
        """A hand-over as another pgdesk process sent it, checked again (InputError if bad)."""
        try:
            raw = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise InputError("Onleesbaar verzoek van een ander pgdesk-venster.") from None
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k, ""), str)
                                                for k in ("number", "name", "birth_date")):
            raise InputError("Onleesbaar verzoek van een ander pgdesk-venster.")
        if not raw.get("number"):  # a second start without a patient: only to the front
            return cls("")
        return cls.checked(raw.get("number", ""), raw.get("name"), raw.get("birth_date"))
