package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-outs OpenCPS sent to an identity provider and awaits the answer to: a SAML LogoutRequest's id, or the hash
 * of an OpenID Connect end-session state. Shared by every server process; each is answered once, before it expires.
 */
@Repository
public class SsoLogoutStore {

    private final JdbcClient jdbc;

    SsoLogoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose sign-out a pending entry is. */
    public record Pending(OrgId org, UserId user) {
    }

    public void sent(String id, String protocol, UUID providerId, OrgId org, UserId user, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM identity_sso_logout WHERE expires_at < ?").param(at(now)).update();
        jdbc.sql("INSERT INTO identity_sso_logout (id, protocol, provider_id, org_id, user_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, protocol, providerId, org.value(), user.value(), at(expiresAt)).update();
    }

    /**
     * The pending sign-out {@code id} of this protocol and provider, now answered (removed); empty when there is none
     * (another provider's, expired, answered before, or never sent). Of two processes answering at once, one gets it.
     */
    public Optional<Pending> answer(String id, String protocol, UUID providerId, Instant now) {
        var pending = jdbc.sql("""
                        SELECT org_id, user_id FROM identity_sso_logout
                        WHERE id = ? AND protocol = ? AND provider_id = ? AND expires_at >= ?""")
                .params(id, protocol, providerId, at(now))
                .query((rs, n) -> new Pending(Rows.orgId(rs, "org_id"), Rows.userId(rs, "user_id"))).optional();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        int taken = jdbc.sql("DELETE FROM identity_sso_logout WHERE id = ? AND protocol = ? AND provider_id = ?")
                .params(id, protocol, providerId).update();
        return taken == 1 ? pending : Optional.empty();
    }
}
