package org.opencps.audit.internal.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.opencps.testing.peers.Poll;
import org.opencps.testing.peers.PrivateRsyslog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An organization's own SIEM target, set by its admin through the API, against a real rsyslogd over TLS on loopback
 * (which asks no client certificate, as a customer's SIEM that knows none of ours): the organization's records arrive
 * there, another organization's never; a receiver the target does not trust is reported in the status and nothing is
 * lost once the target is corrected; nobody else may set it.
 */
@OpenCpsTest
class OrganizationSiemTest {

    static Path dir;
    static TestPki pki;
    static TestPki otherPki;
    static PrivateRsyslog rsyslog;

    @DynamicPropertySource
    static void siem(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("opencps-org-siem-");
        pki = TestPki.create(dir.resolve("pki"));
        otherPki = TestPki.create(dir.resolve("other-pki"));
        rsyslog = PrivateRsyslog.start(dir.resolve("rsyslog"),
                new PrivateRsyslog.Tls(pki.caFile(), pki.serverCertificate(), pki.serverKey(), false));
        registry.add("opencps.siem.allow-private-organization-targets", () -> "true");
        registry.add("opencps.siem.send-interval", () -> "200ms");
        registry.add("opencps.siem.batch-size", () -> "5");
    }

    @AfterAll
    static void stop() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired SecondFactors factors;
    @Autowired MutableClock clock;

    @Test
    void theOrganizationsTargetReceivesItsOwnRecordsAndNoOtherOrganizations() throws Exception {
        OrgId provider = world.provider(world.root(), "Org SIEM provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Org SIEM " + UUID.randomUUID());
        OrgId other = world.customer(provider, "Org SIEM other " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();
        for (int i = 0; i < 12; i++) {
            auditLog.record(org, "PRINT_JOB_RELEASED", null, "own job " + i, "kept", "192.0.2.7");
            auditLog.record(other, "PRINT_JOB_RELEASED", null, "other job " + i, "kept", "192.0.2.8");
        }

        assertThat(call(admin, Api.json(put(path(org)), body("localhost", rsyslog.tlsPort(), "cef", pki.caFile())))
                .getStatus()).isEqualTo(200);

        List<String> ownIds = recordIds(org);
        assertThat(ownIds).hasSizeGreaterThanOrEqualTo(13);
        var arrived = Poll.until(Duration.ofSeconds(60), "the organization's records to arrive", () -> {
            var ids = linesOf(org).stream().map(line -> line.fields().get("externalId")).toList();
            return Optional.of(ids).filter(got -> got.containsAll(ownIds));
        }, rsyslog::logTail);
        assertThat(arrived).as("in the chain's order").containsSubsequence(ownIds);
        assertThat(linesOf(org).getFirst().fields()).containsEntry("cs1", org.toString());
        assertThat(rsyslog.received()).as("another organization's records never reach this target")
                .noneMatch(line -> line.contains(other.toString())).noneMatch(line -> line.contains("other job"));

        Map<?, ?> status = Poll.until(Duration.ofSeconds(30), "the status to show the delivery",
                () -> Optional.of(status(admin, org)).filter(s -> s.get("lastDeliveredAt") != null), () -> "");
        assertThat(status.get("lastError")).isNull();
        assertThat(status.get("host")).isEqualTo("localhost");
        assertThat((List<?>) status.get("trustedCertificates")).singleElement().asString().contains("CN=OpenCPS test SIEM CA");
        assertThat(detail(org, "SIEM_TARGET_CHANGED")).contains("set to").contains("localhost").contains("CEF");

        assertThat(call(otherAdmin, get(path(other))).getStatus()).as("the other organization has no target").isEqualTo(404);
    }

    @Test
    void anUntrustedReceiverIsReportedAndNothingIsLostOnceTheTargetIsCorrected() throws Exception {
        OrgId org = world.customer(world.root(), "Org SIEM wrong CA " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        auditLog.record(org, "LOGIN_FAILED", null, "before the target", "wrong password", "192.0.2.9");

        assertThat(call(admin, Api.json(put(path(org)), body("localhost", rsyslog.tlsPort(), "leef", otherPki.caFile())))
                .getStatus()).isEqualTo(200);
        Map<?, ?> failing = Poll.until(Duration.ofSeconds(30), "the failure to show in the status",
                () -> Optional.of(status(admin, org)).filter(s -> s.get("lastError") != null), () -> "");
        assertThat(failing.get("lastError")).isEqualTo("tls");
        assertThat(failing.get("nextAttemptAt")).isNotNull();
        assertThat(failing.get("lastDeliveredAt")).isNull();
        assertThat(rsyslog.received()).noneMatch(line -> line.contains(org.toString()));
        assertThat(call(admin, get("/orgs/" + org + "/audit").header("Accept-Language", "de")).getContentAsString())
                .as("the portal shows the status in the reader's language").contains("Ihr eigenes SIEM")
                .contains("Die TLS-Verbindung ist gescheitert").contains("CN=OpenCPS test SIEM CA");

        // the receiver's own certificate, pinned, instead of a CA
        assertThat(call(admin, Api.json(put(path(org)), body("localhost", rsyslog.tlsPort(), "leef", pki.serverCertificate())))
                .getStatus()).isEqualTo(200);
        List<String> ids = recordIds(org);
        Poll.until(Duration.ofSeconds(60), "every record to arrive after the correction", () -> Optional.of(true)
                .filter(ok -> rsyslog.received().stream().filter(line -> line.contains(org.toString())).count() >= ids.size()
                        && ids.stream().allMatch(id -> rsyslog.received().stream().anyMatch(line -> line.contains(id)))),
                rsyslog::logTail);
        assertThat(detail(org, "SIEM_TARGET_CHANGED")).contains("trustedCertificates: [CN=OpenCPS test SIEM CA")
                .contains("-> [CN=localhost").doesNotContain("no change");
    }

    @Test
    void nobodyButTheOrganizationsOwnAdminsSetsItAndNothingChanges() throws Exception {
        OrgId provider = world.provider(world.root(), "Org SIEM probe provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Org SIEM probe " + UUID.randomUUID());
        OrgId stranger = world.customer(provider, "Org SIEM stranger " + UUID.randomUUID());
        Actor providerAdmin = world.person(provider, FixedRole.PROVIDER_ADMIN).actor();
        String good = body("localhost", rsyslog.tlsPort(), "cef", pki.caFile());

        assertThat(call(world.person(stranger, FixedRole.CUSTOMER_ADMIN).actor(), Api.json(put(path(org)), good)).getStatus())
                .as("another tenant's admin").isEqualTo(404);
        assertThat(call(providerAdmin, Api.json(put(path(org)), good)).getStatus()).as("the provider above").isEqualTo(403);
        assertThat(call(providerAdmin, get(path(org))).getStatus()).isEqualTo(403);
        assertThat(call(world.person(org, FixedRole.CUSTOMER_USER).actor(), Api.json(put(path(org)), good)).getStatus())
                .as("a plain member").isEqualTo(403);
        assertThat(call(providerAdmin, delete(path(org))).getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_siem_org_target WHERE org_id = ?").param(org.value()).query(Long.class)
                .single()).isZero();

        assertThat(call(providerAdmin, Api.json(put(path(provider)), good)).getStatus()).as("its own organization's").isEqualTo(200);
        assertThat(call(providerAdmin, delete(path(provider))).getStatus()).isEqualTo(204);
        assertThat(detail(provider, "SIEM_TARGET_REMOVED")).contains("localhost");
        assertThat(call(providerAdmin, delete(path(provider))).getStatus()).isEqualTo(404);
    }

    @Test
    void anAdminWithASecondFactorMustHaveProvedItRecentlyAndNothingChangesUntilThen() throws Exception {
        OrgId org = world.customer(world.root(), "Org SIEM step-up " + UUID.randomUUID());
        World.Person admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String secret = factors.startTotp(admin.userId()).secret();
        factors.confirmTotp(admin.userId(), TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())));

        var refused = call(admin.actor(), Api.json(put(path(org)), body("localhost", rsyslog.tlsPort(), "cef", pki.caFile())));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("second factor");
        assertThat(call(admin.actor(), get(path(org))).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type LIKE 'SIEM_TARGET_%'").param(org.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void badSettingsAreRefusedByFieldAndNothingIsSaved() throws Exception {
        OrgId org = world.customer(world.root(), "Org SIEM bad " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        assertThat(refusedField(admin, org, body("localhost", 0, "cef", pki.caFile()))).isEqualTo("port");
        assertThat(refusedField(admin, org, body("localhost", 6514, "json", pki.caFile()))).isEqualTo("format");
        assertThat(refusedField(admin, org, body("no such host!", 6514, "cef", pki.caFile()))).isEqualTo("host");
        assertThat(refusedField(admin, org, "{\"host\":\"localhost\",\"port\":6514,\"format\":\"cef\",\"trustedCertificates\":"
                + "\"-----BEGIN CERTIFICATE-----\\nnot base64\\n-----END CERTIFICATE-----\"}")).isEqualTo("trustedCertificates");
        assertThat(refusedField(admin, org, body("localhost", 6514, "cef", pki.serverKey()))).isEqualTo("trustedCertificates");
        assertThat(call(admin, get(path(org))).getStatus()).isEqualTo(404);
    }

    @Test
    void privateAddressesAreRefusedUnlessTheOperatorAllowsThem() throws Exception {
        var strict = new SiemAddresses(false);
        assertThat(strict.allowed(java.net.InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(strict.allowed(java.net.InetAddress.getByName("10.1.2.3"))).isFalse();
        assertThat(strict.allowed(java.net.InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(strict.allowed(java.net.InetAddress.getByName("fd00::1"))).isFalse();
        assertThat(strict.allowed(java.net.InetAddress.getByName("192.0.2.10"))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.requireAllowedHost("host", "localhost"))
                .hasMessageContaining("private network");
        assertThat(new SiemAddresses(true).allowed(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    private String refusedField(Actor admin, OrgId org, String body) throws Exception {
        MockHttpServletResponse response = call(admin, Api.json(put(path(org)), body));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        return JsonPath.read(response.getContentAsString(), "$.field");
    }

    private static String path(OrgId org) {
        return "/api/v1/organizations/" + org + "/audit/siem";
    }

    private String body(String host, int port, String format, Path pem) throws Exception {
        String certificates = Files.readString(pem, StandardCharsets.US_ASCII).replace("\n", "\\n");
        return "{\"host\":\"" + host + "\",\"port\":" + port + ",\"format\":\"" + format + "\",\"trustedCertificates\":\""
                + certificates + "\"}";
    }

    private Map<?, ?> status(Actor admin, OrgId org) {
        try {
            return JsonPath.read(call(admin, get(path(org))).getContentAsString(), "$");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> recordIds(OrgId org) {
        return jdbc.sql("SELECT id FROM audit_event WHERE org_id = ? ORDER BY seq").param(org.value())
                .query((rs, n) -> rs.getObject(1, UUID.class).toString()).list();
    }

    private String detail(OrgId org, String type) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = ? ORDER BY seq DESC").params(org.value(), type)
                .query(String.class).list().getFirst();
    }

    private List<ParsedSyslog> linesOf(OrgId org) {
        return rsyslog.received().stream().filter(line -> line.contains("cs1=" + org))
                .map(line -> ParsedSyslog.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private MockHttpServletResponse call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor)))).andReturn().getResponse();
    }
}
