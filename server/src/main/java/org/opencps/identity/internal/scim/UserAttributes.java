package org.opencps.identity.internal.scim;

import java.util.Locale;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.platform.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OpenCPS takes from a SCIM User: userName, externalId, active, the e-mail address (the primary one, else the work
 * one, else the first, else userName when it is an address) and a display name. Reading also cleans the resource as
 * stored: no id, meta or groups (the server's), never a password (Okta may send one; OpenCPS never keeps an identity
 * provider's passwords), and {@code active} as a boolean even when Entra ID sends the string "False".
 */
record UserAttributes(String userName, String externalId, String email, String displayName, boolean active) {

    static final int MAX_STORED = 20_000;

    static UserAttributes read(ObjectNode resource) {
        for (String serverOwned : new String[] {"id", "meta", "groups", "password"}) {
            resource.remove(ScimJson.keyOf(resource, serverOwned));
        }
        String userName = ScimJson.text(resource, "userName");
        if (userName == null || userName.isBlank() || userName.strip().length() > 254) {
            throw ScimException.invalidValue("userName is required: a text of 1 to 254 characters");
        }
        JsonNode externalNode = ScimJson.child(resource, "externalId");
        if (externalNode != null && !externalNode.isNull() && (!externalNode.isString() || externalNode.asString().length() > 255)) {
            throw ScimException.invalidValue("externalId is a text of at most 255 characters");
        }
        String externalId = externalNode == null || externalNode.isNull() ? null : externalNode.asString();
        boolean active = active(ScimJson.child(resource, "active"));
        resource.put(ScimJson.keyOf(resource, "active"), active);
        String email = email(resource, userName.strip());
        return new UserAttributes(userName.strip(), externalId, email, displayName(resource, email), active);
    }

    private static boolean active(JsonNode node) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isString() && (node.asString().equalsIgnoreCase("true") || node.asString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asString().toLowerCase(Locale.ROOT));
        }
        throw ScimException.invalidValue("active is true or false");
    }

    private static String email(ObjectNode resource, String userName) {
        JsonNode emails = ScimJson.child(resource, "emails");
        String chosen = null;
        if (emails != null && emails.isArray()) {
            chosen = pick(emails, "primary", null);
            chosen = chosen != null ? chosen : pick(emails, "type", "work");
            chosen = chosen != null || emails.isEmpty() ? chosen : ScimJson.text(emails.get(0), "value");
        } else if (emails != null && !emails.isNull()) {
            throw ScimException.invalidValue("emails is a list of {value, type, primary}");
        }
        if (chosen == null && userName.contains("@")) {
            chosen = userName;
        }
        if (chosen == null) {
            throw ScimException.invalidValue("a user needs an e-mail address: in emails, or as userName");
        }
        try {
            return Emails.normalize("emails", chosen);
        } catch (InvalidInputException e) {
            throw ScimException.invalidValue("emails: " + e.getMessage());
        }
    }

    private static String pick(JsonNode emails, String attribute, String wanted) {
        for (JsonNode email : emails) {
            JsonNode value = ScimJson.child(email, attribute);
            boolean hit = wanted == null
                    ? value != null && (value.isBoolean() ? value.asBoolean() : value.isString() && value.asString().equalsIgnoreCase("true"))
                    : value != null && value.isString() && value.asString().equalsIgnoreCase(wanted);
            if (hit && ScimJson.text(email, "value") != null) {
                return ScimJson.text(email, "value");
            }
        }
        return null;
    }

    private static String displayName(ObjectNode resource, String email) {
        String name = ScimJson.text(resource, "displayName");
        JsonNode names = ScimJson.child(resource, "name");
        if (isBlank(name)) {
            name = ScimJson.text(names, "formatted");
        }
        if (isBlank(name)) {
            String given = ScimJson.text(names, "givenName");
            String family = ScimJson.text(names, "familyName");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        name = isBlank(name) ? email : name.strip().replaceAll("\\p{Cntrl}", " ");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
