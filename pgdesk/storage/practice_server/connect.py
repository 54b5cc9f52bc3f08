"""Connecting to the practice server for the set-up, backup and migration commands: the
engine's address rules and TLS policy (storage/postgres/connection.py: verify-full by default, a
plain connection only to this computer and only with sslmode=disable in the address), plus what
these commands need beyond the engine: another user or database than the address names, a
password asked when the server wants one, and finer Dutch reasons for ICT staff.

`target` is a postgresql:// URL or a libpq service name (from pg_service.conf).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from pgdesk.storage.errors import StorageError
from pgdesk.storage.postgres import connection as engine


class ServerError(StorageError):
    """The server cannot be used as asked; nothing was written."""


class NoDatabase(ServerError):
    """The server is there, the database named in the address is not (yet)."""


@dataclass(frozen=True)
class Target:
    """Where to connect, as libpq keywords, after pgdesk's rules were applied."""

    params: dict
    shown: str  # the address without a password, for messages

    @property
    def user(self) -> str | None:
        return self.params.get("user")


def parse(target: str, *, user: str | None = None, dbname: str | None = None) -> Target:
    """The libpq keywords for `target`; refuses what pgdesk does not allow, before connecting.
    `user` applies when the address names none (a user in the address comes with its password)."""
    params = engine.parse(target or "")  # a broken address is refused there, in Dutch
    if user and not params.get("user"):
        params["user"] = user
    if dbname:
        params["dbname"] = dbname
    params = engine.secured(params)
    return Target(params, engine.label(params))


def connect(target: Target, *, ask_password: Callable[[str], str] | None = None,
            autocommit: bool = False) -> psycopg.Connection:
    """An open connection, or ServerError in Dutch. Without a password in the address,
    PGPASSWORD or a password file, `ask_password(prompt)` is asked once, when the server wants one."""
    params = dict(target.params)
    try:
        conn = _connect(params, autocommit)
    except psycopg.OperationalError as exc:
        if ask_password is None or "no password supplied" not in str(exc):
            raise explain(exc, target) from None
        who = params.get("user") or "uw gebruiker"
        # remembered for this run's further connections (another database, pg_dump), so the
        # password is asked once
        params["password"] = target.params["password"] = ask_password(
            f"Wachtwoord van {who} op de server: ")
        try:
            conn = _connect(params, autocommit)
        except psycopg.OperationalError as again:
            raise explain(again, target) from None
    if params["sslmode"] != "disable" and not conn.pgconn.ssl_in_use:
        conn.close()  # cannot happen with verify-*; kept as the last line of defence
        raise ServerError(f"De verbinding met {target.shown} is niet versleuteld; pgdesk stopt.")
    return conn


def _connect(params: dict, autocommit: bool) -> psycopg.Connection:
    return psycopg.connect(**params, autocommit=autocommit)


def explain(exc: BaseException, target: Target) -> StorageError:
    """A libpq/psycopg failure as a Dutch sentence; nothing was written. The TLS failures are
    told apart (ICT staff fix each differently); the rest is the engine's explanation."""
    low = str(exc).lower()
    where = target.shown
    nothing = " Er is niets veranderd."
    if "does not support ssl" in low:
        return ServerError(f"De server {where} biedt geen versleutelde verbinding (TLS). pgdesk "
                           "verbindt alleen versleuteld; zet TLS aan op de server (zie "
                           f"packaging/server/README.md).{nothing}")
    if "root certificate file" in low and "does not exist" in low:
        return ServerError(f"Het certificaat van de server ontbreekt op deze computer. Zet het "
                           "(pgdesk-server.crt) als root.crt in de map postgresql van de gebruiker, "
                           f"of geef sslrootcert=PAD in het adres.{nothing}")
    if "does not match host name" in low or "certificate verify failed" in low:
        return ServerError(f"Het certificaat van de server {where} klopt niet (een ander "
                           "certificaat of een andere servernaam). Gebruik de naam die in het "
                           f"certificaat staat en het certificaat van deze server.{nothing}")
    if "database" in low and "does not exist" in low:
        return NoDatabase(f"De database op {where} bestaat niet.{nothing}")
    if isinstance(exc, psycopg.Error) and not isinstance(exc, psycopg.OperationalError):
        return ServerError(f"De server {where} weigerde dit ({exc}).{nothing}")
    found = engine.explain_connect_error(exc, target.params)
    return type(found)(f"{found}{nothing}")
