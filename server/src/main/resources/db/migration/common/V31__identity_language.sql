-- The language a person chose for the portal and their e-mails. No row: their browser's language
-- on pages, English in e-mails.
CREATE TABLE identity_language (
  user_id UUID NOT NULL PRIMARY KEY REFERENCES identity_user (id) ON DELETE CASCADE,
  language VARCHAR(8) NOT NULL
);
