package org.opencps.platform.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.testing.MutableClock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ProofOfWorkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "0123456789abcdef0123456789abcdef-test-key";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ProofOfWork pow = new ProofOfWork(clock, "", Duration.ofMinutes(10), 100_000);

    /** What the ALTCHA widget does: find the number by brute force, send the solution as base64 JSON. */
    private static Map<String, Object> solve(ProofOfWork.Challenge challenge) throws Exception {
        Altcha.Solution found = Altcha.solveChallenge(challenge.challenge(), challenge.salt(),
                Altcha.Algorithm.fromString(challenge.algorithm()), challenge.maxnumber(), 0);
        assertThat(found).as("solvable within maxnumber").isNotNull();
        Map<String, Object> solution = new LinkedHashMap<>();
        solution.put("algorithm", challenge.algorithm());
        solution.put("challenge", challenge.challenge());
        solution.put("number", found.number);
        solution.put("salt", challenge.salt());
        solution.put("signature", challenge.signature());
        solution.put("took", found.took);
        return solution;
    }

    private static String encode(Object solution) {
        String json = solution instanceof String s ? s : JSON.writeValueAsString(solution);
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String solved(ProofOfWork pow) throws Exception {
        return encode(solve(pow.newChallenge()));
    }

    private static void assertRefused(Runnable verify, String because) {
        assertThatThrownBy(verify::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("altcha");
            assertThat(e.getMessage()).contains(because);
        });
    }

    @Test
    void challengeHasWhatTheWidgetExpects() {
        ProofOfWork.Challenge challenge = pow.newChallenge();
        Map<String, Object> json = JSON.readValue(JSON.writeValueAsString(challenge), new TypeReference<>() { });

        assertThat(json.keySet()).containsExactlyInAnyOrder("algorithm", "challenge", "maxnumber", "salt", "signature");
        assertThat(challenge.algorithm()).isEqualTo("SHA-256");
        assertThat(challenge.maxnumber()).isEqualTo(100_000);
        assertThat(challenge.challenge()).matches("[0-9a-f]{64}");
        assertThat(challenge.signature()).matches("[0-9a-f]{64}");
        long expires = clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
        assertThat(challenge.salt()).endsWith("?expires=" + expires + "&");
        assertThat(pow.newChallenge().salt()).isNotEqualTo(challenge.salt());
    }

    @Test
    void solvedChallengeIsAcceptedOnce() throws Exception {
        String payload = solved(pow);

        assertThatCode(() -> pow.verify(payload)).doesNotThrowAnyException();
        assertRefused(() -> pow.verify(payload), "already used");
        assertThatCode(() -> pow.verify(solved(pow))).as("a new challenge still works").doesNotThrowAnyException();
    }

    @Test
    void expiresAfterTheConfiguredTime() throws Exception {
        String atLimit = solved(pow);
        String pastLimit = solved(pow);
        clock.advance(Duration.ofMinutes(10));
        assertThatCode(() -> pow.verify(atLimit)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> pow.verify(pastLimit), "expired");

        var shortLived = new ProofOfWork(clock, "", Duration.ofSeconds(30), 1_000);
        String payload = solved(shortLived);
        clock.advance(Duration.ofSeconds(31));
        assertRefused(() -> shortLived.verify(payload), "expired");
    }

    @Test
    void tamperedSolutionsAreWrong() throws Exception {
        Map<String, Object> solution = solve(pow.newChallenge());
        String signature = (String) solution.get("signature");

        var badSignature = new LinkedHashMap<>(solution);
        badSignature.put("signature", (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1));
        assertRefused(() -> pow.verify(encode(badSignature)), "wrong");

        var badNumber = new LinkedHashMap<>(solution);
        badNumber.put("number", ((Integer) solution.get("number")) + 1);
        assertRefused(() -> pow.verify(encode(badNumber)), "wrong");

        var laterExpiry = new LinkedHashMap<>(solution);
        laterExpiry.put("salt", ((String) solution.get("salt")).replaceFirst("expires=\\d+", "expires=9999999999"));
        assertRefused(() -> pow.verify(encode(laterExpiry)), "wrong");

        var otherAlgorithm = new LinkedHashMap<>(solution);
        otherAlgorithm.put("algorithm", "SHA-1");
        assertRefused(() -> pow.verify(encode(otherAlgorithm)), "wrong");

        assertThatCode(() -> pow.verify(encode(solution))).as("the untampered one").doesNotThrowAnyException();
    }

    @Test
    void challengeSignedWithAnotherKeyIsWrong() throws Exception {
        // Each process without a configured key makes its own; with the same key they accept each other's.
        var other = new ProofOfWork(clock, "", Duration.ofMinutes(10), 100_000);
        assertRefused(() -> pow.verify(sneaky(() -> solved(other))), "wrong");

        var first = new ProofOfWork(clock, KEY, Duration.ofMinutes(10), 100_000);
        var second = new ProofOfWork(clock, KEY, Duration.ofMinutes(10), 100_000);
        assertThatCode(() -> second.verify(solved(first))).doesNotThrowAnyException();
    }

    @Test
    void missingSolutionIsRefused() {
        assertRefused(() -> pow.verify(null), "missing");
        assertRefused(() -> pow.verify(""), "missing");
        assertRefused(() -> pow.verify("   "), "missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%%", "aGVsbG8=", "e30=", "WzEsMl0=", "bnVsbA==", "e30"})
    void garbageIsMalformed(String payload) {
        assertRefused(() -> pow.verify(payload), "malformed");
    }

    @Test
    void incompleteOrMistypedJsonIsMalformed() throws Exception {
        Map<String, Object> solution = solve(pow.newChallenge());
        for (String field : new String[] {"algorithm", "challenge", "number", "salt", "signature"}) {
            var without = new LinkedHashMap<>(solution);
            without.remove(field);
            assertRefused(() -> pow.verify(encode(without)), "malformed");
        }
        var numberAsText = new LinkedHashMap<>(solution);
        numberAsText.put("number", String.valueOf(solution.get("number")));
        assertRefused(() -> pow.verify(encode(numberAsText)), "malformed");

        var fractional = new LinkedHashMap<>(solution);
        fractional.put("number", 1.5);
        assertRefused(() -> pow.verify(encode(fractional)), "malformed");

        var saltAsNumber = new LinkedHashMap<>(solution);
        saltAsNumber.put("salt", 12);
        assertRefused(() -> pow.verify(encode(saltAsNumber)), "malformed");

        assertRefused(() -> pow.verify(encode("{\"number\": 99999999999999999999999}")), "malformed");
        assertRefused(() -> pow.verify("A".repeat(10_000)), "malformed");
    }

    @Test
    void usedChallengesAreRememberedWithinABound() throws Exception {
        var small = new ProofOfWork(clock, "", Duration.ofMinutes(10), 1_000, 2);
        small.verify(solved(small));
        small.verify(solved(small));
        String third = solved(small);
        assertThatThrownBy(() -> small.verify(third)).isInstanceOf(TooManyRequestsException.class);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThatCode(() -> small.verify(solved(small))).as("expired entries are forgotten").doesNotThrowAnyException();
    }

    @Test
    void badSettingsStopStartup() {
        assertThatThrownBy(() -> new ProofOfWork(clock, "short", Duration.ofMinutes(10), 100_000))
                .hasMessageContaining("hmac-key");
        assertThatThrownBy(() -> new ProofOfWork(clock, "", Duration.ZERO, 100_000))
                .hasMessageContaining("expiry");
        assertThatThrownBy(() -> new ProofOfWork(clock, "", Duration.ofMinutes(10), 0))
                .hasMessageContaining("max-number");
    }

    private interface Sneaky {
        String get() throws Exception;
    }

    private static String sneaky(Sneaky s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
