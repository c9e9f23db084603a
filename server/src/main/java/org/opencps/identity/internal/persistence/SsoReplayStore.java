package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What makes an identity provider's message usable once, across every server process sharing the database: the
 * SAML authentication requests still awaiting their answer, and the ids of assertions and logout tokens already
 * used, each kept until it expires. Not to be called inside a transaction: a refused insert would abort a
 * PostgreSQL transaction.
 */
@Repository
public class SsoReplayStore {

    private final JdbcClient jdbc;

    SsoReplayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a message id as used. False when it was used before (a replay); the row stays until {@code expiresAt}.
     */
    public boolean firstUse(String kind, String issuer, String messageId, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM identity_sso_replay WHERE expires_at < ?").param(at(now)).update();
        try {
            jdbc.sql("INSERT INTO identity_sso_replay (kind, issuer, message_id, expires_at) VALUES (?, ?, ?, ?)")
                    .params(kind, issuer, messageId, at(expiresAt)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** A request sent by the browser whose binding value hashes to {@code browserHash}. */
    public void requestSent(String requestId, UUID providerId, String browserHash, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM identity_saml_request WHERE expires_at < ?").param(at(now)).update();
        jdbc.sql("INSERT INTO identity_saml_request (id, provider_id, browser_hash, expires_at) VALUES (?, ?, ?, ?)")
                .params(requestId, providerId, browserHash, at(expiresAt)).update();
    }

    /**
     * Whether this provider's answer, brought by the browser whose binding value hashes to {@code browserHash}, answers
     * a request that browser sent and that was not yet answered; it is answered from now on. An answer brought by
     * another browser leaves the request pending for its own browser.
     */
    public boolean answer(String requestId, UUID providerId, String browserHash, Instant now) {
        return jdbc.sql("DELETE FROM identity_saml_request WHERE id = ? AND provider_id = ? AND browser_hash = ? AND expires_at >= ?")
                .params(requestId, providerId, browserHash, at(now)).update() == 1;
    }
}
