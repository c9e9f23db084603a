package org.opencps.access;

/**
 * The granular permissions custom roles are built from (PRODUCT.md §2), grouped as the portal
 * shows them. Provider-only permissions cannot be put into a custom role.
 */
public enum Permission {
    DEVICES_VIEW(Group.DEVICES, true),
    DEVICES_ADD(Group.DEVICES, false),
    DEVICES_EDIT(Group.DEVICES, false),
    DEVICES_REMOVE(Group.DEVICES, false),
    DEVICES_REGISTER(Group.DEVICES, false),
    DEVICE_GROUPS_MANAGE(Group.DEVICES, false),
    USERS_VIEW(Group.USERS, true),
    USERS_MANAGE(Group.USERS, false),
    GROUPS_VIEW(Group.GROUPS, true),
    GROUPS_MANAGE(Group.GROUPS, false),
    /** Print and scan one's own jobs; nobody has a permission to see another person's jobs. */
    JOBS_OWN(Group.JOBS, false),
    SCAN_WORKFLOWS_MANAGE(Group.SCAN_WORKFLOWS, false),
    /** User, user-group and device reports of the organization. */
    REPORTS_VIEW(Group.REPORTS, true),
    REPORTS_OWN_USAGE(Group.REPORTS, true),
    /** Schedule reports of the organization and manage the report recipients they go to. */
    REPORT_SCHEDULES_MANAGE(Group.REPORTS, false),
    SETTINGS_VIEW(Group.SETTINGS, true),
    SETTINGS_MANAGE(Group.SETTINGS, false),
    QUOTAS_MANAGE(Group.SETTINGS, false),
    /** The organization's audit trail: read it, export it, verify its chain, set its retention. */
    AUDIT_VIEW(Group.SETTINGS, true),
    ROLES_MANAGE(Group.USERS, false),
    /** Create, edit, discontinue and purge the organizations directly below; set their licenses. */
    ORGANIZATIONS_MANAGE(Group.PROVIDER, false),
    /** License and contract reports (rolled up and anonymized below the first level). */
    LICENSE_REPORTS_VIEW(Group.PROVIDER, true),
    /** EULA, privacy statement and client download links of the region (root provider). */
    REGION_LINKS_MANAGE(Group.PROVIDER, false);

    public enum Group { DEVICES, USERS, GROUPS, JOBS, SCAN_WORKFLOWS, REPORTS, SETTINGS, PROVIDER }

    private final Group group;
    private final boolean readOnly;

    Permission(Group group, boolean readOnly) {
        this.group = group;
        this.readOnly = readOnly;
    }

    public Group group() {
        return group;
    }

    /** Read-only permissions stay in force while an organization is discontinued. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Device permissions of a provider's roles reach the organizations directly below it. */
    public boolean reachesChildren() {
        return group == Group.DEVICES;
    }

    public boolean allowedInCustomRole() {
        return group != Group.PROVIDER;
    }
}
