-- Mirrors 0006_practice_details: the practice's details (one row) and per patient whether the
-- end handout says in words what changed.

CREATE TABLE practice (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    updated_at TEXT
);
INSERT INTO practice (id, name) VALUES (1, COALESCE((SELECT value FROM settings
    WHERE key = 'practice_name'), ''));

ALTER TABLE patients ADD COLUMN handout_changes INTEGER NOT NULL DEFAULT 1
    CHECK (handout_changes IN (0, 1));
