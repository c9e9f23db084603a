package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.from;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceRegistration;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintJobs;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A print queue answers only addresses its organization's IP allow-list accepts, with a password
 * or token (Basic) and at the secret queue URL alike, before any credential is checked; so does
 * the IPP INFRA printer of its devices; a refusal stores nothing and is audited. Tests run on loopback, outside a list of 10.0.0.0/8.
 */
@OpenCpsTest
class IppAllowListTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired Organizations organizations;
    @Autowired JdbcClient jdbc;
    @Autowired ActivationCodes codes;
    @Autowired DeviceRegistrations registrations;

    IppCalls calls;
    OrgId org;
    World.Person person;
    String path;

    @BeforeEach
    void queueOfAnOrganizationWithAList() {
        calls = new IppCalls(mvc);
        org = world.customer(world.root(), Ipp.unique("Allow Ipp Co"));
        person = world.person(org, FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
        organizations.updateSettings(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org,
                new OrganizationSettings(30, 24, List.of("10.0.0.0/8"), null), "10.0.0.1");
    }

    @Test
    void basicFromOutsideTheListIsRefusedBeforeThePasswordIsChecked() throws Exception {
        var refused = calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("accepts requests only from its own networks");
        var ipv6 = calls.http(path, printJob(), Ipp.basic(person.email(), "Wrong-pass-1"), true, from("0:0:0:0:0:0:0:1"));
        assertThat(ipv6.getStatus()).isEqualTo(403);
        var attributes = calls.http(path, Ipp.bytes(Ipp.request(Operation.getPrinterAttributes)), null, true);
        assertThat(attributes.getStatus()).isEqualTo(403);
        assertThat(printJobs.mine(person.actor())).isEmpty();
        assertThat(refusals()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ?")
                .param(person.userId().value()).query(Integer.class).single()).as("the password was never checked").isZero();

        var inside = calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true, from(Api.freshAddressIn10()));
        assertThat(Ipp.status(Ipp.parse(inside.getContentAsByteArray()))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
    }

    @Test
    void theSecretQueueUrlFromOutsideTheListIsRefused() throws Exception {
        String secretPath = "/ipp/secret/" + queues.newSecret(person.actor()).secret();

        assertThat(calls.http(secretPath, printJob(), null, true).getStatus()).isEqualTo(403);
        assertThat(printJobs.mine(person.actor())).isEmpty();
        assertThat(refusals()).isOne();

        var inside = calls.http(secretPath, printJob(), null, true, from(Api.freshAddressIn10()));
        assertThat(Ipp.status(Ipp.parse(inside.getContentAsByteArray()))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
    }

    @Test
    void anInfraProxyOutsideTheListIsRefusedBeforeItsRequestIsRead() throws Exception {
        String code = codes.create(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, null, "infra").code();
        var printer = registrations.register(new DeviceRegistration(code, DeviceKind.PRINTER, "Proxied", "Test MFP", "SN-1",
                "mfp.example.org", "10.0.0.5"), "10.0.0.5");
        String credential = Ipp.basic("proxy", printer.credential());
        IppPacket.Builder attributes = new IppPacket.Builder(Operation.getPrinterAttributes.getCode());
        attributes.setVersionNumber(0x0200);
        attributes.setRequestId(5);
        attributes.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(URI.create("ipps://localhost/ipp/infra/" + printer.deviceId())));
        String infra = "/ipp/infra/" + printer.deviceId();

        var refused = calls.http(infra, Ipp.bytes(attributes), credential, true);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("accepts requests only from its own networks");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ADDRESS_NOT_ALLOWED' AND org_id = ? AND subject = 'DEVICE'")
                .param(org.value()).query(Integer.class).single()).isOne();

        var inside = calls.http(infra, Ipp.bytes(attributes), credential, true, from(Api.freshAddressIn10()));
        assertThat(inside.getStatus()).isEqualTo(200);
        assertThat(Ipp.status(Ipp.parse(inside.getContentAsByteArray()))).isEqualTo(Status.successfulOk);
    }

    private int refusals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ADDRESS_NOT_ALLOWED' AND org_id = ? AND subject = 'IPP'")
                .param(org.value()).query(Integer.class).single();
    }

    private static byte[] printJob() {
        return Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
    }
}
