-- Mirrors 0001_initial of pgdesk/storage/migrations.py: the same tables, columns and keys.
-- Patient search (PgDatabase.search_patients): instead of SQLite's FTS5 table, the words of the
-- NFKC search_name as a stored tsvector (search_words, GIN) for prefix-per-word queries, and
-- the practice number by its beginning (a btree: a unique number per patient would make every
-- digit typed a prefix of 50,000 index terms). The stored column, not an index expression, lets
-- the planner walk the name index and test each row cheaply when a word matches most patients.
-- rowid: the insertion order SQLite keeps implicitly, which storage orders by. Neither column
-- is shown by SELECT * (database.py), as in the file.

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

-- unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE. Names are
-- schema-qualified: a restore (pg_restore) rebuilds the index with an empty search_path.
CREATE FUNCTION pgdesk_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The words of a name a patient is found by, as the file's FTS5 tokenizer (unicode61,
-- remove_diacritics) makes them: split on everything but letters and digits, accents off,
-- lower case.
CREATE FUNCTION pgdesk_name_words(search_name text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.to_tsvector('pg_catalog.simple'::regconfig, pg_catalog.regexp_replace(
        public.pgdesk_unaccent(coalesce(search_name, '')), '[^[:alnum:]]+', ' ', 'g')) $$;

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
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    search_words TSVECTOR GENERATED ALWAYS AS (public.pgdesk_name_words(search_name)) STORED
);
CREATE INDEX idx_patients_practice_number ON patients (practice_number);
CREATE INDEX patients_search ON patients USING gin (search_words);
CREATE INDEX patients_number_prefix ON patients (lower(practice_number) text_pattern_ops);
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
