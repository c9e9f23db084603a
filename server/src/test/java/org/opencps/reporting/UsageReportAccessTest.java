package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.reporting.UsageReportFiguresTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every cell of the access table (PRODUCT §2) for the usage report routes, JSON and both exports:
 * customer admins see every report of their organization; print managers and users only their
 * own usage; provider admins and support none of a customer's (they know it exists: 403); admins
 * of another organization do not even learn it exists (404). Environmental factors: read by who
 * sees reports, set by who manages settings.
 */
@OpenCpsTest
class UsageReportAccessTest {

    static final List<String> FORMATS = List.of("", ".csv", ".pdf");

    @Autowired MockMvc mvc;
    @Autowired World world;

    @Test
    void everyRoleGetsExactlyWhatTheAccessTableGrants() throws Exception {
        OrgId org = world.customer(world.root(), "Access " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        Actor user = world.person(org, FixedRole.CUSTOMER_USER).actor();
        Actor colleague = world.person(org, FixedRole.CUSTOMER_USER).actor();
        OrgId provider = world.provider(world.root(), "Provider " + UUID.randomUUID());
        OrgId customerOfProvider = world.customer(provider, "Customer " + UUID.randomUUID());
        Actor providerAdmin = world.adminOf(provider).actor();
        Actor providerSupport = world.person(provider, FixedRole.PROVIDER_SUPPORT).actor();
        OrgId other = world.customer(world.root(), "Other " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();

        String orgReport = "/api/v1/organizations/" + org + "/usage/report%s?by=person&from=2026-01-01&to=2026-01-31";
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String format : FORMATS) {
            String all = orgReport.formatted(format);
            expected.put("admin " + all, 200);
            expected.put("manager " + all, 403);
            expected.put("user " + all, 403);
            expected.put("otherAdmin " + all, 404);
            expected.put("rootAdmin " + all, 403);
            expected.put("user own " + format, 200);
            expected.put("manager own " + format, 200);
            expected.put("user colleague's " + format, 403);
            expected.put("admin someone's " + format, 200);
            expected.put("providerAdmin customer " + format, 403);
            expected.put("providerSupport customer " + format, 403);
        }
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String format : FORMATS) {
            String all = orgReport.formatted(format);
            actual.put("admin " + all, status(admin, all));
            actual.put("manager " + all, status(manager, all));
            actual.put("user " + all, status(user, all));
            actual.put("otherAdmin " + all, status(otherAdmin, all));
            actual.put("rootAdmin " + all, status(world.rootAdmin().actor(), all));
            actual.put("user own " + format, status(user, orgReport.formatted(format) + "&subject=" + user.userId()));
            actual.put("manager own " + format, status(manager, orgReport.formatted(format) + "&subject=" + manager.userId()));
            actual.put("user colleague's " + format, status(user, orgReport.formatted(format) + "&subject=" + colleague.userId()));
            actual.put("admin someone's " + format, status(admin, orgReport.formatted(format) + "&subject=" + colleague.userId()));
            String customerReport = "/api/v1/organizations/" + customerOfProvider + "/usage/report" + format;
            actual.put("providerAdmin customer " + format, status(providerAdmin, customerReport));
            actual.put("providerSupport customer " + format, status(providerSupport, customerReport));
        }
        assertThat(actual).isEqualTo(expected);

        // a person's own usage names only themselves, even asked by group or for the organization
        assertThat(status(user, "/api/v1/organizations/" + org + "/usage/report?by=group&subject=" + UUID.randomUUID())).isEqualTo(403);
        assertThat(status(user, "/api/v1/organizations/" + other + "/usage/report?by=person&subject=" + user.userId())).isEqualTo(404);
    }

    @Test
    void environmentalFactorsAreReadByReportReadersAndSetByAdminsOnly() throws Exception {
        OrgId org = world.customer(world.root(), "Factors " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor user = world.person(org, FixedRole.CUSTOMER_USER).actor();
        OrgId other = world.customer(world.root(), "Other " + UUID.randomUUID());
        Actor otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();
        String url = "/api/v1/organizations/" + org + "/environment-factors";
        String body = "{\"gramsCo2PerSheet\":4.5,\"litresWaterPerSheet\":8,\"wattHoursPerSheet\":12,"
                + "\"gramsCo2PerColorPage\":3,\"gramsCo2PerMonochromePage\":1}";

        List<String> wrong = new ArrayList<>();
        check(wrong, "admin reads", status(admin, url), 200);
        check(wrong, "user reads", status(user, url), 403);
        check(wrong, "other admin reads", status(otherAdmin, url), 404);
        check(wrong, "user sets", mvc.perform(put(url).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus(), 403);
        check(wrong, "other admin sets", mvc.perform(put(url).with(as(otherAdmin)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse().getStatus(), 404);
        check(wrong, "root admin sets", mvc.perform(put(url).with(as(world.rootAdmin().actor())).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse().getStatus(), 403);
        assertThat(wrong).isEmpty();
        assertThat(mvc.perform(get(url).with(as(admin))).andReturn().getResponse().getContentAsString())
                .as("nothing the refused calls sent was saved").contains("\"gramsCo2PerSheet\":" + EnvironmentFactors.DEFAULTS.gramsCo2PerSheet());

        check(wrong, "admin sets", mvc.perform(put(url).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus(), 200);
        check(wrong, "negative", mvc.perform(put(url).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("4.5", "-1"))).andReturn().getResponse().getStatus(), 422);
        assertThat(wrong).isEmpty();
        assertThat(mvc.perform(get(url).with(as(admin))).andReturn().getResponse().getContentAsString())
                .contains("\"gramsCo2PerSheet\":4.5");
    }

    private static void check(List<String> wrong, String what, int status, int expected) {
        if (status != expected) {
            wrong.add(what + ": " + status + " instead of " + expected);
        }
    }

    private int status(Actor actor, String url) throws Exception {
        return mvc.perform(get(url).with(as(actor))).andReturn().getResponse().getStatus();
    }
}
