package org.opencps.identity.internal.scim;

/** List requests are filtered by one attribute: {@code userName eq "..."}, {@code displayName eq "..."} and the like. */
final class ScimFilters {

    private ScimFilters() {
    }

    static ScimFilter.Term single(String filter) {
        ScimFilter parsed = ScimFilter.parse(filter);
        if (parsed.terms().size() != 1 || !parsed.terms().get(0).value().isString()) {
            throw new ScimException(400, "invalidFilter", "a list is filtered by one attribute and a quoted value, such as userName eq \"bjensen\"");
        }
        return parsed.terms().get(0);
    }
}
