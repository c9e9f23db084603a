package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * The organization's Google Workspace import changed: connected, disconnected, selection chosen, import asked for,
 * finished or failed ({@code changedBy} null when the background job reports), a gone person deactivated; for the audit
 * trail.
 */
public record GoogleWorkspaceChanged(OrgId orgId, UserId changedBy, String change, Instant at, UUID eventId, RequestOrigin origin) {

    public GoogleWorkspaceChanged(OrgId orgId, UserId changedBy, String change, Instant at) {
        this(orgId, changedBy, change, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
