-- Usage records belong to the reporting module now (printing publishes PrintJobCompleted and
-- reporting records it): the table and its indexes take reporting's prefix, rows unchanged.
ALTER TABLE printing_usage RENAME TO reporting_usage;
ALTER INDEX printing_usage_day RENAME TO reporting_usage_day;
ALTER INDEX printing_usage_user RENAME TO reporting_usage_user;
