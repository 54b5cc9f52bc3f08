-- Mirrors 0005_transfer: taking patients along on a laptop and bringing them back.

CREATE TABLE brought_along (
    patient_id TEXT PRIMARY KEY,
    transfer_id TEXT NOT NULL,
    origin_db_id TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    brought_back_at TEXT,
    brought_back_digest TEXT
);

CREATE TABLE transfer_base (
    kind TEXT NOT NULL CHECK (kind IN ('patient', 'trajectory', 'consultation')),
    record_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    fields TEXT NOT NULL,
    updated_at TEXT,
    PRIMARY KEY (kind, record_id)
);
CREATE INDEX idx_transfer_base_patient ON transfer_base (patient_id);

CREATE TABLE transfers (
    id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    kind TEXT NOT NULL CHECK (kind IN ('take-along', 'bring-back')),
    origin_db_id TEXT NOT NULL,
    at TEXT NOT NULL,
    patients INTEGER NOT NULL,
    PRIMARY KEY (id, direction)
);

ALTER TABLE consultations ADD COLUMN conflict_of TEXT;

CREATE FUNCTION brought_along_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM brought_along WHERE patient_id = OLD.id;
    DELETE FROM transfer_base WHERE patient_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER brought_along_erased AFTER DELETE ON patients
    FOR EACH ROW EXECUTE FUNCTION brought_along_erased();
