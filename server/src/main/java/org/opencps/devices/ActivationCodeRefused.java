package org.opencps.devices;

import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/** {@code org} and {@code code} are null when no code matched. */
public record ActivationCodeRefused(OrgId org, UUID code, String reason, String sourceIp) {
}
