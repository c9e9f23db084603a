package org.opencps.reporting.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.tenancy.License;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §1 and §6 contract reports: a customer's contract and its history (every license
 * change with who, when, before and after, and the term timeline), by name for the provider
 * directly above and the customer's admins only; the provider report as CSV, anonymized below
 * the first level exactly as the R/S/B/D/C/E/F example says.
 */
@OpenCpsTest
class ContractReportsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Organizations organizations;
    @Autowired org.opencps.testing.MutableClock clock;

    private ResultActions as(Actor actor, String url) throws Exception {
        return mvc.perform(get(url).with(authentication(new ActorAuthentication(actor))));
    }

    @Test
    void everyLicenseChangeIsInTheHistoryWithWhoWhenBeforeAndAfterAndTheTermTimeline() throws Exception {
        OrgId provider = world.provider(world.root(), "History provider");
        var providerAdmin = world.adminOf(provider);
        License first = new License(10, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        OrgId customer = organizations.create(providerAdmin.actor(), provider,
                new NewOrganization(org.opencps.platform.ids.OrgKind.CUSTOMER, "History Co", first)).id();
        License more = new License(25, "standard", first.termStart(), first.termEnd());
        License renewed = new License(25, "premium", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
        clock.advance(java.time.Duration.ofMinutes(1));
        organizations.setLicense(providerAdmin.actor(), customer, more);
        clock.advance(java.time.Duration.ofMinutes(1));
        organizations.setLicense(providerAdmin.actor(), customer, more); // no change, no history
        clock.advance(java.time.Duration.ofMinutes(1));
        organizations.setLicense(providerAdmin.actor(), customer, renewed);

        String url = "/api/v1/organizations/" + customer + "/contract-history";
        eventually(() -> as(providerAdmin.actor(), url).andExpect(jsonPath("$.changes.length()").value(3)));
        as(providerAdmin.actor(), url).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("History Co"))
                .andExpect(jsonPath("$.changes[0].before").doesNotExist())
                .andExpect(jsonPath("$.changes[0].after.deviceLimit").value(10))
                .andExpect(jsonPath("$.changes[0].changedBy").value(providerAdmin.userId().toString()))
                .andExpect(jsonPath("$.changes[1].before.deviceLimit").value(10))
                .andExpect(jsonPath("$.changes[1].after.deviceLimit").value(25))
                .andExpect(jsonPath("$.changes[2].before.plan").value("standard"))
                .andExpect(jsonPath("$.changes[2].after.plan").value("premium"))
                .andExpect(jsonPath("$.terms.length()").value(2))
                .andExpect(jsonPath("$.terms[0].start").value("2026-01-01"))
                .andExpect(jsonPath("$.terms[1].end").value("2028-12-31"));

        String csv = as(providerAdmin.actor(), url + ".csv").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("changed_at,changed_by,plan_before,plan_after,devices_allowed_before,"
                + "devices_allowed_after,term_start_before,term_start_after,term_end_before,term_end_after");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).endsWith(",standard,premium,25,25,2026-01-01,2027-01-01,2026-12-31,2028-12-31");
        assertThat(csv).contains("\r\n");

        as(providerAdmin.actor(), "/api/v1/organizations/" + customer + "/contract-report").andExpect(status().isOk())
                .andExpect(jsonPath("$.license.plan").value("premium"))
                .andExpect(jsonPath("$.figures.devicesAllowed").value(25))
                .andExpect(jsonPath("$.figures.devicesUsed").value(0));
    }

    /** The access table's cells for a customer's contract report and history. */
    @Test
    void onlyTheProviderDirectlyAboveAndTheCustomersAdminsSeeItsContract() throws Exception {
        OrgId sales = world.provider(world.root(), "Contract sales");
        OrgId customer = world.customer(sales, "Contract Co");
        OrgId other = world.customer(world.root(), "Contract other");
        Map<Actor, Integer> expected = Map.of(
                world.adminOf(sales).actor(), 200,
                world.person(sales, FixedRole.PROVIDER_SUPPORT).actor(), 200,
                world.person(customer, FixedRole.CUSTOMER_ADMIN).actor(), 200,
                world.person(customer, FixedRole.PRINT_MANAGER).actor(), 403,
                world.person(customer, FixedRole.CUSTOMER_USER).actor(), 403,
                world.rootAdmin().actor(), 404,
                world.person(other, FixedRole.CUSTOMER_ADMIN).actor(), 404);
        for (var caller : expected.entrySet()) {
            for (String path : List.of("contract-report", "contract-report.csv", "contract-report.pdf", "contract-history",
                    "contract-history.csv")) {
                as(caller.getKey(), "/api/v1/organizations/" + customer + "/" + path).andExpect(status().is(caller.getValue()));
            }
        }
    }

    /** PRODUCT.md §1: R sees S and B by name and one anonymized total under S; the CSV says no more than the JSON. */
    @Test
    void theProviderContractCsvRollsUpAndAnonymizesLikeTheLicenseReport() throws Exception {
        OrgId r = world.provider(world.root(), "R region");
        OrgId s = world.provider(r, "S sales");
        world.customer(r, "B direct");
        OrgId d = world.provider(s, "D dealer");
        world.customer(s, "C customer");
        world.customer(d, "E customer");
        world.customer(d, "F customer");
        String csv = as(world.adminOf(r).actor(), "/api/v1/organizations/" + r + "/license-report.csv").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().toList()).containsExactlyInAnyOrder(
                "organization,kind,status,customers,devices_allowed,devices_used,users,pages",
                "B direct,CUSTOMER,ACTIVE,1,10,0,0,0",
                "S sales,PROVIDER,ACTIVE,3,30,0,0,0",
                "TOTAL,,,4,40,0,0,0");
        assertThat(csv.lines().findFirst()).contains("organization,kind,status,customers,devices_allowed,devices_used,users,pages");
        assertThat(csv).doesNotContain("C customer", "E customer", "F customer", "D dealer");
        String forS = as(world.adminOf(s).actor(), "/api/v1/organizations/" + s + "/license-report.csv").andReturn().getResponse()
                .getContentAsString();
        assertThat(forS).contains("C customer,CUSTOMER", "D dealer,PROVIDER,ACTIVE,2,20").doesNotContain("E customer", "F customer");
        as(world.adminOf(s).actor(), "/api/v1/organizations/" + r + "/license-report.csv").andExpect(status().isNotFound());
        as(world.person(world.customer(r, "G"), FixedRole.CUSTOMER_ADMIN).actor(), "/api/v1/organizations/" + r + "/license-report.csv")
                .andExpect(status().isNotFound());
    }
}
