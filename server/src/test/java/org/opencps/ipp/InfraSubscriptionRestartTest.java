package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.ipp.InfraCalls.events;
import static org.opencps.ipp.InfraCalls.subscriptionId;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.devices.RegisteredDevice;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.ReleaseOptions;
import org.opencps.testing.RestartableServer;
import org.opencps.testing.World;

/**
 * A proxy's printer subscription outlives a restart of the server: after it, Get-Notifications on
 * the same subscription id works, its events are the same ones under the same numbers (they are
 * kept in the database), and new events' numbers go on from where they were, never repeating one.
 */
class InfraSubscriptionRestartTest {

    @TempDir Path dataDir;

    @Test
    void getNotificationsWorksAfterARestartAndItsSequenceNumbersGoOnRising() {
        try (var server = new RestartableServer(dataDir)) {
            server.start();
            World world = server.world();
            OrgId org = world.customer(world.root(), "Restart Co");
            World.Person person = world.person(org, FixedRole.CUSTOMER_USER);
            RegisteredDevice printer = InfraCalls.register(world, server.bean(ActivationCodes.class),
                    server.bean(DeviceRegistrations.class), org, "Lobby");
            var calls = new InfraCalls(server.port());
            int id = subscriptionId(calls.subscribe(printer.deviceId(), printer.credential(), 0));
            release(server, person, printer);
            release(server, person, printer);
            List<AttributeGroup> before = events(calls.notifications(printer.deviceId(), printer.credential(), id, 1));
            assertThat(sequenceNumbers(before)).containsExactly(1, 2);

            server.stop();
            server.start();

            calls = new InfraCalls(server.port());
            IppPacket described = calls.onSubscription(Operation.getSubscriptionAttributes, printer.deviceId(),
                    printer.credential(), id);
            assertThat(Ipp.status(described)).isEqualTo(Status.successfulOk);
            assertThat(described.get(Tag.subscriptionAttributes).getValue(Types.notifySequenceNumber)).isEqualTo(2);
            List<AttributeGroup> after = events(calls.notifications(printer.deviceId(), printer.credential(), id, 1));
            assertThat(sequenceNumbers(after)).as("the same events under the same numbers").containsExactly(1, 2);
            assertThat(jobIds(after)).containsExactlyElementsOf(jobIds(before));
            assertThat(events(calls.notifications(printer.deviceId(), printer.credential(), id, 3))).as("not announced again").isEmpty();

            release(server, person, printer);
            List<AttributeGroup> newer = events(calls.notifications(printer.deviceId(), printer.credential(), id, 3));
            assertThat(sequenceNumbers(newer)).containsExactly(3);
            assertThat(jobIds(before)).doesNotContainAnyElementsOf(jobIds(newer));
        }
    }

    private static void release(RestartableServer server, World.Person person, RegisteredDevice printer) {
        var ticket = new JobTicket("restart-test", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API);
        PrintJob job = server.bean(PrintJobs.class).submit(person.actor(), ticket, new ByteArrayInputStream(Ipp.pdf(1)));
        server.bean(PrintReleases.class).release(person.actor(), job.id(), printer.deviceId(), new ReleaseOptions(null, null, null));
    }

    private static List<Integer> sequenceNumbers(List<AttributeGroup> events) {
        return events.stream().map(event -> event.getValue(Types.notifySequenceNumber)).toList();
    }

    private static List<Integer> jobIds(List<AttributeGroup> events) {
        return events.stream().map(event -> event.getValue(Types.jobId)).toList();
    }
}
