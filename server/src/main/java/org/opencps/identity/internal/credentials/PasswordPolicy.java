package org.opencps.identity.internal.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The password rules of PRODUCT.md §3 that can be checked on the password alone: 8 to 64
 * characters; at least one digit, one upper-case and one lower-case English letter and one symbol;
 * nothing but those; not one character repeated. "Not a previous password" needs the stored
 * hashes and is checked where they are.
 */
@Component
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** The 32 ASCII punctuation characters: every printable ASCII character but letters, digits and space. */
    public static final String SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public enum Violation {
        MISSING("is required"),
        TOO_SHORT("must be at least " + MIN_LENGTH + " characters long"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters long"),
        NO_DIGIT("must have at least one digit"),
        NO_UPPER_CASE("must have at least one upper-case letter (A-Z)"),
        NO_LOWER_CASE("must have at least one lower-case letter (a-z)"),
        NO_SYMBOL("must have at least one symbol from " + SYMBOLS),
        OTHER_CHARACTER("may only contain English letters (A-Z, a-z), digits and the symbols " + SYMBOLS
                + " (no spaces, accented letters or other scripts)"),
        ONE_CHARACTER_REPEATED("must not be one character repeated");

        private final String message;

        Violation(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Every rule the password breaks, in a fixed order; empty when it is acceptable. */
    public List<Violation> violations(String password) {
        if (password == null || password.isEmpty()) {
            return List.of(Violation.MISSING);
        }
        int[] chars = password.codePoints().toArray();
        List<Violation> broken = new ArrayList<>();
        if (chars.length < MIN_LENGTH) {
            broken.add(Violation.TOO_SHORT);
        }
        if (chars.length > MAX_LENGTH) {
            broken.add(Violation.TOO_LONG);
        }
        if (none(chars, c -> c >= '0' && c <= '9')) {
            broken.add(Violation.NO_DIGIT);
        }
        if (none(chars, c -> c >= 'A' && c <= 'Z')) {
            broken.add(Violation.NO_UPPER_CASE);
        }
        if (none(chars, c -> c >= 'a' && c <= 'z')) {
            broken.add(Violation.NO_LOWER_CASE);
        }
        if (none(chars, PasswordPolicy::isSymbol)) {
            broken.add(Violation.NO_SYMBOL);
        }
        if (!none(chars, c -> !isAllowed(c))) {
            broken.add(Violation.OTHER_CHARACTER);
        }
        if (chars.length > 1 && none(chars, c -> c != chars[0])) {
            broken.add(Violation.ONE_CHARACTER_REPEATED);
        }
        return List.copyOf(broken);
    }

    /** Throws 422 naming {@code field} and every broken rule; returns quietly otherwise. */
    public void check(String field, String password) {
        List<Violation> broken = violations(password);
        if (!broken.isEmpty()) {
            throw new InvalidInputException(field, "problem.password.rules",
                    broken.stream().map(Violation::message).collect(Collectors.joining("; ")),
                    broken.stream().map(v -> new DefaultMessageSourceResolvable("problem.password." + v.name())).toList());
        }
    }

    private static boolean isSymbol(int c) {
        return c < 128 && SYMBOLS.indexOf(c) >= 0;
    }

    // Printable ASCII without space is exactly letters, digits and SYMBOLS.
    private static boolean isAllowed(int c) {
        return c > ' ' && c < 0x7f;
    }

    private static boolean none(int[] chars, IntPredicate test) {
        for (int c : chars) {
            if (test.test(c)) {
                return false;
            }
        }
        return true;
    }
}
