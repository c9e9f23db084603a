-- An organization's own SIEM (besides the deployment's): syslog over TLS (RFC 5425) to a receiver
-- whose certificate chains to, or is, one of the PEM certificates given. Its delivery cursor is the
-- row (target 'organization', org_key = org_id) of audit_siem_cursor. The sender keeps the delivery
-- state here: the last delivery, the last error (a code the portal translates) and, after failures,
-- when it tries again (backoff).
CREATE TABLE audit_siem_org_target (
  org_id UUID NOT NULL PRIMARY KEY,
  host VARCHAR(253) NOT NULL,
  port INT NOT NULL,
  format VARCHAR(8) NOT NULL,
  trusted_certificates TEXT NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by UUID,
  failures INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  last_delivered_at TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(40),
  last_error_at TIMESTAMP WITH TIME ZONE
);
