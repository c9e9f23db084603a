-- Usage records belong to the reporting module now (printing publishes PrintJobCompleted and
-- reporting records it): the table and its indexes take reporting's prefix, rows unchanged.
ALTER TABLE printing_usage RENAME TO reporting_usage;
ALTER INDEX printing_usage_day RENAME TO reporting_usage_day;
ALTER INDEX printing_usage_user RENAME TO reporting_usage_user;

-- Audit records written after the commit by event listeners carry the event's id: an event
-- delivered again (a retry after a crash) finds its record there and adds none.
ALTER TABLE audit_event ADD COLUMN event_id UUID;
CREATE UNIQUE INDEX audit_event_event_id ON audit_event (event_id);
