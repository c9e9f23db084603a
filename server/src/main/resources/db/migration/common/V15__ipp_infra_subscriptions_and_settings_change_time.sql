-- Printer subscriptions of IPP INFRA proxies (RFC 3995, ippget pull delivery), kept so that a
-- proxy's subscription outlives a server restart. subscription_id: the number the proxy names it
-- by, per printer; owner_device_id: the device whose credential created it (the printer itself or
-- its edge agent), the only one that may use it; events: the notify-events, comma-separated;
-- lease_seconds: the lease granted, renewed up to expires_at by Renew-Subscription and by every
-- Get-Notifications; last_sequence: the last notify-sequence-number given out, so that numbers
-- keep rising across restarts (the events themselves are held in memory).
CREATE TABLE ipp_infra_subscription (
  org_id UUID NOT NULL,
  device_id UUID NOT NULL,
  subscription_id INT NOT NULL,
  owner_device_id UUID NOT NULL,
  events VARCHAR(300) NOT NULL,
  lease_seconds INT NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_sequence INT DEFAULT 0 NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, device_id, subscription_id)
);
CREATE INDEX ipp_infra_subscription_owner ON ipp_infra_subscription (org_id, owner_device_id);
CREATE INDEX ipp_infra_subscription_expiry ON ipp_infra_subscription (expires_at);

-- The last subscription number each INFRA printer gave out: numbers are never used twice for a
-- printer, and taking one locks this row, which also orders concurrent subscriptions of the printer
-- so that its cap holds.
CREATE TABLE ipp_infra_printer (
  org_id UUID NOT NULL,
  device_id UUID NOT NULL,
  last_subscription_id INT DEFAULT 0 NOT NULL,
  PRIMARY KEY (org_id, device_id)
);

-- When an organization last changed its print settings: a print queue's printer-config-change-time
-- follows it, so that clients caching a queue's capabilities (the formats it accepts) ask again.
-- Null for settings saved before this column existed.
ALTER TABLE printing_settings ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
