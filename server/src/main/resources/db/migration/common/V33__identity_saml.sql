-- Single sign-on with SAML 2.0, one identity provider per customer organization (an organization has either an
-- OpenID Connect or a SAML provider). The IdP's metadata is kept as the admin gave it (or as last fetched from its
-- URL); OpenCPS's own signing and decryption key for the organization is sealed (AEAD) bound to organization and
-- provider id; its certificate goes into the SP metadata the admin pastes into the IdP.
CREATE TABLE identity_saml_provider (
  org_id UUID NOT NULL PRIMARY KEY,
  id UUID NOT NULL,
  idp_entity_id VARCHAR(500) NOT NULL,
  idp_metadata VARCHAR(200000) NOT NULL,
  metadata_url VARCHAR(1000),
  metadata_fetched_at TIMESTAMP WITH TIME ZONE NOT NULL,
  want_assertions_signed BOOLEAN NOT NULL,
  want_response_signed BOOLEAN NOT NULL,
  want_assertions_encrypted BOOLEAN NOT NULL,
  email_attribute VARCHAR(255),
  name_attribute VARCHAR(255),
  groups_attribute VARCHAR(255),
  sp_certificate VARCHAR(8000) NOT NULL,
  sp_key_sealed VARCHAR(8000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT identity_saml_provider_id UNIQUE (id)
);

-- The authentication requests OpenCPS sent and not yet got an answer to: a response must answer one of them
-- (InResponseTo), once. In the database so that any server process can receive the answer.
CREATE TABLE identity_saml_request (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  provider_id UUID NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_saml_request_expires ON identity_saml_request (expires_at);

-- Messages an identity provider sent that must be used once only: SAML assertion ids and OpenID Connect logout
-- token ids (jti). Kept until the message expires, shared by every server process.
CREATE TABLE identity_sso_replay (
  kind VARCHAR(20) NOT NULL,
  issuer VARCHAR(500) NOT NULL,
  message_id VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (kind, issuer, message_id)
);
CREATE INDEX identity_sso_replay_expires ON identity_sso_replay (expires_at);
