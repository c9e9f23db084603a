package org.opencps.tenancy.internal.network;

import java.util.List;

/** An organization's IP allow-list as a rule: an empty list accepts every address. */
public final class AllowList {

    private final List<AddressRange> ranges;

    private AllowList(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /** The saved entries, which were validated when saved. */
    public static AllowList of(List<String> entries) {
        return new AllowList(entries.stream().map(AddressRange::parse).toList());
    }

    /** Whether {@code clientAddress} (as the servlet container reports it) is accepted; an address that is no IP literal never is. */
    public boolean allows(String clientAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = IpLiterals.parse(clientAddress).orElse(null);
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }
}
