"""The key of an encrypted database, wrapped once per user and once with a recovery code.

The database is encrypted with a random 32-byte key. That key lives beside the database in a small
JSON file ("<db>.keys"), encrypted (AES-256-GCM) with a key derived by Argon2id from each user's
passphrase, and once more from a recovery code that is shown a single time at set-up. Changing a
passphrase re-wraps that user's entry only; the database itself is never touched.

The file is readable by anyone who can read the database, so it holds no names in clear (only an
HMAC of the name under a random per-file pepper), and every check of a name or passphrase costs a
full Argon2id run and fails slowly, with one message whether the name or the passphrase was wrong.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import secrets
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from pgdesk.domain.validation import InputError
from pgdesk.files import write_atomically
from pgdesk.paths import keys_path
from pgdesk.storage.errors import StorageError, explain_write_error
from pgdesk.storage.recovery_code import new_recovery_code, normalize_recovery_code

KEY_BYTES = 32
FORMAT = "pgdesk-keyring"
VERSION = 1
MODES = ("per-user", "shared")

_SALT_BYTES = 16
_NONCE_BYTES = 12
_PEPPER_BYTES = 16
_RECOVERY_TAG = "recovery"
_MAX_FILE_BYTES = 1 << 20
_MAX_USERS = 1000
_TOP_KEYS = {"format", "version", "db_id", "mode", "pepper", "key_check", "users", "recovery"}
# The access log's anchor (storage/log_anchor.py) rides along; the keyring only carries it.
_ANCHOR_KEY = "log_anchor"
# Bounds on parameters read from the file, so an edited file cannot make unlocking eat the machine.
_MAX_MEMORY_KIB = 4 << 20
_MAX_ITERATIONS = 64
_MAX_LANES = 64


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        ok = (
            all(type(v) is int for v in (self.memory_kib, self.iterations, self.lanes))
            and 1 <= self.lanes <= _MAX_LANES
            and 1 <= self.iterations <= _MAX_ITERATIONS
            and 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB  # Argon2's own minimum
        )
        if not ok:
            raise ValueError("invalid Argon2id parameters")


DEFAULT_KDF = KdfParams()
FAST_KDF = KdfParams(memory_kib=64, iterations=1, lanes=1)  # tests only


class KeyringError(StorageError):
    pass


class WrongCredentials(StorageError):
    def __init__(self) -> None:
        super().__init__("Naam of wachtwoord klopt niet.")


class WrongRecoveryCode(StorageError):
    def __init__(self) -> None:
        super().__init__("Deze herstelcode klopt niet.")


@dataclass(frozen=True)
class Unlocked:
    key: bytes = field(repr=False)
    name: str
    professional_id: str | None


def keyring_path(db_path: Path) -> Path:
    return keys_path(db_path)


def check_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise InputError("Vul een wachtwoord in.")
    if not passphrase.strip():
        raise InputError("Een wachtwoord van alleen spaties kan niet.")
    if len(passphrase) < 8:
        raise InputError("Kies een wachtwoord van minstens 8 tekens.")
    return passphrase


# --- Entries --------------------------------------------------------------------------------------


def _normalize_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _name_tag(pepper: bytes, mode: str, name: str, *, validate: bool = True) -> str:
    """What the file stores instead of a name: an HMAC under the file's random pepper."""
    normalized = "" if mode == "shared" else _normalize_name(name)
    if validate and mode != "shared":
        if not normalized:
            raise InputError("Vul een naam in.")
        if len(normalized) > 200:
            raise InputError("Die naam is te lang (meer dan 200 tekens).")
    return hmac.digest(pepper, normalized.encode("utf-8", "surrogatepass"), "sha256").hex()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # NFC so that the same typed accents give the same bytes on every platform.
    return kdf.derive(unicodedata.normalize("NFC", secret).encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class _Entry:
    tag: str
    professional_id: str | None
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict:
        return {
            "tag": self.tag,
            "professional_id": self.professional_id,
            "kdf": {
                "alg": "argon2id",
                "memory_kib": self.params.memory_kib,
                "iterations": self.params.iterations,
                "lanes": self.params.lanes,
                "salt": _b64(self.salt),
            },
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


def _aad(db_id: str, tag: str, professional_id: str | None) -> bytes:
    # Binds an entry to this keyring and its own tag and professional: an entry copied from another
    # keyring, or an edited professional_id, no longer decrypts.
    return json.dumps(["pgdesk-keyring-v1", db_id, tag, professional_id]).encode("utf-8")


def _wrap(
    db_id: str, key: bytes, tag: str, professional_id: str | None, secret: str, params: KdfParams
) -> _Entry:
    if not _valid_professional_id(professional_id):
        raise ValueError("professional_id must be None or a short non-empty string")
    salt = secrets.token_bytes(_SALT_BYTES)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    wrapped = AESGCM(derive_key(secret, salt, params)).encrypt(nonce, key, _aad(db_id, tag, professional_id))
    return _Entry(tag, professional_id, params, salt, nonce, wrapped)


def _wrap_recovery(db_id: str, key: bytes, code: str, params: KdfParams) -> _Entry:
    return _wrap(db_id, key, _RECOVERY_TAG, None, normalize_recovery_code(code), params)


def _valid_professional_id(value: object) -> bool:
    return value is None or (isinstance(value, str) and 0 < len(value) <= 200)


def _unwrap(db_id: str, entry: _Entry, secret: str) -> bytes | None:
    try:
        return AESGCM(derive_key(secret, entry.salt, entry.params)).decrypt(
            entry.nonce, entry.wrapped, _aad(db_id, entry.tag, entry.professional_id)
        )
    except InvalidTag:
        return None


def _fail_slowly(started: float, min_seconds: float, error: StorageError) -> NoReturn:
    """Raise `error` no sooner than `min_seconds` after `started`, to slow down guessing."""
    remaining = min_seconds - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
    raise error


# --- Parsing --------------------------------------------------------------------------------------


class _Malformed(Exception):
    """Internal: the file does not have the shape of a keyring."""


def _want(cond: bool) -> None:
    if not cond:
        raise _Malformed


def _int(value: object) -> int:
    _want(type(value) is int)  # not bool
    return value  # type: ignore[return-value]


def _bytes(value: object, length: int) -> bytes:
    _want(isinstance(value, str))
    data = base64.b64decode(value, validate=True)  # type: ignore[arg-type]
    _want(len(data) == length)
    return data


def _hex_tag(value: object) -> str:
    _want(isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value))
    return value  # type: ignore[return-value]


def _parse_entry(raw: object, *, recovery: bool) -> _Entry:
    _want(isinstance(raw, dict) and set(raw) == {"tag", "professional_id", "kdf", "nonce", "wrapped"})
    tag = raw["tag"]
    if recovery:
        _want(tag == _RECOVERY_TAG)
    else:
        _hex_tag(tag)
    pid = raw["professional_id"]
    _want(_valid_professional_id(pid) and not (recovery and pid is not None))
    kdf = raw["kdf"]
    _want(isinstance(kdf, dict) and set(kdf) == {"alg", "memory_kib", "iterations", "lanes", "salt"})
    _want(kdf["alg"] == "argon2id")
    params = KdfParams(_int(kdf["memory_kib"]), _int(kdf["iterations"]), _int(kdf["lanes"]))
    return _Entry(
        tag=tag,
        professional_id=pid,
        params=params,
        salt=_bytes(kdf["salt"], _SALT_BYTES),
        nonce=_bytes(raw["nonce"], _NONCE_BYTES),
        wrapped=_bytes(raw["wrapped"], KEY_BYTES + 16),  # 16-byte GCM tag
    )


def _damaged(path: Path) -> KeyringError:
    return KeyringError(
        f"Het sleutelbestand {path} is beschadigd of hoort niet bij pgdesk. Er is niets aan veranderd."
    )


def _already_there(path: Path) -> KeyringError:
    return KeyringError(f"Er is al een sleutelbestand {path}. Er is niets aan veranderd.")


# --- The keyring ----------------------------------------------------------------------------------


class Keyring:
    """One keyring file. Methods that change it write it to disk before they return."""

    def __init__(
        self,
        path: Path,
        *,
        db_id: str,
        mode: str,
        pepper: bytes,
        key_check: str,
        users: list[_Entry],
        recovery: _Entry,
    ) -> None:
        self.path = Path(path)
        self.db_id = db_id
        self.mode = mode
        self._pepper = pepper
        self._key_check = key_check
        self._users = users
        self._recovery = recovery
        self.log_anchor: object = None  # checked by log_anchor.py, not here

    def __repr__(self) -> str:
        return f"Keyring({str(self.path)!r}, mode={self.mode!r}, users={len(self._users)})"

    # -- creating and reading

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        name: str,
        passphrase: str,
        professional_id: str | None = None,
        mode: str = "per-user",
        params: KdfParams = DEFAULT_KDF,
        key: bytes | None = None,
    ) -> tuple[Keyring, bytes, str]:
        """A new keyring file with one user; returns it, the database key and the recovery code."""
        path = Path(path)
        if mode not in MODES:
            raise ValueError(f"unknown keyring mode {mode!r}")
        if key is None:
            key = secrets.token_bytes(KEY_BYTES)
        elif len(key) != KEY_BYTES:
            raise ValueError("database key must be 32 bytes")
        if cls.exists(path):
            raise _already_there(path)
        check_passphrase(passphrase)
        pepper = secrets.token_bytes(_PEPPER_BYTES)
        tag = _name_tag(pepper, mode, name)
        if mode == "shared":
            professional_id = None  # a practice passphrase belongs to no one in particular
        db_id = str(uuid.uuid4())
        code = new_recovery_code()
        keyring = cls(
            path,
            db_id=db_id,
            mode=mode,
            pepper=pepper,
            key_check=_key_check(key, db_id),
            users=[_wrap(db_id, key, tag, professional_id, passphrase, params)],
            recovery=_wrap_recovery(db_id, key, code, params),
        )
        keyring._write(exclusive=True)
        return keyring, key, code

    @classmethod
    def load(cls, path: Path) -> Keyring:
        path = Path(path)
        try:
            with open(path, "rb") as f:
                data = f.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise KeyringError(
                f"Het sleutelbestand {path} ontbreekt. Zonder dit bestand kan de database niet "
                "worden geopend; zet het terug naast de database."
            ) from None
        except PermissionError:
            raise KeyringError(f"Het sleutelbestand {path} kan niet worden gelezen: geen toegang.") from None
        except OSError:
            raise _damaged(path) from None
        try:
            _want(len(data) <= _MAX_FILE_BYTES)
            raw = json.loads(data.decode("utf-8"))
            _want(isinstance(raw, dict) and raw.get("format") == FORMAT)
            version = _int(raw.get("version"))
            if version > VERSION:
                raise KeyringError(
                    f"Het sleutelbestand {path} is gemaakt door een nieuwere versie van pgdesk. "
                    "Werk pgdesk bij om deze database te openen. Er is niets aan veranderd."
                )
            _want(version == VERSION)
            _want(set(raw) - {_ANCHOR_KEY} == _TOP_KEYS)
            db_id = raw["db_id"]
            _want(isinstance(db_id, str) and str(uuid.UUID(db_id)) == db_id)
            _want(raw["mode"] in MODES)
            users_raw = raw["users"]
            _want(isinstance(users_raw, list) and 0 < len(users_raw) <= _MAX_USERS)
            users = [_parse_entry(u, recovery=False) for u in users_raw]
            _want(len({u.tag for u in users}) == len(users))
            keyring = cls(
                path,
                db_id=db_id,
                mode=raw["mode"],
                pepper=_bytes(raw["pepper"], _PEPPER_BYTES),
                key_check=_hex_tag(raw["key_check"]),
                users=users,
                recovery=_parse_entry(raw["recovery"], recovery=True),
            )
            keyring.log_anchor = raw.get(_ANCHOR_KEY)
            if keyring.mode == "shared":
                _want(len(users) == 1 and users[0].tag == keyring._tag_for("", validate=False))
        except KeyringError:
            raise
        # ValueError covers bad UTF-8, JSON, base64, UUIDs and KDF parameters.
        except (_Malformed, ValueError, RecursionError):
            raise _damaged(path) from None
        return keyring

    @staticmethod
    def exists(path: Path) -> bool:
        return os.path.lexists(path)

    def user_names_count(self) -> int:
        return len(self._users)

    # -- opening

    def unlock(self, name: str, passphrase: str, *, min_seconds: float = 1.0) -> Unlocked:
        """The database key for this name and passphrase, or WrongCredentials, slowly.

        In shared mode the practice passphrase is checked and `name` only says who is working.
        """
        started = time.monotonic()
        tag = self._tag_for(name, validate=False)
        entry = self._user(tag)
        if entry is None:
            # Do the same expensive work as for a real user, so timing does not tell who exists.
            dummy_salt = hmac.digest(self._pepper, b"dummy" + tag.encode(), "sha256")[:_SALT_BYTES]
            derive_key(passphrase, dummy_salt, self._users[0].params)
            _fail_slowly(started, min_seconds, WrongCredentials())
        key = _unwrap(self.db_id, entry, passphrase)
        if key is None:
            _fail_slowly(started, min_seconds, WrongCredentials())
        self._require_key(key)
        return Unlocked(key=key, name=name.strip(), professional_id=entry.professional_id)

    def unlock_with_recovery(self, code: str, *, min_seconds: float = 1.0) -> bytes:
        started = time.monotonic()
        key = _unwrap(self.db_id, self._recovery, normalize_recovery_code(code))
        if key is None:
            _fail_slowly(started, min_seconds, WrongRecoveryCode())
        self._require_key(key)
        return key

    # -- changing (each needs the database key, i.e. an unlocked session or the recovery code)

    def add_user(
        self,
        key: bytes,
        name: str,
        passphrase: str,
        professional_id: str | None = None,
        params: KdfParams | None = None,
    ) -> None:
        self._require_key(key)
        if self.mode == "shared":
            raise InputError(
                "Op deze werkplek opent één praktijkwachtwoord de database; er kunnen geen gebruikers bij."
            )
        tag = self._tag_for(name)
        if self._user(tag) is not None:
            raise InputError("Er is al een gebruiker met deze naam.")
        check_passphrase(passphrase)
        entry = _wrap(self.db_id, key, tag, professional_id, passphrase, params or self._users[0].params)
        self._commit(users=[*self._users, entry])

    def set_passphrase(self, key: bytes, name: str, new_passphrase: str) -> None:
        """Re-wrap one user's entry with a new passphrase; the others stay byte for byte the same."""
        self._require_key(key)
        old = self._existing_user(name)
        check_passphrase(new_passphrase)
        new = _wrap(self.db_id, key, old.tag, old.professional_id, new_passphrase, old.params)
        self._commit(users=[new if u is old else u for u in self._users])

    def change_passphrase(self, name: str, old: str, new: str, *, min_seconds: float = 1.0) -> None:
        check_passphrase(new)
        unlocked = self.unlock(name, old, min_seconds=min_seconds)
        self.set_passphrase(unlocked.key, name, new)

    def remove_user(self, key: bytes, name: str) -> None:
        self._require_key(key)
        entry = self._existing_user(name)
        if len(self._users) == 1:
            raise InputError(
                "De laatste gebruiker kan niet worden verwijderd: dan kan niemand de database nog openen."
            )
        self._commit(users=[u for u in self._users if u is not entry])

    def new_recovery(self, key: bytes) -> str:
        """Replace the recovery code; the old one stops working. Returns the new code, to show once."""
        self._require_key(key)
        code = new_recovery_code()
        self._commit(recovery=_wrap_recovery(self.db_id, key, code, self._recovery.params))
        return code

    def entries(self) -> list[tuple[str, str | None]]:
        """(tag, professional_id) of every user, to choose whom a re-keying keeps."""
        return [(u.tag, u.professional_id) for u in self._users]

    def tag_for(self, name: str) -> str:
        return self._tag_for(name)

    def rewrapped(self, old_key: bytes, new_key: bytes, secrets_by_tag: dict[str, str],
                  recovery_code: str) -> Keyring:
        """A copy for a new database key (re-keying), not written: each entry named in
        `secrets_by_tag` is wrapped anew with its secret, the others are left out."""
        self._require_key(old_key)
        users = [_wrap(self.db_id, new_key, u.tag, u.professional_id, secrets_by_tag[u.tag], u.params)
                 for u in self._users if u.tag in secrets_by_tag]
        if not users:
            raise InputError("Zonder gebruikers kan niemand de database nog openen.")
        copy = Keyring(self.path, db_id=self.db_id, mode=self.mode, pepper=self._pepper,
                       key_check=_key_check(new_key, self.db_id), users=users,
                       recovery=_wrap_recovery(self.db_id, new_key, recovery_code,
                                               self._recovery.params))
        copy.log_anchor = self.log_anchor
        return copy

    # -- writing

    def save(self) -> None:
        self._write(exclusive=False)

    def _commit(self, *, users: list[_Entry] | None = None, recovery: _Entry | None = None) -> None:
        """Write the changed keyring; only once that succeeded does this object change."""
        before = self._users, self._recovery
        self._users = users if users is not None else self._users
        self._recovery = recovery if recovery is not None else self._recovery
        try:
            self.save()
        except BaseException:
            self._users, self._recovery = before
            raise

    def _to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "db_id": self.db_id,
            "mode": self.mode,
            "pepper": _b64(self._pepper),
            "key_check": self._key_check,
            "users": [u.to_json() for u in self._users],
            "recovery": self._recovery.to_json(),
        }
        if self.log_anchor is not None:
            data[_ANCHOR_KEY] = self.log_anchor
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")

    def _write(self, *, exclusive: bool) -> None:
        """Atomically: a complete temp file beside the target, fsynced, then moved into place."""
        try:
            write_atomically(self.path, self._to_json(), exclusive=exclusive)
        except FileExistsError:
            raise _already_there(self.path) from None
        except PermissionError:
            raise StorageError(
                f"Het sleutelbestand {self.path} kan niet worden opgeslagen: geen schrijfrechten in deze map."
            ) from None
        except OSError as exc:
            raise StorageError(explain_write_error(exc)) from None

    # -- helpers

    def _tag_for(self, name: str, *, validate: bool = True) -> str:
        return _name_tag(self._pepper, self.mode, name, validate=validate)

    def _user(self, tag: str) -> _Entry | None:
        return next((u for u in self._users if hmac.compare_digest(u.tag, tag)), None)

    def _existing_user(self, name: str) -> _Entry:
        entry = self._user(self._tag_for(name))
        if entry is None:
            raise InputError("Er is geen gebruiker met deze naam.")
        return entry

    def _require_key(self, key: bytes) -> None:
        if not hmac.compare_digest(_key_check(key, self.db_id), self._key_check):
            raise KeyringError(
                f"De sleutel past niet bij het sleutelbestand {self.path}. Er is niets aan veranderd."
            )


def _key_check(key: bytes, db_id: str) -> str:
    return hmac.digest(key, b"pgdesk-key-check" + db_id.encode("ascii"), "sha256").hex()
