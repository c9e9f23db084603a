package org.opencps.ipp.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Successful Basic verifications, remembered for a minute so that a CUPS queue sending many jobs
 * (a request per Validate-Job, Create-Job, Send-Document and status poll) does not cost an
 * Argon2 hash each time. Why this is safe:
 * <ul>
 *   <li>Only successes are kept. A wrong password is never answered from here, so every failure
 *   still goes through the login: it is counted towards the lockout, rate limited and audited.</li>
 *   <li>The key is an HMAC of the exact user name and password under a random key that lives
 *   only in this process's memory: the cache holds no password, and a changed or mistyped
 *   password can never hit an entry.</li>
 *   <li>An entry lives 60 seconds at most, and is dropped at once when its owner changes their
 *   password or revokes a token (on every server process: see {@link IppAuthenticator}). A lockout
 *   or a removed membership takes effect within that minute at the latest (membership and queue ownership are checked on every request anyway).</li>
 *   <li>It is bounded: at most {@value #MAX_ENTRIES} entries, so it cannot grow without limit.</li>
 * </ul>
 */
final class CredentialCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    /** Whose credentials they were; {@code tokenOrg} is the organization of an API token, null for a password. */
    record Verified(UserId userId, OrgId tokenOrg, String email) {
    }

    private record Entry(Verified verified, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    CredentialCache() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    Optional<Verified> find(BasicCredentials credentials, Instant now) {
        Entry entry = entries.get(keyOf(credentials));
        if (entry == null || !now.isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    void remember(BasicCredentials credentials, Verified verified, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(keyOf(credentials), new Entry(verified, now.plus(TIME_TO_LIVE)));
    }

    void forget(UserId user) {
        entries.values().removeIf(entry -> entry.verified().userId().equals(user));
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private String keyOf(BasicCredentials credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] username = credentials.username().getBytes(StandardCharsets.UTF_8);
            mac.update(java.nio.ByteBuffer.allocate(4).putInt(username.length).array());
            mac.update(username);
            return Base64.getEncoder().encodeToString(mac.doFinal(credentials.password().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
