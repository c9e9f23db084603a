-- Scanning. An organization's scan settings: one row per organization that changed the defaults.
-- allowed_kinds lists destination kinds (comma separated); retention and sizes as given.
CREATE TABLE scanning_settings (
  org_id UUID NOT NULL PRIMARY KEY,
  allowed_kinds VARCHAR(200) NOT NULL,
  direct_email_allowed BOOLEAN NOT NULL,
  retention_hours INT NOT NULL,
  max_scan_bytes BIGINT NOT NULL,
  attachment_limit_bytes BIGINT NOT NULL,
  box_direct BOOLEAN NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A scan and its delivery. document_id is null once the document is deleted (retention, the owner).
-- The delivery worker claims a due row by setting claimed_until (a lease), so several processes
-- never deliver the same scan at once; destination holds the address, cloud service or workflow
-- name the person chose (never a password).
CREATE TABLE scanning_scan (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  owner_id UUID NOT NULL,
  device_id UUID,
  kind VARCHAR(20) NOT NULL,
  destination VARCHAR(320),
  workflow_id UUID,
  workflow_name VARCHAR(100),
  file_name VARCHAR(255) NOT NULL,
  format VARCHAR(10) NOT NULL,
  size BIGINT NOT NULL,
  pages INT NOT NULL,
  document_id UUID,
  state VARCHAR(20) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  claimed_until TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(500),
  remote_id VARCHAR(500),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX scanning_scan_owner ON scanning_scan (org_id, owner_id, created_at);
CREATE INDEX scanning_scan_due ON scanning_scan (state, next_attempt_at);
CREATE INDEX scanning_scan_expiry ON scanning_scan (expires_at);
CREATE INDEX scanning_scan_document ON scanning_scan (org_id, document_id);

-- The address book: named e-mail addresses customer admins keep for the organization.
CREATE TABLE scanning_address (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(320) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX scanning_address_name ON scanning_address (org_id, name);

-- Scan workflows: a named destination with options, shared with everyone or with groups. A workflow
-- to the address book names its entry; a password for encrypted PDFs is kept sealed (never shown).
CREATE TABLE scanning_workflow (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  address_name VARCHAR(100),
  formats VARCHAR(40) NOT NULL,
  color VARCHAR(20) NOT NULL,
  resolution INT NOT NULL,
  duplex BOOLEAN NOT NULL,
  file_name_pattern VARCHAR(200) NOT NULL,
  sealed_password VARCHAR(1000),
  everyone BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX scanning_workflow_name ON scanning_workflow (org_id, name);

CREATE TABLE scanning_workflow_group (
  org_id UUID NOT NULL,
  workflow_id UUID NOT NULL,
  group_id UUID NOT NULL,
  PRIMARY KEY (org_id, workflow_id, group_id)
);

-- A person's favourite workflows (only ones shared with them are shown).
CREATE TABLE scanning_favourite (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  workflow_id UUID NOT NULL,
  PRIMARY KEY (org_id, user_id, workflow_id)
);
