-- Several organizations may name one e-mail domain for their provider; the one that proved it signs its people in.
ALTER TABLE identity_sso_domain DROP PRIMARY KEY;
ALTER TABLE identity_sso_domain ADD PRIMARY KEY (org_id, domain);
CREATE INDEX identity_sso_domain_domain ON identity_sso_domain (domain);
