-- The second level of the usage roll-up: the same figures as reporting_daily, summed per
-- organization, dimension, subject and calendar month in the organization's time zone (local_month
-- is the month's first day). A report reads a whole month inside one of its periods from here and
-- only the days of partly covered months from reporting_daily, so a month's report by person reads
-- one row per person instead of one per person and day. Kept in the same transaction as the daily
-- row it sums (RollupStore.add) and built again from the daily rows by RollupStore.monthsFromDays.
CREATE TABLE reporting_monthly (
  org_id UUID NOT NULL,
  dimension VARCHAR(12) NOT NULL,
  local_month DATE NOT NULL,
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
  PRIMARY KEY (org_id, dimension, local_month, subject_id)
);

-- What the daily roll-up holds so far (its days are already in each organization's time zone).
INSERT INTO reporting_monthly
SELECT org_id, dimension, CAST(DATE_TRUNC('MONTH', local_day) AS DATE), subject_id, SUM(jobs), SUM(counted_pages),
       SUM(reported_pages), SUM(color_pages), SUM(monochrome_pages), SUM(simplex_pages), SUM(duplex_pages), SUM(sheets),
       SUM(scanned_pages), SUM(refused_over_quota), SUM(refused_by_policy)
FROM reporting_daily
GROUP BY org_id, dimension, CAST(DATE_TRUNC('MONTH', local_day) AS DATE), subject_id;
