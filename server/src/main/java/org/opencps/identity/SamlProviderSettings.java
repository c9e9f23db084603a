package org.opencps.identity;

import java.util.List;

/**
 * What a customer admin gives for the organization's SAML identity provider: its metadata, either the XML itself or
 * a URL it is fetched from (and refetched daily); which signatures are required (at least one always is); whether
 * assertions must be encrypted; which attributes carry the e-mail address (empty: the NameID), the name and the
 * groups; and the e-mail domains it signs in.
 */
public record SamlProviderSettings(String idpMetadataXml, String idpMetadataUrl, Boolean wantAssertionsSigned,
                                   Boolean wantResponseSigned, Boolean wantAssertionsEncrypted, String emailAttribute,
                                   String nameAttribute, String groupsAttribute, List<String> emailDomains) {
}
