package org.opencps.identity.internal.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The value that ties a pending SAML request to the browser that started it: 32 random bytes the browser keeps in a
 * cookie, of which the database keeps only the SHA-256, so a database reader cannot finish anyone's sign-in.
 */
public final class BrowserBinding {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private BrowserBinding() {
    }

    /** The browser's value when it brought a well-formed one (several tabs may sign in at once), else a new one. */
    public static String reuseOrNew(String fromBrowser) {
        if (wellFormed(fromBrowser)) {
            return fromBrowser;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
