-- Mirrors 0015_search (issue 16, issue 13): patient search per keystroke at practice scale, by
-- the file's rule for practice numbers. The file's full-text index splits a number into words
-- as a name ("P-4711" is found by "p" and by "4711", "104711" not by "4711"); here:
-- * the number's first word as a stored column (number_head, "C" order so that a prefix is a
--   range of its btree): every digit typed is a prefix of thousands of unique numbers, which in the GIN
--   index would be thousands of terms to merge on each keystroke; a btree range read in order
--   stops after the first rows (PgDatabase.search_patients caps every candidate set);
-- * its further words (rare) with the name's words in search_words (GIN);
-- * the GIN index without a pending list (fastupdate off): patients are added a few a day,
--   and a search must never scan a list of unsorted recent entries.
-- Both are stored columns, not index expressions: a search tests them on every candidate row,
-- and unaccent with a regular expression per row cost more than the rest of the keystroke.
-- search_words is made again (PostgreSQL 15 cannot change a generated column's expression);
-- names schema-qualified for restores (as in 0001). Neither column is shown by SELECT *.

CREATE FUNCTION pgdesk_number_head(practice_number text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.lower(pg_catalog.substring(
        public.pgdesk_unaccent(coalesce(practice_number, '')), '[[:alnum:]]+')) $$;

CREATE FUNCTION pgdesk_number_tail(practice_number text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.regexp_replace(public.pgdesk_unaccent(coalesce(practice_number, '')),
        '^[^[:alnum:]]*[[:alnum:]]+', '') $$;

DROP INDEX patients_search;
DROP INDEX patients_number_prefix;
ALTER TABLE patients DROP COLUMN search_words;
ALTER TABLE patients ADD COLUMN search_words TSVECTOR GENERATED ALWAYS AS (
    public.pgdesk_name_words(coalesce(search_name, '') || ' '
                             || public.pgdesk_number_tail(practice_number))) STORED;
CREATE INDEX patients_search ON patients USING gin (search_words) WITH (fastupdate = off);
ALTER TABLE patients ADD COLUMN number_head TEXT COLLATE "C"
    GENERATED ALWAYS AS (public.pgdesk_number_head(practice_number)) STORED;
CREATE INDEX patients_number_head ON patients (number_head);
