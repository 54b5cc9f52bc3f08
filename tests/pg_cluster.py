"""A throw-away PostgreSQL server for the tests (and the bench): `initdb` into a temporary
folder, started with `pg_ctl` on a free loopback port, stopped and removed afterwards.

PostgreSQL refuses to run as root, so under root the cluster belongs to an unprivileged OS user
(Debian's `postgres`, else `nobody`). TCP logins need the superuser password (SCRAM-SHA-256,
as on a practice server); the unix socket lives in the private temporary folder. With
`tls=True` the server also gets a self-signed certificate for localhost/127.0.0.1, so
`sslmode=verify-full` can be tried against `ca_path`.

Nothing here is pgdesk-specific: `PgCluster` hands out connection URLs and fresh databases.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import glob
import ipaddress
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "pgdesk_test"


def find_bindir() -> Path | None:
    """The folder holding initdb/pg_ctl/postgres: $PGDESK_PG_BINDIR, Debian's newest
    /usr/lib/postgresql/N/bin, or the one on PATH; None when PostgreSQL is not installed."""
    candidates = [os.environ.get("PGDESK_PG_BINDIR", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> pwd.struct_passwd | None:
    """The OS user to run PostgreSQL as when we are root (it refuses root); None otherwise."""
    if os.geteuid() != 0:
        return None
    # initdb and postgres open /dev/null for writing; some containers make it root-only.
    if os.stat("/dev/null").st_mode & 0o777 != 0o666:
        os.chmod("/dev/null", 0o666)
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("no unprivileged OS user to run PostgreSQL as (postgres or nobody)")


def write_self_signed(folder: Path, hostname: str = "localhost") -> tuple[Path, Path]:
    """A self-signed certificate (and its key) valid for `hostname`, localhost and 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    names = {x509.DNSName(hostname), x509.DNSName("localhost"),
             x509.IPAddress(ipaddress.ip_address("127.0.0.1"))}
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(list(names)), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "server.crt", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


class PgCluster:
    """One throw-away PostgreSQL server. `start()`, then `url()`/`create_database()`; `stop()`
    (also registered with atexit, so a failed session leaves no server behind)."""

    def __init__(self, bindir: Path | None = None, *, tls: bool = False):
        self.bindir = bindir or find_bindir()
        if self.bindir is None:
            raise FileNotFoundError("PostgreSQL (initdb, pg_ctl) is not installed")
        self.tls = tls
        self.password = secrets.token_urlsafe(18)
        self.user = SUPERUSER
        self.host = "127.0.0.1"
        self.port = 0
        self.folder: Path | None = None
        self.ca_path: Path | None = None
        self.started_in = 0.0
        self._owner = _run_as()
        self._running = False

    # -- running ----------------------------------------------------------------------------
    def _run(self, *args: str) -> subprocess.CompletedProcess:
        kw = {}
        if self._owner is not None:
            kw = {"user": self._owner.pw_uid, "group": self._owner.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], env=env, cwd=self.folder,
                              capture_output=True, text=True, timeout=120, check=False, **kw)

    def _chown(self, *paths: Path) -> None:
        if self._owner is not None:
            for p in paths:
                os.chown(p, self._owner.pw_uid, self._owner.pw_gid)

    @property
    def data(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    def start(self) -> PgCluster:
        began = time.monotonic()
        self.folder = Path(tempfile.mkdtemp(prefix="pgdesk-pg-"))
        atexit.register(self.stop)
        self._chown(self.folder)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        self._chown(pwfile)
        done = self._run("initdb", "-D", str(self.data), "-U", self.user, "--pwfile", str(pwfile),
                         "-E", "UTF8", "--locale", "C.UTF-8", "--auth-local", "trust",
                         "--auth-host", "scram-sha-256", "--no-sync")
        pwfile.unlink()
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        settings = {
            "listen_addresses": "'127.0.0.1'", "unix_socket_directories": f"'{self.folder}'",
            # a test server: durability is not the point, speed is
            "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
            "max_connections": "200", "shared_buffers": "64MB",
            "password_encryption": "'scram-sha-256'",
        }
        if self.tls:
            cert, key = write_self_signed(self.folder)
            self._chown(cert, key)
            self.ca_path = cert
            settings |= {"ssl": "on", "ssl_cert_file": f"'{cert}'", "ssl_key_file": f"'{key}'"}
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in settings.items())
        for _attempt in range(5):  # another process may take the free port first
            self.port = _free_port()
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                             "-o", f"-p {self.port}", "-w", "-t", "60", "start")
            if done.returncode == 0:
                self._running = True
                break
        else:
            log = (self.folder / "server.log").read_text(errors="replace")
            raise RuntimeError(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}\n{log}")
        self.started_in = time.monotonic() - began
        return self

    def stop(self) -> None:
        if self.folder is None:
            return
        if self._running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._running = False
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def kill(self) -> None:
        """Stop the server at once, as a crash or a pulled plug would (connections just drop)."""
        done = self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl stop failed:\n{done.stdout}\n{done.stderr}")
        self._running = False

    def start_again(self) -> None:
        """After `kill`: the same server on the same port (it recovers from its WAL)."""
        done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                         "-o", f"-p {self.port}", "-w", "-t", "60", "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}")
        self._running = True

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- using ------------------------------------------------------------------------------
    def url(self, dbname: str = "postgres", *, user: str | None = None,
            password: str | None = None, **params: str) -> str:
        """A postgresql:// URL on the loopback port; without TLS it says sslmode=disable
        unless `params` say otherwise, with TLS verify-full against the test certificate."""
        user = user or self.user
        password = self.password if password is None and user == self.user else password
        auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
        if self.tls:
            params = {"sslmode": "verify-full", "sslrootcert": str(self.ca_path)} | params
        else:
            params = {"sslmode": "disable"} | params
        query = "&".join(f"{k}={quote(str(v), safe='/')}" for k, v in params.items())
        return f"postgresql://{auth}@{self.host}:{self.port}/{quote(dbname, safe='')}?{query}"

    def admin(self, dbname: str = "postgres"):
        """A superuser psycopg connection in autocommit over the unix socket."""
        import psycopg

        return psycopg.connect(host=str(self.folder), port=self.port, user=self.user,
                               dbname=dbname, autocommit=True)

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`, which must have no connections)."""
        from psycopg import sql

        name = name or f"t_{secrets.token_hex(6)}"
        with self.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template or "template0")))
        return name

    def drop_database(self, name: str) -> None:
        from psycopg import sql

        with self.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextlib.contextmanager
def own_cluster():
    """A server of one test module's own (its tests stop and start it); skipped where no
    PostgreSQL is installed."""
    import pytest

    if find_bindir() is None:
        pytest.skip("PostgreSQL is niet geïnstalleerd (scripts/system-deps.sh installeert het)")
    with PgCluster() as server:
        yield server


@contextlib.contextmanager
def durable_database(cluster: PgCluster):
    """A fresh database as on a practice server, where confirmed is on disk
    (synchronous_commit on); its URL, dropped afterwards."""
    name = cluster.create_database()
    with cluster.admin() as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = on')
    yield cluster.url(name)
    cluster.drop_database(name)
