package org.opencps.identity.sso;

import java.util.List;
import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProvider;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SingleSignOn;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;

/** Customer organizations with an OpenID Connect provider on the one {@link MockIdentityProvider} of the test run. */
public final class SsoFixture {

    private static MockIdentityProvider provider;

    final World world;
    final SingleSignOn sso;
    private final MockIdentityProvider idp;

    public SsoFixture(World world, SingleSignOn sso, MutableClock clock) {
        this.world = world;
        this.sso = sso;
        synchronized (SsoFixture.class) {
            if (provider == null) {
                provider = new MockIdentityProvider(clock);
                Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
            }
        }
        this.idp = provider;
    }

    /** Organizations whose people sign in at this provider (one with its own sign-in page, say) instead. */
    SsoFixture(World world, SingleSignOn sso, MockIdentityProvider idp) {
        this.world = world;
        this.sso = sso;
        this.idp = idp;
    }

    public MockIdentityProvider idp() {
        return idp;
    }

    /** A customer organization, its admin, and its provider: issuer {@code issuerId}, people of a domain of its own. */
    public Tenant tenant(String issuerId) {
        OrgId org = world.customer(world.root(), "SSO " + issuerId + " " + UUID.randomUUID().toString().substring(0, 8));
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String clientId = "client-" + UUID.randomUUID().toString().substring(0, 8);
        var configured = sso.saveOidcProvider(admin.actor(), org, new OidcProviderSettings(OidcPreset.GENERIC,
                idp.issuer(issuerId), clientId, "secret-of-" + clientId, List.of(), null, null, "groups", null,
                List.of(domain)));
        world.proveDomain(admin, org, domain);
        return new Tenant(org, admin, configured, issuerId, domain);
    }

    public record Tenant(OrgId org, World.Person admin, OidcProvider provider, String issuerId, String domain) {

        public String startPath() {
            return "/sso/oidc/start/" + provider.id();
        }

        public String email(String localPart) {
            return localPart + "@" + domain;
        }
    }
}
