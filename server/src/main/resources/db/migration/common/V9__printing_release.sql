-- Release at a device. While a job is RELEASED (and once COMPLETED) it records where it went, when,
-- the ticket it was released with (policy and the person's overrides applied) and the pages its
-- quotas were charged; a COMPLETED job also records the pages the device reported it printed.
ALTER TABLE printing_job ADD COLUMN device_id UUID;
ALTER TABLE printing_job ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE printing_job ADD COLUMN release_copies INT;
ALTER TABLE printing_job ADD COLUMN release_color_mode VARCHAR(20);
ALTER TABLE printing_job ADD COLUMN release_sides VARCHAR(30);
ALTER TABLE printing_job ADD COLUMN charged_pages INT;
ALTER TABLE printing_job ADD COLUMN reported_pages INT;
ALTER TABLE printing_job ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX printing_job_device ON printing_job (org_id, device_id, state);
CREATE INDEX printing_job_released ON printing_job (state, released_at);

-- Policies. allowed_formats: comma-separated DocumentFormat names, null = every format.
ALTER TABLE printing_settings ADD COLUMN force_monochrome BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE printing_settings ADD COLUMN force_duplex BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE printing_settings ADD COLUMN max_pages_per_job INT;
ALTER TABLE printing_settings ADD COLUMN allowed_formats VARCHAR(200);

-- Monthly page quotas of a user (scope USER) or a group pool shared by its members (scope GROUP);
-- a null limit is unlimited.
CREATE TABLE printing_quota (
  org_id UUID NOT NULL,
  scope VARCHAR(10) NOT NULL,
  scope_id UUID NOT NULL,
  color_limit INT,
  monochrome_limit INT,
  PRIMARY KEY (org_id, scope, scope_id)
);

-- Pages charged per user and per group in a calendar month (UTC), period = year * 100 + month.
-- Kept whether or not a quota is set, so a quota set mid-month counts the month's pages.
CREATE TABLE printing_quota_usage (
  org_id UUID NOT NULL,
  scope VARCHAR(10) NOT NULL,
  scope_id UUID NOT NULL,
  period INT NOT NULL,
  color_used INT DEFAULT 0 NOT NULL,
  monochrome_used INT DEFAULT 0 NOT NULL,
  PRIMARY KEY (org_id, scope, scope_id, period)
);

-- What a released job charged, counter by counter, so a failure or timeout returns exactly that.
CREATE TABLE printing_quota_charge (
  org_id UUID NOT NULL,
  job_id UUID NOT NULL,
  scope VARCHAR(10) NOT NULL,
  scope_id UUID NOT NULL,
  period INT NOT NULL,
  color BOOLEAN NOT NULL,
  pages INT NOT NULL,
  PRIMARY KEY (org_id, job_id, scope, scope_id)
);

-- One row per completed job: counted pages (pages x copies) beside what the device reported.
CREATE TABLE printing_usage (
  org_id UUID NOT NULL,
  job_id UUID NOT NULL,
  user_id UUID NOT NULL,
  device_id UUID NOT NULL,
  printed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  printed_day DATE NOT NULL,
  copies INT NOT NULL,
  color BOOLEAN NOT NULL,
  counted_pages INT NOT NULL,
  reported_pages INT NOT NULL,
  color_pages INT NOT NULL,
  monochrome_pages INT NOT NULL,
  duplex BOOLEAN NOT NULL,
  PRIMARY KEY (org_id, job_id)
);
CREATE INDEX printing_usage_day ON printing_usage (org_id, printed_day);
CREATE INDEX printing_usage_user ON printing_usage (org_id, user_id, printed_at);
