package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Refusals a person may read carry a {@code problem.} key (issue 20): a new refusal thrown with
 * English text only fails here. The refusals still English-only are listed per file, so the list
 * can only shrink; answers only identity providers read are left out.
 */
class EnglishOnlyRefusalsTest {

    private static final Path SOURCES = Path.of("src/main/java/org/opencps");

    private static final Pattern REFUSAL = Pattern.compile(
            "new (InvalidInputException|ConflictException|ForbiddenException|TooManyRequestsException|UnauthenticatedException"
                    + "|PolicyRefusal|QuotaExceededException)\\(");

    /** The key comes in a variable of the method that throws (its callers name it). */
    private static final Pattern KEY_VARIABLE = Pattern.compile("\\bkey\\b|messageKey\\(\\)");

    private static final Pattern KEY = Pattern.compile("\"(problem\\.[A-Za-z0-9_.]+)\"");

    /**
     * Refusals only an identity provider reads: the answers to its logout requests and back-channel
     * logout tokens go to a machine, never to a person's screen.
     */
    private static final List<String> READ_BY_IDENTITY_PROVIDERS = List.of(
            "identity/internal/sso/BackChannelLogout.java", "identity/SamlSignIns.java");

    /** Refusals still thrown with English text only, per file: lower a count when you convert one. */
    private static final Map<String, Integer> STILL_ENGLISH = new TreeMap<>(Map.of());

    @Test
    void noRefusalIsEnglishOnlyBeyondTheListedOnes() throws IOException {
        Map<String, Integer> englishOnly = new TreeMap<>();
        for (ThrowSite refusal : refusals()) {
            if (refusal.englishOnly() && READ_BY_IDENTITY_PROVIDERS.stream().noneMatch(refusal.file()::startsWith)) {
                englishOnly.merge(refusal.file(), 1, Integer::sum);
            }
        }
        assertThat(englishOnly).as("refusals with English text only (give new ones a problem. key with en/de/ja texts;"
                + " lower the listed count of a file whose refusal you converted)").isEqualTo(STILL_ENGLISH);
    }

    @Test
    void everyKeyARefusalNamesHasItsText() throws IOException {
        Properties english = new Properties();
        try (InputStream in = EnglishOnlyRefusalsTest.class.getResourceAsStream("/messages.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        for (ThrowSite refusal : refusals()) {
            Matcher key = KEY.matcher(refusal.arguments());
            while (key.find()) {
                String name = key.group(1);
                boolean known = name.endsWith(".")
                        ? english.stringPropertyNames().stream().anyMatch(text -> text.startsWith(name))
                        : english.containsKey(name);
                if (!known) {
                    missing.add(refusal.file() + ": " + name);
                }
            }
        }
        assertThat(missing).as("problem keys without a text in messages.properties").isEmpty();
    }

    private record ThrowSite(String file, String arguments) {

        boolean englishOnly() {
            return arguments.contains("\"") && !arguments.contains("\"problem.") && !KEY_VARIABLE.matcher(arguments).find();
        }
    }

    private static List<ThrowSite> refusals() throws IOException {
        List<ThrowSite> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher refusal = REFUSAL.matcher(source);
                while (refusal.find()) {
                    found.add(new ThrowSite(SOURCES.relativize(file).toString().replace('\\', '/'),
                            arguments(source, refusal.end())));
                }
            }
        }
        return found;
    }

    /** The text up to the parenthesis that closes the constructor call, skipping strings and characters. */
    private static String arguments(String source, int start) {
        int depth = 1;
        int at = start;
        while (depth > 0) {
            char c = source.charAt(at);
            if (c == '"' || c == '\'') {
                at++;
                while (source.charAt(at) != c) {
                    at += source.charAt(at) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            at++;
        }
        return source.substring(start, at - 1);
    }
}
