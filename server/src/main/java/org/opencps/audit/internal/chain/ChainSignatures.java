package org.opencps.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.stereotype.Component;

/**
 * Signs a chain's head (a seal) and the start of a pruned chain (an anchor) with a MAC under the
 * server's keyed-hash key (HMAC-SHA256, kept in the database wrapped by the master key), so that
 * someone who can write to the database but lacks the master key cannot forge either. Signed is
 * {@code <kind>;<chain>;<seq>;<hash>;<time to the microsecond, UTC>}.
 */
@Component
public class ChainSignatures {

    public static final String SEAL = "seal";
    public static final String ANCHOR = "anchor";

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ServerSecrets secrets;

    ChainSignatures(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    public String sign(String kind, UUID chain, long seq, String hash, Instant at) {
        return secrets.keyedHash("opencps audit chain", kind + ";" + chain + ";" + seq + ";" + hash + ";" + MICROS.format(at));
    }

    public boolean verify(String kind, UUID chain, long seq, String hash, Instant at, String mac) {
        byte[] expected = sign(kind, chain, seq, hash, at).getBytes(StandardCharsets.US_ASCII);
        return mac != null && MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII));
    }
}
