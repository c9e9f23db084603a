package org.opencps.identity.sso;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.identity.SamlProvider;
import org.opencps.identity.SamlProviderSettings;
import org.opencps.identity.SamlProviders;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Customer organizations whose people sign in through the one pysaml2 IdP of the test run: the provider saved from
 * the IdP's metadata URL, and OpenCPS's SP metadata (as served to anyone) given to the IdP.
 */
final class SamlFixture {

    /** The attribute names pysaml2 sends (its URI attribute map): mail, displayName, isMemberOf. */
    static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    static final String DISPLAY_NAME = "urn:oid:2.16.840.1.113730.3.1.241";
    static final String GROUPS = "urn:oid:1.3.6.1.4.1.5923.1.5.1.1";

    final World world;
    final SamlProviders providers;
    final MockMvc mvc;
    final Pysaml2IdentityProvider idp = Pysaml2IdentityProvider.shared();

    SamlFixture(World world, SamlProviders providers, MockMvc mvc, MutableClock clock) {
        this.world = world;
        this.providers = providers;
        this.mvc = mvc;
        // pysaml2 dates its assertions by the real clock; the server's test clock starts from the same now
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Signed assertions required; e-mail, name and groups from attributes. */
    Tenant tenant(String name) throws Exception {
        return tenant(name, new Options(true, false, false, true));
    }

    record Options(boolean wantAssertionsSigned, boolean wantResponseSigned, boolean wantAssertionsEncrypted,
                   boolean emailFromAttribute) {
    }

    Tenant tenant(String name, Options options) throws Exception {
        return tenant(name, options, null);
    }

    /** With the IdP's metadata as this XML (uploaded by the admin) instead of its URL. */
    Tenant tenantWithMetadata(String name, String idpMetadataXml) throws Exception {
        return tenant(name, new Options(true, false, false, true), idpMetadataXml);
    }

    private Tenant tenant(String name, Options options, String idpMetadataXml) throws Exception {
        OrgId org = world.customer(world.root(), "SAML " + name + " " + UUID.randomUUID().toString().substring(0, 8));
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String domain = "s" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        var provider = providers.saveSamlProvider(admin.actor(), org, new SamlProviderSettings(idpMetadataXml,
                idpMetadataXml == null ? idp.metadataUrl() : null,
                options.wantAssertionsSigned(), options.wantResponseSigned(), options.wantAssertionsEncrypted(),
                options.emailFromAttribute() ? MAIL : null, DISPLAY_NAME, GROUPS, List.of(domain)));
        String spMetadata = mvc.perform(get("/api/v1/public/sso/saml/" + provider.id() + "/metadata"))
                .andReturn().getResponse().getContentAsString();
        idp.trust(spMetadata);
        world.proveDomain(admin, org, domain);
        return new Tenant(org, admin, provider, domain);
    }

    record Tenant(OrgId org, World.Person admin, SamlProvider provider, String domain) {

        String startPath() {
            return "/sso/saml/start/" + provider.id();
        }

        String email(String localPart) {
            return localPart + "@" + domain;
        }
    }
}
