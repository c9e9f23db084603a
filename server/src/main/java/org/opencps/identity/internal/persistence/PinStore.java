package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Optional;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Device-login PINs: a keyed hash (lookup, uniqueness per organization) and the sealed PIN. */
@Repository
public class PinStore {

    private final JdbcClient jdbc;

    PinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PinRow> find(OrgId org, UserId user) {
        return jdbc.sql("SELECT pin_sealed, generated_at FROM identity_pin WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value())
                .query((rs, i) -> new PinRow(rs.getString("pin_sealed"), Rows.instant(rs, "generated_at")))
                .optional();
    }

    public Optional<UserId> findUser(OrgId org, String pinHash) {
        return jdbc.sql("SELECT user_id FROM identity_pin WHERE org_id = ? AND pin_hash = ?")
                .params(org.value(), pinHash).query((rs, i) -> Rows.userId(rs, "user_id")).optional();
    }

    /** Stores the PIN; false when another member of the organization already has it. */
    public boolean save(OrgId org, UserId user, String pinHash, String sealed, Instant generatedAt) {
        try {
            jdbc.sql("DELETE FROM identity_pin WHERE org_id = ? AND user_id = ?").params(org.value(), user.value()).update();
            jdbc.sql("INSERT INTO identity_pin (org_id, user_id, pin_hash, pin_sealed, generated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(org.value(), user.value(), pinHash, sealed, at(generatedAt)).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public record PinRow(String sealed, Instant generatedAt) {
    }
}
