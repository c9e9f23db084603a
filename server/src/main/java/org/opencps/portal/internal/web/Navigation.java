package org.opencps.portal.internal.web;

import java.util.Set;
import org.opencps.access.Permission;
import org.opencps.platform.ids.OrgKind;

/**
 * What the header offers the person in the organization they work in: only what their
 * permissions there allow. The pages check access again through the faces; this only hides
 * links that would end in a 403.
 */
public record Navigation(boolean ownJobs, boolean ownUsage, boolean tokens, boolean users, boolean groups, boolean roles,
                         boolean settings, boolean devices, boolean quotas, boolean reports,
                         boolean organizations, boolean licenseReport, boolean tree, boolean audit,
                         boolean scanWorkflows, boolean scanSettings, boolean reportSchedules) {

    static final Navigation NONE = new Navigation(false, false, false, false, false, false, false, false, false,
            false, false, false, false, false, false, false, false);

    static Navigation of(OrgKind kind, Set<Permission> held) {
        boolean customer = kind == OrgKind.CUSTOMER;
        return new Navigation(
                customer && held.contains(Permission.JOBS_OWN),
                customer && held.contains(Permission.REPORTS_OWN_USAGE),
                !held.isEmpty(),
                held.contains(Permission.USERS_VIEW),
                held.contains(Permission.GROUPS_VIEW),
                customer && held.contains(Permission.ROLES_MANAGE),
                held.contains(Permission.SETTINGS_VIEW),
                customer && held.contains(Permission.DEVICES_VIEW),
                customer && held.contains(Permission.QUOTAS_MANAGE),
                customer && held.contains(Permission.REPORTS_VIEW),
                kind.isProvider() && held.contains(Permission.ORGANIZATIONS_MANAGE),
                kind.isProvider() && held.contains(Permission.LICENSE_REPORTS_VIEW),
                kind == OrgKind.ROOT_PROVIDER && held.contains(Permission.LICENSE_REPORTS_VIEW),
                held.contains(Permission.AUDIT_VIEW),
                customer && held.contains(Permission.SCAN_WORKFLOWS_MANAGE),
                customer && held.contains(Permission.SETTINGS_VIEW),
                customer && held.contains(Permission.REPORT_SCHEDULES_MANAGE));
    }

    /** Anything to show as the administration part of the menu. */
    public boolean administration() {
        return users || groups || roles || settings || devices || quotas || reports || organizations || licenseReport || tree || audit
                || scanWorkflows || scanSettings || reportSchedules;
    }
}
