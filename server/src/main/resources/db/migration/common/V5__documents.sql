-- One Tink streaming-AEAD keyset per organization, wrapped by the master key (associated data: the
-- organization id). Rotation adds a primary key; older keys stay to read older documents. Deleting
-- the row makes every document of the organization unreadable (crypto-shredding).
CREATE TABLE documents_keyset (
  org_id UUID NOT NULL PRIMARY KEY,
  wrapped_keyset VARCHAR(200000) NOT NULL,
  primary_key_id BIGINT NOT NULL,
  key_count INT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  rotated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX documents_keyset_rotated ON documents_keyset (rotated_at);
