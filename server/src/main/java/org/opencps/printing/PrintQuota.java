package org.opencps.printing;

import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * A monthly page quota (calendar month, UTC) of one user, or of one group: a group's quota is a
 * pool all its members share, charged together with each member's own quota. A null limit is
 * unlimited.
 */
public record PrintQuota(OrgId orgId, Scope scope, UUID id, Integer colorPagesPerMonth, Integer monochromePagesPerMonth) {

    public enum Scope { USER, GROUP }

    /** The most a quota may allow per month (ten million pages). */
    public static final int MAX_PAGES_PER_MONTH = 10_000_000;
}
