package org.opencps.devices;

import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record ActivationCodeRevoked(OrgId org, UUID code, UserId by) {
}
