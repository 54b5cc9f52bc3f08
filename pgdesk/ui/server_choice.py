"""The practice server this workstation remembers (Praktijk → Verbinden met de
praktijkserver…, ui.server_dialog), read with nothing but QSettings: the start needs it before
the first paint, both to open that server and to name it to the HIS hand-over (ui.his_link), so
that a second start reaches the window on the server, not one on the default file."""

from __future__ import annotations

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


def place_of(db: str | None, demo: bool, server: str | None) -> Path | str:
    """Where this start works (as ui.app.open_store chooses): the server given, the demo or
    the file given, else the remembered server, else the default file."""
    if server:
        return server
    if demo:
        return demo_db_path()
    if db:
        return Path(db)
    chosen = remembered()
    return chosen[0] if chosen else default_db_path()
