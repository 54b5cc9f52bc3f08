"""Connecting to the practice server, with pgdesk's rules: TLS with the server's certificate
checked (sslmode=verify-full) by default, and a plain connection only to this machine
(localhost) and only when the address asks for it (sslmode=disable). Every failure becomes one
Dutch sentence.

`target` is a postgresql:// URL or a libpq service name (from pg_service.conf).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from psycopg import conninfo as pg_conninfo

from pgdesk.storage.errors import StorageError

EXAMPLE = "postgresql://naam@server.praktijk.local/pgdesk"
CHECKED_MODES = ("verify-full", "verify-ca")
CONNECT_TIMEOUT = 10


class ServerError(StorageError):
    """The server cannot be used (address, password, TLS, reachability); nothing was written."""


@dataclass(frozen=True)
class Target:
    """Where to connect, as libpq keywords, after pgdesk's rules were applied."""

    params: dict
    shown: str  # the address without a password, for messages

    @property
    def user(self) -> str | None:
        return self.params.get("user")


def _loopback(host: str) -> bool:
    if not host or host.startswith("/") or host.casefold() == "localhost":
        return True  # empty: libpq's default, the local socket (or localhost on Windows)
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse(target: str, *, user: str | None = None, dbname: str | None = None) -> Target:
    """The libpq keywords for `target`; refuses what pgdesk does not allow, before connecting."""
    target = (target or "").strip()
    if not target:
        raise ServerError(f"Geef het adres van de praktijkserver, bijvoorbeeld {EXAMPLE}.")
    service = "://" not in target and "=" not in target
    text = f"service={target}" if service else target
    if not service and not target.startswith(("postgresql://", "postgres://")):
        raise _bad_address(target)
    try:
        params = pg_conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError:
        raise _bad_address(target) from None
    if user and not params.get("user"):  # a user named in the address comes with its password
        params["user"] = user
    if dbname:
        params["dbname"] = dbname
    shown = _shown(params, target if service else None)
    mode = params.setdefault("sslmode", "verify-full")
    if mode == "disable":
        hosts = str(params.get("host", "")).split(",") + [
            a for a in str(params.get("hostaddr", "")).split(",") if a]
        if not all(_loopback(h.strip()) for h in hosts):
            raise ServerError(f"pgdesk maakt alleen naar deze computer (localhost) een verbinding "
                              f"zonder versleuteling, niet naar {shown}. Zet TLS aan op de server "
                              "(zie packaging/server/README.md). Er is niets veranderd.")
    elif mode not in CHECKED_MODES:
        raise ServerError(f"sslmode={mode} controleert het certificaat van de server niet; pgdesk "
                          "verbindt alleen met verify-full (standaard) of verify-ca, of voor een "
                          "server op deze computer uitdrukkelijk met sslmode=disable. "
                          "Er is niets veranderd.")
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    params.setdefault("application_name", "pgdesk")
    return Target(params, shown)


def _bad_address(target: str) -> ServerError:
    return ServerError(f"Dit is geen geldig serveradres: {_hide_password(target)}. "
                       f"Voorbeeld: {EXAMPLE} (of de naam van een service). Er is niets veranderd.")


def _hide_password(text: str) -> str:
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        auth, _, tail = rest.rpartition("@")
        if ":" in auth:
            auth = auth.split(":", 1)[0] + ":***"
        return f"{scheme}://{auth}@{tail}"
    return text


def _shown(params: dict, service: str | None) -> str:
    if service:
        return f"service {service}"
    host = params.get("host") or "localhost"
    port = f":{params['port']}" if params.get("port") else ""
    return f"{host}{port}/{params.get('dbname', '')}".rstrip("/")


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


def explain(exc: BaseException, target: Target) -> ServerError:
    """A libpq/psycopg failure as a Dutch sentence; nothing was written."""
    text = str(exc)
    low = text.lower()
    where = target.shown
    nothing = " Er is niets veranderd."
    if "password authentication failed" in low or "no password supplied" in low:
        return ServerError(f"Naam of wachtwoord klopt niet voor de server {where}.{nothing}")
    if "does not support ssl" in low:
        return ServerError(f"De server {where} biedt geen versleutelde verbinding (TLS). pgdesk "
                           "verbindt alleen versleuteld; zet TLS aan op de server (zie "
                           f"packaging/server/README.md).{nothing}")
    if "root certificate file" in low and "does not exist" in low:
        return ServerError(f"Het certificaat van de server ontbreekt op deze computer. Zet het "
                           "(pgdesk-server.crt) als root.crt in de map postgresql van de gebruiker, "
                           f"of geef sslrootcert=PAD in het adres.{nothing}")
    if "does not match host name" in low or "certificate verify failed" in low \
            or "certificate" in low and "ssl" in low:
        return ServerError(f"Het certificaat van de server {where} klopt niet (een ander "
                           "certificaat of een andere servernaam). Gebruik de naam die in het "
                           f"certificaat staat en het certificaat van deze server.{nothing}")
    if "no pg_hba.conf entry" in low or "pg_hba.conf rejects" in low:
        return ServerError(f"De server {where} laat deze verbinding niet toe (pg_hba.conf): "
                           f"alleen versleuteld en met een wachtwoord.{nothing}")
    if "database" in low and "does not exist" in low:
        return ServerError(f"De database op {where} bestaat niet.{nothing}")
    if "role" in low and "does not exist" in low:
        return ServerError(f"Naam of wachtwoord klopt niet voor de server {where}.{nothing}")
    if any(s in low for s in ("could not translate host name", "connection refused", "timeout",
                              "no route to host", "network is unreachable", "could not connect",
                              "server closed the connection")):
        return ServerError(f"De server {where} is niet bereikbaar. Staat hij aan, en klopt het "
                           f"adres?{nothing}")
    return ServerError(f"Verbinden met de server {where} lukte niet ({text.strip()}).{nothing}")
