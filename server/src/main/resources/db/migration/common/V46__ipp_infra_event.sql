-- The events of INFRA printer subscriptions (job-fetchable, for Get-Notifications), shared by every
-- server process: a proxy whose requests move between processes hears each event once, under one
-- sequence number. "announced" is true while the event's job is still fetchable (a job fetchable
-- again later is announced anew). The newest events of a subscription are kept; they go with it.
CREATE TABLE ipp_infra_event (
  org_id UUID NOT NULL,
  device_id UUID NOT NULL,
  subscription_id INT NOT NULL,
  sequence_number INT NOT NULL,
  kind VARCHAR(40) NOT NULL,
  job_number INT NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  announced BOOLEAN NOT NULL,
  PRIMARY KEY (org_id, device_id, subscription_id, sequence_number),
  CONSTRAINT ipp_infra_event_subscription FOREIGN KEY (org_id, device_id, subscription_id)
    REFERENCES ipp_infra_subscription (org_id, device_id, subscription_id) ON DELETE CASCADE
);
