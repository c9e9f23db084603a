-- One row per scan received (scanning's ScanReceived event): a redelivered event is counted once,
-- and the roll-ups' scanned pages can be built again when the organization's time zone changes.
-- Only who, where, when and how many pages: nothing of the document, its name or destination.
CREATE TABLE reporting_scan (
  org_id UUID NOT NULL,
  scan_id UUID NOT NULL,
  user_id UUID NOT NULL,
  device_id UUID NOT NULL,
  device_group_id UUID,
  scanned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  pages INTEGER NOT NULL,
  PRIMARY KEY (org_id, scan_id)
);
CREATE INDEX reporting_scan_at ON reporting_scan (org_id, scanned_at);
CREATE TABLE reporting_scan_group (
  org_id UUID NOT NULL,
  scan_id UUID NOT NULL,
  group_id UUID NOT NULL,
  PRIMARY KEY (org_id, scan_id, group_id)
);
