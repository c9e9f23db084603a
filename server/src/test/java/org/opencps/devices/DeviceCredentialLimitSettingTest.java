package org.opencps.devices;

import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code opencps.devices.credential-failures-per-source-per-minute} set to 3 holds at 3, on both entry points. */
@OpenCpsTest
@Import(DeviceKit.class)
@TestPropertySource(properties = "opencps.devices.credential-failures-per-source-per-minute=3")
class DeviceCredentialLimitSettingTest {

    static final String WRONG = "ocpsd_" + "W".repeat(43);

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;

    ResultActions heartbeat(Registered printer, String credential, String from) throws Exception {
        return mvc.perform(as(credential, json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}"))
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
    }

    /** Over INFRA; the credential is checked before the body is read, so none is needed here. */
    ResultActions infra(Registered printer, String credential, String from) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("proxy:" + credential).getBytes());
        return mvc.perform(post("/ipp/infra/" + printer.id()).secure(true).contentType("application/ipp").content(new byte[0])
                .header("Authorization", basic).with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
    }

    @Test
    void threeFailuresOnTheDeviceApiAndTheSourcesWrongCredentialsAreRefusedEverywhere() throws Exception {
        var printer = kit.printer(world.customer(world.root(), "Three Co"), "Three");
        String source = "10.79.0.1";
        heartbeat(printer, WRONG, source).andExpect(status().isUnauthorized());
        heartbeat(printer, WRONG, source).andExpect(status().isUnauthorized());
        heartbeat(printer, printer.credential(), source).andExpect(status().isOk());
        heartbeat(printer, WRONG, source).andExpect(status().isUnauthorized());

        heartbeat(printer, WRONG, source).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "20"));
        infra(printer, WRONG, source).andExpect(status().isTooManyRequests());
        heartbeat(printer, printer.credential(), source).andExpect(status().isOk());
    }

    @Test
    void threeFailuresOverInfraAndTheSourcesWrongCredentialsAreRefusedEverywhere() throws Exception {
        var printer = kit.printer(world.customer(world.root(), "Three Infra Co"), "Three");
        String source = "10.79.0.2";
        infra(printer, WRONG, source).andExpect(status().isUnauthorized());
        infra(printer, WRONG, source).andExpect(status().isUnauthorized());
        infra(printer, WRONG, source).andExpect(status().isUnauthorized());

        infra(printer, WRONG, source).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "20"));
        heartbeat(printer, WRONG, source).andExpect(status().isTooManyRequests());
        heartbeat(printer, WRONG, "10.79.0.3").andExpect(status().isUnauthorized());
    }
}
