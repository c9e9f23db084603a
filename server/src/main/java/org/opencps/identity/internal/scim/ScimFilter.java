package org.opencps.identity.internal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The part of RFC 7644 §3.4.2.2 filters that provisioning clients send: equality terms joined by {@code and}, such as
 * {@code userName eq "bjensen"} in a list request or {@code type eq "work"} inside a PATCH path. Anything else is
 * refused as {@code invalidFilter} rather than guessed at.
 */
public record ScimFilter(List<Term> terms) {

    /** {@code attribute eq value}; the value is a JSON string, boolean, number or null. */
    public record Term(String attribute, JsonNode value) {

        boolean matches(JsonNode element) {
            JsonNode actual = ScimJson.child(element, attribute);
            if (actual == null || actual.isNull()) {
                return value.isNull();
            }
            if (value.isString() && actual.isString()) {
                // sub-attributes such as type and value are compared as RFC 7643 says for caseExact=false strings
                return value.asString().equalsIgnoreCase(actual.asString());
            }
            return value.equals(actual);
        }
    }

    public boolean matches(JsonNode element) {
        return element != null && element.isObject() && terms.stream().allMatch(term -> term.matches(element));
    }

    public static ScimFilter parse(String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            throw invalid("a filter is an attribute, eq and a value, such as userName eq \"bjensen\"");
        }
        var reader = new Reader(text.strip());
        List<Term> terms = new ArrayList<>();
        do {
            String attribute = reader.word();
            String operator = reader.word().toLowerCase(Locale.ROOT);
            if (!operator.equals("eq")) {
                throw invalid("the operator '" + operator + "' is not supported; use eq");
            }
            terms.add(new Term(attribute, reader.value()));
        } while (reader.and());
        if (!reader.atEnd()) {
            throw invalid("the filter has something after its last term: only eq terms joined by 'and' are supported");
        }
        return new ScimFilter(List.copyOf(terms));
    }

    private static ScimException invalid(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    private static final class Reader {

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        String word() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || ".:_-$".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw invalid("expected an attribute name or operator at position " + (start + 1));
            }
            return text.substring(start, at);
        }

        JsonNode value() {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == '"') {
                var value = new StringBuilder();
                at++;
                while (at < text.length() && text.charAt(at) != '"') {
                    if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                        at++;
                    }
                    value.append(text.charAt(at++));
                }
                if (at >= text.length()) {
                    throw invalid("a quoted value is not closed");
                }
                at++;
                return JsonNodeFactory.instance.stringNode(value.toString());
            }
            String word = word().toLowerCase(Locale.ROOT);
            return switch (word) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                case "null" -> JsonNodeFactory.instance.nullNode();
                default -> {
                    try {
                        yield JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(word));
                    } catch (NumberFormatException e) {
                        throw invalid("a value is a quoted string, true, false, null or a number");
                    }
                }
            };
        }

        boolean and() {
            skipSpaces();
            if (text.regionMatches(true, at, "and ", 0, 4)) {
                at += 4;
                return true;
            }
            return false;
        }

        boolean atEnd() {
            skipSpaces();
            return at >= text.length();
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
