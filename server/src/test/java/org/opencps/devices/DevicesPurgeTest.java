package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Purging an organization leaves no row of it in any devices table; its neighbour keeps all of its rows. */
@OpenCpsTest
@Import(DeviceKit.class)
class DevicesPurgeTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired JdbcClient jdbc;
    @Autowired Organizations organizations;
    @Autowired Devices devices;
    @Autowired DeviceGroups groups;
    @Autowired Pins pins;

    @Test
    void aPurgeLeavesNoDeviceRowOfTheOrganization() throws Exception {
        OrgId provider = world.provider(world.root(), "Purging Provider");
        OrgId gone = withDevices(world.customer(provider, "Gone Co"));
        OrgId kept = withDevices(world.customer(provider, "Kept Co"));
        Map<String, Long> keptBefore = rows(kept);
        assertThat(rows(gone)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        organizations.purgeNow(world.adminOf(provider).actor(), gone, "Gone Co");

        assertThat(rows(gone)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rows(kept)).isEqualTo(keptBefore);
    }

    /** A row in every table of the module: a device, a group, a code, a heartbeat, the baseline, a session. */
    private OrgId withDevices(OrgId org) throws Exception {
        var printer = kit.printer(org, "Printer");
        kit.code(org);
        groups.create(kit.adminOf(org), org, "Floor");
        devices.setBaseline(kit.adminOf(org), org, new SecuritySettings(true, null, null, null, null));
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/heartbeat"), "{\"status\":\"IDLE\"}")))
                .andExpect(status().isOk());
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions"),
                "{\"method\":\"PIN\",\"pin\":\"" + pins.myPin(person.actor()).pin() + "\"}"))).andExpect(status().isCreated());
        return org;
    }

    private Map<String, Long> rows(OrgId org) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE 'devices\\_%'")
                .query(String.class).list()) {
            rows.put(table.toLowerCase(), jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?")
                    .param(org.value()).query(Long.class).single());
        }
        assertThat(rows).hasSize(6);
        return rows;
    }
}
