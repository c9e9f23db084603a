package org.opencps.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * The policy's rules of devices, the jobs released to them and print queues: each lets its own
 * through and refuses another device, agent or person the way the entry points answer (404 for a
 * device, which learns nothing of others). They depend on the facts passed in only, not on roles.
 */
class ResourceChecksTest {

    final AccessPolicy policy = new AccessPolicy(id -> Optional.empty(), null);
    final OrgId org = OrgId.random();
    final DeviceId hall = DeviceId.random();
    final DeviceId office = DeviceId.random();

    // a device fetches only the jobs released to it

    @Test
    void aDeviceMayTouchAJobReleasedToIt() {
        assertThatCode(() -> policy.requireReleasedTo(org, hall, new JobFacts(org, UserId.random(), hall))).doesNotThrowAnyException();
    }

    @Test
    void aJobReleasedToAnotherDeviceIsUnknownToThisOne() {
        assertThatThrownBy(() -> policy.requireReleasedTo(org, office, new JobFacts(org, UserId.random(), hall)))
                .isExactlyInstanceOf(NotFoundException.class).hasMessage("job not found");
    }

    @Test
    void aHeldJobAnUnknownJobAndOneOfAnotherOrganizationAreUnknownToo() {
        assertThatThrownBy(() -> policy.requireReleasedTo(org, hall, new JobFacts(org, UserId.random(), null)))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireReleasedTo(org, hall, null)).isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireReleasedTo(org, hall, new JobFacts(OrgId.random(), UserId.random(), hall)))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireReleasedTo(org, null, new JobFacts(org, UserId.random(), null)))
                .isExactlyInstanceOf(NotFoundException.class);
    }

    // a device acts as itself; an agent also for its active printers

    DeviceFacts agent(DeviceId id) {
        return new DeviceFacts(org, id, true, null, true);
    }

    DeviceFacts printer(DeviceId id, DeviceId agent, boolean active) {
        return new DeviceFacts(org, id, false, agent, active);
    }

    @Test
    void aDeviceActsAsItself() {
        assertThatCode(() -> policy.requireActsFor(printer(hall, null, true), hall, null)).doesNotThrowAnyException();
    }

    @Test
    void anAgentActsForTheActivePrintersItStandsInFor() {
        DeviceId agentId = DeviceId.random();
        DeviceId lan = DeviceId.random();
        assertThatCode(() -> policy.requireActsFor(agent(agentId), lan, printer(lan, agentId, true))).doesNotThrowAnyException();
    }

    @Test
    void anAgentDoesNotActForAnotherAgentsPrinterNorAnInactiveOneNorOneElsewhere() {
        DeviceId agentId = DeviceId.random();
        DeviceId otherAgent = DeviceId.random();
        DeviceId lan = DeviceId.random();
        assertThatThrownBy(() -> policy.requireActsFor(agent(agentId), lan, printer(lan, otherAgent, true)))
                .isExactlyInstanceOf(NotFoundException.class).hasMessage("device not found");
        assertThatThrownBy(() -> policy.requireActsFor(agent(agentId), lan, printer(lan, agentId, false)))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireActsFor(agent(agentId), lan,
                new DeviceFacts(OrgId.random(), lan, false, agentId, true))).isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireActsFor(agent(agentId), lan, null)).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void aPrinterDoesNotActForAnotherDeviceEvenOneNamingItAsItsAgent() {
        assertThatThrownBy(() -> policy.requireActsFor(printer(hall, null, true), office, printer(office, null, true)))
                .isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> policy.requireActsFor(printer(hall, null, true), office, printer(office, hall, true)))
                .isExactlyInstanceOf(NotFoundException.class);
    }

    // a queue is its owner's alone

    @Test
    void theOwnerMayUseTheirQueueWithAPasswordOrATokenOfItsOrganization() {
        UserId owner = UserId.random();
        var queue = new QueueFacts(org, owner);
        assertThat(policy.isOwnQueue(owner, null, queue)).isTrue();
        assertThat(policy.isOwnQueue(owner, org, queue)).isTrue();
    }

    @Test
    void anotherPersonOrATokenOfAnotherOrganizationMayNot() {
        UserId owner = UserId.random();
        var queue = new QueueFacts(org, owner);
        assertThat(policy.isOwnQueue(UserId.random(), null, queue)).isFalse();
        assertThat(policy.isOwnQueue(UserId.random(), org, queue)).isFalse();
        assertThat(policy.isOwnQueue(owner, OrgId.random(), queue)).isFalse();
        assertThat(policy.isOwnQueue(null, null, queue)).isFalse();
    }
}
