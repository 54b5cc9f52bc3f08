"""Why a database could not be opened or written, in words for the user."""

from pgdesk.domain.errors import PgdeskError
from pgdesk.files import is_disk_full


class StorageError(PgdeskError):
    pass


class NotAPgdeskDatabase(StorageError):
    pass


class DatabaseCorrupt(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class DatabaseLocked(StorageError):
    pass


class NewerSchema(StorageError):
    pass


class NeedsKey(NotAPgdeskDatabase):
    """An encrypted database (or not an SQLite file at all) opened without a key."""


class PlainDatabase(StorageError):
    """An unencrypted database opened with a key: it must be converted first."""


class WrongKeyring(StorageError):
    """The key file belongs to another database (another practice, or a newer set-up)."""


class WriteConflict(StorageError):
    """A guarded write refused: another room changed this answer after this screen read it
    (storage/versions.py). Nothing was written; what was typed stays on screen."""

    def __init__(self, message: str, *, consultation_id: str, field: str, by: str, room: str,
                 at: str, version: int):
        super().__init__(message)
        self.consultation_id, self.field = consultation_id, field
        self.by, self.room, self.at, self.version = by, room, at, version


class TakenOver(StorageError):
    """A write from a room whose hold on the conversation another room took over
    (storage/claims.py). Nothing was written; what was typed stays on screen."""

    def __init__(self, message: str, *, by: str, room: str):
        super().__init__(message)
        self.by, self.room = by, room


class ConnectionLost(StorageError):
    """The practice server stopped answering in the middle of work (restarted, cable out).
    Nothing of this write was stored; the window keeps what was typed, retries, and writes it
    once the server is back (ui/connection.py)."""


def explain_write_error(exc: BaseException) -> str:
    """A Dutch sentence for a failed write; what was typed stays on screen."""
    if isinstance(exc, PgdeskError):
        return str(exc)
    if is_disk_full(exc):
        return "Opslaan lukte niet: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    if isinstance(exc, OSError) and exc.errno is not None:
        import errno

        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "Opslaan lukte niet: pgdesk mag hier niet schrijven."
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return "Opslaan lukte niet: de database is even bezet. Probeer het zo opnieuw."
    if "readonly" in msg or "read-only" in msg:
        return "Opslaan lukte niet: de database is alleen-lezen."
    if "disk i/o" in msg:
        return ("Opslaan lukte niet: de schijf gaf een fout (is hij vol of verwijderd?). "
                "Er is niets verloren van wat al was opgeslagen.")
    return f"Opslaan lukte niet ({exc})."
