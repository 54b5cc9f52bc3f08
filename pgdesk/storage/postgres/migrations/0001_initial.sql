-- Mirrors 0001_initial of pgdesk/storage/migrations.py: the same tables, columns and keys.
-- Patient search: instead of SQLite's FTS5 table, an expression index over the words of the NFKC
-- search_name and the practice number (pgdesk_search_words), for prefix-per-word queries
-- (PgDatabase.search_patients).
-- rowid: the insertion order SQLite keeps implicitly, which storage orders by.

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

-- unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE. Names are
-- schema-qualified: a restore (pg_restore) rebuilds the index with an empty search_path.
CREATE FUNCTION pgdesk_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The words a patient is found by, as the file's FTS5 tokenizer (unicode61, remove_diacritics)
-- makes them: split on everything but letters and digits, accents off, lower case.
CREATE FUNCTION pgdesk_search_words(search_name text, practice_number text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.to_tsvector('pg_catalog.simple'::regconfig, pg_catalog.regexp_replace(
        public.pgdesk_unaccent(coalesce(search_name, '') || ' ' || coalesce(practice_number, '')),
        '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE professionals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT
);

CREATE TABLE patients (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    birth_date TEXT,
    practice_number TEXT,
    search_name TEXT,
    created_at TEXT,
    updated_at TEXT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX idx_patients_practice_number ON patients (practice_number);
CREATE INDEX patients_search ON patients USING gin (public.pgdesk_search_words(search_name, practice_number));
CREATE INDEX patients_name ON patients (lower(display_name));

CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    professional_id TEXT REFERENCES professionals (id),
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    step TEXT DEFAULT 'web',
    wheel_index INTEGER DEFAULT 0,
    created_at TEXT,
    updated_at TEXT,
    completed_at TEXT,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX idx_consultations_patient_id_date ON consultations (patient_id, date);

CREATE TABLE dimension_scores (
    consultation_id TEXT REFERENCES consultations (id),
    dimension_id TEXT,
    score INTEGER,
    PRIMARY KEY (consultation_id, dimension_id)
);

CREATE TABLE aspect_scores (
    consultation_id TEXT REFERENCES consultations (id),
    dimension_id TEXT,
    aspect_id TEXT,
    score INTEGER,
    PRIMARY KEY (consultation_id, dimension_id, aspect_id)
);

CREATE TABLE marks (
    consultation_id TEXT REFERENCES consultations (id),
    kind TEXT,
    dimension_id TEXT,
    aspect_id TEXT,
    PRIMARY KEY (consultation_id, kind, dimension_id, aspect_id)
);

CREATE TABLE wheel_answers (
    consultation_id TEXT REFERENCES consultations (id),
    step_id TEXT,
    answer TEXT,
    PRIMARY KEY (consultation_id, step_id)
);

CREATE TABLE plans (
    consultation_id TEXT PRIMARY KEY REFERENCES consultations (id),
    goal TEXT,
    first_step TEXT,
    helper TEXT,
    "when" TEXT,
    next_appointment TEXT
);
