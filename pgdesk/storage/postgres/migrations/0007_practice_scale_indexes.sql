-- Mirrors 0007_practice_scale_indexes (issue 16), plus the due list's change counter: the file
-- counts changes with temporary triggers per connection (storage/engine.py); a server counts
-- them, in every room, with a sequence that statement triggers advance (not transactional,
-- so rooms never wait on each other for it). PgDatabase.change_counter reads it.

CREATE INDEX trajectories_open_tussen ON trajectories
    (tussen_planned, closed_at, id, patient_id) WHERE closed_at IS NULL;
CREATE INDEX trajectories_open_eind ON trajectories
    (eind_planned, closed_at, id, patient_id) WHERE closed_at IS NULL;
CREATE INDEX consultations_trajectory_type ON consultations (trajectory_id, type);
CREATE INDEX dimension_scores_covering ON dimension_scores (consultation_id, dimension_id, score);
CREATE INDEX aspect_scores_covering ON aspect_scores
    (consultation_id, dimension_id, aspect_id, score);

CREATE SEQUENCE due_version;
CREATE FUNCTION due_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('due_version');
    RETURN NULL;
END $$;
-- the tables and columns the due list reads (storage/trajectories.py, _DUE_READS)
CREATE TRIGGER due_trajectories AFTER INSERT OR UPDATE OR DELETE ON trajectories
    FOR EACH STATEMENT EXECUTE FUNCTION due_version_bump();
CREATE TRIGGER due_consultations AFTER INSERT OR UPDATE OF type, trajectory_id OR DELETE
    ON consultations FOR EACH STATEMENT EXECUTE FUNCTION due_version_bump();
CREATE TRIGGER due_patients AFTER INSERT OR UPDATE OF display_name OR DELETE ON patients
    FOR EACH STATEMENT EXECUTE FUNCTION due_version_bump();
