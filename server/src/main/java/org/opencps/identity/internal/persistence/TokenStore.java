package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.ApiToken;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, stored as SHA-256 of a 256-bit random secret. */
@Repository
public class TokenStore {

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken token, String tokenHash) {
        jdbc.sql("""
                        INSERT INTO identity_api_token (org_id, id, user_id, name, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.orgId().value(), token.id(), token.userId().value(), token.name(), tokenHash,
                        at(token.createdAt()), at(token.expiresAt()))
                .update();
    }

    public List<ApiToken> tokensOf(OrgId org, UserId user) {
        return jdbc.sql("SELECT * FROM identity_api_token WHERE org_id = ? AND user_id = ? ORDER BY created_at DESC")
                .params(org.value(), user.value()).query(TokenStore::token).list();
    }

    /** Looks a presented secret up by its hash: the one place a token is found without its organization. */
    public Optional<ApiToken> findByHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM identity_api_token WHERE token_hash = ?").param(tokenHash)
                .query(TokenStore::token).optional();
    }

    public boolean revoke(OrgId org, UserId user, UUID id, Instant now) {
        return jdbc.sql("UPDATE identity_api_token SET revoked_at = ? WHERE org_id = ? AND user_id = ? AND id = ? AND revoked_at IS NULL")
                .params(at(now), org.value(), user.value(), id).update() > 0;
    }

    public void touch(OrgId org, UUID id, Instant now) {
        jdbc.sql("UPDATE identity_api_token SET last_used_at = ? WHERE org_id = ? AND id = ?")
                .params(at(now), org.value(), id).update();
    }

    private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiToken(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), Rows.userId(rs, "user_id"),
                rs.getString("name"), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "revoked_at"), Rows.instant(rs, "last_used_at"));
    }
}
