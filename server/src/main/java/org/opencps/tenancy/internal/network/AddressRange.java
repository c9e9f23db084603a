package org.opencps.tenancy.internal.network;

import java.util.regex.Pattern;

/**
 * One entry of an IP allow-list: an IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24},
 * {@code 2001:db8::/32}) or a single address. An IPv4 network never contains an IPv6 address and
 * the other way round, but for IPv4-mapped IPv6 addresses, which are their IPv4 address.
 */
public final class AddressRange {

    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text}, for the person who typed it */
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] network = IpLiterals.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "\"" + text + "\" is not an IPv4 or IPv6 network (write it like 192.0.2.0/24 or 2001:db8::/32)"));
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!PREFIX.matcher(length).matches() || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("\"" + text + "\": the number after / is the prefix length, 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        var range = new AddressRange(network, prefix);
        if (!range.hostBitsClear()) {
            throw new IllegalArgumentException("\"" + text + "\" has address bits set beyond its /" + prefix
                    + " prefix; give the network's first address");
        }
        return range;
    }

    /** Whether {@code address} (4 or 16 bytes, as {@link IpLiterals} gives it) lies in this range. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    private boolean hostBitsClear() {
        for (int bit = prefixLength; bit < network.length * 8; bit++) {
            if ((network[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
