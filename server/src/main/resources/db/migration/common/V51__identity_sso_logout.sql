-- OpenCPS-initiated logout at the identity provider.
-- The OpenID Connect provider's end_session_endpoint (RP-Initiated Logout 1.0), from its discovery document; null
-- when the provider names none (then OpenCPS signs out locally only). Providers saved before this change learn
-- theirs at the daily rediscovery.
ALTER TABLE identity_oidc_provider ADD COLUMN end_session_endpoint VARCHAR(1000);

-- Sign-outs OpenCPS sent to an identity provider and not yet got back from: a SAML LogoutRequest (id = its ID, the
-- IdP's LogoutResponse must answer it: InResponseTo) or an OpenID Connect end-session redirect (id = SHA-256 of its
-- state, which the post-logout landing must bring back). Each answered once, within minutes; in the database so that
-- any server process can take the answer.
CREATE TABLE identity_sso_logout (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  protocol VARCHAR(10) NOT NULL,
  provider_id UUID NOT NULL,
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_sso_logout_expires ON identity_sso_logout (expires_at);
CREATE INDEX identity_sso_logout_org ON identity_sso_logout (org_id);
