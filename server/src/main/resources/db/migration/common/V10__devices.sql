-- Devices: printers and edge agents registered to a customer organization. A printer an agent
-- stands in for has agent_id set. The credential is stored only as a SHA-256 of its 256 random
-- bits; it is null once the device is unregistered. pin_failures / pin_locked_until guard PIN and
-- card logins at the device.
CREATE TABLE devices_device (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  kind VARCHAR(10) NOT NULL,
  agent_id UUID,
  name VARCHAR(100) NOT NULL,
  location VARCHAR(200),
  group_id UUID,
  model VARCHAR(100),
  serial_number VARCHAR(100),
  host_name VARCHAR(253),
  ip_address VARCHAR(45),
  uri VARCHAR(500),
  state VARCHAR(15) NOT NULL,
  credential_hash VARCHAR(64),
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  unregistered_at TIMESTAMP WITH TIME ZONE,
  credential_rotated_at TIMESTAMP WITH TIME ZONE,
  pin_failures INT NOT NULL,
  pin_locked_until TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (org_id, id),
  CONSTRAINT devices_device_credential UNIQUE (credential_hash)
);
CREATE INDEX devices_device_agent ON devices_device (org_id, agent_id);

CREATE TABLE devices_group (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT devices_group_name UNIQUE (org_id, name)
);

-- Single-use activation codes, stored as a SHA-256 of the code (80 random bits).
CREATE TABLE devices_activation_code (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  note VARCHAR(100),
  created_by UUID NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  used_by_device UUID,
  revoked_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (org_id, id),
  CONSTRAINT devices_activation_code_hash UNIQUE (code_hash)
);

-- The latest heartbeat of each device. Security values are null when the device did not report them.
CREATE TABLE devices_heartbeat (
  org_id UUID NOT NULL,
  device_id UUID NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status VARCHAR(10) NOT NULL,
  status_message VARCHAR(500),
  total_pages BIGINT,
  color_pages BIGINT,
  monochrome_pages BIGINT,
  admin_password_changed BOOLEAN,
  storage_encryption BOOLEAN,
  data_overwrite BOOLEAN,
  firmware_verification BOOLEAN,
  tls_only BOOLEAN,
  PRIMARY KEY (org_id, device_id)
);

-- One row per organization that has devices: its desired security baseline. Registrations lock
-- this row, so two at once cannot both take the last device of the license.
CREATE TABLE devices_org (
  org_id UUID NOT NULL PRIMARY KEY,
  admin_password_changed BOOLEAN NOT NULL,
  storage_encryption BOOLEAN NOT NULL,
  data_overwrite BOOLEAN NOT NULL,
  firmware_verification BOOLEAN NOT NULL,
  tls_only BOOLEAN NOT NULL
);

-- A person logged in at a device: the token is stored as a SHA-256; bound to the device. Logout
-- deletes the row; rows past the absolute lifetime are deleted by the next login at the device.
CREATE TABLE devices_session (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  device_id UUID NOT NULL,
  user_id UUID NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  method VARCHAR(10) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT devices_session_token UNIQUE (token_hash)
);
CREATE INDEX devices_session_device ON devices_session (org_id, device_id);
