package org.opencps.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * No secret the test suite used appears in any line its servers logged. Run by Maven after the
 * whole suite ({@code verify}, surefire execution {@code log-secrets} in server/pom.xml): the
 * suite's run writes every server log line to {@code logging.file.name} and every secret its
 * MockMvc calls sent or got back to {@code opencps.suite-secrets} (see testing.SecretCapture);
 * both names carry the build's timestamp, so this reads the files of this build only. It fails
 * when either file is missing or empty: a check that saw no logs proves nothing.
 */
class SuiteLogSecretsCheck {

    /** The one secret logged on purpose: the first start's one-time setup link, for the operator (FirstStart). */
    private static final Pattern SETUP_LINK = Pattern.compile("/setup\\?token=setup_[A-Za-z0-9_-]+|\"token\": \"setup_[A-Za-z0-9_-]+\"");

    @Test
    void noSecretTheSuiteUsedIsInItsLogs() throws IOException {
        Path log = Path.of(required("logging.file.name"));
        Path secretsFile = Path.of(required("opencps.suite-secrets"));
        List<String> secrets = Files.readAllLines(secretsFile).stream().filter(line -> !line.isBlank())
                .map(line -> new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8)).toList();
        List<String> lines = logLines(log);
        assertThat(secrets).as("the secrets the suite used (" + secretsFile + ")").hasSizeGreaterThan(10);
        assertThat(lines).as("the suite's log lines (" + log + ")").hasSizeGreaterThan(100);

        List<String> leaks = new ArrayList<>();
        List<Pattern> patterns = secrets.stream().map(SuiteLogSecretsCheck::standingAlone).toList();
        for (String line : lines) {
            String checked = SETUP_LINK.matcher(line).replaceAll("(setup link)");
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(checked).find()) {
                    leaks.add("secret " + mask(secrets.get(i)) + " in: " + line);
                }
            }
        }
        assertThat(leaks).as("log lines that contain a secret the tests used").isEmpty();
    }

    /** The secret, not as a part of a longer word or number (a PIN inside a timestamp is no leak). */
    static Pattern standingAlone(String secret) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])");
    }

    private static String mask(String secret) {
        return secret.substring(0, 2) + "…(" + secret.length() + " characters)";
    }

    /** The log file and what the logging system rolled over from it (gzipped archives next to it). */
    private static List<String> logLines(Path log) throws IOException {
        List<String> lines = new ArrayList<>();
        String name = log.getFileName().toString();
        try (Stream<Path> files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name)).sorted().toList()) {
                if (file.toString().endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                    }
                } else {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        return lines;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property " + property + " (set by server/pom.xml for the suite)").isNotBlank();
        return value;
    }
}
