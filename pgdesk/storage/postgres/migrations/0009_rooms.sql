-- Mirrors 0009_rooms (issue 13): answer versions for guarded writes (storage/versions.py) and
-- who holds a conversation (storage/claims.py). Plus what only a server needs: every change a
-- screen in another room shows sends a NOTIFY in the transaction of the change, payload
-- "table:patient id" (storage/server_link.py hears them). PostgreSQL delivers them at commit,
-- never for a rolled-back change, and one per distinct payload per transaction.

CREATE TABLE answer_versions (
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    field TEXT NOT NULL,
    version INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    room TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, field)
);

CREATE TABLE consultation_claims (
    consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
    holder TEXT NOT NULL,
    who TEXT NOT NULL,
    professional_id TEXT,
    room TEXT NOT NULL,
    since TEXT NOT NULL,
    heartbeat TEXT NOT NULL
);

CREATE FUNCTION pgdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_key TEXT := '';
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_NARGS > 0 THEN
        row_key := (CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END)
                   ->> TG_ARGV[0];
    END IF;
    PERFORM pg_notify('pgdesk_changes', TG_TABLE_NAME || ':' || coalesce(row_key, ''));
    RETURN NULL;
END $$;

CREATE TRIGGER notify_patients AFTER INSERT OR UPDATE OR DELETE ON patients
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify('id');
CREATE TRIGGER notify_consultations AFTER INSERT OR UPDATE OR DELETE ON consultations
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify('patient_id');
CREATE TRIGGER notify_trajectories AFTER INSERT OR UPDATE OR DELETE ON trajectories
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify('patient_id');
CREATE TRIGGER notify_referrals AFTER INSERT OR UPDATE OR DELETE ON referrals
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify('patient_id');
CREATE TRIGGER notify_services AFTER INSERT OR UPDATE OR DELETE ON services
    FOR EACH STATEMENT EXECUTE FUNCTION pgdesk_notify();

-- A claim's notice names the patient too (the patient page shows who has which conversation
-- open); a heartbeat only renews a claim: not worth a notice.
CREATE FUNCTION pgdesk_notify_claim() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    patient TEXT;
BEGIN
    SELECT patient_id INTO patient FROM consultations
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.consultation_id
                        ELSE NEW.consultation_id END;
    PERFORM pg_notify('pgdesk_changes', TG_TABLE_NAME || ':' || coalesce(patient, ''));
    RETURN NULL;
END $$;
CREATE TRIGGER notify_claims AFTER INSERT OR UPDATE OF holder OR DELETE ON consultation_claims
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify_claim();
