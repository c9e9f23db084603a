package org.opencps.tenancy;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Channel;

/** A request for the organization came from an address outside its IP allow-list and was refused. */
public record OrganizationAccessRefused(OrgId orgId, Channel channel, UserId user, String sourceIp) {
}
