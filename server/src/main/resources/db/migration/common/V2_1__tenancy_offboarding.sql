-- The scheduled purge looks for organizations discontinued before a cutoff.
CREATE INDEX tenancy_organization_discontinued ON tenancy_organization (status, discontinued_at);
