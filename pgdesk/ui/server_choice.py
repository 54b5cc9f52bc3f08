"""The practice server this workstation remembers (Praktijk → Verbinden met de
praktijkserver…, ui.server_dialog), read with nothing but QSettings: the start needs it before
the first paint, both to open that server and to name it to the HIS hand-over (ui.his_link), so
that a second start reaches the window on the server, not one on the default file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from pgdesk.paths import default_db_path, demo_db_path

ADDRESS_SETTING = "server/address"
USER_SETTING = "server/user"


def remembered() -> tuple[str, str] | None:
    """(address, user name) chosen on this workstation, None when pgdesk opens the file."""
    settings = QSettings()
    address = str(settings.value(ADDRESS_SETTING, "") or "").strip()
    if not address:
        return None
    return address, str(settings.value(USER_SETTING, "") or "").strip()


@dataclass(frozen=True)
class Place:
    """Where this start works, decided once (ui.app.run) and used both to open it and to name it
    to the HIS hand-over: a practice server (`server`, with the remembered user name) or a file
    (`path`, the demo's when `demo`)."""

    path: Path | None = None
    server: str = ""
    user: str = ""
    demo: bool = False

    @property
    def name(self) -> Path | str:
        return self.server or self.path


def choose(db: str | None, demo: bool, server: str | None) -> Place:
    """The server given (or PGDESK_SERVER when no file is), the demo or the file given, else
    the remembered server, else the default file."""
    server = server or (None if db or demo else os.environ.get("PGDESK_SERVER"))
    if server:
        return Place(server=server)
    if demo:
        return Place(path=demo_db_path(), demo=True)
    if db:
        return Place(path=Path(db))
    chosen = remembered()
    if chosen:
        return Place(server=chosen[0], user=chosen[1])
    return Place(path=default_db_path())
