-- Whether an organization requires a second factor (OFF, ADMINS or EVERYONE) and for how many days after
-- required_since people without one are only sent to enrol (afterwards they get no session until they enrol).
-- trust_idp: a sign-in through the organization's identity provider that reports a multi-factor check (an OIDC
-- amr value such as mfa, otp or hwk, or one of idp_mfa_values, space separated, as OIDC acr or SAML
-- AuthnContextClassRef) counts as the second factor; otherwise OpenCPS asks its own.
CREATE TABLE identity_second_factor_policy (
  org_id UUID NOT NULL PRIMARY KEY,
  required_for VARCHAR(10) NOT NULL,
  grace_days INT NOT NULL,
  required_since TIMESTAMP WITH TIME ZONE,
  trust_idp BOOLEAN NOT NULL,
  idp_mfa_values VARCHAR(2100) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The account lockout moves out of identity_password, so that a person without a local password (signing in
-- through an identity provider only) has one for their second-factor guesses too. Passwords and second-factor
-- codes count toward the same run of failures. A row exists for everyone with a password or an authenticator app.
CREATE TABLE identity_lockout (
  user_id UUID NOT NULL PRIMARY KEY REFERENCES identity_user (id) ON DELETE CASCADE,
  failed_attempts INT NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO identity_lockout (user_id, failed_attempts, locked_until)
  SELECT user_id, failed_attempts, locked_until FROM identity_password;
INSERT INTO identity_lockout (user_id, failed_attempts)
  SELECT user_id, 0 FROM identity_totp WHERE user_id NOT IN (SELECT user_id FROM identity_password);
ALTER TABLE identity_password DROP COLUMN failed_attempts;
ALTER TABLE identity_password DROP COLUMN locked_until;
