-- A person's passkeys (WebAuthn credentials). credential_id is the authenticator's id (base64url) and unique across
-- all people: a passkey belongs to one person, whatever organizations they are in. The public key, the attestation
-- object and the client data of the registration are kept (base64url) to verify later assertions; nothing here is a
-- secret. signature_count and last_used_at change with each use.
CREATE TABLE identity_passkey (
  id UUID NOT NULL PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  credential_id VARCHAR(1400) NOT NULL UNIQUE,
  name VARCHAR(100) NOT NULL,
  public_key_cose VARCHAR(2000) NOT NULL,
  signature_count BIGINT NOT NULL,
  uv_initialized BOOLEAN NOT NULL,
  backup_eligible BOOLEAN NOT NULL,
  backup_state BOOLEAN NOT NULL,
  transports VARCHAR(200) NOT NULL,
  attestation_object VARCHAR(16000) NOT NULL,
  client_data_json VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX identity_passkey_user ON identity_passkey (user_id);
