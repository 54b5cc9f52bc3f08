"""Errors the user can be shown as they are: every message is plain Dutch."""


class PgdeskError(Exception):
    """Base for expected failures; str(error) is a message for the user."""


class ScoreError(PgdeskError, ValueError):
    pass


class InstrumentError(PgdeskError):
    pass
