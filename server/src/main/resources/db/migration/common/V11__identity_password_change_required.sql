-- A password someone else chose (the bootstrap administrator's, from the environment) must be
-- changed at the first portal login.
ALTER TABLE identity_password ADD COLUMN change_required BOOLEAN DEFAULT FALSE NOT NULL;
