package org.opencps.identity.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.MISSING;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.NO_DIGIT;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.NO_LOWER_CASE;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.NO_SYMBOL;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.NO_UPPER_CASE;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.ONE_CHARACTER_REPEATED;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.OTHER_CHARACTER;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.TOO_LONG;
import static org.opencps.identity.internal.credentials.PasswordPolicy.Violation.TOO_SHORT;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencps.platform.errors.InvalidInputException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    /** A valid password of exactly {@code length} characters (length >= 4). */
    private static String ofLength(int length) {
        return "Aa1!" + "b".repeat(length - 4);
    }

    @Test
    void lengthAtAndAroundTheLimits() {
        assertThat(policy.violations(ofLength(7))).containsExactly(TOO_SHORT);
        assertThat(policy.violations(ofLength(8))).isEmpty();
        assertThat(policy.violations(ofLength(9))).isEmpty();
        assertThat(policy.violations(ofLength(63))).isEmpty();
        assertThat(policy.violations(ofLength(64))).isEmpty();
        assertThat(policy.violations(ofLength(65))).containsExactly(TOO_LONG);
    }

    @Test
    void eachMissingClassAlone() {
        assertThat(policy.violations("Abcdefg!")).containsExactly(NO_DIGIT);
        assertThat(policy.violations("abcdef1!")).containsExactly(NO_UPPER_CASE);
        assertThat(policy.violations("ABCDEF1!")).containsExactly(NO_LOWER_CASE);
        assertThat(policy.violations("Abcdefg1")).containsExactly(NO_SYMBOL);
    }

    @Test
    void symbolSetIsExactlyTheAsciiPunctuation() {
        String expected = IntStream.rangeClosed(0x21, 0x7e)
                .filter(c -> !Character.isLetterOrDigit(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertThat(PasswordPolicy.SYMBOLS).hasSize(32).isEqualTo(expected);
    }

    @Test
    void everySymbolIsAcceptedAsTheOnlySymbol() {
        for (char symbol : PasswordPolicy.SYMBOLS.toCharArray()) {
            assertThat(policy.violations("Abcdef1" + symbol)).as("symbol %s", symbol).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abc def1!", "Abcdüf1!", "Abcdéf1!", "Abcパdef1!", "Abc\uD83D\uDE00def1!", "Abc\tdef1!",
            "Abc\ndef1!", "Abc\u0000def1!", "Abc\u00a0def1!", "Abcdef1!\u007f", "AＡbcdef1!", "Abcdef1１!"})
    void otherCharactersAreRefused(String password) {
        assertThat(policy.violations(password)).containsExactly(OTHER_CHARACTER);
    }

    @Test
    void otherCharactersDoNotCountForAClass() {
        // A full-width digit and an accented capital are not "a digit" or "an upper-case English letter".
        assertThat(policy.violations("Éabcdef１!")).containsExactly(NO_DIGIT, NO_UPPER_CASE, OTHER_CHARACTER);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Seven characters, one of them an emoji (two UTF-16 units): too short and not allowed.
        assertThat(policy.violations("Ab1!cd\uD83D\uDE00")).containsExactly(TOO_SHORT, OTHER_CHARACTER);
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(policy.violations("aaaaaaaa"))
                .containsExactly(NO_DIGIT, NO_UPPER_CASE, NO_SYMBOL, ONE_CHARACTER_REPEATED);
        assertThat(policy.violations("!!!!!!!!")).contains(ONE_CHARACTER_REPEATED);
        assertThat(policy.violations("aa")).contains(ONE_CHARACTER_REPEATED);
        assertThat(policy.violations("a")).doesNotContain(ONE_CHARACTER_REPEATED);
        assertThat(policy.violations("aaaaaaab")).doesNotContain(ONE_CHARACTER_REPEATED);
    }

    @Test
    void nullAndEmptyAreMissing() {
        assertThat(policy.violations(null)).containsExactly(MISSING);
        assertThat(policy.violations("")).containsExactly(MISSING);
        assertThat(policy.violations(" ")).contains(TOO_SHORT, OTHER_CHARACTER);
    }

    @Test
    void checkNamesTheFieldAndEveryBrokenRule() {
        assertThatThrownBy(() -> policy.check("newPassword", "abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.getMessage()).isEqualTo("must be at least 8 characters long; "
                            + "must have at least one digit; must have at least one upper-case letter (A-Z); "
                            + "must have at least one symbol from " + PasswordPolicy.SYMBOLS);
                });
        assertThatCode(() -> policy.check("newPassword", "Correct-Horse-9")).doesNotThrowAnyException();
    }
}
