-- Google Workspace import: the organization's connection to its Workspace directory (a refresh token for the Admin
-- SDK Directory API, read-only scopes, sealed), what to import (all users or chosen groups), the import jobs, and
-- which Google user each imported account is.
CREATE TABLE identity_google_directory (
  org_id UUID NOT NULL PRIMARY KEY,
  refresh_token_sealed VARCHAR(4000) NOT NULL,
  connected_by UUID,
  connected_at TIMESTAMP WITH TIME ZONE NOT NULL,
  all_users BOOLEAN NOT NULL,
  group_keys VARCHAR(4000) NOT NULL
);

-- A connection begun in a browser: the state (hashed) and the PKCE verifier (sealed), for 10 minutes.
CREATE TABLE identity_google_connect (
  state_hash VARCHAR(100) NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  verifier_sealed VARCHAR(1000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- state: QUEUED, RUNNING, DONE, FAILED. A process takes a QUEUED job by updating its state (one wins).
CREATE TABLE identity_google_import (
  id UUID NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  requested_by UUID,
  state VARCHAR(10) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  users_total INT NOT NULL DEFAULT 0,
  users_done INT NOT NULL DEFAULT 0,
  users_created INT NOT NULL DEFAULT 0,
  users_updated INT NOT NULL DEFAULT 0,
  users_skipped INT NOT NULL DEFAULT 0,
  users_gone INT NOT NULL DEFAULT 0,
  failure VARCHAR(1000)
);
CREATE INDEX identity_google_import_state ON identity_google_import (state);
CREATE INDEX identity_google_import_org ON identity_google_import (org_id, requested_at);

-- gone_since: when an import found the Google user suspended or no longer there; the admin confirms the deactivation.
CREATE TABLE identity_google_user (
  org_id UUID NOT NULL,
  google_id VARCHAR(64) NOT NULL,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  email VARCHAR(254) NOT NULL,
  gone_since TIMESTAMP WITH TIME ZONE,
  gone_reason VARCHAR(20),
  PRIMARY KEY (org_id, google_id)
);
CREATE INDEX identity_google_user_user ON identity_google_user (org_id, user_id);
