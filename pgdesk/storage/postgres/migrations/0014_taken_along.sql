-- Mirrors 0014_taken_along: the patients on a laptop for a home visit now, shown in every room
-- ("meegenomen op laptop X sinds …") and announced to them by NOTIFY like every other change.

CREATE TABLE taken_along (
    patient_id TEXT PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
    transfer_id TEXT NOT NULL,
    laptop TEXT NOT NULL,
    taken_by TEXT NOT NULL,
    taken_at TEXT NOT NULL
);

CREATE TRIGGER notify_taken_along AFTER INSERT OR UPDATE OR DELETE ON taken_along
    FOR EACH ROW EXECUTE FUNCTION pgdesk_notify('patient_id');
