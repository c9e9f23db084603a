package org.opencps.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.platform.errors.ConflictException;
import org.opencps.tenancy.TenancyFixtures.Org;
import org.opencps.tenancy.internal.offboarding.ExpiredOrganizationsPurgeJob;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Discontinuing, reactivating within 90 days, and purging: by the scheduled job at 90 days, or at once. */
@OpenCpsTest
@Import(TenancyTestSupport.class)
@RecordApplicationEvents
class OffboardingTest {

    static final Duration RETENTION = Duration.ofDays(90);
    static final String LOCK = "tenancy.purgeExpiredOrganizations";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenancyFixtures fixtures;
    @Autowired
    Organizations organizations;
    @Autowired
    ExpiredOrganizationsPurgeJob purgeJob;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    TenancyTestSupport.OtherModuleData otherModule;
    @Autowired
    JdbcClient jdbc;

    Org root;
    Org acme;

    @BeforeEach
    void tree() {
        fixtures.reset();
        root = fixtures.root("Root");
        acme = fixtures.customer(root, "Acme", 5);
    }

    @Test
    void aDiscontinuedOrganizationIsReadOnly() throws Exception {
        discontinue(acme).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCONTINUED"))
                .andExpect(jsonPath("$.discontinuedAt").value(clock.instant().toString()));
        assertThat(events.stream(OrganizationDiscontinued.class)).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(acme.id());
            assertThat(event.discontinuedBy()).isEqualTo(root.admin().userId());
            assertThat(event.purgeAt()).isEqualTo(clock.instant().plus(RETENTION));
        });

        mvc.perform(get("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idleLogoutMinutes").value(30));
        mvc.perform(get("/api/v1/organizations/{id}", acme.id()).with(acme.asAdmin())).andExpect(status().isOk());
        mvc.perform(put("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idleLogoutMinutes\":5,\"jobRetentionHours\":24}"))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organizations/{id}", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(put("/api/v1/organizations/{id}/license", acme.id()).with(root.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(OrganizationsApiTest.license(50, "gold")))
                .andExpect(status().isConflict());
        discontinue(acme).andExpect(status().isConflict());

        assertThat(organizations.settingsOf(acme.id()).idleLogoutMinutes()).isEqualTo(30);
        assertThat(organizations.find(acme.id()).orElseThrow().name()).isEqualTo("Acme");
    }

    @Test
    void theJobKeepsADiscontinuedOrganizationFor89DaysAndPurgesItAt90() throws Exception {
        discontinue(acme).andExpect(status().isOk());

        clock.advance(Duration.ofDays(89));
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isPresent();

        clock.advance(Duration.ofDays(1).minusSeconds(1));
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isPresent();

        clock.advance(Duration.ofSeconds(1));
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isEmpty();
        assertThat(otherModule.purged).containsExactly(acme.id());
        assertThat(events.stream(OrganizationPurged.class)).singleElement().satisfies(event -> {
            assertThat(event.orgId()).isEqualTo(acme.id());
            assertThat(event.purgedBy()).isNull();
            assertThat(event.reason()).isEqualTo(OrganizationPurged.Reason.RETENTION_ENDED);
        });
        mvc.perform(get("/api/v1/organizations/{id}", acme.id()).with(root.asAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void theJobLeavesActiveAndRecentlyDiscontinuedOrganizationsAlone() throws Exception {
        Org beta = fixtures.customer(root, "Beta", 1);
        discontinue(acme).andExpect(status().isOk());
        clock.advance(Duration.ofDays(45));
        discontinue(beta).andExpect(status().isOk());
        clock.advance(Duration.ofDays(45));

        purgeJob.purgeExpiredOrganizations();

        assertThat(organizations.find(acme.id())).isEmpty();
        assertThat(organizations.find(beta.id())).isPresent();
        assertThat(organizations.find(root.id())).isPresent();
    }

    @Test
    void aDiscontinuedOrganizationCanBeReactivatedWithinThe90Days() throws Exception {
        discontinue(acme).andExpect(status().isOk());
        clock.advance(Duration.ofDays(90).minusSeconds(1));

        reactivate(acme).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.discontinuedAt").doesNotExist());
        assertThat(events.stream(OrganizationReactivated.class)).hasSize(1);
        mvc.perform(put("/api/v1/organizations/{id}/settings", acme.id()).with(acme.asAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idleLogoutMinutes\":5,\"jobRetentionHours\":24}"))
                .andExpect(status().isOk());

        clock.advance(Duration.ofDays(365));
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isPresent();
        reactivate(acme).andExpect(status().isConflict());
    }

    @Test
    void at90DaysItCanNoLongerBeReactivated() throws Exception {
        discontinue(acme).andExpect(status().isOk());
        clock.advance(RETENTION);
        reactivate(acme).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("status"));
        assertThat(organizations.find(acme.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void aProviderRequestsImmediatePermanentDeletion() throws Exception {
        otherModule.insert(acme.id(), "document");
        purge(acme, "Acme").andExpect(status().isNoContent());

        assertThat(organizations.find(acme.id())).isEmpty();
        assertThat(otherModule.purged).containsExactly(acme.id());
        assertThat(events.stream(OrganizationPurged.class)).singleElement().satisfies(event -> {
            assertThat(event.purgedBy()).isEqualTo(root.admin().userId());
            assertThat(event.reason()).isEqualTo(OrganizationPurged.Reason.REQUESTED);
        });
        mvc.perform(get("/api/v1/organizations/{id}/children", root.id()).with(root.asAdmin()))
                .andExpect(jsonPath("$.length()").value(0));
        purge(acme, "Acme").andExpect(status().isNotFound());
    }

    @Test
    void aProviderWithOrganizationsBelowItCannotBeDiscontinuedOrPurged() throws Exception {
        Org sales = fixtures.provider(root, "Sales");
        Org dealerCustomer = fixtures.customer(sales, "Dealer customer", 1);

        discontinue(sales).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("organizations"));
        purge(sales, "Sales").andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("organizations"));
        assertThat(organizations.find(sales.id()).orElseThrow().active()).isTrue();

        organizations.purgeNow(sales.admin(), dealerCustomer.id(), "Dealer customer");
        discontinue(sales).andExpect(status().isOk());
        purge(sales, "Sales").andExpect(status().isNoContent());
        assertThat(organizations.find(sales.id())).isEmpty();
    }

    @Test
    void aFailingParticipantRollsTheWholePurgeBack() {
        otherModule.insert(acme.id(), "document");
        otherModule.failFor = acme.id();

        assertThatThrownBy(() -> organizations.purgeNow(root.admin(), acme.id(), "Acme"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(organizations.find(acme.id())).isPresent();
        assertThat(organizations.license(acme.admin(), acme.id()).deviceLimit()).isEqualTo(5);
        assertThat(organizations.settings(acme.admin(), acme.id())).isNotNull();
        assertThat(PurgeLeavesNoRowTest.rowsOf(jdbc, acme.id()))
                .containsEntry(TenancyTestSupport.OtherModuleData.TABLE, 1L);
    }

    @Test
    void theJobPurgesTheOthersWhenOneFailsAndRetriesItNextTime() throws Exception {
        Org beta = fixtures.customer(root, "Beta", 1);
        discontinue(acme).andExpect(status().isOk());
        discontinue(beta).andExpect(status().isOk());
        otherModule.failFor = acme.id();
        clock.advance(RETENTION);

        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isPresent();
        assertThat(organizations.find(beta.id())).isEmpty();

        otherModule.failFor = null;
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isEmpty();
    }

    @Test
    void whileAnotherProcessHoldsThePurgeLockThisOneSkipsThePurge() throws Exception {
        purgeJob.purgeExpiredOrganizations();
        discontinue(acme).andExpect(status().isOk());
        clock.advance(RETENTION);
        // the lock times are the database's, not the test clock's
        jdbc.sql("UPDATE shedlock SET lock_until = ?, locked_by = 'another-server' WHERE name = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), LOCK).update();

        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isPresent();

        jdbc.sql("UPDATE shedlock SET lock_until = ? WHERE name = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), LOCK).update();
        purgeJob.purgeExpiredOrganizations();
        assertThat(organizations.find(acme.id())).isEmpty();
    }

    @Test
    void theRootCannotBeDiscontinuedOrPurged() {
        assertThatThrownBy(() -> organizations.discontinue(root.admin(), root.id()))
                .isInstanceOf(org.opencps.platform.errors.ForbiddenException.class);
        assertThatThrownBy(() -> organizations.purgeNow(root.admin(), root.id(), "Root"))
                .isInstanceOf(org.opencps.platform.errors.ForbiddenException.class);
    }

    @Test
    void reactivatingAnActiveOrganizationIsAConflict() {
        assertThatThrownBy(() -> organizations.reactivate(root.admin(), acme.id())).isInstanceOf(ConflictException.class);
    }

    private ResultActions discontinue(Org org) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/discontinue", org.id()).with(root.asAdmin()));
    }

    private ResultActions reactivate(Org org) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/reactivate", org.id()).with(root.asAdmin()));
    }

    private ResultActions purge(Org org, String confirmName) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/purge", org.id()).with(root.asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"confirmName\":\"" + confirmName + "\"}"));
    }
}
