-- Mirrors 0010_patient_answers (issue 17): what the patient filled in themselves in the patient
-- mode, beside the conversation's own (agreed) answers, the screen the patient was on, and the
-- waiting-room kiosk's one-time codes.

CREATE TABLE patient_answers (
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    kind TEXT NOT NULL CHECK (kind IN ('aspect', 'talk', 'important')),
    dimension_id TEXT NOT NULL DEFAULT '',
    aspect_id TEXT NOT NULL DEFAULT '',
    score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
    answer TEXT,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, kind, dimension_id, aspect_id)
);

CREATE TABLE patient_mode_runs (
    consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
    screen INTEGER NOT NULL DEFAULT 0,
    workstation TEXT NOT NULL DEFAULT '',
    kiosk INTEGER NOT NULL DEFAULT 0 CHECK (kiosk IN (0, 1)),
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX patient_mode_runs_open ON patient_mode_runs (ended_at, updated_at);

CREATE TABLE patient_invitations (
    code_hash TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    created_at TEXT NOT NULL,
    valid_on TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX patient_invitations_consultation ON patient_invitations (consultation_id);
