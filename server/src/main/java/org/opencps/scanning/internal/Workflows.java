package org.opencps.scanning.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.devices.DeviceSession;
import org.opencps.identity.Group;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.opencps.scanning.internal.persistence.WorkflowStore;
import org.springframework.stereotype.Component;

/**
 * The workflows a person may use: those shared with everyone and those shared with a group they
 * belong to. A workflow not shared with them is refused exactly like one that does not exist.
 */
@Component
public class Workflows {

    private final WorkflowStore store;
    private final AddressStore addresses;
    private final Groups groups;

    Workflows(WorkflowStore store, AddressStore addresses, Groups groups) {
        this.store = store;
        this.addresses = addresses;
        this.groups = groups;
    }

    /** Shared with the person, by name. */
    public List<WorkflowStore.Row> sharedWith(OrgId org, UserId person) {
        Set<UUID> mine = groups.groupsOf(org, person).stream().map(Group::id).collect(Collectors.toSet());
        return store.list(org).stream()
                .filter(row -> row.workflow().everyone() || row.workflow().groups().stream().anyMatch(mine::contains))
                .sorted(Comparator.comparing(row -> row.workflow().name()))
                .toList();
    }

    public boolean isSharedWith(OrgId org, UserId person, UUID workflow) {
        return sharedWith(org, person).stream().anyMatch(row -> row.workflow().id().equals(workflow));
    }

    Destination forDevice(DeviceSession session, String name) {
        String wanted = name == null ? "" : name.strip();
        WorkflowStore.Row row = sharedWith(session.orgId(), session.userId()).stream()
                .filter(r -> r.workflow().name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ScanRefusal(Reason.WORKFLOW_NOT_SHARED, "no workflow named '" + wanted + "' is shared with you"));
        var workflow = row.workflow();
        String address = null;
        if (workflow.kind() == DestinationKind.ADDRESS_BOOK) {
            address = addresses.byName(session.orgId(), workflow.address()).map(e -> e.email())
                    .orElseThrow(() -> new ScanRefusal(Reason.UNKNOWN_DESTINATION, "the workflow's address-book entry '"
                            + workflow.address() + "' no longer exists"));
        }
        return new Destination(workflow.kind(), address, workflow.id(), workflow.name(), workflow.options(), row.sealedPassword());
    }
}
