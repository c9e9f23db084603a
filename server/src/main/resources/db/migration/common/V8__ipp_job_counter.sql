-- The last IPP job number each queue gave out. A new job takes the next one by updating this row
-- (which also orders concurrent jobs of one queue) instead of looking for the highest number among
-- the queue's jobs, which H2 does by reading all of them.
ALTER TABLE ipp_queue ADD COLUMN last_job_number INT DEFAULT 0 NOT NULL;
UPDATE ipp_queue SET last_job_number = COALESCE(
    (SELECT MAX(j.job_number) FROM ipp_job j WHERE j.org_id = ipp_queue.org_id AND j.queue_id = ipp_queue.id), 0);
