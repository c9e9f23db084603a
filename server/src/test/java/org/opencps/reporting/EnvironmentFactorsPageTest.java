package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.reporting.UsageReportFiguresTest.as;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The portal form for the environmental factors: the documented defaults shown beside each field,
 * factors saved (a decimal comma taken as a point), a wrong one refused in the reader's language
 * with the field marked and nothing saved, reset to the defaults, each change audited; who may not
 * (a lesser role, the provider above, another organization) gets the refusal page and changes nothing.
 */
@OpenCpsTest
class EnvironmentFactorsPageTest {

    static final String FORM = "gramsCo2PerSheet=4,5&litresWaterPerSheet=8&wattHoursPerSheet=12.25&gramsCo2PerColorPage=3"
            + "&gramsCo2PerMonochromePage=1.5";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdminSeesTheDefaultsSetsOwnFactorsAndResetsThem() throws Exception {
        OrgId org = world.customer(world.root(), "Factor page " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        String page = "/orgs/" + org + "/environment-factors";
        String defaultCo2 = EnvironmentFactors.DEFAULTS.asText().get("gramsCo2PerSheet");

        Document before = page(admin, page, "en");
        assertThat(before.getElementById("gramsCo2PerSheet").val()).isEqualTo(defaultCo2);
        assertThat(before.getElementById("gramsCo2PerSheet-hint").text()).startsWith("Default: " + defaultCo2 + ".");
        assertThat(before.getElementById("factors-source").text()).contains("defaults apply");
        assertThat(before.select("form[action$=/reset]")).as("nothing of its own to reset").isEmpty();
        assertThat(page(admin, "/orgs/" + org + "/reports", "en").getElementById("report-factors-link").attr("href")).isEqualTo(page);

        MvcResult saved = send(admin, page, FORM, "en");
        assertThat(saved.getFlashMap().get("notice")).isEqualTo("report.factorsSaved");
        Document after = page(admin, page, "en");
        assertThat(after.getElementById("gramsCo2PerSheet").val()).isEqualTo("4.5");
        assertThat(after.getElementById("wattHoursPerSheet").val()).isEqualTo("12.25");
        assertThat(after.getElementById("factors-source").text()).contains("own factors apply");
        eventually(() -> assertThat(details(org, "ENVIRONMENT_FACTORS_CHANGED"))
                .singleElement().asString().contains("gramsCo2PerSheet: " + defaultCo2 + " -> 4.5"));

        MvcResult refused = send(admin, page, FORM.replace("litresWaterPerSheet=8", "litresWaterPerSheet=acht"), "de");
        assertThat(refused.getFlashMap().get("error")).isEqualTo("„acht“ ist keine Zahl. Bitte geben Sie eine Zahl wie 4,5 ein.");
        assertThat(refused.getFlashMap().get("errorField")).isEqualTo("litresWaterPerSheet");
        MvcResult tooPrecise = send(admin, page, FORM.replace("gramsCo2PerColorPage=3", "gramsCo2PerColorPage=3.0001"), "ja");
        assertThat(tooPrecise.getFlashMap().get("error")).isEqualTo("係数は 0 から 9999.999 までの数値で、小数点以下は 3 桁までです。");
        assertThat(tooPrecise.getFlashMap().get("errorField")).isEqualTo("gramsCo2PerColorPage");
        // the page the refusal leads back to, with the refusal's flash attributes: the reason shown, the field marked
        Document marked = Jsoup.parse(mvc.perform(get(page).with(as(admin))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        assertThat(marked.select("[role=alert]").text()).contains("„acht“ ist keine Zahl.");
        assertThat(marked.getElementById("litresWaterPerSheet").attr("aria-invalid")).isEqualTo("true");
        assertThat(marked.getElementById("gramsCo2PerSheet").attr("aria-invalid")).isEqualTo("false");
        assertThat(marked.getElementById("litresWaterPerSheet").val()).as("nothing of the refused form was saved").isEqualTo("8");

        MvcResult reset = send(admin, page + "/reset", "", "en");
        assertThat(reset.getFlashMap().get("notice")).isEqualTo("report.factorsReset");
        assertThat(page(admin, page, "en").getElementById("gramsCo2PerSheet").val()).isEqualTo(defaultCo2);
        eventually(() -> assertThat(details(org, "ENVIRONMENT_FACTORS_RESET"))
                .singleElement().asString().contains("gramsCo2PerSheet: 4.5 -> " + defaultCo2));
    }

    @Test
    void whoMayNotManageTheFactorsGetsTheRefusalPageAndChangesNothing() throws Exception {
        OrgId provider = world.provider(world.root(), "Factor page provider " + UUID.randomUUID());
        OrgId org = world.customer(provider, "Factor page customer " + UUID.randomUUID());
        OrgId other = world.customer(provider, "Factor page other " + UUID.randomUUID());
        String page = "/orgs/" + org + "/environment-factors";
        List<Actor> forbidden = List.of(world.person(org, FixedRole.PRINT_MANAGER).actor(),
                world.person(org, FixedRole.CUSTOMER_USER).actor(), world.person(provider, FixedRole.PROVIDER_ADMIN).actor(),
                world.person(provider, FixedRole.PROVIDER_SUPPORT).actor());
        Actor stranger = world.person(other, FixedRole.CUSTOMER_ADMIN).actor();

        for (Actor actor : forbidden) {
            assertThat(mvc.perform(get(page).with(as(actor))).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(refusal(actor, page, FORM)).isEqualTo(403);
            assertThat(refusal(actor, page + "/reset", "")).isEqualTo(403);
        }
        assertThat(mvc.perform(get(page).with(as(stranger))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(refusal(stranger, page, FORM)).isEqualTo(404);
        assertThat(refusal(stranger, page + "/reset", "")).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_environment_factors WHERE org_id = ?").param(org.value())
                .query(Long.class).single()).isZero();
        assertThat(details(org, "ENVIRONMENT_FACTORS_CHANGED")).isEmpty();
    }

    private Document page(Actor actor, String url, String language) throws Exception {
        MvcResult result = mvc.perform(get(url).with(as(actor)).header("Accept-Language", language)).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private MvcResult send(Actor actor, String url, String body, String language) throws Exception {
        MvcResult result = mvc.perform(post(url).with(csrf()).with(as(actor)).header("Accept-Language", language)
                .contentType("application/x-www-form-urlencoded").content(body)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as(url).endsWith("/environment-factors");
        return result;
    }

    private int refusal(Actor actor, String url, String body) throws Exception {
        return mvc.perform(post(url).with(csrf()).with(as(actor)).contentType("application/x-www-form-urlencoded").content(body))
                .andReturn().getResponse().getStatus();
    }

    private List<String> details(OrgId org, String type) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE org_id = ? AND type = ?").params(org.value(), type)
                .query(String.class).list();
    }
}
