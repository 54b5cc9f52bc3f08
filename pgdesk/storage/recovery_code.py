"""Recovery codes: the one secret besides the passphrases that unwraps a database's key.

128 random bits plus a 12-bit check, 140 bits = 28 Crockford base32 characters = 7 groups of 4.
The check lets a typo be reported as such at once instead of after a slow, failed unlock.
"""

from __future__ import annotations

import hashlib
import secrets

from pgdesk.domain.validation import InputError

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_RANDOM_BITS = 128
_RECOVERY_CHECK_BITS = 12
_RECOVERY_CHARS = (_RECOVERY_RANDOM_BITS + _RECOVERY_CHECK_BITS) // 5
_RECOVERY_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _recovery_check(random_part: int) -> int:
    digest = hashlib.sha256(b"pgdesk-recovery" + random_part.to_bytes(16, "big")).digest()
    return int.from_bytes(digest[:2], "big") >> (16 - _RECOVERY_CHECK_BITS)


def new_recovery_code() -> str:
    random_part = secrets.randbits(_RECOVERY_RANDOM_BITS)
    value = (random_part << _RECOVERY_CHECK_BITS) | _recovery_check(random_part)
    chars = "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(_RECOVERY_CHARS)))
    return "-".join(chars[i : i + 4] for i in range(0, _RECOVERY_CHARS, 4))


def normalize_recovery_code(text: str) -> str:
    """The code as 28 characters without dashes, forgiving case, spacing and O/0, I/L/1."""
    code = "".join(text.split()).replace("-", "").upper().translate(_RECOVERY_LOOKALIKES)
    if len(code) != _RECOVERY_CHARS or any(c not in _CROCKFORD for c in code):
        raise InputError(
            f"Een herstelcode bestaat uit {_RECOVERY_CHARS} letters en cijfers, "
            "zoals 7KQM-2F9X-… Controleer wat u hebt overgenomen."
        )
    value = 0
    for c in code:
        value = (value << 5) | _CROCKFORD.index(c)
    random_part = value >> _RECOVERY_CHECK_BITS
    if value & ((1 << _RECOVERY_CHECK_BITS) - 1) != _recovery_check(random_part):
        raise InputError(
            "Deze herstelcode is niet goed overgenomen. Controleer de tekens en probeer het opnieuw."
        )
    return code
