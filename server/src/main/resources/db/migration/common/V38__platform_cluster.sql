-- What several server processes on one PostgreSQL share besides their rows (issue 19). On H2 the
-- one process keeps these in memory and the tables stay empty.

-- Token buckets of the rate limits and failure budgets, one row per key (a SHA-256 of it: the keys
-- hold source addresses and e-mail addresses). Times are epoch milliseconds of the servers' clock;
-- a row whose bucket is full again (rested_millis passed) means the same as no row and is deleted.
CREATE TABLE platform_rate_budget (
  budget_key VARCHAR(64) NOT NULL PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  capacity INTEGER NOT NULL,
  refill_millis BIGINT NOT NULL,
  updated_millis BIGINT NOT NULL,
  rested_millis BIGINT NOT NULL
);
CREATE INDEX platform_rate_budget_rested ON platform_rate_budget (rested_millis);

-- Proof-of-work (CAPTCHA) challenges already solved, each kept until it expires.
CREATE TABLE platform_used_challenge (
  challenge VARCHAR(128) NOT NULL PRIMARY KEY,
  expires_epoch_second BIGINT NOT NULL
);
CREATE INDEX platform_used_challenge_expiry ON platform_used_challenge (expires_epoch_second);
