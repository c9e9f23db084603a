package org.opencps.identity.internal.passkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.opencps.identity.internal.persistence.SsoReplayStore;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Component;

/**
 * The challenges of passwordless sign-ins. A visitor on the login page has no session, and asking for options must
 * not create one (anyone could fill the session table), so the challenge carries its own proof: a random nonce, when
 * it was issued, and the server's keyed hash of both. The answer brings it back inside its signed client data; it is
 * accepted once (its nonce is recorded as used, on every server process) and for 5 minutes.
 */
@Component
public class SignInChallenges {

    private static final String PURPOSE = "passkey-sign-in";

    private final ServerSecrets secrets;
    private final SsoReplayStore used;
    private final Clock clock;

    SignInChallenges(ServerSecrets secrets, SsoReplayStore used, Clock clock) {
        this.secrets = secrets;
        this.used = used;
        this.clock = clock;
    }

    public Bytes issue() {
        String nonce = Bytes.random().toBase64UrlString();
        String content = nonce + "." + clock.instant().getEpochSecond();
        return new Bytes((content + "." + secrets.keyedHash(PURPOSE, content)).getBytes(StandardCharsets.UTF_8));
    }

    /** The challenge, if this server issued it less than 5 minutes ago and it was not used before (now it is). */
    public Optional<Bytes> redeem(Bytes challenge) {
        String[] parts = new String(challenge.getBytes(), StandardCharsets.UTF_8).split("\\.");
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String content = parts[0] + "." + parts[1];
        byte[] expected = secrets.keyedHash(PURPOSE, content).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        Instant now = clock.instant();
        Instant expires = issued.plus(RelyingParty.TIMEOUT);
        if (!expires.isAfter(now) || issued.isAfter(now.plusSeconds(60))
                || !used.firstUse("passkey", PURPOSE, parts[0], expires, now)) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }
}
