package org.opencps.tenancy;

import org.opencps.platform.ids.OrgId;

/**
 * Implemented by every module that keeps rows (or keys, or documents) of an organization. When an
 * organization is purged, each participant deletes all of that organization's data inside the
 * purge's transaction; a participant that fails rolls the whole purge back, so it runs again later.
 */
public interface OrganizationPurgeParticipant {

    void purgeOrganizationData(OrgId org);
}
