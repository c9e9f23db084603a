-- A schedule whose creator may no longer see its report stops sending; the schedules page says since when.
ALTER TABLE reporting_schedule ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;

-- One row per organization, locked (SELECT ... FOR UPDATE) by whoever writes its roll-ups: the
-- rebuild after a time zone change and the recording of each job take turns, so that a job
-- recorded during a rebuild is counted once.
CREATE TABLE reporting_rollup_lock (
    org_id UUID NOT NULL PRIMARY KEY
);
