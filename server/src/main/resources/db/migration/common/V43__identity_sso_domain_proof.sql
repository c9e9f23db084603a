-- Proof of e-mail domain ownership. An organization claims a domain and proves it with a DNS TXT record
-- "opencps-verification=<token>" at the domain or at _opencps.<domain>, the token being the organization's own.
-- Only a verified domain drives home realm discovery and creates accounts at the first SSO sign-in.
CREATE TABLE identity_domain_token (
  org_id UUID NOT NULL PRIMARY KEY,
  token VARCHAR(64) NOT NULL
);

-- verified_domain equals domain while the claim is verified, else NULL: its unique constraint lets one
-- organization at most hold a domain verified, however many claim it.
-- missing_since: when a check first failed to find the record of a verified domain (the grace period runs from it).
CREATE TABLE identity_domain_claim (
  org_id UUID NOT NULL,
  domain VARCHAR(253) NOT NULL,
  verified_domain VARCHAR(253),
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  verified_at TIMESTAMP WITH TIME ZONE,
  checked_at TIMESTAMP WITH TIME ZONE,
  missing_since TIMESTAMP WITH TIME ZONE,
  last_result VARCHAR(20),
  PRIMARY KEY (org_id, domain),
  CONSTRAINT identity_domain_claim_verified UNIQUE (verified_domain)
);
CREATE INDEX identity_domain_claim_checked ON identity_domain_claim (checked_at);

-- The domains providers named before this version become claims waiting for their proof.
INSERT INTO identity_domain_claim (org_id, domain, claimed_at)
SELECT org_id, domain, CURRENT_TIMESTAMP FROM identity_sso_domain;
