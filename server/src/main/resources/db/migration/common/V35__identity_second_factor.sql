-- A person's authenticator app (TOTP): the shared secret sealed with the server's key, bound to the person;
-- confirmed_at stays NULL until a first code proved the app has it. last_used_step is the 30-second step of
-- the last code accepted: a code of that step or an earlier one is refused, on every server process.
CREATE TABLE identity_totp (
  user_id UUID NOT NULL PRIMARY KEY REFERENCES identity_user (id) ON DELETE CASCADE,
  secret_sealed VARCHAR(512) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at TIMESTAMP WITH TIME ZONE,
  last_used_step BIGINT
);

-- Single-use recovery codes, as keyed hashes; used_at marks one used.
CREATE TABLE identity_recovery_code (
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  code_hash VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (user_id, code_hash)
);
