package org.opencps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets the test suite used (passwords, PINs, card numbers, tokens, device credentials,
 * print-queue secrets, activation codes), remembered in the file named by the system property
 * {@code opencps.suite-secrets} (one Base64 line each), so that {@code SuiteLogSecretsCheck} can
 * look for them in the log file the suite's servers wrote. Without that property (a test run by
 * hand) nothing is remembered.
 */
public final class SuiteSecrets {

    /** Shorter values are too likely to appear in a log line by chance (a six-digit PIN is the shortest secret). */
    static final int MIN_LENGTH = 6;

    /**
     * A plain lower-case word ("password", "weakpass") is a test's example of a password the policy
     * refuses, and an ordinary word in log lines; every secret the server issues or accepts has
     * digits, capitals or symbols.
     */
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]+");

    /** JSON members and form fields whose values are secrets, in requests and answers alike. */
    private static final Pattern SECRET_MEMBER = Pattern.compile(
            "\"(password|newPassword|currentPassword|confirmPassword|adminPassword|pin|cardNumber|secret|credential|token|code"
                    + "|clientSecret|secretUri)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Set<String> SECRET_FIELDS = Set.of("password", "newPassword", "currentPassword", "confirmPassword",
            "adminPassword", "pin", "cardNumber", "secret", "credential", "token", "code", "clientSecret");

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private SuiteSecrets() {
    }

    /** Remembers every secret member of a JSON text. */
    public static void rememberFromJson(String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        Matcher member = SECRET_MEMBER.matcher(json);
        while (member.find()) {
            remember(member.group(2));
        }
    }

    /** Remembers the secret an {@code Authorization} header carries: a bearer token, or a Basic password. */
    public static void rememberAuthorization(String header) {
        if (header == null) {
            return;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            remember(header.substring(7).strip());
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                remember(colon < 0 ? pair : pair.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                remember(header.substring(6).strip());
            }
        }
    }

    public static void remember(String secret) {
        Path file = file();
        if (file == null || secret == null || secret.strip().length() < MIN_LENGTH || PLAIN_WORD.matcher(secret).matches()
                || !SEEN.add(secret)) {
            return;
        }
        String line = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)) + "\n";
        synchronized (SuiteSecrets.class) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remember a secret in " + file, e);
            }
        }
    }

    static Path file() {
        String name = System.getProperty("opencps.suite-secrets");
        return name == null || name.isBlank() ? null : Path.of(name);
    }
}
