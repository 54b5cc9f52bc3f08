"""The one place that knows where files live: user data, the database, and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "pgdesk"
DB_ENV = "PGDESK_DB"
DATA_ENV = "PGDESK_DATA_DIR"


class ResourceMissing(RuntimeError):
    """A file that ships with pgdesk is not where it should be."""


def resources_dir() -> Path:
    """`resources/` from a source checkout or from inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceMissing(f"Bestand van pgdesk ontbreekt: {path}")
    return path


def data_dir() -> Path:
    """Per-user data folder (appdirs), overridable for tests and portable installs."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import appdirs

    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / "pgdesk.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def keys_path(db: Path) -> Path:
    """The keyring beside an encrypted database (storage.keyring); its presence alone tells the
    start to show the unlock dialog, before storage is imported."""
    return db.with_name(db.name + ".keys")
