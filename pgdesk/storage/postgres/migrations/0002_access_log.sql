-- Mirrors 0002_access_log (pgdesk/storage/access_log.py): append-only, hash-chained.
-- UPDATE, DELETE and TRUNCATE are refused by trigger here; `pgdesk server init` also keeps
-- those privileges from every pgdesk user role.

CREATE TABLE access_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    "user" TEXT NOT NULL,
    professional_id TEXT,
    workstation TEXT NOT NULL,
    patient_id TEXT,
    action TEXT NOT NULL CHECK (action IN ('C', 'R', 'U', 'D', 'E')),
    what TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX access_log_patient ON access_log (patient_id, seq);

CREATE FUNCTION access_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'het toegangslog kan niet worden gewijzigd'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse();
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse();
