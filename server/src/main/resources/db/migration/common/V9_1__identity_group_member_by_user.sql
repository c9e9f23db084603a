-- A person's groups are looked up at every release (their quotas).
CREATE INDEX identity_group_member_user ON identity_group_member (org_id, user_id);
