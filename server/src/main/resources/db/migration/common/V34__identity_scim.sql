-- SCIM 2.0 provisioning (RFC 7643/7644) per customer organization.

-- The organization's bearer token for its identity provider's provisioning client: only a hash is kept.
CREATE TABLE identity_scim_token (
  org_id UUID NOT NULL PRIMARY KEY,
  token_hash VARCHAR(100) NOT NULL,
  created_by UUID,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT identity_scim_token_hash UNIQUE (token_hash)
);

-- A SCIM User of an organization: an account the provider provisioned there (provisioned = TRUE: created by it, so
-- its first sign-in through the organization's provider binds it) or an existing member it took over the management
-- of. Active users are members; a deactivated one is not and keeps the groups it was in to get them back.
-- attributes holds the resource as the provider sent it, without id, meta and any password.
CREATE TABLE identity_scim_user (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  user_name VARCHAR(254) NOT NULL,
  user_name_key VARCHAR(254) NOT NULL,
  external_id VARCHAR(255),
  display_name VARCHAR(200) NOT NULL,
  active BOOLEAN NOT NULL,
  provisioned BOOLEAN NOT NULL,
  attributes VARCHAR(20000) NOT NULL,
  groups_while_inactive VARCHAR(8000),
  version BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id),
  CONSTRAINT identity_scim_user_name UNIQUE (org_id, user_name_key)
);
CREATE INDEX identity_scim_user_user ON identity_scim_user (user_id);

-- A group of the organization that its provider manages through SCIM.
CREATE TABLE identity_scim_group (
  org_id UUID NOT NULL,
  group_id UUID NOT NULL,
  external_id VARCHAR(255),
  version BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, group_id),
  FOREIGN KEY (org_id, group_id) REFERENCES identity_group (org_id, id) ON DELETE CASCADE
);
