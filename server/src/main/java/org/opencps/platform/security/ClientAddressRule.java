package org.opencps.platform.security;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Whether an organization accepts requests from a client's address (its IP allow-list); the
 * tenancy module implements it. The address is the one the server sees
 * ({@code HttpServletRequest.getRemoteAddr()}: the proxy's forwarded one only with
 * {@code server.forward-headers-strategy}).
 */
public interface ClientAddressRule {

    /**
     * @param user the person making the request, when there is one (for the audit trail)
     * @throws AddressNotAllowedException (recorded in the audit trail) when {@code org} does not accept {@code clientAddress}
     */
    void requireAllowed(OrgId org, String clientAddress, Channel channel, UserId user);
}
