package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.printing.HeldJobs.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The organization's print policies: set through the API, applied at release and at submission. */
@OpenCpsTest
class PolicyTest {

    @Autowired PrintJobs jobs;
    @Autowired PrintReleases releases;
    @Autowired World world;
    @Autowired MockMvc mvc;
    @Autowired StoredBlobs blobs;
    @Autowired PrintAdministration administration;

    OrgId org;
    Actor admin;
    Actor alice;
    DeviceId printer = DeviceId.random();

    @BeforeEach
    void people() {
        org = world.customer(world.root(), "Policy " + UUID.randomUUID());
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
    }

    @Test
    void settingsCarryThePoliciesAndRefuseNonsense() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/print-settings", org).with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.forceMonochrome").value(false)).andExpect(jsonPath("$.forceDuplex").value(false))
                .andExpect(jsonPath("$.maxPagesPerJob").isEmpty())
                .andExpect(jsonPath("$.allowedFormats.length()").value(4));
        settings("{\"holdJobs\":true,\"forceMonochrome\":true,\"forceDuplex\":true,\"maxPagesPerJob\":1,\"allowedFormats\":[\"PDF\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.maxPagesPerJob").value(1))
                .andExpect(jsonPath("$.allowedFormats[0]").value("PDF")).andExpect(jsonPath("$.allowedFormats.length()").value(1));
        settings("{\"holdJobs\":true,\"maxPagesPerJob\":100000}").andExpect(status().isOk());
        settings("{\"holdJobs\":true,\"maxPagesPerJob\":0}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("maxPagesPerJob"));
        settings("{\"holdJobs\":true,\"maxPagesPerJob\":100001}").andExpect(status().isUnprocessableContent());
        settings("{\"holdJobs\":true,\"allowedFormats\":[]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("allowedFormats"));
        settings("{\"holdJobs\":true,\"allowedFormats\":[\"DOCX\"]}").andExpect(status().isBadRequest());
        settings("{\"holdJobs\":true,\"allowedFormats\":[null]}").andExpect(status().isUnprocessableContent());
        settings("{\"holdJobs\":true,\"maxPagesPerJob\":\"5\"}").andExpect(status().isBadRequest());
        settings("{\"holdJobs\":true,\"forceColour\":true}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/organizations/{id}/print-settings", org).with(as(admin)))
                .andExpect(jsonPath("$.maxPagesPerJob").value(100000)).andExpect(jsonPath("$.forceMonochrome").value(false))
                .andExpect(jsonPath("$.allowedFormats.length()").value(4));
        Actor manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        mvc.perform(put("/api/v1/organizations/{id}/print-settings", org).with(as(manager)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holdJobs\":true,\"forceMonochrome\":true}")).andExpect(status().isForbidden());
    }

    @Test
    void forcedBlackAndWhitePrintsColourJobsInBlackAndWhiteAndRefusesAnExplicitAskForColour() throws Exception {
        settings("{\"holdJobs\":true,\"forceMonochrome\":true}").andExpect(status().isOk());
        PrintJob colour = submit(jobs, alice, 2, 1, ColorMode.COLOR);
        assertThatThrownBy(() -> releases.release(alice, colour.id(), printer, new ReleaseOptions(null, ColorMode.COLOR, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("black and white only")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("colorMode"));
        assertThat(jobs.get(alice, colour.id()).state()).isEqualTo(PrintJob.State.HELD);
        Release release = releases.release(alice, colour.id(), printer, null);
        assertThat(release.colorMode()).isEqualTo(ColorMode.MONOCHROME);
    }

    @Test
    void forcedDuplexTurnsOneSidedJobsAndRefusesAnExplicitAskForOneSide() {
        PrintJob before = submit(jobs, alice, 2, 1, ColorMode.MONOCHROME);
        assertThat(releases.release(alice, before.id(), printer, null).sides()).isEqualTo(Sides.ONE_SIDED);
        settings(new PrintSettings(true, false, true, null, null));
        PrintJob job = submit(jobs, alice, 2, 1, ColorMode.MONOCHROME);
        assertThatThrownBy(() -> releases.release(alice, job.id(), printer, new ReleaseOptions(null, null, Sides.ONE_SIDED)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both sides");
        PrintJob shortEdge = submit(jobs, alice, 2, 1, ColorMode.MONOCHROME, Sides.TWO_SIDED_SHORT_EDGE);
        assertThat(releases.release(alice, job.id(), printer, null).sides()).isEqualTo(Sides.TWO_SIDED_LONG_EDGE);
        assertThat(releases.release(alice, shortEdge.id(), printer, null).sides()).isEqualTo(Sides.TWO_SIDED_SHORT_EDGE);
    }

    @Test
    void theMostPagesPerJobCountsPagesTimesCopiesAtAndAroundTheLimit() {
        settings(new PrintSettings(true, false, false, 12, null));
        PrintJob four = submit(jobs, alice, 4, 3, ColorMode.MONOCHROME);
        PrintJob thirteen = submit(jobs, alice, 13, 1, ColorMode.MONOCHROME);
        assertThatThrownBy(() -> releases.release(alice, four.id(), printer, new ReleaseOptions(4, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("this job prints 4 pages x 4 copies = 16 pages; this organization allows at most 12 pages per job");
        assertThatThrownBy(() -> releases.release(alice, thirteen.id(), printer, null)).isInstanceOf(InvalidInputException.class);
        assertThat(releases.release(alice, four.id(), printer, null).chargedPages()).as("exactly the limit").isEqualTo(12);
        assertThat(jobs.get(alice, thirteen.id()).state()).isEqualTo(PrintJob.State.HELD);
    }

    @Test
    void copiesAskedForAtReleaseStayWithinTheirRange() {
        PrintJob job = submit(jobs, alice, 1, 1, ColorMode.MONOCHROME);
        for (int copies : new int[] {0, -1, 1000}) {
            assertThatThrownBy(() -> releases.release(alice, job.id(), printer, new ReleaseOptions(copies, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("copies");
        }
        assertThat(releases.release(alice, job.id(), printer, new ReleaseOptions(999, null, null)).chargedPages()).isEqualTo(999);
    }

    @Test
    void aPersonReadsThePolicyTheirReleasesMeetAfreshAndOnlyTheirOwnOrganizations() {
        assertThat(releases.releaseRules(alice)).isEqualTo(new ReleaseRules(false, false, null));
        settings(new PrintSettings(true, true, true, 40, null));
        assertThat(releases.releaseRules(alice)).isEqualTo(new ReleaseRules(true, true, 40));
        OrgId other = world.customer(world.root(), "Other " + UUID.randomUUID());
        assertThat(releases.releaseRules(world.person(other, FixedRole.CUSTOMER_USER).actor()))
                .isEqualTo(new ReleaseRules(false, false, null));
        assertThatThrownBy(() -> releases.releaseRules(world.rootAdmin().actor())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aFormatTheOrganizationDoesNotAcceptIsRefusedAtSubmissionAndNothingIsStored() throws Exception {
        settings("{\"holdJobs\":true,\"allowedFormats\":[\"PDF\",\"URF\"]}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs").with(as(alice)).contentType("image/jpeg").content(SampleDocuments.jpeg(64, 64)))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.field").value("format"))
                .andExpect(jsonPath("$.detail").value("this organization does not accept image/jpeg documents; it accepts"
                        + " application/pdf, image/urf"));
        mvc.perform(post("/api/v1/jobs").with(as(alice)).contentType("application/octet-stream")
                .content(SampleDocuments.pwg(1, 50, 40))).andExpect(status().isUnsupportedMediaType());
        assertThat(jobs.mine(alice)).isEmpty();
        assertThat(blobs.allFilesOf(org)).isEmpty();
        mvc.perform(post("/api/v1/jobs").with(as(alice)).contentType("application/pdf").content(SampleDocuments.pdf(1)))
                .andExpect(status().isCreated());
    }

    private ResultActions settings(String json) throws Exception {
        return mvc.perform(put("/api/v1/organizations/{id}/print-settings", org).with(as(admin))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void settings(PrintSettings settings) {
        administration.updateSettings(admin, org, settings);
    }

    private static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
