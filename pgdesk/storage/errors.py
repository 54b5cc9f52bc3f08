"""Why a database could not be opened or written, in words for the user."""

from pgdesk.domain.errors import PgdeskError


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


def explain_write_error(exc: BaseException) -> str:
    """A Dutch sentence for a failed write; what was typed stays on screen."""
    if isinstance(exc, PgdeskError):
        return str(exc)
    msg = str(exc).lower()
    if "full" in msg or "no space" in msg:
        return "Opslaan lukte niet: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    if "locked" in msg or "busy" in msg:
        return "Opslaan lukte niet: de database is even bezet. Probeer het zo opnieuw."
    if "readonly" in msg or "read-only" in msg:
        return "Opslaan lukte niet: de database is alleen-lezen."
    return f"Opslaan lukte niet ({exc})."
