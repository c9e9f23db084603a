package org.opencps.platform.changes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * An organization's setting was changed by {@code changedBy}: {@code auditType} names the change in
 * the trail (e.g. ENVIRONMENT_FACTORS_CHANGED), {@code before} and {@code after} hold each field's
 * value in force as text (a field missing from {@code before} had none).
 */
public record SettingChanged(OrgId orgId, UserId changedBy, String auditType, Map<String, String> before,
                             Map<String, String> after, Instant at, UUID eventId, RequestOrigin origin) {

    public SettingChanged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public SettingChanged(OrgId orgId, UserId changedBy, String auditType, Map<String, String> before,
                          Map<String, String> after, Instant at) {
        this(orgId, changedBy, auditType, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
