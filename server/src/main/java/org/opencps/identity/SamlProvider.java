package org.opencps.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * An organization's SAML 2.0 identity provider as its admins see it, with what they paste into the IdP: OpenCPS's
 * entity id, ACS URL, single logout URL and signing certificate (also served as SP metadata at {@code spMetadataUrl}).
 * {@code signInUrl} is the organization-specific sign-in link. During an SP key rotation {@code spNewCertificate} is
 * published next to {@code spCertificate} (which still signs) until {@code spOldKeyRetiresAt}; both null otherwise.
 */
public record SamlProvider(OrgId orgId, UUID id, String idpEntityId, String idpMetadataUrl, Instant metadataFetchedAt,
                           boolean wantAssertionsSigned, boolean wantResponseSigned, boolean wantAssertionsEncrypted,
                           String emailAttribute, String nameAttribute, String groupsAttribute, List<String> emailDomains,
                           String spEntityId, String acsUrl, String singleLogoutUrl, String spMetadataUrl, String signInUrl,
                           String spCertificate, String spNewCertificate, Instant spOldKeyRetiresAt, Instant updatedAt) {
}
