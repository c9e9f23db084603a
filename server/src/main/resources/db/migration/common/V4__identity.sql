CREATE TABLE identity_user (
  id UUID NOT NULL PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  email_verified BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT identity_user_email UNIQUE (email)
);

-- One user, several ways to authenticate: a local password and any number of external identities.
CREATE TABLE identity_password (
  user_id UUID NOT NULL PRIMARY KEY REFERENCES identity_user (id) ON DELETE CASCADE,
  hash VARCHAR(255) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  failed_attempts INT NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);

CREATE TABLE identity_password_history (
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  hash VARCHAR(255) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_password_history_user ON identity_password_history (user_id);

CREATE TABLE identity_external_identity (
  issuer VARCHAR(500) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  org_id UUID NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, subject)
);

CREATE TABLE identity_membership (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX identity_membership_user ON identity_membership (user_id);

CREATE TABLE identity_group (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT identity_group_name UNIQUE (org_id, name)
);

CREATE TABLE identity_group_member (
  org_id UUID NOT NULL,
  group_id UUID NOT NULL,
  user_id UUID NOT NULL,
  PRIMARY KEY (org_id, group_id, user_id),
  FOREIGN KEY (org_id, group_id) REFERENCES identity_group (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES identity_membership (org_id, user_id) ON DELETE CASCADE
);

-- PINs: a keyed hash for lookup and uniqueness, and the PIN sealed (AEAD) so its owner can see it.
CREATE TABLE identity_pin (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  pin_hash VARCHAR(100) NOT NULL,
  pin_sealed VARCHAR(500) NOT NULL,
  generated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id),
  CONSTRAINT identity_pin_unique UNIQUE (org_id, pin_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES identity_membership (org_id, user_id) ON DELETE CASCADE
);

-- ID cards: only a keyed hash of the number is stored.
CREATE TABLE identity_card (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  user_id UUID NOT NULL,
  card_hash VARCHAR(100) NOT NULL,
  label VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT identity_card_unique UNIQUE (org_id, card_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES identity_membership (org_id, user_id) ON DELETE CASCADE
);

CREATE TABLE identity_api_token (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  user_id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  token_hash VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (org_id, id),
  CONSTRAINT identity_api_token_hash UNIQUE (token_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES identity_membership (org_id, user_id) ON DELETE CASCADE
);

CREATE TABLE identity_invitation (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  email VARCHAR(254) NOT NULL,
  roles VARCHAR(2000) NOT NULL,
  token_hash VARCHAR(100) NOT NULL,
  invited_by UUID,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE,
  revoked_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (org_id, id),
  CONSTRAINT identity_invitation_token UNIQUE (token_hash)
);

-- Single-use e-mailed links: address verification and password reset.
CREATE TABLE identity_email_token (
  id UUID NOT NULL PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
  purpose VARCHAR(30) NOT NULL,
  token_hash VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT identity_email_token_hash UNIQUE (token_hash)
);
