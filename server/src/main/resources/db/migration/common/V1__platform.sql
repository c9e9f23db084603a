-- ShedLock: one process runs each scheduled job.
CREATE TABLE shedlock (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by VARCHAR(255) NOT NULL
);

-- A minimal audit trail of security events; the full, tamper-evident trail builds on it.
CREATE TABLE audit_event (
  id UUID NOT NULL PRIMARY KEY,
  org_id UUID,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  type VARCHAR(60) NOT NULL,
  actor_user_id UUID,
  subject VARCHAR(300),
  detail VARCHAR(2000),
  source_ip VARCHAR(64)
);
CREATE INDEX audit_event_org ON audit_event (org_id, occurred_at);

-- Server-wide Tink keysets (keyed hashing, sealing small secrets), each wrapped by the master key.
CREATE TABLE platform_keyset (
  name VARCHAR(60) NOT NULL PRIMARY KEY,
  wrapped_keyset VARCHAR(8000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
