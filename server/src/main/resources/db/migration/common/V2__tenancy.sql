CREATE TABLE tenancy_organization (
  id UUID NOT NULL PRIMARY KEY,
  parent_id UUID REFERENCES tenancy_organization (id),
  kind VARCHAR(20) NOT NULL,
  name VARCHAR(200) NOT NULL,
  -- ids from the root down to this organization, '/'-separated, for ancestor checks and subtree walks
  path VARCHAR(2000) NOT NULL,
  status VARCHAR(20) NOT NULL,
  discontinued_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT tenancy_organization_sibling_name UNIQUE (parent_id, name)
);
CREATE INDEX tenancy_organization_path ON tenancy_organization (path);

CREATE TABLE tenancy_license (
  org_id UUID NOT NULL PRIMARY KEY REFERENCES tenancy_organization (id),
  device_limit INT NOT NULL,
  plan VARCHAR(60) NOT NULL,
  term_start DATE NOT NULL,
  term_end DATE NOT NULL
);

CREATE TABLE tenancy_settings (
  org_id UUID NOT NULL PRIMARY KEY REFERENCES tenancy_organization (id),
  idle_logout_minutes INT NOT NULL,
  job_retention_hours INT NOT NULL,
  scan_retention_hours INT NOT NULL,
  print_policy VARCHAR(4000),
  allowed_scan_destinations VARCHAR(1000),
  ip_allow_list VARCHAR(4000),
  authentication_methods VARCHAR(400),
  sso_configuration VARCHAR(4000)
);

CREATE TABLE tenancy_region_link (
  org_id UUID NOT NULL REFERENCES tenancy_organization (id),
  region VARCHAR(40) NOT NULL,
  eula_url VARCHAR(1000),
  privacy_url VARCHAR(1000),
  downloads_url VARCHAR(1000),
  PRIMARY KEY (org_id, region)
);
