"""The tests here run on both engines where they use `store` (see tests/engines.py)."""

from engines import engine, pg_template, pytest_generate_tests, server_url, store  # noqa: F401
