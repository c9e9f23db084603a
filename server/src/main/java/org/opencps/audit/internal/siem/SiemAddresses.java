package org.opencps.audit.internal.siem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server may send an organization's audit records. A customer admin types the host, so without this rule
 * they could make the server connect into its own network (and learn from the delivery status what answers there):
 * public addresses only, unless the operator allows private ones ({@code opencps.siem.allow-private-organization-targets},
 * for SIEMs inside the company network, and for tests). Checked when the target is set and again at each connection,
 * on the address actually connected to (a name that later resolves elsewhere gains nothing).
 */
@Component
public class SiemAddresses {

    private final boolean allowPrivate;

    SiemAddresses(@Value("${opencps.siem.allow-private-organization-targets:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Refuses (422) a host that is no host name or address, is unknown, or resolves to a private address. */
    public void requireAllowedHost(String field, String host) {
        if (host == null || !host.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new InvalidInputException(field, "problem.siem.host", "give the SIEM receiver's host name or address");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(field, "problem.siem.unknownHost", "the host " + host + " is not known", host);
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                throw new InvalidInputException(field, "problem.siem.privateHost", "the host " + host + " is in a private network;"
                        + " the operator can allow such SIEMs with opencps.siem.allow-private-organization-targets", host);
            }
        }
    }

    /** Whether an organization's records may go to this address. */
    public boolean allowed(InetAddress address) {
        return allowPrivate || !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address));
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
