"""The practice server (PostgreSQL): connecting by pgdesk's rules, setting it up, backups and
moving a file's practice onto it. The engine behind Store lives in storage/postgres."""
