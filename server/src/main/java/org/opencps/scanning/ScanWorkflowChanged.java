package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A scan workflow was created ({@code created}) or deleted, by {@code by}; {@code sharing} says
 * with whom it is shared ("everyone" or the number of groups). Never its password.
 */
public record ScanWorkflowChanged(OrgId org, UserId by, UUID workflow, String name, DestinationKind kind, String sharing,
                                  boolean created, Instant at, UUID eventId) {

    public ScanWorkflowChanged(OrgId org, UserId by, UUID workflow, String name, DestinationKind kind, String sharing,
                               boolean created, Instant at) {
        this(org, by, workflow, name, kind, sharing, created, at, UUID.randomUUID());
    }

    static String sharingOf(ScanWorkflow workflow) {
        return workflow.everyone() ? "everyone" : workflow.groups().size() + " groups";
    }
}
