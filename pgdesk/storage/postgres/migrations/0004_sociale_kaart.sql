-- Mirrors 0004_sociale_kaart: services, referrals and the handout preferences per patient.

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation TEXT NOT NULL DEFAULT '',
    offer TEXT NOT NULL DEFAULT '',
    dimensions TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    referral_route TEXT NOT NULL DEFAULT ''
        CHECK (referral_route IN ('', 'zelf', 'huisarts', 'gemeente', 'anders')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_services_name ON services (lower(name));

CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    patient_id TEXT NOT NULL REFERENCES patients (id),
    service_id TEXT REFERENCES services (id),
    service_snapshot TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'voorgesteld' CHECK (status IN
        ('voorgesteld', 'verwezen', 'gestart', 'afgerond', 'niet_doorgegaan')),
    note TEXT NOT NULL DEFAULT '',
    followed_up_in TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX idx_referrals_consultation ON referrals (consultation_id);
CREATE INDEX idx_referrals_patient ON referrals (patient_id, status);

ALTER TABLE patients ADD COLUMN handout_lang TEXT
    CHECK (handout_lang IS NULL OR handout_lang IN ('nl', 'en'));
ALTER TABLE patients ADD COLUMN handout_paper TEXT
    CHECK (handout_paper IS NULL OR handout_paper IN ('A4', 'A5'));
