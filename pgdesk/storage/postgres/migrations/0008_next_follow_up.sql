-- Mirrors 0008_next_follow_up (issue 16): each trajectory's next follow-up beside it, kept by
-- storage/follow_ups.py in the same transaction as every change that moves it (no trigger);
-- the due list reads one range of the partial covering index. The per-type indexes of 0007
-- served only the due list's earlier query. The UPDATE is follow_ups.REFRESH_SQL (backfill).

DROP INDEX IF EXISTS trajectories_open_tussen;
DROP INDEX IF EXISTS trajectories_open_eind;
ALTER TABLE trajectories ADD COLUMN next_type TEXT;
ALTER TABLE trajectories ADD COLUMN next_planned TEXT;
CREATE INDEX trajectories_next_planned ON trajectories
    (next_planned, patient_id, id, next_type) WHERE next_planned IS NOT NULL;

UPDATE trajectories SET
    next_type = CASE WHEN closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = trajectories.id AND c.type = 'eind') THEN NULL
                     WHEN EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = trajectories.id AND c.type = 'tussen') THEN 'eind' ELSE 'tussen' END,
    next_planned = CASE WHEN closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = trajectories.id AND c.type = 'eind') THEN NULL
                        WHEN EXISTS (SELECT 1 FROM consultations c WHERE c.trajectory_id = trajectories.id AND c.type = 'tussen') THEN eind_planned ELSE tussen_planned END;
