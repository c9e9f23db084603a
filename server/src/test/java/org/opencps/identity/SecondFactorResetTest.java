package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An admin resets a member's second factor: audited, the member e-mailed in their language; nobody else may. */
@OpenCpsTest
class SecondFactorResetTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired SecondFactors factors;
    @Autowired Languages languages;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdminResetsAMembersSecondFactorAndTheMemberIsToldInTheirLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Reset 2FA GmbH " + UUID.randomUUID());
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        enrol(member);
        languages.choose(member.userId(), "de");

        mvc.perform(delete(path(org, member)).cookie(login(mvc, admin.email(), World.PASSWORD))).andExpect(status().isNoContent());

        mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                        "{\"email\":\"" + member.email() + "\",\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.secondFactorRequired").value(false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_recovery_code WHERE user_id = ?").param(member.userId().value())
                .query(Integer.class).single()).isZero();
        eventually(() -> assertThat(outbox.messagesTo(member.email())).singleElement().asString()
                .contains("zweiten Faktor Ihres OpenCPS-Kontos"));
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'SECOND_FACTOR_RESET_BY_ADMIN' "
                + "AND actor_user_id = ? AND subject = ? AND org_id = ?").params(admin.userId().value(), member.userId().toString(),
                org.value()).query(Integer.class).single()).isEqualTo(1));
        mvc.perform(delete(path(org, member)).cookie(login(mvc, admin.email(), World.PASSWORD))).andExpect(status().isConflict());
    }

    @Test
    void aMemberWithoutUsersManageAndAnotherOrganizationsAdminMayNotAndNothingChanges() throws Exception {
        OrgId org = world.customer(world.root(), "Reset 2FA probe " + UUID.randomUUID());
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_USER);
        var otherAdmin = world.person(world.customer(world.root(), "Other " + UUID.randomUUID()), FixedRole.CUSTOMER_ADMIN);
        enrol(member);

        mvc.perform(delete(path(org, member)).cookie(login(mvc, colleague.email(), World.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(delete(path(org, member)).cookie(login(mvc, otherAdmin.email(), World.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(delete(path(org, member))).andExpect(status().isUnauthorized());

        assertThat(factors.enrolled(member.userId())).isTrue();
        assertThat(outbox.messagesTo(member.email())).isEmpty();
    }

    @Test
    void anAdminWithASecondFactorNeedsARecentCheckToResetSomeoneElses() throws Exception {
        OrgId org = world.customer(world.root(), "Reset 2FA step-up " + UUID.randomUUID());
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        enrol(member);
        var session = login(mvc, admin.email(), World.PASSWORD);
        enrol(admin);

        mvc.perform(delete(path(org, member)).cookie(session)).andExpect(status().isForbidden());
        assertThat(factors.enrolled(member.userId())).isTrue();
    }

    private void enrol(World.Person person) {
        var enrolment = factors.startTotp(person.userId());
        factors.confirmTotp(person.userId(), TotpCodes.code(enrolment.secret(), TotpCodes.stepAt(clock.instant())));
    }

    private static String path(OrgId org, World.Person member) {
        return "/api/v1/organizations/" + org + "/members/" + member.userId() + "/second-factor";
    }
}
