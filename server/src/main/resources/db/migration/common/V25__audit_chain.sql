-- The audit trail becomes tamper-evident: each organization's records form a hash chain.
-- seq numbers an organization's records 1, 2, 3, ... with no gap (the records with no
-- organization, such as a login before one is chosen, form a chain of their own); prev_hash is
-- the previous record's hash and hash = SHA-256(prev_hash, this record's canonical content)
-- (audit/internal/chain/CanonicalRecord). The SIEM forwarding reads "records of org X after seq N".
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN user_agent VARCHAR(300);
ALTER TABLE audit_event ADD COLUMN outcome VARCHAR(16);

-- Records written before: numbered in the order they happened; their hashes are computed by the
-- server before it appends the next record to their chain (their chain's head has no hash yet).
UPDATE audit_event SET seq = (
  SELECT r.n FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY org_id ORDER BY occurred_at, id) AS n FROM audit_event) r
  WHERE r.id = audit_event.id);
UPDATE audit_event SET outcome = CASE
  WHEN type LIKE '%FAILED' OR type LIKE '%REFUSED' OR type LIKE '%LOCKED' OR type LIKE '%THROTTLED'
       OR type LIKE '%MISUSE' OR type LIKE '%NOT_ALLOWED' THEN 'FAILURE' ELSE 'SUCCESS' END;
ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN outcome SET NOT NULL;
CREATE UNIQUE INDEX audit_event_org_seq ON audit_event (org_id, seq);

-- The head of each chain: appends lock it (SELECT ... FOR UPDATE), so server processes sharing the
-- database append one after another and never fork a chain. chain_id is the organization's id, or
-- the nil UUID for the records with no organization.
CREATE TABLE audit_chain (
  chain_id UUID NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash VARCHAR(64)
);
INSERT INTO audit_chain (chain_id, seq, hash)
  SELECT COALESCE(org_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)), MAX(seq), NULL
  FROM audit_event GROUP BY org_id;

-- Seals: a chain's head (seq and hash) at a moment, with a MAC by the server's key.
CREATE TABLE audit_seal (
  chain_id UUID NOT NULL,
  seq BIGINT NOT NULL,
  hash VARCHAR(64) NOT NULL,
  sealed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  mac VARCHAR(200) NOT NULL,
  PRIMARY KEY (chain_id, seq)
);

-- Where a pruned chain now starts: the seq and hash of the last record pruned, with a MAC.
CREATE TABLE audit_anchor (
  chain_id UUID NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash VARCHAR(64) NOT NULL,
  anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,
  mac VARCHAR(200) NOT NULL
);

-- How long an organization keeps its audit records (default 365 days when it has no row).
CREATE TABLE audit_settings (
  org_id UUID NOT NULL PRIMARY KEY,
  retention_days INT NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by UUID
);
