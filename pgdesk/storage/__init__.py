"""Local SQLite storage through sqlite-utils: opening, migrations, and the repository."""
