-- The time zone an organization's reports count days, weeks and months in (IANA id).
ALTER TABLE tenancy_settings ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;

-- Sheets of paper a printed job took (two-sided: half its pages, rounded up), and the device
-- group its printer was in when it printed.
ALTER TABLE reporting_usage ADD COLUMN sheets INT DEFAULT 0 NOT NULL;
ALTER TABLE reporting_usage ADD COLUMN device_group_id UUID;
UPDATE reporting_usage SET sheets = CASE WHEN duplex THEN (reported_pages + 1) / 2 ELSE reported_pages END;

-- The groups the person was in when the job printed: the by-group report counts it for each.
CREATE TABLE reporting_usage_group (
  org_id UUID NOT NULL,
  job_id UUID NOT NULL,
  group_id UUID NOT NULL,
  PRIMARY KEY (org_id, job_id, group_id)
);

-- Releases printing refused: over a quota, or against a print policy. One row per event.
CREATE TABLE reporting_refusal (
  org_id UUID NOT NULL,
  event_id UUID NOT NULL,
  user_id UUID NOT NULL,
  device_id UUID NOT NULL,
  device_group_id UUID,
  refused_at TIMESTAMP WITH TIME ZONE NOT NULL,
  reason VARCHAR(16) NOT NULL,
  PRIMARY KEY (org_id, event_id)
);
CREATE TABLE reporting_refusal_group (
  org_id UUID NOT NULL,
  event_id UUID NOT NULL,
  group_id UUID NOT NULL,
  PRIMARY KEY (org_id, event_id, group_id)
);

-- The roll-up every usage report reads: one row per organization, dimension (ORGANIZATION,
-- PERSON, GROUP, DEVICE, DEVICE_GROUP), subject (the organization, person, group or device) and
-- day in the organization's time zone. Kept up to date by the listeners of printing's events, so
-- a report costs the size of its answer, not of the history.
CREATE TABLE reporting_daily (
  org_id UUID NOT NULL,
  dimension VARCHAR(12) NOT NULL,
  local_day DATE NOT NULL,
  subject_id UUID NOT NULL,
  jobs BIGINT NOT NULL,
  counted_pages BIGINT NOT NULL,
  reported_pages BIGINT NOT NULL,
  color_pages BIGINT NOT NULL,
  monochrome_pages BIGINT NOT NULL,
  simplex_pages BIGINT NOT NULL,
  duplex_pages BIGINT NOT NULL,
  sheets BIGINT NOT NULL,
  scanned_pages BIGINT NOT NULL,
  refused_over_quota BIGINT NOT NULL,
  refused_by_policy BIGINT NOT NULL,
  PRIMARY KEY (org_id, dimension, local_day, subject_id)
);

-- What was recorded so far, in UTC (every organization's zone until now).
INSERT INTO reporting_daily
SELECT org_id, 'ORGANIZATION', printed_day, org_id, COUNT(*), SUM(counted_pages), SUM(reported_pages), SUM(color_pages),
       SUM(monochrome_pages), SUM(CASE WHEN duplex THEN 0 ELSE reported_pages END),
       SUM(CASE WHEN duplex THEN reported_pages ELSE 0 END), SUM(sheets), 0, 0, 0
FROM reporting_usage GROUP BY org_id, printed_day;
INSERT INTO reporting_daily
SELECT org_id, 'PERSON', printed_day, user_id, COUNT(*), SUM(counted_pages), SUM(reported_pages), SUM(color_pages),
       SUM(monochrome_pages), SUM(CASE WHEN duplex THEN 0 ELSE reported_pages END),
       SUM(CASE WHEN duplex THEN reported_pages ELSE 0 END), SUM(sheets), 0, 0, 0
FROM reporting_usage GROUP BY org_id, printed_day, user_id;
INSERT INTO reporting_daily
SELECT org_id, 'DEVICE', printed_day, device_id, COUNT(*), SUM(counted_pages), SUM(reported_pages), SUM(color_pages),
       SUM(monochrome_pages), SUM(CASE WHEN duplex THEN 0 ELSE reported_pages END),
       SUM(CASE WHEN duplex THEN reported_pages ELSE 0 END), SUM(sheets), 0, 0, 0
FROM reporting_usage GROUP BY org_id, printed_day, device_id;

-- The factors environmental figures are computed from, where an organization set its own.
CREATE TABLE reporting_environment_factors (
  org_id UUID NOT NULL PRIMARY KEY,
  grams_co2_per_sheet DECIMAL(10, 3) NOT NULL,
  litres_water_per_sheet DECIMAL(10, 3) NOT NULL,
  watt_hours_per_sheet DECIMAL(10, 3) NOT NULL,
  grams_co2_per_color_page DECIMAL(10, 3) NOT NULL,
  grams_co2_per_monochrome_page DECIMAL(10, 3) NOT NULL
);
