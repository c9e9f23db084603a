package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.IdCard;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ID cards; only a keyed hash of each number is stored. */
@Repository
public class CardStore {

    private final JdbcClient jdbc;

    CardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(IdCard card, String cardHash) {
        jdbc.sql("INSERT INTO identity_card (org_id, id, user_id, card_hash, label, created_at, added_by, confirmed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(card.orgId().value(), card.id(), card.userId().value(), cardHash, card.label(), at(card.createdAt()),
                        card.addedBy().value(), at(card.confirmedAt()))
                .update();
    }

    public List<IdCard> cardsOf(OrgId org, UserId user) {
        return jdbc.sql("SELECT * FROM identity_card WHERE org_id = ? AND user_id = ? ORDER BY created_at")
                .params(org.value(), user.value()).query(CardStore::card).list();
    }

    public boolean hashTaken(OrgId org, String cardHash) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_card WHERE org_id = ? AND card_hash = ?")
                .params(org.value(), cardHash).query(Integer.class).single() > 0;
    }

    /** The card with this number, active or waiting for its owner. */
    public Optional<IdCard> findByHash(OrgId org, String cardHash) {
        return jdbc.sql("SELECT * FROM identity_card WHERE org_id = ? AND card_hash = ?")
                .params(org.value(), cardHash).query(CardStore::card).optional();
    }

    public Optional<IdCard> find(OrgId org, UserId user, UUID id) {
        return jdbc.sql("SELECT * FROM identity_card WHERE org_id = ? AND user_id = ? AND id = ?")
                .params(org.value(), user.value(), id).query(CardStore::card).optional();
    }

    /** Marks the owner's waiting card confirmed; false when it is not theirs or no longer waiting. */
    public boolean confirm(OrgId org, UserId user, UUID id, Instant at) {
        return jdbc.sql("UPDATE identity_card SET confirmed_at = ? WHERE org_id = ? AND user_id = ? AND id = ? AND confirmed_at IS NULL")
                .params(at(at), org.value(), user.value(), id).update() > 0;
    }

    public boolean delete(OrgId org, UserId user, UUID id) {
        return jdbc.sql("DELETE FROM identity_card WHERE org_id = ? AND user_id = ? AND id = ?")
                .params(org.value(), user.value(), id).update() > 0;
    }

    private static IdCard card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new IdCard(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), Rows.userId(rs, "user_id"),
                rs.getString("label"), Rows.instant(rs, "created_at"), Rows.userId(rs, "added_by"),
                Rows.instant(rs, "confirmed_at"));
    }
}
