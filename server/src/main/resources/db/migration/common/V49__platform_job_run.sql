-- One row per run of a periodic job (issue 19): the job's name and the start of the period it ran
-- for, both together unique, so of several server processes exactly one claims each period. The
-- period start is computed from the database's clock (aligned to the epoch), as are started_at and
-- finished_at. finished_at and outcome stay empty while the run lasts, and for good when its
-- process died during it (the period is not run again).
CREATE TABLE platform_job_run (
  job VARCHAR(100) NOT NULL,
  period_start TIMESTAMP WITH TIME ZONE NOT NULL,
  period_millis BIGINT NOT NULL,
  process VARCHAR(200) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  outcome VARCHAR(20),
  PRIMARY KEY (job, period_start)
);
CREATE INDEX platform_job_run_started ON platform_job_run (started_at);
