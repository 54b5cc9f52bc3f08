-- Mirrors 0013_overview_period_indexes (issue 16): the practice overview reads the last twelve
-- months from these indexes, not every conversation.

CREATE INDEX consultations_period ON consultations (date, professional_id, completed_at, id);
CREATE INDEX consultations_type_date ON consultations (type, date, trajectory_id, id);
