package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.devices.DeviceKit;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Guessing device credentials at IPP INFRA ({@code /ipp/infra/{device}}, {@code /ipp/system}): the
 * same per-source limit as the Device API, 20 unknown or revoked credentials a minute, counted across
 * both. Past it the source's wrong credentials are an HTTP 429 with Retry-After, before the IPP
 * request is read; a right one always works.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class InfraCredentialGuessingTest {

    static final int LIMIT = 20;
    static final String WRONG = Ipp.basic("proxy", "ocpsd_" + "W".repeat(43));
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;

    Registered printer;
    String right;
    String source;

    @BeforeEach
    void aPrinterAndAFreshSource() throws Exception {
        OrgId org = world.customer(world.root(), Ipp.unique("Infra Guessed Co"));
        printer = kit.printer(org, "Guessed");
        right = Ipp.basic("proxy", printer.credential());
        source = newSource();
    }

    private static String newSource() {
        int n = SOURCES.getAndIncrement();
        return "10.78." + (n >> 8 & 255) + "." + (n & 255);
    }

    MockHttpServletResponse infra(String authorization, String from) throws Exception {
        IppPacket.Builder request = new IppPacket.Builder(Operation.getPrinterAttributes.getCode());
        request.setVersionNumber(0x0200);
        request.setRequestId(5);
        request.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(URI.create("ipps://localhost/ipp/infra/" + printer.id())));
        return send(post("/ipp/infra/" + printer.id()), Ipp.bytes(request), authorization, from);
    }

    MockHttpServletResponse system(String authorization, String from) throws Exception {
        IppPacket.Builder register = new IppPacket.Builder(0x005F);
        register.setVersionNumber(0x0200);
        register.setRequestId(6);
        register.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.systemUri.of(URI.create("ipps://localhost/ipp/system")),
                Types.outputDeviceUuid.of(URI.create("urn:uuid:" + printer.id())));
        return send(post("/ipp/system"), Ipp.bytes(register), authorization, from);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, byte[] body, String authorization, String from)
            throws Exception {
        return mvc.perform(request.secure(true).contentType("application/ipp").content(body).header("Authorization", authorization)
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                })).andReturn().getResponse();
    }

    static void assertAnswered(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(Ipp.status(Ipp.parse(response.getContentAsByteArray()))).isEqualTo(Status.successfulOk);
    }

    static void assertChallenged(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
    }

    static void assertTooMany(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getContentAsString()).contains("too many requests with a wrong device credential");
    }

    void fail(int times, String from) throws Exception {
        for (int i = 0; i < times; i++) {
            assertChallenged(infra(WRONG, from));
        }
    }

    int audited(String type, String from) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND source_ip = ?").params(type, from)
                .query(Integer.class).single();
    }

    @Test
    void nineteenFailuresLeaveTheSourceAllowedAndTheTwentiethIsStillAChallenge() throws Exception {
        fail(LIMIT - 1, source);
        assertAnswered(infra(right, source));
        assertChallenged(infra(WRONG, source));
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isEqualTo(LIMIT);
    }

    @Test
    void afterTwentyFailuresWrongCredentialsAre429OnBothIppRoutesAndTheRunIsAuditedOnce() throws Exception {
        fail(LIMIT, source);
        assertTooMany(infra(WRONG, source));
        assertTooMany(system(WRONG, source));
        assertAnswered(infra(right, source));
        assertAnswered(system(right, source));
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isEqualTo(LIMIT);
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", source)).isOne();
    }

    @Test
    void successesDoNotCount() throws Exception {
        for (int i = 0; i < LIMIT - 1; i++) {
            assertChallenged(system(WRONG, source));
            assertAnswered(infra(right, source));
            assertAnswered(system(right, source));
        }
        assertChallenged(infra(WRONG, source));
        assertTooMany(infra(WRONG, source));
    }

    @Test
    void aValidCredentialPresentedForAPrinterItDoesNotStandForIsRefusedAndAuditedButNotCounted() throws Exception {
        Registered other = kit.printer(printer.orgId(), "Other");
        String others = Ipp.basic("proxy", other.credential());
        for (int i = 0; i < LIMIT + 5; i++) {
            assertChallenged(infra(others, source));
        }
        assertChallenged(infra(WRONG, source));
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'DEVICE_CREDENTIAL_REFUSED' AND source_ip = ?")
                .param(source).query(String.class).list()).hasSize(LIMIT + 6)
                .filteredOn(detail -> detail.contains("does not stand for")).hasSize(LIMIT + 5);
    }

    @Test
    void failuresOnTheDeviceApiAndOverIppAddUp() throws Exception {
        for (int i = 0; i < LIMIT / 2; i++) {
            assertChallenged(infra(WRONG, source));
            deviceApiHeartbeat("ocpsd_" + "W".repeat(43), source, 401);
        }
        assertTooMany(infra(WRONG, source));
        deviceApiHeartbeat("ocpsd_" + "W".repeat(43), source, 429);
        deviceApiHeartbeat(printer.credential(), source, 200);
    }

    @Test
    void anotherSourceIsUnaffected() throws Exception {
        fail(LIMIT, source);
        assertTooMany(infra(WRONG, source));

        String other = newSource();
        assertAnswered(infra(right, other));
        assertAnswered(system(right, other));
        assertChallenged(infra(WRONG, other));
        deviceApiHeartbeat(printer.credential(), other, 200);
    }

    @Test
    void requestsWithoutACredentialAreChallengedAndNotCounted() throws Exception {
        for (int i = 0; i < LIMIT + 5; i++) {
            assertChallenged(mvc.perform(post("/ipp/infra/" + printer.id()).secure(true).contentType("application/ipp")
                    .content(new byte[0]).with(r -> {
                        r.setRemoteAddr(source);
                        return r;
                    })).andReturn().getResponse());
        }
        assertAnswered(infra(right, source));
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isZero();
    }

    private void deviceApiHeartbeat(String credential, String from, int expected) throws Exception {
        int status = mvc.perform(as(credential, json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}"))
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                })).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(expected);
    }
}
