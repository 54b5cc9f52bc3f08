-- Mirrors 0003_trajectories. The file's backfill of older conversations has nothing to do on
-- a server: a server starts empty at the current schema (files come over by `server migrate`).

CREATE TABLE trajectories (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    start_consultation_id TEXT,
    start_date TEXT NOT NULL,
    tussen_planned TEXT NOT NULL,
    eind_planned TEXT NOT NULL,
    closed_at TEXT,
    created_at TEXT,
    updated_at TEXT
);
CREATE INDEX idx_trajectories_patient_id_start_date ON trajectories (patient_id, start_date);
ALTER TABLE consultations ADD COLUMN trajectory_id TEXT REFERENCES trajectories (id);
CREATE INDEX idx_consultations_trajectory_id ON consultations (trajectory_id);
