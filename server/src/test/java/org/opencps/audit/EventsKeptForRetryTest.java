package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.RoleRef;
import org.opencps.devices.ActivationCodeCreated;
import org.opencps.devices.ActivationCodeRevoked;
import org.opencps.devices.CardAddedAtDevice;
import org.opencps.devices.DeviceCredentialRotated;
import org.opencps.devices.DeviceKind;
import org.opencps.devices.DeviceLoginSucceeded;
import org.opencps.devices.DeviceRegistered;
import org.opencps.devices.DeviceRemoved;
import org.opencps.devices.DeviceUnregistered;
import org.opencps.identity.AccountLocked;
import org.opencps.identity.ApiTokenCreated;
import org.opencps.identity.ApiTokenRevoked;
import org.opencps.identity.CardConfirmed;
import org.opencps.identity.CardRegistered;
import org.opencps.identity.CardRemoved;
import org.opencps.identity.InvitationAccepted;
import org.opencps.identity.InvitationSent;
import org.opencps.identity.MemberRemoved;
import org.opencps.identity.MemberRolesChanged;
import org.opencps.identity.PasswordChanged;
import org.opencps.identity.PinIssued;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Identity's and devices' events delivered after their commit are kept in the event registry
 * until delivered; one whose listener failed, or whose process stopped, is read back from there
 * to be delivered again. Each comes back as it went in, its {@code eventId} and request origin included.
 */
@OpenCpsTest
class EventsKeptForRetryTest {

    @Autowired EventSerializer serializer;

    @Test
    void everyEventDeliveredAfterItsCommitReadsBackAsItWasPublished() {
        OrgId org = new OrgId(UUID.randomUUID());
        UserId user = UserId.random();
        UserId by = UserId.random();
        DeviceId device = new DeviceId(UUID.randomUUID());
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2025-03-04T05:06:07.123456Z");
        Set<RoleRef> roles = Set.of(RoleRef.of(FixedRole.CUSTOMER_USER), RoleRef.custom(UUID.randomUUID()));
        List<Object> events = List.of(
                new AccountLocked(user, at.plusSeconds(1800), "192.0.2.1", at),
                new PasswordChanged(user, true, at),
                new InvitationSent(org, id, by, "someone@example.org", roles, at),
                new InvitationAccepted(org, id, user, at),
                new MemberRolesChanged(org, user, by, Set.of(), roles, at),
                new MemberRolesChanged(org, user, by, roles, Set.of(), at, UUID.randomUUID(), new RequestOrigin("192.0.2.9", "Agent/1.0 (\"x\")")),
                new MemberRemoved(org, user, by, at),
                new PinIssued(org, user, by, at),
                new CardRegistered(org, user, id, by, true, at),
                new CardConfirmed(org, user, id, "in the portal", at),
                new CardRemoved(org, user, id, by, at),
                new ApiTokenCreated(org, user, id, at),
                new ApiTokenRevoked(org, user, id, at),
                new ActivationCodeCreated(org, id, by, at.plusSeconds(86400), at),
                new ActivationCodeRevoked(org, id, by, at),
                new DeviceRegistered(org, device, DeviceKind.PRINTER, id, null, "192.0.2.2", at),
                new DeviceRegistered(org, device, DeviceKind.PRINTER, null, new DeviceId(UUID.randomUUID()), "192.0.2.3", at),
                new DeviceUnregistered(org, device, by, at),
                new DeviceRemoved(org, device, by, at),
                new DeviceCredentialRotated(org, device, "192.0.2.4", at),
                new DeviceLoginSucceeded(org, device, user, "PIN", at),
                new CardAddedAtDevice(org, device, user, id, at));
        for (Object event : events) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass())).as(stored.toString()).isEqualTo(event);
        }
    }
}
