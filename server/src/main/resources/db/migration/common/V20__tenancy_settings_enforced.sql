-- Settings that nothing read are gone: the free-text print policy (the print policies are printing's
-- own settings), scan retention and destinations, and the SSO configuration (scanning and SSO bring
-- their own settings when they are built), and the free-text authentication methods.
ALTER TABLE tenancy_settings DROP COLUMN IF EXISTS print_policy;
ALTER TABLE tenancy_settings DROP COLUMN IF EXISTS scan_retention_hours;
ALTER TABLE tenancy_settings DROP COLUMN IF EXISTS allowed_scan_destinations;
ALTER TABLE tenancy_settings DROP COLUMN IF EXISTS sso_configuration;
ALTER TABLE tenancy_settings DROP COLUMN IF EXISTS authentication_methods;

-- The ways people may log in at printers, now enforced: all three, as every printer allowed so far.
ALTER TABLE tenancy_settings ADD COLUMN device_login_methods VARCHAR(40) DEFAULT 'CARD,PASSWORD,PIN' NOT NULL;

-- The IP allow-list is now enforced, one CIDR network per line, validated when saved. A list saved
-- before was free text that was never checked nor applied: it is cleared rather than enforced
-- unvalidated, which could lock an organization out. Every organization keeps accepting every
-- address, as it did, until an admin saves a list.
UPDATE tenancy_settings SET ip_allow_list = NULL;
