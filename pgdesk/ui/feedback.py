"""Runs a store write and tells the user in Dutch when it fails, instead of crashing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import driver
from pgdesk.storage.errors import ConnectionLost, explain_write_error
from pgdesk.ui import plain

_FAILED = object()


def _call(parent: QWidget | None, fn: Callable, args, kwargs):
    try:
        return fn(*args, **kwargs)
    except ConnectionLost as exc:  # no box: a banner says it, and the window retries
        from pgdesk.ui import connection

        connection.lost(parent, exc)
        return _FAILED
    except (PgdeskError, driver.Error, OSError) as exc:
        plain.warning(parent, "pgdesk", explain_write_error(exc))
        return _FAILED


def guarded(parent: QWidget | None, fn: Callable, *args, **kwargs):
    """Call fn and return its result; on an expected failure show a message, return None."""
    result = _call(parent, fn, args, kwargs)
    return None if result is _FAILED else result


def attempt(parent: QWidget | None, fn: Callable, *args, **kwargs) -> bool:
    """Call fn for its effect; True if it worked, else the user was told why."""
    return _call(parent, fn, args, kwargs) is not _FAILED
