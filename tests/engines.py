"""The storage tests on both engines: the encrypted file and the practice server.

The conftest.py of tests/storage and tests/reports take these fixtures and the hook. Every test
in SERVER_MODULES that uses `store` runs twice, as [file] and [server]; on the
server each test gets its own fresh database, cloned from a migrated template (quick), on the
session's throw-away PostgreSQL (tests/pg_cluster.py). A test about the file itself (it
reopens the file, reads it byte by byte, traces SQLite) asks for `db_path` or is marked
`file_only`, and runs on the file alone.
"""

from __future__ import annotations

import pytest

from pgdesk.storage.repository import Store

SERVER_MODULES = {"test_storage", "test_search", "test_trajectories", "test_social_map",
                  "test_due_list", "test_security", "test_transfer", "test_transfer_rooms",
                  # reports gathered from the store: overview, evaluation export, patient export
                  "test_overview", "test_evaluation", "test_patient_export"}
ENGINES = ("file", "server")


def pytest_generate_tests(metafunc):
    if ("engine" in metafunc.fixturenames and metafunc.module.__name__.split(".")[-1] in SERVER_MODULES
            and "db_path" not in metafunc.fixturenames
            and not metafunc.definition.get_closest_marker("file_only")):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request):
    return getattr(request, "param", "file")


@pytest.fixture(scope="session")
def pg_template(pg_cluster):
    """A database with pgdesk's schema, which every server test's database is cloned from."""
    name = pg_cluster.create_database()  # one per conftest taking this fixture: unique names
    Store.open_server(pg_cluster.url(name)).close()
    return name


@pytest.fixture
def server_url(pg_cluster, pg_template):
    """The URL of a fresh, migrated pgdesk database of this test alone."""
    name = pg_cluster.create_database(template=pg_template)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def store(engine, request):
    if engine == "server":
        s = Store.open_server(request.getfixturevalue("server_url"))
    else:
        s = Store.open(request.getfixturevalue("db_path"))
    yield s
    s.close()
