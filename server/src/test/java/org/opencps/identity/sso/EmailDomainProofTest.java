package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.internal.sso.DomainRecheckJob;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.opencps.testing.peers.LoopbackDns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An e-mail domain sends its people to an organization's identity provider, and creates their accounts, only once the
 * organization proved it owns the domain with its TXT record, looked up through the real DNS client against a real DNS
 * server (unbound) on loopback. A domain verified by one organization cannot be claimed by another; scheduled
 * re-checks take the proof away when the record has been gone for the grace period.
 */
@SsoTest
class EmailDomainProofTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired DomainRecheckJob recheck;

    private SsoFixture fixture;
    private final LoopbackDns dns = LoopbackDns.shared();

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    @Test
    void aDomainSignsPeopleInOnlyOnceItsOrganizationProvedItOwnsIt() throws Exception {
        var acme = unprovedTenant("proof");
        String email = acme.email("erin");
        var admin = Api.login(mvc, acme.admin().email(), World.PASSWORD);

        assertThat(realmOf(email)).as("home realm discovery before the proof").isEqualTo(404);
        fixture.idp().nextSignIn(acme.issuerId(), "erin", MockIdentityProvider.person(email, "Erin", null));
        var early = new SsoBrowser(mvc);
        early.open(acme.startPath());
        assertThat(early.session()).as("no account from an unproved domain").isNull();
        assertThat(accounts(email)).isZero();

        var proof = JSON.readTree(mvc.perform(get(domainsPath(acme.org())).cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.domains[0].domain").value(acme.domain()))
                .andExpect(jsonPath("$.domains[0].verified").value(false))
                .andReturn().getResponse().getContentAsString());
        String record = proof.path("recordValue").asString();
        assertThat(record).startsWith("opencps-verification=");
        mvc.perform(post(domainsPath(acme.org()) + "/" + acme.domain() + "/check").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(false)).andExpect(jsonPath("$.lastCheck").value("RECORD_MISSING"));

        dns.publishTxt(acme.domain(), "v=spf1 -all");
        dns.publishTxt(acme.domain(), record);
        mvc.perform(post(domainsPath(acme.org()) + "/" + acme.domain() + "/check").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true)).andExpect(jsonPath("$.lastCheck").value("VERIFIED"));

        assertThat(realmOf(email)).isEqualTo(200);
        fixture.idp().nextSignIn(acme.issuerId(), "erin", MockIdentityProvider.person(email, "Erin", null));
        var browser = new SsoBrowser(mvc);
        browser.open(acme.startPath());
        assertThat(browser.session()).isNotNull();
        assertThat(accounts(email)).isOne();
        eventually(() -> assertThat(auditDetails(acme.org())).contains("claimed", "checked: record missing", "verified"));
    }

    @Test
    void aDomainItsOwnerProvedIsNobodyElses() throws Exception {
        String domain = "own" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        var squatter = unprovedTenant("squatter", domain);
        var owner = unprovedTenant("owner", domain);
        var squatterAdmin = Api.login(mvc, squatter.admin().email(), World.PASSWORD);
        var ownerAdmin = Api.login(mvc, owner.admin().email(), World.PASSWORD);
        String squatterRecord = recordOf(squatter.org(), squatterAdmin);
        dns.publishTxt("_opencps." + domain, squatterRecord);
        mvc.perform(post(domainsPath(owner.org()) + "/" + domain + "/check").cookie(ownerAdmin))
                .andExpect(jsonPath("$.verified").value(false));

        dns.withdraw("_opencps." + domain);
        dns.publishTxt("_opencps." + domain, recordOf(owner.org(), ownerAdmin));
        mvc.perform(post(domainsPath(owner.org()) + "/" + domain + "/check").cookie(ownerAdmin))
                .andExpect(jsonPath("$.verified").value(true));
        dns.publishTxt("_opencps." + domain, squatterRecord);
        mvc.perform(post(domainsPath(squatter.org()) + "/" + domain + "/check").cookie(squatterAdmin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.lastCheck").value("TAKEN"));

        var third = fixture.tenant(unique("third"));
        var thirdAdmin = Api.login(mvc, third.admin().email(), World.PASSWORD);
        mvc.perform(json(post(domainsPath(third.org())).cookie(thirdAdmin), "{\"domain\":\"" + domain.toUpperCase() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("the domain " + domain + " is verified by another organization"));
        mvc.perform(json(put("/api/v1/organizations/" + third.org() + "/sso/oidc").cookie(thirdAdmin),
                        "{\"preset\":\"GENERIC\",\"issuer\":\"https://idp.example.com\",\"clientId\":\"x\",\"clientSecret\":\"y\","
                                + "\"emailDomains\":[\"" + third.domain() + "\",\"" + domain + "\"]}"))
                .andExpect(status().isConflict());
        assertThat(claimsOf(third.org())).containsExactly(third.domain());
        assertThat(SsoBrowser.continuesTo(new SsoBrowser(mvc).submitLoginOnly("/login/sso", "email=frank@" + domain)))
                .as("home realm discovery picks the owner").isEqualTo(owner.startPath());
    }

    @Test
    void scheduledChecksProveAPendingDomainAndTakeTheProofAwayAfterTheGracePeriod() throws Exception {
        var acme = unprovedTenant("recheck");
        var admin = Api.login(mvc, acme.admin().email(), World.PASSWORD);
        dns.publishTxt("_opencps." + acme.domain(), recordOf(acme.org(), admin));

        clock.advance(Duration.ofHours(25));
        recheck.recheckDue();
        assertThat(verified(acme)).as("the job proved the pending claim").isTrue();

        dns.withdraw("_opencps." + acme.domain());
        clock.advance(Duration.ofHours(25));
        recheck.recheckDue();
        assertThat(verified(acme)).as("within the grace period").isTrue();
        assertThat(realmOf(acme.email("gina"))).isEqualTo(200);

        clock.advance(Duration.ofDays(3));
        recheck.recheckDue();
        assertThat(verified(acme)).as("the record has been gone for the grace period").isFalse();
        assertThat(realmOf(acme.email("gina"))).isEqualTo(404);
        eventually(() -> assertThat(auditDetails(acme.org())).anyMatch(detail -> detail.startsWith("verification lost")));
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsSeesOrChangesItsDomains() throws Exception {
        var acme = unprovedTenant("guarded");
        var other = fixture.tenant(unique("other"));
        String path = domainsPath(acme.org());
        String before = claimsOf(acme.org()) + " " + verified(acme);
        var outsiders = new LinkedHashMap<Cookie, Integer>();
        outsiders.put(Api.login(mvc, other.admin().email(), World.PASSWORD), 404);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.CUSTOMER_USER).email(), World.PASSWORD), 403);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.PRINT_MANAGER).email(), World.PASSWORD), 403);
        outsiders.put(Api.login(mvc, world.rootAdmin().email(), World.PASSWORD), 403);
        dns.publishTxt("_opencps." + acme.domain(), recordOf(acme.org(), Api.login(mvc, acme.admin().email(), World.PASSWORD)));
        for (var outsider : outsiders.entrySet()) {
            int expected = outsider.getValue();
            mvc.perform(get(path).cookie(outsider.getKey())).andExpect(status().is(expected));
            mvc.perform(json(post(path).cookie(outsider.getKey()), "{\"domain\":\"grab.test\"}")).andExpect(status().is(expected));
            mvc.perform(post(path + "/" + acme.domain() + "/check").cookie(outsider.getKey())).andExpect(status().is(expected));
            mvc.perform(delete(path + "/" + acme.domain()).cookie(outsider.getKey())).andExpect(status().is(expected));
        }
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(post(path + "/" + acme.domain() + "/check")).andExpect(status().isUnauthorized());
        assertThat(claimsOf(acme.org()) + " " + verified(acme)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_domain_claim WHERE domain = 'grab.test'").query(Integer.class).single()).isZero();
    }

    @Test
    void aClaimThatIsNotADomainIsRefusedWithTheReason() throws Exception {
        var acme = unprovedTenant("typo");
        var admin = Api.login(mvc, acme.admin().email(), World.PASSWORD);
        mvc.perform(json(post(domainsPath(acme.org())).cookie(admin), "{\"domain\":\"not a domain\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.detail").value("'not a domain' is not a domain name"));
        mvc.perform(post(domainsPath(acme.org()) + "/unclaimed.test/check").cookie(admin)).andExpect(status().isNotFound());
        assertThat(claimsOf(acme.org())).containsExactly(acme.domain());
    }

    /** A tenant whose provider names its domain, not yet proved. */
    private SsoFixture.Tenant unprovedTenant(String name) {
        return unprovedTenant(name, "p" + UUID.randomUUID().toString().substring(0, 8) + ".test");
    }

    private SsoFixture.Tenant unprovedTenant(String name, String domain) {
        String issuerId = unique(name);
        OrgId org = world.customer(world.root(), "Domains " + issuerId);
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String clientId = "client-" + UUID.randomUUID().toString().substring(0, 8);
        var provider = sso.saveOidcProvider(admin.actor(), org, new OidcProviderSettings(OidcPreset.GENERIC,
                fixture.idp().issuer(issuerId), clientId, "secret-of-" + clientId, List.of(), null, null, "groups", null,
                List.of(domain)));
        return new SsoFixture.Tenant(org, admin, provider, issuerId, domain);
    }

    private static String domainsPath(OrgId org) {
        return "/api/v1/organizations/" + org + "/sso/domains";
    }

    private String recordOf(OrgId org, Cookie admin) throws Exception {
        return JSON.readTree(mvc.perform(get(domainsPath(org)).cookie(admin)).andReturn().getResponse().getContentAsString())
                .path("recordValue").asString();
    }

    private int realmOf(String email) throws Exception {
        return new SsoBrowser(mvc).submitLoginOnly("/login/sso", "email=" + email).getResponse().getStatus();
    }

    private int accounts(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE email = ?").param(email).query(Integer.class).single();
    }

    private boolean verified(SsoFixture.Tenant tenant) {
        return jdbc.sql("SELECT verified_domain IS NOT NULL FROM identity_domain_claim WHERE org_id = ? AND domain = ?")
                .params(tenant.org().value(), tenant.domain()).query(Boolean.class).single();
    }

    private List<String> claimsOf(OrgId org) {
        return jdbc.sql("SELECT domain FROM identity_domain_claim WHERE org_id = ? ORDER BY domain").param(org.value())
                .query(String.class).list();
    }

    private List<String> auditDetails(OrgId org) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = 'SSO_DOMAIN_CHANGED'").param(org.value())
                .query(String.class).list();
    }
}
