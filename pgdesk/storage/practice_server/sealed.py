"""A server backup at rest: pg_dump's archive in AES-256-GCM chunks, behind a readable header.

The backup key lives in a keyring beside the backups (keyring.py, "shared" mode: one backup
passphrase, plus the recovery code shown when the first backup was made). Each file derives its
own key from it (HKDF with a random salt), so chunk counters never repeat under one key. Every
chunk is authenticated together with the header, its number and whether it is the last, so a
changed header, a swapped, missing or extra chunk, and a cut-off file are all refused.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pgdesk.storage.errors import StorageError

MAGIC = b"PGDESK-SERVERBACKUP\n"
FORMAT = "pgdesk-server-backup"
VERSION = 1
CHUNK = 1 << 20
_TAG = 16
_MAX_HEADER = 1 << 20


class BadServerBackup(StorageError):
    pass


def _bad(name: str) -> BadServerBackup:
    return BadServerBackup(f"{name} is geen bruikbare reservekopie van de praktijkserver: het bestand "
                           "is beschadigd, onvolledig of van een andere praktijk. Er is niets veranderd.")


def _file_key(key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=FORMAT.encode())
    return AESGCM(hkdf.derive(key))


def _aad(head_digest: bytes, number: int, last: bool) -> bytes:
    return head_digest + number.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _nonce(number: int) -> bytes:
    return number.to_bytes(12, "big")


def seal(plain: Iterable[bytes], key: bytes, header: dict) -> Iterator[bytes]:
    """The sealed file, chunk by chunk, from the plain archive's chunks."""
    salt = secrets.token_bytes(16)
    head = json.dumps({**header, "format": FORMAT, "version": VERSION, "salt": salt.hex()},
                      sort_keys=True, ensure_ascii=False).encode("utf-8")
    digest = hashlib.sha256(MAGIC + head).digest()
    aead = _file_key(key, salt)
    yield MAGIC + len(head).to_bytes(4, "big") + head
    number, buffer = 0, bytearray()
    for piece in plain:
        buffer += piece
        while len(buffer) > CHUNK:  # strictly more: the last chunk is never an empty one by surprise
            out = aead.encrypt(_nonce(number), bytes(buffer[:CHUNK]), _aad(digest, number, False))
            yield len(out).to_bytes(4, "big") + out
            del buffer[:CHUNK]
            number += 1
    out = aead.encrypt(_nonce(number), bytes(buffer), _aad(digest, number, True))
    yield len(out).to_bytes(4, "big") + out


def read_header(path: Path) -> tuple[dict, int]:
    """The header (readable without the key) and where the chunks begin."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(MAGIC) + 4)
            if len(start) < len(MAGIC) + 4 or not start.startswith(MAGIC):
                raise _bad(path.name)
            size = int.from_bytes(start[len(MAGIC):], "big")
            if size > _MAX_HEADER:
                raise _bad(path.name)
            head = fh.read(size)
        header = json.loads(head.decode("utf-8"))
    except (OSError, ValueError):
        raise _bad(path.name) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _bad(path.name)
    if not isinstance(header.get("version"), int) or header["version"] > VERSION:
        raise BadServerBackup(f"{path.name} is gemaakt door een nieuwere versie van pgdesk. Werk "
                              "pgdesk eerst bij. Er is niets veranderd.")
    header["_digest"] = hashlib.sha256(MAGIC + head).hexdigest()
    return header, len(MAGIC) + 4 + size


def unseal(path: Path, key: bytes) -> Iterator[bytes]:
    """The plain archive, chunk by chunk, each checked before it is handed on; BadServerBackup
    at the first chunk that is wrong, missing, or after the last."""
    header, offset = read_header(path)
    try:
        salt = bytes.fromhex(header["salt"])
    except (KeyError, TypeError, ValueError):
        raise _bad(path.name) from None
    aead = _file_key(key, salt)
    digest = bytes.fromhex(header["_digest"])
    with open(path, "rb") as fh:
        fh.seek(offset)
        number = 0
        while True:
            size = fh.read(4)
            if len(size) < 4:
                raise _bad(path.name)  # cut off before the last chunk
            length = int.from_bytes(size, "big")
            if not _TAG <= length <= CHUNK + _TAG:
                raise _bad(path.name)
            data = fh.read(length)
            plain = last = None
            for last in (False, True):
                try:
                    plain = aead.decrypt(_nonce(number), data, _aad(digest, number, last))
                    break
                except InvalidTag:
                    continue
            if plain is None:
                raise _bad(path.name)
            yield plain
            if last:
                if fh.read(1):
                    raise _bad(path.name)  # something after the last chunk
                return
            number += 1
