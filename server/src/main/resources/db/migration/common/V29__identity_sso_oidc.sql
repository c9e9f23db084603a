-- Single sign-on with OpenID Connect, one provider per customer organization.
-- The client secret is sealed (AEAD) bound to the organization and the provider's id; it is never shown again.
CREATE TABLE identity_oidc_provider (
  org_id UUID NOT NULL PRIMARY KEY,
  id UUID NOT NULL,
  preset VARCHAR(20) NOT NULL,
  issuer VARCHAR(500) NOT NULL,
  client_id VARCHAR(255) NOT NULL,
  client_secret_sealed VARCHAR(4000) NOT NULL,
  extra_scopes VARCHAR(500) NOT NULL,
  email_claim VARCHAR(100) NOT NULL,
  name_claim VARCHAR(100) NOT NULL,
  groups_claim VARCHAR(100),
  tenant VARCHAR(255),
  authorization_endpoint VARCHAR(1000) NOT NULL,
  token_endpoint VARCHAR(1000) NOT NULL,
  jwks_uri VARCHAR(1000) NOT NULL,
  discovered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT identity_oidc_provider_id UNIQUE (id)
);

-- E-mail domains whose people an organization's identity provider signs in (home realm discovery).
-- A domain belongs to one organization at most.
CREATE TABLE identity_sso_domain (
  domain VARCHAR(253) NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL
);
CREATE INDEX identity_sso_domain_org ON identity_sso_domain (org_id);

-- How people of an organization may sign in: password allowed, or SSO only; and how many days an
-- SSO-only person's API tokens keep working after their last sign-in through the identity provider.
CREATE TABLE identity_sign_in_policy (
  org_id UUID NOT NULL PRIMARY KEY,
  sso_only BOOLEAN NOT NULL,
  token_days_after_sso INT
);

-- The identity (issuer, subject) bound to an account, created through an organization's provider.
ALTER TABLE identity_external_identity ADD COLUMN protocol VARCHAR(10) DEFAULT 'oidc' NOT NULL;
ALTER TABLE identity_external_identity ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX identity_external_identity_user ON identity_external_identity (user_id);

-- Which sign-in session id (sid) of an issuer belongs to which person, for back-channel logout by sid.
CREATE TABLE identity_sso_session (
  issuer VARCHAR(500) NOT NULL,
  sid VARCHAR(255) NOT NULL,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, sid)
);
CREATE INDEX identity_sso_session_created ON identity_sso_session (created_at);

-- Groups an identity provider manages: membership in them follows the groups asserted at each sign-in.
CREATE TABLE identity_sso_group (
  org_id UUID NOT NULL,
  group_id UUID NOT NULL,
  PRIMARY KEY (org_id, group_id),
  FOREIGN KEY (org_id, group_id) REFERENCES identity_group (org_id, id) ON DELETE CASCADE
);
