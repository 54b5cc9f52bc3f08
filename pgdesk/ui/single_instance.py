"""One pgdesk per user and database: a second start hands its request (the HIS's patient
number, or nothing) to the pgdesk already running and stops.

The two talk over a local socket (QLocalServer) that only this user can reach: on Linux and
macOS a socket file in a folder of this user's that no one else may enter (XDG_RUNTIME_DIR, or
`<tmp>/pgdesk-<uid>` made 0700 and checked to be ours), created with UserAccessOption; on Windows
a named pipe whose name holds the user's name and whose access list Qt limits to that user.
The name holds a hash of the database's path, so two databases are two pgdesks. What passes is
one line of JSON (domain.his.HisRequest) and an "ok" back; nothing leaves the machine.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.his import MAX_MESSAGE, HisRequest
from pgdesk.domain.validation import InputError

TIMEOUT_MS = 3000
REPLY_MS = 20_000
OK = b"ok\n"


def _private_dir() -> Path | None:
    """A folder only this user can enter, or None (then no single instance: never a socket
    where another user could listen in our place)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(tempfile.gettempdir()) / f"pgdesk-{os.getuid()}")
    for folder in candidates:
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            st = folder.lstat()
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077:
            return folder
    return None


def socket_name(place: Path | str) -> str | None:
    """The server's name for this user and database (a file, or a practice server's address);
    None where no private place exists."""
    where = str(place.resolve()) if isinstance(place, Path) else place
    key = hashlib.sha256(where.encode("utf-8")).hexdigest()[:20]
    if sys.platform == "win32":
        user = hashlib.sha256(getpass.getuser().encode("utf-8")).hexdigest()[:12]
        return f"pgdesk-{user}-{key}"
    folder = _private_dir()
    return str(folder / f"pgdesk-{key}.sock") if folder is not None else None


def hand_over(name: str, request: HisRequest) -> bool:
    """Give the request to the pgdesk listening on `name`: True when it took it, False when no
    pgdesk listens there. One that listens but does not answer (busy printing, say) is given
    REPLY_MS; after that a PgdeskError says so, since a second pgdesk could not open the
    database anyway."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(TIMEOUT_MS):
        return False
    sock.write(request.to_bytes())
    sock.flush()
    reply = b""
    deadline = time.monotonic() + REPLY_MS / 1000
    while len(reply) < len(OK) and time.monotonic() < deadline:
        if sock.waitForReadyRead(250):
            reply += bytes(sock.readAll().data())
        elif sock.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            break
    sock.disconnectFromServer()
    if reply != OK:
        raise PgdeskError("pgdesk is al geopend voor deze database, maar antwoordt niet. Wacht "
                          "even en probeer het opnieuw, of sluit het andere pgdesk-venster.")
    return True


class InstanceServer(QObject):
    """Listens for later starts; `requested` carries each checked HisRequest."""

    requested = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        if self.server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            return False
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):  # someone answers: theirs, not ours to take over
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # left behind by a pgdesk that was killed
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(sock=sock, buffer=buffer) -> None:
                buffer.extend(bytes(sock.readAll().data()))
                if b"\n" not in buffer and len(buffer) < MAX_MESSAGE:
                    return
                sock.readyRead.disconnect()
                try:
                    request = HisRequest.from_bytes(bytes(buffer).split(b"\n", 1)[0])
                except InputError:
                    sock.write(b"bad\n")
                    request = None
                else:
                    sock.write(OK)
                sock.flush()
                sock.disconnectFromServer()
                if request is not None:
                    self.requested.emit(request)

            sock.readyRead.connect(read)
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                read()
