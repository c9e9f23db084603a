package org.opencps.platform.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.altcha.altcha.Altcha.Algorithm;
import org.altcha.altcha.Altcha.ChallengeOptions;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.internal.cluster.InProcessUsedChallenges;
import org.opencps.platform.internal.cluster.UsedChallenges;
import org.opencps.platform.secrets.ServerSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A proof-of-work CAPTCHA that needs no third-party service (ALTCHA): the server hands out a
 * signed challenge, the browser's ALTCHA widget finds the secret number by brute force, and the
 * form sends the base64-encoded solution in the field {@value #FIELD}. A solution is accepted
 * once, before its challenge expires.
 *
 * <p>The library's own verification is not used: it reads expiry from the system clock (ours is
 * the injected {@link Clock}) and compares the signature with {@code String.equals}, which leaks
 * timing. Its challenge creation and hash functions are.
 */
@Component
public final class ProofOfWork {

    /** What the ALTCHA widget fetches from its {@code challengeurl}, serialized as JSON as is. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    public static final String FIELD = "altcha";

    private static final Algorithm ALGORITHM = Algorithm.SHA256;
    private static final int MAX_PAYLOAD_CHARS = 4096;
    private static final int MIN_KEY_CHARS = 32;
    private static final String KEY_PURPOSE = "captcha";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final String hmacKey;
    private final Duration expiry;
    private final long maxNumber;
    private final UsedChallenges used;

    /**
     * Without {@code opencps.captcha.hmac-key} the key is derived from the server's keyed hash
     * ({@link ServerSecrets}: a keyset in the database, wrapped by the master key), so every process
     * on one database signs and checks challenges with the same key and none needs the setting. The
     * solutions already used are kept where every process sees them ({@link UsedChallenges}).
     */
    @Autowired
    public ProofOfWork(Clock clock,
            @Value("${opencps.captcha.hmac-key:}") String hmacKey,
            @Value("${opencps.captcha.expiry:10m}") Duration expiry,
            @Value("${opencps.captcha.max-number:100000}") long maxNumber,
            UsedChallenges used,
            ServerSecrets secrets) {
        this(clock, configuredOr(hmacKey, () -> secrets.keyedHash(KEY_PURPOSE, "altcha challenge signing key")), expiry, maxNumber, used);
    }

    private ProofOfWork(Clock clock, String hmacKey, Duration expiry, long maxNumber, UsedChallenges used) {
        if (hmacKey.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException(
                    "opencps.captcha.hmac-key must be at least " + MIN_KEY_CHARS + " characters long");
        }
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("opencps.captcha.expiry must be at least one second");
        }
        if (maxNumber < 1 || maxNumber > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("opencps.captcha.max-number must be between 1 and " + Integer.MAX_VALUE);
        }
        this.clock = clock;
        this.hmacKey = hmacKey;
        this.expiry = expiry;
        this.maxNumber = maxNumber;
        this.used = used;
    }

    private static String configuredOr(String configured, java.util.function.Supplier<String> derived) {
        return configured == null || configured.isBlank() ? derived.get() : configured.strip();
    }

    ProofOfWork(Clock clock, String hmacKey, Duration expiry, long maxNumber) {
        this(clock, hmacKey, expiry, maxNumber, InProcessUsedChallenges.DEFAULT_MAX_REMEMBERED);
    }

    /** For tests of one process: a blank key is a random one. */
    ProofOfWork(Clock clock, String hmacKey, Duration expiry, long maxNumber, int maxRemembered) {
        this(clock, configuredOr(hmacKey, ProofOfWork::randomKey), expiry, maxNumber, new InProcessUsedChallenges(maxRemembered));
    }

    /** A new challenge, valid for {@code opencps.captcha.expiry} from now. */
    public Challenge newChallenge() {
        long expires = clock.instant().plus(expiry).getEpochSecond();
        try {
            Altcha.Challenge c = Altcha.createChallenge(new ChallengeOptions()
                    .setAlgorithm(ALGORITHM)
                    .setMaxNumber(maxNumber)
                    .setSecureRandomNumber(true)
                    .setHmacKey(hmacKey)
                    .setExpires(expires));
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a CAPTCHA challenge", e);
        }
    }

    /**
     * Accepts the widget's solution (base64-encoded JSON) once; throws 422 on the field
     * {@value #FIELD} when it is missing, malformed, wrong, expired or already used.
     */
    public void verify(String payload) {
        if (payload == null || payload.isBlank()) {
            throw invalid("The CAPTCHA solution is missing: solve the CAPTCHA and send the form again.");
        }
        Solution solution = parse(payload.strip());
        long now = clock.instant().getEpochSecond();
        if (!ALGORITHM.getName().equals(solution.algorithm()) || !authentic(solution)) {
            throw invalid("The CAPTCHA solution is wrong: solve a new CAPTCHA.");
        }
        long expires = expiresOf(solution);
        if (now > expires) {
            throw invalid("The CAPTCHA has expired: solve a new CAPTCHA.");
        }
        remember(solution.challenge(), expires, now);
    }

    private record Solution(String algorithm, String challenge, long number, String salt, String signature) {
    }

    private static Solution parse(String payload) {
        try {
            if (payload.length() > MAX_PAYLOAD_CHARS) {
                throw new IllegalArgumentException("too long");
            }
            JsonNode json = JSON.readTree(Base64.getDecoder().decode(payload));
            JsonNode number = json.get("number");
            if (!json.isObject() || number == null || !number.isIntegralNumber() || !number.canConvertToLong()) {
                throw new IllegalArgumentException("no number");
            }
            return new Solution(text(json, "algorithm"), text(json, "challenge"), number.longValue(),
                    text(json, "salt"), text(json, "signature"));
        } catch (RuntimeException e) {
            throw invalid("The CAPTCHA solution is malformed: "
                    + "expected the base64-encoded JSON solution of the ALTCHA widget.");
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isString() || node.stringValue().isEmpty()) {
            throw new IllegalArgumentException("no " + name);
        }
        return node.stringValue();
    }

    /** The challenge is the hash of salt and number, and the signature is our HMAC of the challenge. */
    private boolean authentic(Solution s) {
        try {
            String challenge = Altcha.hashHex(ALGORITHM, s.salt() + s.number());
            String signature = Altcha.hmacHex(ALGORITHM, s.challenge().getBytes(StandardCharsets.UTF_8), hmacKey);
            boolean challengeMatches = equal(challenge, s.challenge());
            boolean signatureMatches = equal(signature, s.signature());
            return challengeMatches && signatureMatches;
        } catch (Exception e) {
            throw new IllegalStateException("cannot check a CAPTCHA solution", e);
        }
    }

    // Only called on an authentic solution, whose salt (with its expiry) we made.
    private static long expiresOf(Solution s) {
        try {
            return Long.parseLong(Altcha.extractParams(s.salt()).get("expires"));
        } catch (Exception e) {
            throw invalid("The CAPTCHA solution is wrong: solve a new CAPTCHA.");
        }
    }

    private void remember(String challenge, long expires, long now) {
        if (!used.markUsed(challenge, expires, now)) {
            throw invalid("This CAPTCHA solution was already used: solve a new CAPTCHA.");
        }
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
