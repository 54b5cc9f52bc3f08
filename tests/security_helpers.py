"""Fictitious encrypted databases for tests, and a SQLCipher page decryptor to look inside them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from pgdesk.storage.keyring import FAST_KDF

USER = "Dr. Test Arts"
PASSPHRASE = "een lange testzin"
PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page


def make_encrypted(path: Path, **kw):
    """(open store, recovery code), the code counted as shown."""
    from pgdesk.storage.vault import init_encrypted, recovery_code_shown

    store, code = init_encrypted(path, name=USER, role="huisarts", passphrase=PASSPHRASE,
                                 params=FAST_KDF, **kw)
    recovery_code_shown(store)
    return store, code


def unlock(path: Path, name: str = USER, passphrase: str = PASSPHRASE):
    from pgdesk.storage.vault import unlock as vault_unlock

    return vault_unlock(path, name, passphrase, min_seconds=0)


def decrypt_pages(data: bytes, key: bytes) -> bytes:
    """Every page of a SQLCipher 4 file with a raw key, decrypted (free pages included).

    Lets a test look at what is physically in the file, beyond what SQL can see.
    """
    out = []
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start:start + PAGE]
        body_start = 16 if start == 0 else 0  # page 1 begins with the salt
        body = page[body_start:PAGE - RESERVE]
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(out)


def decrypt_wal(data: bytes, key: bytes) -> bytes:
    """WAL frames: a 32-byte file header, then per frame a 24-byte header and one page."""
    out = []
    pos = 32
    while pos + 24 + PAGE <= len(data):
        page = data[pos + 24:pos + 24 + PAGE]
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[:PAGE - RESERVE]) + decryptor.finalize())
        pos += 24 + PAGE
    return b"".join(out)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le")]
