package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Guessing device credentials on the Device API: a source address may present
 * {@code opencps.devices.credential-failures-per-source-per-minute} (20) wrong ones a minute; after
 * that its wrong ones are 429 until the limit refills, while a right one always works (printers
 * behind the same address keep working). Successes do not count. (IPP INFRA shares the count:
 * ipp/InfraCredentialGuessingTest.)
 */
@OpenCpsTest
@Import(DeviceKit.class)
class DeviceCredentialGuessingTest {

    static final int LIMIT = 20;
    static final String WRONG = "ocpsd_" + "W".repeat(43);
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired RateLimiter rateLimiter;

    Registered printer;
    String source;

    @BeforeEach
    void aPrinterAndAFreshSource() throws Exception {
        OrgId org = world.customer(world.root(), "Guessed Co " + java.util.UUID.randomUUID());
        printer = kit.printer(org, "Guessed");
        source = newSource();
    }

    /** A source address no other test of this context uses, so that its count starts at zero. */
    static String newSource() {
        return "10.77." + (SOURCES.get() >> 8 & 255) + "." + (SOURCES.getAndIncrement() & 255);
    }

    ResultActions heartbeat(String credential, String from) throws Exception {
        return mvc.perform(as(credential, json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}"))
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
    }

    void fail(int times, String from) throws Exception {
        for (int i = 0; i < times; i++) {
            heartbeat(WRONG, from).andExpect(status().isUnauthorized());
        }
    }

    int audited(String type, String from) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND source_ip = ?").params(type, from)
                .query(Integer.class).single();
    }

    @Test
    void nineteenFailuresLeaveTheSourceAllowedAndTheTwentiethIsStillAnswered401() throws Exception {
        fail(LIMIT - 1, source);
        heartbeat(printer.credential(), source).andExpect(status().isOk());
        heartbeat(WRONG, source).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the device credential is unknown or revoked"));
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isEqualTo(LIMIT);
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", source)).isZero();
    }

    @Test
    void afterTwentyFailuresWrongCredentialsFromTheSourceAre429AndTheRightOneStillWorks() throws Exception {
        fail(LIMIT, source);
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value("too many requests with a wrong device credential from your address; try again later"));
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());
        heartbeat(printer.credential(), source).andExpect(status().isOk());
        mvc.perform(as(printer.credential(), post(API + "/credential")).with(request -> {
            request.setRemoteAddr(source);
            return request;
        })).andExpect(status().isOk());

        // the refused attempts are not audited one by one: the first refusal of the run is, once
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isEqualTo(LIMIT);
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", source)).isOne();
    }

    @Test
    void successesDoNotCount() throws Exception {
        for (int i = 0; i < LIMIT - 1; i++) {
            heartbeat(WRONG, source).andExpect(status().isUnauthorized());
            heartbeat(printer.credential(), source).andExpect(status().isOk());
            heartbeat(printer.credential(), source).andExpect(status().isOk());
        }
        heartbeat(WRONG, source).andExpect(status().isUnauthorized());
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());
    }

    @Test
    void anotherSourceIsUnaffected() throws Exception {
        fail(LIMIT, source);
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());

        String other = newSource();
        heartbeat(WRONG, other).andExpect(status().isUnauthorized());
        heartbeat(printer.credential(), other).andExpect(status().isOk());
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", other)).isZero();
    }

    @Test
    void theLimitRefillsAtTwentyAMinuteAndARunEndsOnlyOnceItIsFullAgain() throws Exception {
        fail(LIMIT, source);
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());

        // one attempt comes back every 60 / 20 = 3 seconds
        clock.advance(Duration.ofSeconds(2));
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
        clock.advance(Duration.ofSeconds(1));
        heartbeat(WRONG, source).andExpect(status().isUnauthorized());
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", source)).as("the same run").isOne();

        clock.advance(Duration.ofMinutes(1));
        heartbeat(printer.credential(), source).andExpect(status().isOk());
        fail(LIMIT, source);
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());
        assertThat(audited("DEVICE_CREDENTIALS_THROTTLED", source)).as("a new run after a full minute").isEqualTo(2);
    }

    @Test
    void guessesThatPassedTheCheckTogetherAreAllPaidForBeforeTheNextIsLetThrough() throws Exception {
        fail(LIMIT - 1, source);
        // as if 5 wrong ones had been checked at the same moment: all counted, the budget in debt by 4
        for (int i = 0; i < 5; i++) {
            rateLimiter.charge("device-credential-failures:" + source, LIMIT, Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofSeconds(3 * 4));
        heartbeat(WRONG, source).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(3));
        heartbeat(WRONG, source).andExpect(status().isUnauthorized());
    }

    @Test
    void requestsWithoutADeviceCredentialAreNotCounted() throws Exception {
        for (int i = 0; i < LIMIT + 5; i++) {
            mvc.perform(json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}").with(request -> {
                request.setRemoteAddr(source);
                return request;
            })).andExpect(status().isUnauthorized());
        }
        heartbeat(printer.credential(), source).andExpect(status().isOk());
        assertThat(audited("DEVICE_CREDENTIAL_REFUSED", source)).isZero();
    }
}
