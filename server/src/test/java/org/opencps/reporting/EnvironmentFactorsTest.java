package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.reporting.UsageReportFiguresTest.as;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The environmental factors API: read by who sees the organization's reports or settings, set and
 * reset (to the documented defaults) by who manages its settings, nobody else (a lesser role 403, the
 * provider above 403 as for the customer's other settings, another organization 404); bad factors
 * refused naming the field with nothing saved; every change in the audit trail with before and after.
 */
@OpenCpsTest
class EnvironmentFactorsTest {

    static final String BODY = "{\"gramsCo2PerSheet\":4.5,\"litresWaterPerSheet\":8,\"wattHoursPerSheet\":12.25,"
            + "\"gramsCo2PerColorPage\":3,\"gramsCo2PerMonochromePage\":1.5}";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;

    @Test
    void whoMayNotSeeOrChangeTheFactorsIsRefusedAndChangesNothing() throws Exception {
        OrgId provider = world.provider(world.root(), "Factor provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Factor customer " + UUID.randomUUID());
        OrgId other = world.customer(provider, "Factor other " + UUID.randomUUID());
        Map<String, Actor> who = new LinkedHashMap<>();
        who.put("customer admin", world.person(org, FixedRole.CUSTOMER_ADMIN).actor());
        who.put("print manager", world.person(org, FixedRole.PRINT_MANAGER).actor());
        who.put("user", world.person(org, FixedRole.CUSTOMER_USER).actor());
        who.put("provider admin", world.person(provider, FixedRole.PROVIDER_ADMIN).actor());
        who.put("provider support", world.person(provider, FixedRole.PROVIDER_SUPPORT).actor());
        who.put("root admin", world.rootAdmin().actor());
        who.put("other organization's admin", world.person(other, FixedRole.CUSTOMER_ADMIN).actor());
        String url = "/api/v1/organizations/" + org + "/environment-factors";

        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (var person : who.entrySet()) {
            int refusal = switch (person.getKey()) {
                case "customer admin" -> 200;
                case "root admin", "other organization's admin" -> 404;
                default -> 403;
            };
            expected.put(person.getKey() + " reads", refusal);
            actual.put(person.getKey() + " reads", status(person.getValue(), get(url)));
            if (refusal != 200) {
                expected.put(person.getKey() + " sets", refusal);
                actual.put(person.getKey() + " sets", status(person.getValue(), json(put(url), BODY)));
                // wrong input is refused for access first: it tells those who may not set the factors nothing
                expected.put(person.getKey() + " sets nonsense", refusal);
                actual.put(person.getKey() + " sets nonsense", status(person.getValue(), json(put(url), "{}")));
                expected.put(person.getKey() + " resets", refusal);
                actual.put(person.getKey() + " resets", status(person.getValue(), delete(url)));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_environment_factors WHERE org_id = ?").param(org.value())
                .query(Long.class).single()).as("nothing the refused calls sent was saved").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type LIKE 'ENVIRONMENT_FACTORS_%'")
                .param(org.value()).query(Long.class).single()).as("no change was recorded").isZero();
    }

    @Test
    void settingAndResettingAreAuditedWithTheFactorsBeforeAndAfter() throws Exception {
        OrgId org = world.customer(world.root(), "Factor audit " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String url = "/api/v1/organizations/" + org + "/environment-factors";
        String defaultCo2 = EnvironmentFactors.DEFAULTS.asText().get("gramsCo2PerSheet");
        String defaultWater = EnvironmentFactors.DEFAULTS.asText().get("litresWaterPerSheet");

        assertThat(status(admin, json(put(url), BODY))).isEqualTo(200);
        assertThat(number(admin, url, "$.wattHoursPerSheet")).isEqualTo("12.25");
        eventually(() -> assertThat(details(org, "ENVIRONMENT_FACTORS_CHANGED")).singleElement().asString()
                .contains("gramsCo2PerSheet: " + defaultCo2 + " -> 4.5", "litresWaterPerSheet: " + defaultWater + " -> 8"));

        MvcResult reset = mvc.perform(delete(url).with(as(admin))).andReturn();
        assertThat(reset.getResponse().getStatus()).isEqualTo(200);
        assertThat(number(admin, url, "$.gramsCo2PerSheet")).isEqualTo(defaultCo2);
        eventually(() -> assertThat(details(org, "ENVIRONMENT_FACTORS_RESET")).singleElement().asString()
                .contains("gramsCo2PerSheet: 4.5 -> " + defaultCo2, "wattHoursPerSheet: 12.25 -> "));
        assertThat(jdbc.sql("SELECT DISTINCT actor_user_id FROM audit_event WHERE org_id = ? AND type LIKE 'ENVIRONMENT_FACTORS_%'")
                .param(org.value()).query(UUID.class).list()).containsExactly(admin.userId().value());
    }

    @Test
    void badFactorsAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        OrgId org = world.customer(world.root(), "Factor input " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String url = "/api/v1/organizations/" + org + "/environment-factors";
        assertThat(status(admin, json(put(url), BODY))).isEqualTo(200);

        for (List<String> bad : List.of(List.of(BODY.replace("\"litresWaterPerSheet\":8,", ""), "litresWaterPerSheet"),
                List.of(BODY.replace("4.5", "-0.001"), "gramsCo2PerSheet"), List.of(BODY.replace("12.25", "10000"), "wattHoursPerSheet"),
                List.of(BODY.replace("1.5", "1.0005"), "gramsCo2PerMonochromePage"))) {
            MvcResult refused = mvc.perform(json(put(url), bad.get(0)).with(as(admin))).andReturn();
            assertThat(refused.getResponse().getStatus()).as(bad.get(0)).isEqualTo(422);
            assertThat((String) JsonPath.read(refused.getResponse().getContentAsString(), "$.field")).isEqualTo(bad.get(1));
        }
        assertThat(number(admin, url, "$.gramsCo2PerSheet")).as("the factors saved before stay").isEqualTo("4.5");
        assertThat(number(admin, url, "$.litresWaterPerSheet")).isEqualTo("8");
    }

    private String number(Actor actor, String url, String path) throws Exception {
        Object value = JsonPath.read(mvc.perform(get(url).with(as(actor))).andReturn().getResponse().getContentAsString(), path);
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private List<String> details(OrgId org, String type) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = ?").params(org.value(), type)
                .query(String.class).list();
    }

    private int status(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(actor))).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
