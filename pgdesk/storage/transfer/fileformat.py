"""The transfer file itself: its errors, sealing and opening (AES-256-GCM under an Argon2id key),
and reading and writing it on disk. Knows nothing of patients."""

from __future__ import annotations

import base64
import glob
import json
import os
import secrets
import struct
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pgdesk.domain.validation import InputError
from pgdesk.files import fsync_dir
from pgdesk.storage import driver
from pgdesk.storage.errors import StorageError, explain_write_error
from pgdesk.storage.keyring import DEFAULT_KDF, KdfParams, derive_key, keyring_path
from pgdesk.storage.repository import Store

FORMAT = "pgdesk-transfer"
VERSION = 2  # 2: the patient's variant, handout language and large print, who was present
READABLE_VERSIONS = (1, 2)  # 1: read, its records get the defaults of migration 0011
MAGIC = b"pgdesk-transfer\n"  # 16 bytes
_PREFIX = struct.Struct(">16sHI")  # magic, format version, length of the header JSON
_MAX_HEADER = 4096
_SALT_BYTES = 16
_NONCE_BYTES = 12
_TAG_BYTES = 16
MAX_FILE_BYTES = 256 << 20
MAX_PAYLOAD_BYTES = 512 << 20
# Bounds on the KDF parameters read from a file, so a crafted file cannot make reading it eat the
# machine (the keyring's bounds are wider): at most 256 MiB, and at most four times the work of
# the parameters pgdesk writes (a few seconds).
_MAX_MEMORY_KIB = 1 << 18
_MAX_ITERATIONS = 16
_MAX_KDF_WORK = 4 * DEFAULT_KDF.memory_kib * DEFAULT_KDF.iterations
_RESERVED_SUFFIX = ".pgdesk-reserved"

NOTHING_READ = "Er is niets ingelezen."


# --- errors ---------------------------------------------------------------------------------------


class TransferError(StorageError):
    """A transfer file that is refused, with a Dutch message; nothing was changed."""


class NotATransferFile(TransferError):
    pass


class TransferDamaged(TransferError):
    """Truncated, damaged, or (after decryption) not of the expected shape."""

    def __init__(self, message: str = "", detail: str = "") -> None:
        super().__init__(message or ("Het transferbestand is beschadigd of onvolledig (afgekapt). "
                                     + NOTHING_READ))
        self.detail = detail


class WrongTransferPassphrase(TransferError):
    def __init__(self) -> None:
        super().__init__(
            "De transferwachtwoordzin klopt niet of het bestand is gewijzigd. (Een verkeerde "
            "wachtwoordzin en een gewijzigd bestand zijn niet van elkaar te onderscheiden.) "
            + NOTHING_READ)


class NewerTransferVersion(TransferError):
    def __init__(self) -> None:
        super().__init__("Dit transferbestand is gemaakt met een nieuwere versie van pgdesk. Werk "
                         "pgdesk bij om het in te lezen. " + NOTHING_READ)


class WrongPractice(TransferError):
    """A bring-back for another practice, a take-along read into its own practice, or a patient
    that is already here in another way."""


class TransferChanged(TransferError):
    def __init__(self) -> None:
        super().__init__("De database is veranderd sinds het overzicht van dit bestand is gemaakt. "
                         "Lees het bestand opnieuw in; er is niets veranderd.")



# --- sealing and opening the file -----------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(payload: bytes, passphrase: str, params: KdfParams = DEFAULT_KDF) -> bytes:
    """The bytes of a transfer file holding `payload` (JSON), encrypted with the passphrase."""
    salt = secrets.token_bytes(_SALT_BYTES)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    body = zlib.compress(payload, 6)
    header = {
        "format": FORMAT, "version": VERSION, "cipher": "aes-256-gcm", "compression": "zlib",
        "kdf": {"alg": "argon2id", "memory_kib": params.memory_kib,
                "iterations": params.iterations, "lanes": params.lanes, "salt": _b64(salt)},
        "nonce": _b64(nonce), "length": len(body) + _TAG_BYTES,
    }
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
    aad = _PREFIX.pack(MAGIC, VERSION, len(head)) + head
    return aad + AESGCM(derive_key(passphrase, salt, params)).encrypt(nonce, body, aad)


class Malformed(Exception):
    """Internal: not of the expected shape (the message says where, for debugging)."""


def want(cond: bool, where: str = "") -> None:
    if not cond:
        raise Malformed(where)


def _b64_exact(value: object, length: int) -> bytes:
    want(isinstance(value, str), "base64")
    try:
        data = base64.b64decode(value, validate=True)  # type: ignore[arg-type]
    except ValueError:
        raise Malformed("base64") from None
    want(len(data) == length, "base64 length")
    return data


def bounded_int(value: object, low: int, high: int, where: str = "") -> int:
    want(type(value) is int and low <= value <= high, where)  # not bool
    return value  # type: ignore[return-value]


def unseal(data: bytes, passphrase: str) -> bytes:
    """The payload of a transfer file, or a TransferError saying why not."""
    if len(data) < len(MAGIC) or data[:len(MAGIC)] != MAGIC:
        raise NotATransferFile("Dit is geen transferbestand van pgdesk. " + NOTHING_READ)
    if len(data) < _PREFIX.size:
        raise TransferDamaged(detail="prefix")
    _magic, version, head_len = _PREFIX.unpack_from(data)
    if version > VERSION:
        raise NewerTransferVersion()
    if version not in READABLE_VERSIONS or head_len > _MAX_HEADER:
        raise TransferDamaged(detail="version/header length")
    aad_end = _PREFIX.size + head_len
    if len(data) < aad_end:
        raise TransferDamaged(detail="header truncated")
    try:
        header = json.loads(data[_PREFIX.size:aad_end].decode("ascii"))
        want(isinstance(header, dict) and set(header) == {
            "format", "version", "cipher", "compression", "kdf", "nonce", "length"}, "header keys")
        want(header["format"] == FORMAT and header["version"] == version, "header format")
        want(header["cipher"] == "aes-256-gcm" and header["compression"] == "zlib", "cipher")
        kdf = header["kdf"]
        want(isinstance(kdf, dict) and set(kdf) == {"alg", "memory_kib", "iterations", "lanes",
                                                    "salt"} and kdf["alg"] == "argon2id", "kdf")
        params = KdfParams(bounded_int(kdf["memory_kib"], 8, _MAX_MEMORY_KIB),
                           bounded_int(kdf["iterations"], 1, _MAX_ITERATIONS),
                           bounded_int(kdf["lanes"], 1, 64))
        want(params.memory_kib * params.iterations <= _MAX_KDF_WORK, "kdf work")
        salt = _b64_exact(kdf["salt"], _SALT_BYTES)
        nonce = _b64_exact(header["nonce"], _NONCE_BYTES)
        length = bounded_int(header["length"], _TAG_BYTES, MAX_FILE_BYTES, "length")
    except (Malformed, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise TransferDamaged(detail=f"header: {exc}") from None
    if len(data) - aad_end != length:
        raise TransferDamaged(detail="length")
    try:
        body = AESGCM(derive_key(passphrase, salt, params)).decrypt(nonce, data[aad_end:],
                                                                   data[:aad_end])
    except InvalidTag:
        raise WrongTransferPassphrase() from None
    inflate = zlib.decompressobj()
    try:
        payload = inflate.decompress(body, MAX_PAYLOAD_BYTES)
    except zlib.error:
        raise TransferDamaged(detail="zlib") from None
    if inflate.unconsumed_tail or not inflate.eof:
        raise TransferDamaged("Het transferbestand is te groot om in te lezen. " + NOTHING_READ)
    return payload


def read_transfer_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise NotATransferFile(f"{path} is een map, geen transferbestand. {NOTHING_READ}")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + _PREFIX.size + _MAX_HEADER + 1)
    except FileNotFoundError:
        raise TransferError(f"Het bestand {path} bestaat niet.") from None
    except PermissionError:
        raise TransferError(f"Het bestand {path} kan niet worden gelezen: geen toegang.") from None
    except OSError as exc:
        raise TransferError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from None
    if len(data) > MAX_FILE_BYTES + _PREFIX.size + _MAX_HEADER:
        raise TransferDamaged("Het transferbestand is te groot om in te lezen. " + NOTHING_READ)
    return data


@contextmanager
def write_errors(path: Path | None = None, outcome: str = "") -> Iterator[None]:
    """Turn a failed write (a full disk, no rights, a database error) into a Dutch StorageError;
    `outcome` says what that left behind ("Er is niets ingelezen.")."""
    try:
        yield
    except PermissionError as exc:
        if path is None:
            raise StorageError(f"{explain_write_error(exc)} {outcome}".strip()) from None
        raise StorageError(f"Het bestand {path} kan niet worden geschreven: geen schrijfrechten "
                           f"in deze map. {outcome}".strip()) from None
    except (OSError, driver.Error) as exc:
        raise StorageError(f"{explain_write_error(exc)} {outcome}".strip()) from None


class ReservedFile:
    """Room for a transfer file, made before its access-log lines are committed and filled after.

    A kill must never leave a readable file whose export the log does not show, and a full disk
    must not leave a log line for a file that was never made. So a file is written in two steps:
    ReservedFile(path, size) puts a hidden file of zeros of the final size beside the target (a
    full disk shows here, before anything is logged); the caller commits its log lines; fill()
    writes the sealed bytes into that room and renames it into place. A kill before the commit
    leaves at most a hidden file of zeros (removed by the next reservation for the same name);
    the cost of a failure after the commit is a log line for a file that was not made.
    """

    _CHUNK = 1 << 20

    def __init__(self, path: Path, size: int, outcome: str = "") -> None:
        if not path.parent.is_dir():
            raise StorageError(f"De map {path.parent} bestaat niet.")
        self.path, self.size, self.outcome = path, size, outcome
        self._clear_leftovers()
        with write_errors(path, outcome):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                       suffix=_RESERVED_SUFFIX)  # mode 0o600
            self.tmp = Path(tmp)
            try:
                with os.fdopen(fd, "wb") as fh:
                    zeros = bytes(min(size, self._CHUNK))
                    for start in range(0, size, self._CHUNK):
                        fh.write(zeros[:min(self._CHUNK, size - start)])
                    fh.flush()
                    os.fsync(fh.fileno())
            except BaseException:
                self.discard()
                raise

    def _clear_leftovers(self) -> None:
        """Reservations a kill left behind for this name, never filled: they hold only zeros."""
        for old in self.path.parent.glob(f".{glob.escape(self.path.name)}.*{_RESERVED_SUFFIX}"):
            try:
                with old.open("rb") as fh:
                    if any(chunk.strip(b"\0") for chunk in iter(lambda: fh.read(self._CHUNK), b"")):
                        continue
                old.unlink()
            except OSError:
                continue

    def fill(self, data: bytes) -> None:
        """Write the sealed bytes into the reserved room and rename the file into place."""
        if len(data) != self.size:
            raise ValueError("reserved size")
        try:
            with write_errors(self.path, self.outcome):
                with self.tmp.open("r+b") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(self.tmp, self.path)
                fsync_dir(self.path.parent)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.tmp.unlink(missing_ok=True)


def target_path(store: Store, path: str | os.PathLike) -> Path:
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is een map; geef de naam van het transferbestand.")
    if store.path is None:  # the practice server: no database file here to write over
        return path
    db = Path(store.path).resolve()
    ours = {db, keyring_path(db), db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")}
    if path.resolve() in ours:
        raise InputError("Kies een andere bestandsnaam: dit is de database zelf.")
    return path
