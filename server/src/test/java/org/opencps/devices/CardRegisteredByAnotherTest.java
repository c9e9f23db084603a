package org.opencps.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.devices.DeviceKit.API;
import static org.opencps.devices.DeviceKit.as;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.devices.DeviceKit.Registered;
import org.opencps.identity.Cards;
import org.opencps.identity.Pins;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §2, "managing people's credentials never yields one": an admin who registers an ID
 * card on a member's account cannot log in with it at a printer, not even one the admin registered
 * themselves, so gets no session, no job list and no document. The card waits until its owner
 * confirms it, in the portal or API, or at a printer together with their own PIN.
 */
@OpenCpsTest
@Import(DeviceKit.class)
class CardRegisteredByAnotherTest {

    private static final String NOT_ACCEPTED = "the PIN, card or password was not accepted";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired DeviceKit kit;
    @Autowired Pins pins;
    @Autowired Cards cards;
    @Autowired Roles roles;
    @Autowired PrintJobs printJobs;
    @Autowired JdbcClient jdbc;

    ResultActions deviceLogin(Registered printer, String body) throws Exception {
        return mvc.perform(as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions"), body)));
    }

    ResultActions registerFor(Cookie admin, OrgId org, World.Person member, String number) throws Exception {
        return mvc.perform(json(post("/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards").cookie(admin),
                "{\"number\":\"" + number + "\",\"label\":\"Your new badge\"}"));
    }

    PrintJob heldJobOf(World.Person member) {
        return printJobs.submit(member.actor(), new JobTicket("salary.pdf", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(2)));
    }

    /** The admin, holding a printer's credential, tries everything a session would give; nothing comes back. */
    void nothingLeaksTo(Registered printer, PrintJob job, World.Person member) throws Exception {
        for (String session : new String[] {null, "ocpss_" + "A".repeat(43)}) {
            var jobs = as(printer.credential(), get(API + "/devices/" + printer.id() + "/sessions/current/jobs"));
            var release = as(printer.credential(), json(post(API + "/devices/" + printer.id() + "/sessions/current/releases"),
                    "{\"jobIds\":[\"" + job.id() + "\"]}"));
            if (session != null) {
                jobs.header("X-OpenCPS-Session", session);
                release.header("X-OpenCPS-Session", session);
            }
            mvc.perform(jobs).andExpect(status().isUnauthorized());
            mvc.perform(release).andExpect(status().isUnauthorized());
        }
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        var document = mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/releases/" + job.id() + "/document")))
                .andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(document.getContentAsString()).doesNotContain("%PDF");
        assertThat(printJobs.mine(member.actor())).singleElement()
                .satisfies(still -> assertThat(still.state()).isEqualTo(PrintJob.State.HELD));
    }

    @Test
    void aCustomerAdminsCardOnAMembersAccountGivesNoSessionNoJobsAndNoDocument() throws Exception {
        OrgId org = world.customer(world.root(), "Card Takeover Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        Registered hallPrinter = kit.printer(org, "Hall");
        PrintJob job = heldJobOf(member);
        Cookie adminSession = login(mvc, admin.email(), World.PASSWORD);

        // a printer the admin registers themselves, with an activation code, through the API
        String code = JsonPath.read(mvc.perform(json(post("/api/v1/organizations/" + org + "/devices/activation-codes")
                .cookie(adminSession), "{\"validityHours\":1}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.code");
        Registered adminsPrinter = DeviceKit.registered(kit.register(code, "PRINTER", "Admin's own printer"));

        registerFor(adminSession, org, member, "5E:C1:2E:7A").andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value(member.userId().toString()))
                .andExpect(jsonPath("$.addedBy").value(admin.userId().toString()))
                .andExpect(jsonPath("$.confirmedAt").isEmpty());

        for (Registered printer : new Registered[] {hallPrinter, adminsPrinter}) {
            deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"5EC12E7A\"}").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value(NOT_ACCEPTED)).andExpect(jsonPath("$.session").doesNotExist());
        }
        // nor with the admin's own PIN sent along
        deviceLogin(adminsPrinter, "{\"method\":\"CARD\",\"cardNumber\":\"5EC12E7A\",\"pin\":\"" + pins.myPin(admin.actor()).pin() + "\"}")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(NOT_ACCEPTED));
        nothingLeaksTo(hallPrinter, job, member);
        nothingLeaksTo(adminsPrinter, job, member);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_session WHERE org_id = ?").param(org.value()).query(Integer.class).single())
                .isZero();

        // the admin cannot confirm it on the member's behalf: the only confirm route is the owner's own
        String cardId = JsonPath.read(mvc.perform(get("/api/v1/organizations/" + org + "/members/" + member.userId() + "/cards")
                .cookie(adminSession)).andReturn().getResponse().getContentAsString(), "$[0].id");
        mvc.perform(post("/api/v1/me/cards/" + cardId + "/confirm").cookie(adminSession)).andExpect(status().isNotFound());
        assertThat(cards.userWithCard(org, "5EC12E7A")).isEmpty();

        // the audit names who added the card and says that it waits; the refused logins say why
        eventually(() -> assertThat(jdbc.sql(
                        "SELECT detail FROM audit_event WHERE type = 'CARD_REGISTERED' AND org_id = ? AND actor_user_id = ? AND subject = ?")
                .params(org.value(), admin.userId().value(), member.userId().toString()).query(String.class).list())
                .singleElement().asString().contains("waiting for its owner's confirmation"));
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'DEVICE_LOGIN_FAILED' AND org_id = ?").param(org.value())
                .query(String.class).list()).hasSize(3)
                .filteredOn(detail -> detail.contains("not yet confirmed by its owner")).hasSize(2);
    }

    @Test
    void aCustomRoleWithUsersManageGetsNothingEither() throws Exception {
        OrgId org = world.customer(world.root(), "Helpdesk Takeover Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var helpdesk = world.person(org, FixedRole.CUSTOMER_USER);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var role = roles.createCustomRole(admin.actor(), org, "Helpdesk", Set.of(Permission.USERS_VIEW, Permission.USERS_MANAGE));
        roles.setRoles(admin.actor(), org, helpdesk.userId(), Set.of(role.ref(), RoleRef.of(FixedRole.CUSTOMER_USER)));
        Registered printer = kit.printer(org, "Hall");
        PrintJob job = heldJobOf(member);

        registerFor(login(mvc, helpdesk.email(), World.PASSWORD), org, member, "HD0001").andExpect(status().isCreated());
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"HD0001\"}").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(NOT_ACCEPTED));
        // the helpdesk's own PIN with the card: refused as well
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"HD0001\",\"pin\":\"" + pins.myPin(helpdesk.actor()).pin() + "\"}")
                .andExpect(status().isUnauthorized());
        nothingLeaksTo(printer, job, member);
        assertThat(cards.userWithCard(org, "HD0001")).isEmpty();
    }

    @Test
    void theOwnerConfirmsInThePortalApiAndThenTheCardWorks() throws Exception {
        OrgId org = world.customer(world.root(), "Confirm Api Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_USER);
        Registered printer = kit.printer(org, "Hall");
        String cardId = JsonPath.read(registerFor(login(mvc, admin.email(), World.PASSWORD), org, member, "C0FF1234")
                .andReturn().getResponse().getContentAsString(), "$.id");

        Cookie memberSession = login(mvc, member.email(), World.PASSWORD);
        mvc.perform(get("/api/v1/me/cards").cookie(memberSession)).andExpect(jsonPath("$[0].id").value(cardId))
                .andExpect(jsonPath("$[0].confirmedAt").isEmpty());
        // a colleague cannot confirm it for them
        mvc.perform(post("/api/v1/me/cards/" + cardId + "/confirm").cookie(login(mvc, colleague.email(), World.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(cards.userWithCard(org, "C0FF1234")).isEmpty();

        mvc.perform(post("/api/v1/me/cards/" + cardId + "/confirm").cookie(memberSession)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(cardId)).andExpect(jsonPath("$.confirmedAt").isNotEmpty());
        // twice: nothing more happens
        mvc.perform(post("/api/v1/me/cards/" + cardId + "/confirm").cookie(memberSession)).andExpect(status().isOk());
        allEventsDelivered(jdbc);
        assertThat(kit.audited("CARD_CONFIRMED", org)).isOne();

        String session = JsonPath.read(deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"c0ff1234\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.session");
        mvc.perform(as(printer.credential(), get(API + "/devices/" + printer.id() + "/sessions/current/jobs"))
                .header("X-OpenCPS-Session", session)).andExpect(status().isOk());
        assertThat(cards.userWithCard(org, "C0FF1234")).contains(member.userId());
    }

    @Test
    void theOwnerConfirmsAtThePrinterWithTheCardAndTheirOwnPin() throws Exception {
        OrgId org = world.customer(world.root(), "Confirm Device Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        Registered printer = kit.printer(org, "Hall");
        registerFor(login(mvc, admin.email(), World.PASSWORD), org, member, "AB:CD:EF:01").andExpect(status().isCreated());
        String pin = pins.myPin(member.actor()).pin();

        // a wrong PIN with the card: refused, and the card still waits
        String wrongPin = pin.equals("000000") ? "000001" : "000000";
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"ABCDEF01\",\"pin\":\"" + wrongPin + "\"}")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(NOT_ACCEPTED));
        assertThat(cards.userWithCard(org, "ABCDEF01")).isEmpty();

        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"ABCDEF01\",\"pin\":\"" + pin + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.session").isNotEmpty());
        eventually(() -> assertThat(kit.audited("CARD_CONFIRMED", org)).isOne());
        // from now on the card alone logs the owner in
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"ABCDEF01\"}").andExpect(status().isCreated());
        assertThat(cards.userWithCard(org, "ABCDEF01")).contains(member.userId());
        // a PIN sent along with a confirmed card must still be the owner's
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"ABCDEF01\",\"pin\":\"" + wrongPin + "\"}")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aCardTheOwnerRegistersThemselvesWorksAtOnce() throws Exception {
        OrgId org = world.customer(world.root(), "Own Card Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        Registered printer = kit.printer(org, "Hall");
        mvc.perform(json(post("/api/v1/me/cards").cookie(login(mvc, member.email(), World.PASSWORD)), "{\"number\":\"0E0E0E0E\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.confirmedAt").isNotEmpty())
                .andExpect(jsonPath("$.addedBy").value(member.userId().toString()));
        // an admin registering a card on their own account through the members route: theirs, so active too
        registerFor(login(mvc, admin.email(), World.PASSWORD), org, admin, "0F0F0F0F").andExpect(status().isCreated())
                .andExpect(jsonPath("$.confirmedAt").isNotEmpty());
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"0E0E0E0E\"}").andExpect(status().isCreated());
        deviceLogin(printer, "{\"method\":\"CARD\",\"cardNumber\":\"0F0F0F0F\"}").andExpect(status().isCreated());
        allEventsDelivered(jdbc);
        assertThat(kit.audited("CARD_REGISTERED", org)).as("the cards are recorded").isEqualTo(2);
        assertThat(kit.audited("CARD_CONFIRMED", org)).isZero();
    }
}
