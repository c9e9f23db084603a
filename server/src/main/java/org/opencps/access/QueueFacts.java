package org.opencps.access;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** What the access policy needs to know of a person's print queue: its organization and its owner. */
public record QueueFacts(OrgId org, UserId owner) {
}
