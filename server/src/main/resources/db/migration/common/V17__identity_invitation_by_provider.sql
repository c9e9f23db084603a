-- An invitation sent by the provider above the organization appoints its admins: accepting it is
-- allowed only while the organization still has no admin (PRODUCT.md §2), so the invitation says so.
ALTER TABLE identity_invitation ADD COLUMN by_provider BOOLEAN DEFAULT FALSE NOT NULL;

-- Pending invitations sent by someone who is no member of the organization came from its provider.
UPDATE identity_invitation SET by_provider = TRUE
WHERE accepted_at IS NULL AND revoked_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM identity_membership m
                  WHERE m.org_id = identity_invitation.org_id AND m.user_id = identity_invitation.invited_by);
