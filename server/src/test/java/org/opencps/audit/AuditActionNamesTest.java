package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencps.identity.GroupChanged;
import org.opencps.identity.SecondFactorChanged;
import org.opencps.scanning.CloudAccountChanged;

/**
 * The audit page names every action in the reader's language: each action the audit module records (the upper-case
 * names in its sources, and those it builds from a prefix and an event's kind of change) has an
 * {@code audit.action.} text in English, German and Japanese.
 */
class AuditActionNamesTest {

    private static final Path AUDIT_SOURCES = Path.of("src/main/java/org/opencps/audit");
    private static final Pattern NAME = Pattern.compile("\"([A-Z][A-Z_]{3,})\"");

    /** Upper-case words in the audit sources that are not actions: outcomes, reasons, SIEM formats and schemes. */
    private static final Set<String> NOT_ACTIONS = Set.of("DENIED", "FAIL", "FAILED", "FAILURE", "HTTPS", "LEEF", "LOCK", "LOCKED",
            "MISUSE", "NOT_ALLOWED", "REFUSED", "SUCCESS", "THROTTLED");

    /** Actions named by a prefix and the kind of change of the event recorded. */
    private static final Map<String, List<String>> BUILT = Map.of(
            "SECOND_FACTOR_", names(SecondFactorChanged.Change.values()),
            "GROUP_", names(GroupChanged.Change.values()),
            "CLOUD_ACCOUNT_", names(CloudAccountChanged.Change.values()));

    @Test
    void everyRecordedActionHasANameInEveryLanguage() throws IOException {
        Set<String> actions = actions();
        assertThat(actions).as("the actions found in the audit sources").contains("LOGIN_FAILED", "SECOND_FACTOR_TOTP_ENROLLED",
                "CLOUD_ACCOUNT_LINKED", "AUDIT_TRAIL_EXPORTED");
        for (String file : List.of("messages.properties", "messages_de.properties", "messages_ja.properties")) {
            Properties texts = load(file);
            List<String> unnamed = actions.stream().filter(action -> !texts.containsKey("audit.action." + action)).toList();
            assertThat(unnamed).as("actions without an audit.action. text in %s (name them, or list a word that is"
                    + " no action in NOT_ACTIONS)", file).isEmpty();
        }
    }

    private static Set<String> actions() throws IOException {
        Set<String> actions = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(AUDIT_SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher name = NAME.matcher(Files.readString(source));
            while (name.find()) {
                String found = name.group(1);
                if (BUILT.containsKey(found)) {
                    BUILT.get(found).forEach(change -> actions.add(found + change));
                } else if (!NOT_ACTIONS.contains(found)) {
                    actions.add(found);
                }
            }
        }
        return actions;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        Arrays.stream(values).forEach(value -> names.add(value.name()));
        return names;
    }

    private static Properties load(String file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = AuditActionNamesTest.class.getResourceAsStream("/" + file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
