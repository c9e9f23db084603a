-- PRODUCT.md §2: registering a card on someone else's account must not give the registrar a way
-- to log in as them. A card added by anyone but its owner waits (confirmed_at NULL) until the
-- owner confirms it; a waiting card still holds its number for uniqueness but logs nobody in.
ALTER TABLE identity_card ADD COLUMN added_by UUID;
ALTER TABLE identity_card ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;

-- Cards from before this change: the table never recorded who added them, the audit trail did
-- (CARD_REGISTERED, its actor, "card <id>"). This one-time read of audit_event is the only place
-- that knows, so it is read here rather than across modules at run time. A card the trail shows
-- was added by another person waits for its owner like a new one: it may be the very hole this
-- closes. Every other card (added by its owner, or its record already purged) stays usable.
UPDATE identity_card SET added_by = user_id, confirmed_at = created_at;

UPDATE identity_card SET
  added_by = (SELECT a.actor_user_id FROM audit_event a
              WHERE a.type = 'CARD_REGISTERED' AND a.org_id = identity_card.org_id
                AND a.detail = 'card ' || CAST(identity_card.id AS VARCHAR(36))
                AND a.actor_user_id <> identity_card.user_id
              FETCH FIRST 1 ROWS ONLY),
  confirmed_at = NULL
WHERE EXISTS (SELECT 1 FROM audit_event a
              WHERE a.type = 'CARD_REGISTERED' AND a.org_id = identity_card.org_id
                AND a.detail = 'card ' || CAST(identity_card.id AS VARCHAR(36))
                AND a.actor_user_id <> identity_card.user_id);

ALTER TABLE identity_card ALTER COLUMN added_by SET NOT NULL;
