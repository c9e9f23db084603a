package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.ipp.InfraCalls.events;
import static org.opencps.ipp.InfraCalls.subscriptionId;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.Devices;
import org.opencps.devices.NewPrinter;
import org.opencps.devices.RegisteredDevice;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Printer subscriptions of INFRA proxies are kept in the database: their leases run out on the
 * clock (7 days at most, renewed by asking for notifications), a printer holds at most 10, only the
 * credential that made one can use it, and they end with the printer and the organization.
 * Surviving a restart: {@link InfraSubscriptionRestartTest}.
 */
@IppServerTest
class InfraSubscriptionsTest {

    static final int SEVEN_DAYS = 7 * 24 * 3600;

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired ActivationCodes activationCodes;
    @Autowired DeviceRegistrations registrations;
    @Autowired Devices devices;
    @Autowired Organizations organizations;
    @Autowired PrintJobs printJobs;
    @Autowired PrintReleases releases;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    InfraCalls calls;
    String orgName;
    OrgId org;
    RegisteredDevice printer;

    @BeforeEach
    void aPrinter() {
        calls = new InfraCalls(port);
        orgName = Ipp.unique("Subscriptions Co");
        org = world.customer(world.root(), orgName);
        printer = InfraCalls.register(world, activationCodes, registrations, org, "Lobby");
    }

    @Test
    void aLeaseRunsOutOnTheClockUnlessNotificationsAreAskedFor() {
        IppPacket created = subscribe(printer, 60);
        int id = subscriptionId(created);
        assertThat(created.get(Tag.subscriptionAttributes).getValue(Types.notifyLeaseDuration)).isEqualTo(60);

        clock.advance(Duration.ofSeconds(59));
        assertThat(status(Operation.getSubscriptionAttributes, printer, id)).isEqualTo(Status.successfulOk);
        assertThat(events(notifications(printer, id, 1))).as("asking renews the lease for 60 seconds").isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(status(Operation.getSubscriptionAttributes, printer, id)).isEqualTo(Status.successfulOk);

        clock.advance(Duration.ofSeconds(1));
        assertThat(status(Operation.getSubscriptionAttributes, printer, id)).isEqualTo(Status.clientErrorNotFound);
        assertThat(Ipp.status(notifications(printer, id, 1))).isEqualTo(Status.clientErrorNotFound);
        assertThat(status(Operation.renewSubscription, printer, id)).isEqualTo(Status.clientErrorNotFound);
    }

    @Test
    void askingForNoExpiryOrMoreThanSevenDaysGetsSevenDaysAndRenewSubscriptionGrantsAnotherLease() {
        assertThat(leaseOf(subscribe(printer, SEVEN_DAYS - 1))).isEqualTo(SEVEN_DAYS - 1);
        assertThat(leaseOf(subscribe(printer, SEVEN_DAYS + 1))).isEqualTo(SEVEN_DAYS);
        IppPacket forever = subscribe(printer, 0);
        assertThat(leaseOf(forever)).isEqualTo(SEVEN_DAYS);
        int id = subscriptionId(forever);

        clock.advance(Duration.ofSeconds(SEVEN_DAYS - 1));
        var renew = calls.request(Operation.renewSubscription, printer.deviceId())
                .putOperationAttributes(Types.notifySubscriptionId.of(id), Types.notifyLeaseDuration.of(120));
        assertThat(leaseOf(calls.call(printer.deviceId(), printer.credential(), renew))).isEqualTo(120);
        clock.advance(Duration.ofSeconds(119));
        IppPacket described = calls.onSubscription(Operation.getSubscriptionAttributes, printer.deviceId(), printer.credential(), id);
        assertThat(Ipp.status(described)).isEqualTo(Status.successfulOk);
        assertThat(described.get(Tag.subscriptionAttributes).getValue(Types.notifyLeaseDuration)).isEqualTo(120);

        clock.advance(Duration.ofSeconds(1));
        assertThat(status(Operation.getSubscriptionAttributes, printer, id)).isEqualTo(Status.clientErrorNotFound);
    }

    @Test
    void aPrinterHoldsAtMostTenLiveSubscriptions() {
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(subscriptionId(subscribe(printer, 0)));
        }
        int shortLived = subscriptionId(subscribe(printer, 60));

        IppPacket eleventh = subscribe(printer, 0);
        assertThat(Ipp.status(eleventh)).isEqualTo(Status.clientErrorTooManySubscriptions);
        RegisteredDevice other = InfraCalls.register(world, activationCodes, registrations, org, "Annex");
        assertThat(Ipp.status(subscribe(other, 0))).as("the cap is per printer").isEqualTo(Status.successfulOk);

        assertThat(status(Operation.cancelSubscription, printer, ids.getFirst())).isEqualTo(Status.successfulOk);
        int afterCancel = subscriptionId(subscribe(printer, 0));
        assertThat(afterCancel).as("a number is never given out twice").isGreaterThan(shortLived);
        assertThat(Ipp.status(subscribe(printer, 0))).isEqualTo(Status.clientErrorTooManySubscriptions);

        clock.advance(Duration.ofSeconds(60));
        assertThat(Ipp.status(subscribe(printer, 0))).as("an expired one no longer counts").isEqualTo(Status.successfulOk);
        assertThat(Ipp.status(subscribe(printer, 0))).isEqualTo(Status.clientErrorTooManySubscriptions);
        assertThat(subscriptionRows(printer.deviceId())).isEqualTo(10);
    }

    @Test
    void anotherOrganizationsPrinterDoesNotFindTheSubscription() {
        int id = subscriptionId(subscribe(printer, 0));
        OrgId otherOrg = world.customer(world.root(), Ipp.unique("Other Co"));
        RegisteredDevice theirs = InfraCalls.register(world, activationCodes, registrations, otherOrg, "Theirs");

        for (Operation operation : List.of(Operation.getSubscriptionAttributes, Operation.renewSubscription,
                Operation.cancelSubscription)) {
            assertThat(status(operation, theirs, id)).as(operation.getName()).isEqualTo(Status.clientErrorNotFound);
        }
        assertThat(Ipp.status(notifications(theirs, id, 1))).isEqualTo(Status.clientErrorNotFound);
        IppPacket listed = calls.call(theirs.deviceId(), theirs.credential(),
                calls.request(Operation.getSubscriptions, theirs.deviceId()));
        assertThat(listed.getAttributeGroups()).noneMatch(group -> group.getTag().equals(Tag.subscriptionAttributes));

        assertThat(status(Operation.getSubscriptionAttributes, printer, id)).isEqualTo(Status.successfulOk);
    }

    @Test
    void sequenceNumbersOfASubscriptionRiseAndAreKeptWithIt() {
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        int id = subscriptionId(subscribe(printer, 0));
        release(person, printer.deviceId());

        List<Integer> first = sequenceNumbers(notifications(printer, id, 1));
        release(person, printer.deviceId());
        List<Integer> second = sequenceNumbers(notifications(printer, id, 2));

        assertThat(first).containsExactly(1);
        assertThat(second).containsExactly(2);
        assertThat(jdbc.sql("SELECT last_sequence FROM ipp_infra_subscription WHERE org_id = ? AND device_id = ? AND subscription_id = ?")
                .params(org.value(), printer.deviceId().value(), id).query(Integer.class).single()).isEqualTo(2);
        IppPacket described = calls.onSubscription(Operation.getSubscriptionAttributes, printer.deviceId(), printer.credential(), id);
        assertThat(described.get(Tag.subscriptionAttributes).getValue(Types.notifySequenceNumber)).isEqualTo(2);
    }

    @Test
    void unregisteringOrRemovingThePrinterEndsItsSubscriptions() {
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        RegisteredDevice removed = InfraCalls.register(world, activationCodes, registrations, org, "Basement");
        subscribe(printer, 0);
        subscribe(printer, 0);
        subscribe(removed, 0);

        devices.unregister(admin, org, printer.deviceId());
        devices.remove(admin, org, removed.deviceId());

        assertThat(subscriptionRows(printer.deviceId())).isZero();
        assertThat(subscriptionRows(removed.deviceId())).isZero();
    }

    @Test
    void subscriptionsMadeWithAnAgentsCredentialEndWhenTheAgentIsUnregistered() {
        RegisteredDevice agent = InfraCalls.register(world, activationCodes, registrations, org, "Agent", DeviceKind.AGENT);
        DeviceId lanPrinter = registrations.addPrinter(new DevicePrincipal(org, agent.deviceId(), DeviceKind.AGENT),
                new NewPrinter("LAN printer", "ipp://192.0.2.7/ipp/print", "Test MFP", "SN-LAN", "lan.example.org", "192.0.2.7"),
                "127.0.0.1");
        int id = subscriptionId(calls.subscribe(lanPrinter, agent.credential(), 0));
        assertThat(Ipp.status(calls.onSubscription(Operation.getSubscriptionAttributes, lanPrinter, agent.credential(), id)))
                .isEqualTo(Status.successfulOk);

        devices.unregister(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, agent.deviceId());

        assertThat(subscriptionRows(lanPrinter)).isZero();
    }

    @Test
    void purgingTheOrganizationLeavesNoSubscriptionRow() {
        subscribe(printer, 0);
        OrgId otherOrg = world.customer(world.root(), Ipp.unique("Staying Co"));
        RegisteredDevice staying = InfraCalls.register(world, activationCodes, registrations, otherOrg, "Staying");
        subscribe(staying, 0);

        organizations.purgeNow(world.rootAdmin().actor(), org, orgName);

        for (String table : List.of("ipp_infra_subscription", "ipp_infra_printer")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?").param(org.value())
                    .query(Integer.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_infra_subscription WHERE org_id = ?").param(otherOrg.value())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private IppPacket subscribe(RegisteredDevice device, int leaseSeconds) {
        return calls.subscribe(device.deviceId(), device.credential(), leaseSeconds);
    }

    private IppPacket notifications(RegisteredDevice device, int subscription, int from) {
        return calls.notifications(device.deviceId(), device.credential(), subscription, from);
    }

    private Status status(Operation operation, RegisteredDevice device, int subscription) {
        return Ipp.status(calls.onSubscription(operation, device.deviceId(), device.credential(), subscription));
    }

    private static int leaseOf(IppPacket answer) {
        assertThat(Ipp.status(answer)).isEqualTo(Status.successfulOk);
        return answer.get(Tag.subscriptionAttributes).getValue(Types.notifyLeaseDuration);
    }

    private static List<Integer> sequenceNumbers(IppPacket notifications) {
        return events(notifications).stream().map(event -> event.getValue(Types.notifySequenceNumber)).toList();
    }

    private int subscriptionRows(DeviceId device) {
        return jdbc.sql("SELECT COUNT(*) FROM ipp_infra_subscription WHERE org_id = ? AND device_id = ?")
                .params(org.value(), device.value()).query(Integer.class).single();
    }

    private void release(World.Person person, DeviceId to) {
        var ticket = new JobTicket("subscription-test", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API);
        PrintJob job = printJobs.submit(person.actor(), ticket, new ByteArrayInputStream(Ipp.pdf(1)));
        releases.release(person.actor(), job.id(), to, new ReleaseOptions(null, null, null));
    }
}
