package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opencps.identity.internal.credentials.PasswordPolicy;

/**
 * The refusals' texts (keys under {@code problem.}) are message formats in every language: a
 * stray apostrophe or a broken choice would only show when someone is refused; and every password
 * rule has its sentence.
 */
class ProblemMessagesTest {

    private static final Map<String, Locale> FILES = Map.of("messages.properties", Locale.ENGLISH,
            "messages_de.properties", Locale.GERMAN, "messages_ja.properties", Locale.JAPANESE);

    @Test
    void everyProblemTextWithArgumentsIsAValidMessageFormatInEveryLanguage() throws IOException {
        for (var file : FILES.entrySet()) {
            Properties messages = bundle(file.getKey());
            long problems = messages.stringPropertyNames().stream().filter(key -> key.startsWith("problem.")).count();
            assertThat(problems).as(file.getKey()).isGreaterThan(50);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (key.startsWith("problem.") && text.contains("{")) {
                    assertThatCode(() -> new MessageFormat(text, file.getValue()).format(new Object[] {2, 3}))
                            .as(file.getKey() + " " + key).doesNotThrowAnyException();
                    assertThat(text).as(file.getKey() + " " + key + ": an apostrophe hides the arguments")
                            .doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyPasswordRuleHasItsSentence() throws IOException {
        for (String file : FILES.keySet()) {
            Properties messages = bundle(file);
            for (PasswordPolicy.Violation violation : PasswordPolicy.Violation.values()) {
                assertThat(messages.getProperty("problem.password." + violation.name())).as(file + " " + violation).isNotBlank();
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
