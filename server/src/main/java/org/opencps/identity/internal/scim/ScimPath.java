package org.opencps.identity.internal.scim;

import java.util.Locale;

/**
 * A PATCH path (RFC 7644 §3.5.2): {@code attribute}, {@code attribute.sub}, {@code attribute[filter]} or
 * {@code attribute[filter].sub}, optionally behind a schema URN ({@code urn:...:enterprise:2.0:User:department}).
 * {@code urn} is null for the core schema; {@code attribute} is null when the path names an extension as a whole.
 */
public record ScimPath(String urn, String attribute, ScimFilter filter, String subAttribute) {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static ScimPath parse(String path) {
        if (path == null || path.isBlank() || path.length() > 300) {
            throw ScimException.invalidPath("the path is empty or too long");
        }
        String rest = path.strip();
        String urn = null;
        if (rest.regionMatches(true, 0, "urn:", 0, 4)) {
            int bracket = rest.indexOf('[');
            int colon = rest.lastIndexOf(':', bracket < 0 ? rest.length() - 1 : bracket);
            String last = rest.substring(colon + 1);
            if (last.equals("User") || last.equals("Group")) {
                return new ScimPath(rest, null, null, null);
            }
            urn = rest.substring(0, colon);
            rest = last;
            if (urn.equalsIgnoreCase(CORE_USER) || urn.equalsIgnoreCase(CORE_GROUP)) {
                urn = null;
            }
        }
        int open = rest.indexOf('[');
        if (open < 0) {
            int dot = rest.indexOf('.');
            return dot < 0
                    ? new ScimPath(urn, name(rest), null, null)
                    : new ScimPath(urn, name(rest.substring(0, dot)), null, name(rest.substring(dot + 1)));
        }
        int close = rest.lastIndexOf(']');
        if (close < open) {
            throw ScimException.invalidPath("the filter in '" + path + "' is not closed with ]");
        }
        String after = rest.substring(close + 1);
        if (!after.isEmpty() && !after.startsWith(".")) {
            throw ScimException.invalidPath("after the filter of '" + path + "' only .subAttribute may follow");
        }
        ScimFilter filter = ScimFilter.parse(rest.substring(open + 1, close));
        return new ScimPath(urn, name(rest.substring(0, open)), filter, after.isEmpty() ? null : name(after.substring(1)));
    }

    private static String name(String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$')) {
            throw ScimException.invalidPath("'" + name + "' is not an attribute name");
        }
        return name;
    }

    /** The top-level attribute this path changes, lower case, for the rules about read-only attributes. */
    public String topLevel() {
        return attribute == null ? "" : (urn == null ? attribute.toLowerCase(Locale.ROOT) : urn.toLowerCase(Locale.ROOT));
    }
}
