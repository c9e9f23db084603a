package org.opencps.access;

import static org.opencps.access.Permission.*;

import java.util.EnumSet;
import java.util.Set;
import org.opencps.platform.ids.OrgKind;

/** The fixed roles of the PRODUCT.md §2 access table, each with exactly its permissions. */
public enum FixedRole {
    PROVIDER_ADMIN(true, EnumSet.of(
            DEVICES_VIEW, DEVICES_ADD, DEVICES_EDIT, DEVICES_REMOVE, DEVICES_REGISTER, DEVICE_GROUPS_MANAGE,
            USERS_VIEW, USERS_MANAGE, ROLES_MANAGE, SETTINGS_VIEW, SETTINGS_MANAGE, AUDIT_VIEW,
            ORGANIZATIONS_MANAGE, LICENSE_REPORTS_VIEW, REGION_LINKS_MANAGE, REPORT_SCHEDULES_MANAGE)),
    PROVIDER_SUPPORT(true, EnumSet.of(
            DEVICES_VIEW, DEVICES_EDIT, DEVICES_REGISTER, SETTINGS_VIEW, LICENSE_REPORTS_VIEW)),
    CUSTOMER_ADMIN(false, EnumSet.of(
            DEVICES_VIEW, DEVICES_ADD, DEVICES_EDIT, DEVICES_REMOVE, DEVICES_REGISTER, DEVICE_GROUPS_MANAGE,
            USERS_VIEW, USERS_MANAGE, GROUPS_VIEW, GROUPS_MANAGE, ROLES_MANAGE, JOBS_OWN, SCAN_WORKFLOWS_MANAGE,
            REPORTS_VIEW, REPORTS_OWN_USAGE, REPORT_SCHEDULES_MANAGE, SETTINGS_VIEW, SETTINGS_MANAGE, QUOTAS_MANAGE, AUDIT_VIEW)),
    PRINT_MANAGER(false, EnumSet.of(QUOTAS_MANAGE, JOBS_OWN, REPORTS_OWN_USAGE)),
    CUSTOMER_USER(false, EnumSet.of(JOBS_OWN, REPORTS_OWN_USAGE));

    private final boolean providerRole;
    private final Set<Permission> permissions;

    FixedRole(boolean providerRole, Set<Permission> permissions) {
        this.providerRole = providerRole;
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean appliesTo(OrgKind kind) {
        return providerRole == kind.isProvider();
    }
}
