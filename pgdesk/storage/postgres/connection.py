"""Connecting to the practice server: which connections are allowed, and why one failed, in
Dutch.

TLS is required: `sslmode=verify-full` unless the URL asks otherwise, and a connection that does
not verify the server's certificate is refused for any host but this computer. A plain
connection is allowed only to localhost, and only when the URL says `sslmode=disable`
explicitly. A libpq service name (`service=praktijk` or a bare name) works as well.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import psycopg
from psycopg import conninfo

from pgdesk.storage import driver
from pgdesk.storage.errors import ConnectionLost, NotAPgdeskDatabase, StorageError

CONNECT_TIMEOUT = 10  # seconds: a practice server on the local network answers well within it
LINK_TIMEOUT_MS = 5000
VERIFIED = ("verify-full", "verify-ca")
LOCAL_HOSTS = ("localhost", "")


class ServerUnreachable(StorageError):
    """The server could not be reached (wrong host or port, server down, network)."""


class ServerLoginFailed(StorageError):
    """The server refused the user name or password."""


class ServerPasswordNeeded(ServerLoginFailed):
    """The server wants a password and the address, PGPASSWORD or a password file gave none:
    ask the user, then open again with it."""


class ServerInsecure(StorageError):
    """The connection would not be encrypted and verified where that is required."""


class ServerAddressInvalid(StorageError):
    """Not a postgresql:// URL nor a service name pgdesk can use."""


class ServerSqlError(StorageError, driver.Error):
    """A statement the server refused. Also a driver.Error, so the places that catch a failed
    write of the file catch this one the same way."""


class ServerIntegrityError(ServerSqlError, driver.IntegrityError):
    pass


class ServerConnectionLost(ServerSqlError, driver.OperationalError, ConnectionLost):
    pass


def is_local(host: str) -> bool:
    """True for this computer: localhost, a loopback address, or a unix socket folder."""
    if host in LOCAL_HOSTS or host.startswith("/"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse(address: str) -> dict[str, str]:
    """The libpq parameters of a postgresql:// URL, a key=value string or a service name."""
    address = address.strip()
    if not address:
        raise ServerAddressInvalid("Er is geen serveradres opgegeven.")
    if "://" not in address and "=" not in address:
        address = f"service={address}"
    elif "://" in address:
        try:
            scheme = urlsplit(address).scheme
        except ValueError as exc:  # e.g. an unclosed '[' of an IPv6 host: no traceback for that
            raise ServerAddressInvalid(
                f"Het adres van de praktijkserver is ongeldig: {exc_dutch(exc)}. Voorbeeld: "
                "postgresql://naam@praktijkserver/pgdesk") from None
        if scheme not in ("postgresql", "postgres"):
            raise ServerAddressInvalid(
                f"'{redact(address)}' is geen adres van een praktijkserver; het begint met postgresql://.")
    try:
        return conninfo.conninfo_to_dict(address)
    except (psycopg.ProgrammingError, ValueError):
        raise ServerAddressInvalid(
            f"Het serveradres '{redact(address)}' klopt niet. Voorbeeld: "
            "postgresql://naam@praktijkserver/pgdesk") from None


def exc_dutch(exc: ValueError) -> str:
    """Why urlsplit refused an address, in Dutch (its own reasons are English)."""
    if "IPv6" in str(exc):
        return "de haak [ van het serveradres wordt niet gesloten"
    return "de schrijfwijze klopt niet"


def redact(address: str) -> str:
    """The address without its password, for messages and window titles."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return "(onleesbaar adres)"
    if parts.password is None:
        return address if "password" not in address else "(adres met wachtwoord)"
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def label(params: dict[str, str]) -> str:
    """How the server is named to the user: host (and port) and database."""
    if "service" in params and "host" not in params:
        return f"dienst {params['service']}"
    host = params.get("host") or "localhost"
    port = f":{params['port']}" if params.get("port") else ""
    return f"{host}{port}/{params.get('dbname') or params.get('user') or ''}".rstrip("/")


def secured(params: dict[str, str]) -> dict[str, str]:
    """`params` with the TLS policy applied; ServerInsecure when the URL asks for less."""
    params = dict(params)
    hosts = [h for h in (params.get("host") or "").split(",")]
    mode = params.setdefault("sslmode", "verify-full")
    if mode not in VERIFIED and not all(is_local(h) for h in hosts):
        raise ServerInsecure(
            f"pgdesk verbindt alleen versleuteld met een praktijkserver op een andere computer "
            f"(sslmode={mode} is niet toegestaan). Laat sslmode weg of gebruik verify-full; "
            "vraag de beheerder om het certificaat van de server (sslrootcert).")
    if mode not in VERIFIED and mode != "disable":
        # prefer/allow/require would fall back or skip verification silently: say it outright
        raise ServerInsecure(
            f"sslmode={mode} controleert de server niet. Gebruik verify-full, of voor een server "
            "op deze computer uitdrukkelijk sslmode=disable.")
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    # A cable pulled mid-consult: a write gives up after a few seconds instead of TCP's minutes
    # (the window then keeps the text and retries, ui/connection.py); idle links are checked.
    params.setdefault("tcp_user_timeout", str(LINK_TIMEOUT_MS))
    params.setdefault("keepalives_idle", "10")
    params.setdefault("keepalives_interval", "5")
    params.setdefault("keepalives_count", "2")
    params.setdefault("application_name", "pgdesk")
    return params


def explain_connect_error(exc: psycopg.Error, params: dict[str, str]) -> StorageError:
    """A Dutch StorageError for a connection that failed."""
    where = label(params)
    msg = str(exc)
    low = msg.lower()
    if "no password supplied" in low:
        return ServerPasswordNeeded(f"De praktijkserver ({where}) vraagt een wachtwoord.")
    if "password authentication failed" in low or "authentication failed" in low:
        return ServerLoginFailed(f"De praktijkserver ({where}) weigert deze gebruikersnaam of dit "
                                 "wachtwoord. Controleer ze en probeer het opnieuw.")
    if "database" in low and "does not exist" in low:
        return NotAPgdeskDatabase(f"Op de praktijkserver ({where}) bestaat deze database niet. "
                                  "Controleer het adres, of richt de server eerst in.")
    if "certificate" in low or "ssl" in low or "tls" in low or "root.crt" in low:
        return ServerInsecure(
            f"De verbinding met de praktijkserver ({where}) kon niet veilig worden gemaakt: de "
            "server biedt geen (geldige) versleuteling of zijn certificaat kan niet worden "
            "gecontroleerd. Vraag de beheerder om het certificaat van de server (sslrootcert).")
    if "no pg_hba.conf entry" in low or "permission denied" in low:
        return ServerLoginFailed(f"De praktijkserver ({where}) laat deze gebruiker hier niet toe.")
    if "service file" in low or "definition of service" in low:
        return ServerAddressInvalid(f"De dienst '{params.get('service')}' is niet bekend op deze "
                                    "computer (pg_service.conf).")
    if isinstance(exc, psycopg.OperationalError):
        return ServerUnreachable(f"De praktijkserver ({where}) is niet bereikbaar. Controleer het "
                                 "adres en de netwerkverbinding, of vraag of de server aanstaat.")
    return StorageError(f"Verbinden met de praktijkserver ({where}) lukte niet: {msg}")


def connect(address: str, *, user: str | None = None,
            password: str | None = None) -> tuple[psycopg.Connection, dict[str, str]]:
    """An autocommit connection (every write runs in an explicit transaction, as on the file)
    and its parameters (without the password); Dutch StorageErrors when it cannot be made.
    `user` and `password` count where the address names none."""
    params = secured(parse(address))
    if user and not params.get("user"):
        params["user"] = user
    if password is not None and not params.get("password"):
        params["password"] = password
    try:
        conn = psycopg.connect(**params, autocommit=True)
    except psycopg.Error as exc:
        raise explain_connect_error(exc, params) from None
    # Patient data never lands in the server's own log through pgdesk's statements.
    try:
        conn.execute("SET log_parameter_max_length_on_error = 0")
    except psycopg.Error:
        conn.rollback()
    # No JIT compilation: pgdesk's statements are short, and the long reads (overview, export)
    # are misestimated enough that compiling them cost more than running them (8.7 of 11.1 s
    # for the overview's trajectory query at 50,000 patients, bench/server_scale.py).
    conn.execute("SET jit = off")
    return conn, {k: v for k, v in params.items() if k != "password"}


def explain_sql_error(exc: psycopg.Error) -> ServerSqlError:
    """The driver-like error storage expects, with a Dutch message where the user may read it."""
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)) and (
            exc.sqlstate is None or exc.sqlstate.startswith(("08", "57"))):
        return ServerConnectionLost(
            "De verbinding met de praktijkserver is verbroken. Wat u typte staat nog op het "
            "scherm; probeer het opnieuw zodra de server weer bereikbaar is.")
    if isinstance(exc, psycopg.IntegrityError) or (exc.sqlstate or "").startswith("23"):
        detail = exc.diag.message_primary or str(exc)
        return ServerIntegrityError(detail)
    return ServerSqlError(exc.diag.message_primary or str(exc))
