"""Entry point of the frozen app (PyInstaller): the same as the `pgdesk` command."""

import sys
import types


def _no_ssl() -> types.ModuleType:
    """The bundle leaves the standard library's ssl out (a second OpenSSL would take it past
    200 MB; pgdesk.spec). psycopg imports ssl only so that an OpenSSL older than 1.1 sets up its
    locking callbacks, and asyncio names ssl's error classes when imported; libpq does TLS with
    its own OpenSSL 3 and nothing in pgdesk calls Python's ssl. So: a module whose every name is
    an error class, enough to import, never to make a TLS connection in Python."""
    module = types.ModuleType("ssl")

    def __getattr__(name: str):  # noqa: N807 (PEP 562)
        if name.startswith("__"):
            raise AttributeError(name)
        return type(name, (OSError,), {})

    module.__getattr__ = __getattr__
    return module


sys.modules.setdefault("ssl", _no_ssl())

from pgdesk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
