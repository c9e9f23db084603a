-- SIEM forwarding: the audit records themselves are the outbox; this table keeps, per SIEM target and
-- organization, the last record delivered (the nil UUID stands for records of no organization).
-- A record counts as delivered once the target took it; the cursor moves only then.
CREATE TABLE audit_siem_cursor (
  target VARCHAR(60) NOT NULL,
  org_key UUID NOT NULL,
  last_record_id UUID NOT NULL,
  delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (target, org_key)
);
