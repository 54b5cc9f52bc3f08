-- Mirrors 0017_search_words (issue 13): a keystroke on the server reads a bounded part of a
-- btree, never every match. The GIN index of 0015 answers a prefix typed by collecting every
-- patient with a word that starts so before the first row is returned: for "j" or "de" a third
-- of the practice, 3-4 ms at 50,000 patients, and a keystroke's round of planning on top.
-- Here one row per word of a patient (the name's and the practice number's words, as
-- search_words and number_head hold them): the words a prefix finds are a range of the "C"
-- ordered btree, read in order until the cap (PgDatabase.search_patients). The index holds
-- what the list shows and every word of the patient (for the other words typed): a keystroke
-- reads the index alone where autovacuum has marked the table's pages all-visible, and this
-- table otherwise, never the patients'. A trigger keeps it with the patient's row; it goes with
-- the patient (ON DELETE CASCADE) and is vacuumed with it (PgDatabase.checkpoint).
-- A migrated server's words are counted at once (ANALYZE), not when autovacuum comes by.
-- The GIN index and the btree of number_head are read by nothing now; the columns stay (the
-- trigger reads them). Names schema-qualified where an index or a restore needs them (as 0001).

CREATE TABLE patient_words (
    word TEXT COLLATE "C" NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients (id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    name_key TEXT NOT NULL,  -- lower(display_name): the list's order, as patients_name
    display_name TEXT NOT NULL,
    birth_date TEXT,
    practice_number TEXT,
    words TSVECTOR NOT NULL  -- all of the patient's words, number_head among them
);
CREATE INDEX patient_words_word ON patient_words (word)
    INCLUDE (name_key, patient_id, display_name, birth_date, practice_number, words);
CREATE INDEX patient_words_patient ON patient_words (patient_id);

CREATE FUNCTION pgdesk_patient_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM patient_words WHERE patient_id IN (OLD.id, NEW.id);  -- (cascaded or not)
    END IF;
    INSERT INTO patient_words (word, patient_id, name_key, display_name, birth_date,
                               practice_number, words)
    SELECT DISTINCT w, NEW.id, pg_catalog.lower(NEW.display_name), NEW.display_name,
           NEW.birth_date, NEW.practice_number,
           NEW.search_words || pg_catalog.array_to_tsvector(
               pg_catalog.array_remove(ARRAY[coalesce(NEW.number_head, '')], ''))
    FROM pg_catalog.unnest(pg_catalog.tsvector_to_array(NEW.search_words) || NEW.number_head) w
    WHERE w <> '';
    RETURN NULL;
END $$;
CREATE TRIGGER patient_words_insert AFTER INSERT ON patients
    FOR EACH ROW EXECUTE FUNCTION pgdesk_patient_words();
CREATE TRIGGER patient_words_update AFTER UPDATE ON patients FOR EACH ROW
    WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.display_name IS DISTINCT FROM NEW.display_name
          OR OLD.birth_date IS DISTINCT FROM NEW.birth_date
          OR OLD.practice_number IS DISTINCT FROM NEW.practice_number
          OR OLD.search_words IS DISTINCT FROM NEW.search_words)
    EXECUTE FUNCTION pgdesk_patient_words();

INSERT INTO patient_words (word, patient_id, name_key, display_name, birth_date, practice_number,
                           words)
SELECT DISTINCT w, id, lower(display_name), display_name, birth_date, practice_number,
       search_words || array_to_tsvector(array_remove(ARRAY[coalesce(number_head, '')], ''))
FROM patients, unnest(tsvector_to_array(search_words) || number_head) w
WHERE w <> '';

-- The search itself (PgDatabase.search_patients): one typed word's words (the driver) are a
-- range of the words' btree, read in order and tested against all words typed (`query`, a
-- tsquery) until `cap` rows are found; those sorted by name, `shown` of them returned. The
-- driver is the typed word with the fewest words, counted up to 1000 each (the longest of
-- equals): a rare word's words are read whole at worst, a frequent combination of common
-- words stops at the cap. A function for its settings: the planner cannot know how many
-- words a prefix finds before it is typed, and guessing few it would collect the whole range
-- (a bitmap, or the table) to sort it by word; only the ordered index scan stops at the cap.
-- PL/pgSQL: its statements are planned once per connection, not on every keystroke. A
-- patient with two words in the range is read twice and returned once.
CREATE FUNCTION pgdesk_search_patients(typed text[], query text, cap bigint, shown bigint)
    RETURNS TABLE (id text, display_name text, birth_date text, practice_number text)
    LANGUAGE plpgsql STABLE SET enable_seqscan = off SET enable_bitmapscan = off
    AS $$
#variable_conflict use_column
DECLARE
    low text;
    fewest bigint;
    candidate text;
    counted bigint;
    others tsquery;
BEGIN
    IF pg_catalog.cardinality(typed) = 1 THEN
        low := pg_catalog.lower(public.pgdesk_unaccent(typed[1]));
    ELSE
        others := pg_catalog.to_tsquery('pg_catalog.simple'::regconfig,
                                        public.pgdesk_unaccent(query));
        FOREACH candidate IN ARRAY typed LOOP
            candidate := pg_catalog.lower(public.pgdesk_unaccent(candidate));
            -- chr(1114111), the last code point: in "C" order after every word starting so
            SELECT count(*) INTO counted FROM (SELECT FROM patient_words w
                WHERE w.word >= candidate AND w.word < candidate || chr(1114111) LIMIT 1000) probe;
            IF fewest IS NULL OR counted < fewest
               OR (counted = fewest AND pg_catalog.length(candidate) > pg_catalog.length(low)) THEN
                low := candidate;
                fewest := counted;
            END IF;
            EXIT WHEN counted = 0;  -- nobody has a word starting so: nobody is found
        END LOOP;
    END IF;
    RETURN QUERY
        SELECT DISTINCT ON (hit.name_key, hit.patient_id) hit.patient_id, hit.display_name,
               hit.birth_date, hit.practice_number
        FROM (SELECT * FROM patient_words w
              WHERE w.word >= low AND w.word < low || chr(1114111)
                AND (others IS NULL OR w.words @@ others)
              ORDER BY w.word LIMIT cap) hit
        ORDER BY hit.name_key, hit.patient_id LIMIT shown;
END $$;

DROP INDEX patients_search;
DROP INDEX patients_number_head;
ANALYZE patient_words;
