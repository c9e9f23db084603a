package org.opencps.reporting.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.tenancy.License;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The contract reports as PDF documents, opened with PDFBox: a customer's contract with its terms
 * and license changes (in the request's language), and a provider's license report that names only
 * the organizations directly below, as the JSON does. Who may not see a report gets no PDF of it.
 */
@OpenCpsTest
class ContractPdfTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Organizations organizations;
    @Autowired MutableClock clock;

    private ResultActions as(Actor actor, String url, Locale language) throws Exception {
        return mvc.perform(get(url).locale(language).with(authentication(new ActorAuthentication(actor))));
    }

    private String text(Actor actor, String url, Locale language) throws Exception {
        byte[] pdf = as(actor, url, language).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aCustomersContractPdfHoldsItsLicenseTermsAndChanges() throws Exception {
        OrgId provider = world.provider(world.root(), "Pdf provider");
        var providerAdmin = world.adminOf(provider);
        License first = new License(10, "standard", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        OrgId customer = organizations.create(providerAdmin.actor(), provider,
                new NewOrganization(OrgKind.CUSTOMER, "Pdf Co", first)).id();
        clock.advance(Duration.ofMinutes(1));
        organizations.setLicense(providerAdmin.actor(), customer,
                new License(25, "premium", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31)));
        String history = "/api/v1/organizations/" + customer + "/contract-history";
        eventually(() -> as(providerAdmin.actor(), history, Locale.ENGLISH).andExpect(jsonPath("$.changes.length()").value(2)));

        String pdf = "/api/v1/organizations/" + customer + "/contract-report.pdf";
        // the narrow table cells wrap their text over lines, at any space: compared without white space
        assertThat(withoutSpaces(text(providerAdmin.actor(), pdf, Locale.ENGLISH)))
                .contains(Stream.of("Contract of Pdf Co", "premium", "2028-12-31", "License changes",
                        "standard, 10, 2026-01-01 – 2026-12-31", "premium, 25, 2027-01-01 – 2028-12-31", "Devices allowed", "Generated")
                        .map(ContractPdfTest::withoutSpaces).toArray(String[]::new));
        assertThat(text(world.person(customer, FixedRole.CUSTOMER_ADMIN).actor(), pdf, Locale.GERMAN))
                .contains("Vertrag", "Pdf Co", "premium");
    }

    @Test
    void theProviderLicenseReportPdfNamesOnlyTheLevelDirectlyBelow() throws Exception {
        OrgId r = world.provider(world.root(), "Pdf region");
        OrgId s = world.provider(r, "Pdf sales");
        world.customer(r, "Pdf direct");
        world.customer(s, "Pdf hidden customer");
        String url = "/api/v1/organizations/" + r + "/license-report.pdf";
        String text = text(world.adminOf(r).actor(), url, Locale.ENGLISH);
        assertThat(text).contains("License report", "Pdf region", "Pdf sales", "Pdf direct").doesNotContain("Pdf hidden customer");

        // refused exactly as the JSON report is refused to them
        for (Actor refused : java.util.List.of(world.person(world.customer(r, "Pdf other"), FixedRole.CUSTOMER_ADMIN).actor(),
                world.adminOf(s).actor(), world.person(s, FixedRole.PROVIDER_SUPPORT).actor())) {
            int json = as(refused, "/api/v1/organizations/" + r + "/license-report", Locale.ENGLISH).andReturn().getResponse().getStatus();
            assertThat(json).isIn(403, 404);
            as(refused, url, Locale.ENGLISH).andExpect(status().is(json));
        }
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
