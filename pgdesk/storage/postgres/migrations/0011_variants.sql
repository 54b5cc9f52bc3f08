-- Mirrors 0011_variants: per patient the instrument variant, the handout language from the
-- longer list (handout_lang's CHECK allows only nl and en; the new column starts from it) and
-- large print; per conversation who else was there ('naaste', 'tolk', 'namens', comma-separated).

ALTER TABLE patients ADD COLUMN instrument_variant TEXT NOT NULL DEFAULT 'volwassenen';
ALTER TABLE patients ADD COLUMN handout_language TEXT;
UPDATE patients SET handout_language = handout_lang;
ALTER TABLE patients ADD COLUMN handout_large_print INTEGER NOT NULL DEFAULT 0
    CHECK (handout_large_print IN (0, 1));
ALTER TABLE consultations ADD COLUMN present TEXT NOT NULL DEFAULT '';
