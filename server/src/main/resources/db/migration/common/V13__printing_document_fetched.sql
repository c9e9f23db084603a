-- When the device first fetched a released job's document. A fetched release may have printed, so
-- it is never put back on hold by the release timeout (that could print it twice); it ends with the
-- device's report, or at the job's expiry with its quota charge kept.
ALTER TABLE printing_job ADD COLUMN document_fetched_at TIMESTAMP WITH TIME ZONE;
