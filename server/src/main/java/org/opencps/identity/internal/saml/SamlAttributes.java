package org.opencps.identity.internal.saml;

import java.util.List;
import org.opencps.identity.SsoAssertion;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;

/**
 * Maps a checked assertion to what every protocol's sign-in takes. The subject is the NameID (bound with the IdP's
 * entity id); the e-mail address comes from the admin's e-mail attribute, or is the NameID itself when none is set.
 * SAML has no "verified" flag: the organization's own IdP vouches for the address, and the address must still be in
 * one of the organization's e-mail domains. Groups are null (left as they are) when no groups attribute is set or
 * the assertion carries none.
 */
public final class SamlAttributes {

    private SamlAttributes() {
    }

    public static SsoAssertion assertion(SamlRow row, SamlResponses.Checked checked) {
        String email = row.emailAttribute() == null ? checked.nameId() : single(checked, row.emailAttribute());
        String name = row.nameAttribute() == null ? null : single(checked, row.nameAttribute());
        List<String> groups = row.groupsAttribute() == null ? null : checked.attributes().get(row.groupsAttribute());
        boolean usable = email != null && email.contains("@") && email.length() <= 254;
        return new SsoAssertion(row.orgId(), "saml", checked.issuer(), checked.nameId(), usable ? email.strip() : null, usable, name == null || name.isBlank() ? null : name.strip(), groups == null ? null : List.copyOf(groups),
                checked.sessionIndex(), List.of(), checked.contextClasses());
    }

    private static String single(SamlResponses.Checked checked, String attribute) {
        List<String> values = checked.attributes().get(attribute);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
