package org.opencps.identity.internal.sso;

import java.util.List;
import org.opencps.identity.internal.persistence.OidcProviderStore.ProviderRow;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;

/** How a change of an organization's identity provider reads in its audit record: what it was and what it is (no secrets). */
public final class SsoChangeTexts {

    private SsoChangeTexts() {
    }

    /** "{what}: {before} -> {after}", "none" standing for no provider. */
    public static String change(String what, String before, String after) {
        return what + ": " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after);
    }

    public static String oidc(ProviderRow row, List<String> domains) {
        return "[" + row.preset() + " " + row.issuer() + ", client " + row.clientId() + ", scopes '" + row.extraScopes()
                + "', claims " + row.emailClaim() + "/" + row.nameClaim() + "/" + row.groupsClaim() + ", tenant " + row.tenant()
                + ", domains " + domains + "]";
    }

    public static String saml(SamlRow row, List<String> domains) {
        return "[" + row.idpEntityId() + (row.metadataUrl() == null ? "" : " from " + row.metadataUrl()) + ", signed assertions "
                + row.wantAssertionsSigned() + ", signed responses " + row.wantResponseSigned() + ", encrypted assertions "
                + row.wantAssertionsEncrypted() + ", attributes " + row.emailAttribute() + "/" + row.nameAttribute() + "/"
                + row.groupsAttribute() + ", domains " + domains + "]";
    }
}
