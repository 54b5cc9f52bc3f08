"""The practice server engine: PostgreSQL through psycopg 3, behind the same storage API as
the encrypted file (see pgdesk/storage/engine.py).

connection.py opens a connection (TLS policy, Dutch errors), dialect.py translates storage's
SQL, database.py offers the sqlite-utils calls storage makes, and migrations/ holds the
numbered schema migrations that mirror pgdesk/storage/migrations.py.
"""
