-- A rotation of OpenCPS's own SAML key pair for one provider, while it is in transition: the new key pair is
-- published in the SP metadata next to the old one (in identity_saml_provider, which keeps signing so that IdPs that
-- have not loaded the new metadata yet keep accepting OpenCPS's requests), and both decrypt. When the old key is
-- retired (by the admin, or at old_key_retires_at) the new one replaces it and this row goes.
CREATE TABLE identity_saml_sp_key_rotation (
  provider_id UUID NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  new_certificate VARCHAR(8000) NOT NULL,
  new_key_sealed VARCHAR(8000) NOT NULL,
  rotated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  old_key_retires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT identity_saml_sp_key_rotation_provider FOREIGN KEY (provider_id) REFERENCES identity_saml_provider (id) ON DELETE CASCADE
);
