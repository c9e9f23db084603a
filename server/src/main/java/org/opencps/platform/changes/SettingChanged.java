package org.opencps.platform.changes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * Something of an organization was changed by {@code changedBy} (null when no signed-in person did
 * it, e.g. a report recipient following the link in its mail): {@code auditType} names the change in
 * the trail (e.g. ENVIRONMENT_FACTORS_CHANGED), {@code subject} what was changed (null: the
 * organization's own setting), {@code before} and {@code after} hold each field's value as text (a
 * field missing from {@code before} had none, one missing from {@code after} is gone). Never a
 * secret's value: a changed secret is a field saying so.
 */
public record SettingChanged(OrgId orgId, UserId changedBy, String auditType, String subject, Map<String, String> before,
                             Map<String, String> after, Instant at, UUID eventId, RequestOrigin origin) {

    public SettingChanged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** A new occurrence of a change to the organization's own setting, taken in the request served on this thread (if any). */
    public SettingChanged(OrgId orgId, UserId changedBy, String auditType, Map<String, String> before,
                          Map<String, String> after, Instant at) {
        this(orgId, changedBy, auditType, null, before, after, at);
    }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public SettingChanged(OrgId orgId, UserId changedBy, String auditType, String subject, Map<String, String> before,
                          Map<String, String> after, Instant at) {
        this(orgId, changedBy, auditType, subject, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
