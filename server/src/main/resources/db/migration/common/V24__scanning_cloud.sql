-- Cloud storage accounts people link through OAuth2: only the tokens are kept, sealed with the
-- organization's key (the columns hold ciphertext, never a token's text).
CREATE TABLE scanning_cloud_account (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  service VARCHAR(20) NOT NULL,
  sealed_access_token VARCHAR(8000) NOT NULL,
  sealed_refresh_token VARCHAR(8000),
  access_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the SharePoint site's drive the person's scans go to (null for the other services)
  drive_id VARCHAR(300),
  linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id, service)
);

-- A link begun and not finished: the state sent to the provider (its keyed hash) and the PKCE
-- verifier (sealed), consumed once when the provider redirects back.
CREATE TABLE scanning_cloud_link (
  state_hash VARCHAR(100) NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  service VARCHAR(20) NOT NULL,
  sealed_verifier VARCHAR(2000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scanning_cloud_link_user ON scanning_cloud_link (org_id, user_id);

-- An upload session begun for one delivery, so that a later attempt resumes it rather than
-- starting over: the session's URL (or Box's session id) and the offset the service confirmed.
CREATE TABLE scanning_cloud_upload (
  delivery_key VARCHAR(200) NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  service VARCHAR(20) NOT NULL,
  session_url VARCHAR(4000),
  confirmed_offset BIGINT NOT NULL,
  failed_attempts INT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scanning_cloud_upload_org ON scanning_cloud_upload (org_id, user_id);

-- An organization's own OAuth client at a provider (GOOGLE, MICROSOFT, BOX), replacing the
-- deployment's; its secret sealed with the organization's key.
CREATE TABLE scanning_cloud_client (
  org_id UUID NOT NULL,
  provider VARCHAR(20) NOT NULL,
  client_id VARCHAR(500) NOT NULL,
  sealed_client_secret VARCHAR(2000) NOT NULL,
  PRIMARY KEY (org_id, provider)
);
