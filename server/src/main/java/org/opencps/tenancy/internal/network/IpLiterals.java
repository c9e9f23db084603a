package org.opencps.tenancy.internal.network;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 address literals to bytes, strictly and without ever asking DNS (which
 * {@code InetAddress.getByName} may do for a text that is not quite a literal). An IPv4-mapped
 * IPv6 address ({@code ::ffff:192.0.2.7}, as a dual-stack socket reports an IPv4 client) is the
 * IPv4 address.
 */
public final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpLiterals() {
    }

    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        byte[] address = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        if (address != null && address.length == 16 && isIpv4Mapped(address)) {
            byte[] v4 = new byte[4];
            System.arraycopy(address, 12, v4, 0, 4);
            return Optional.of(v4);
        }
        return Optional.ofNullable(address);
    }

    private static byte[] ipv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] front = groups(head, gap < 0);
        byte[] back = groups(tail, true);
        if (front == null || back == null) {
            return null;
        }
        int used = front.length + back.length;
        if (gap < 0 ? used != 16 : used > 14) {
            return null;
        }
        byte[] bytes = new byte[16];
        System.arraycopy(front, 0, bytes, 0, front.length);
        System.arraycopy(back, 0, bytes, 16 - back.length, back.length);
        return bytes;
    }

    /** Colon-separated hex groups, the last of which may be a dotted IPv4 address where {@code mayEndInIpv4}. */
    private static byte[] groups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) {
            return new byte[0];
        }
        String[] groups = part.split(":", -1);
        byte[] bytes = new byte[groups.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (i == groups.length - 1 && mayEndInIpv4 && group.indexOf('.') >= 0) {
                byte[] v4 = ipv4(group);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, bytes, n, 4);
                n += 4;
            } else if (HEX_GROUP.matcher(group).matches()) {
                int value = Integer.parseInt(group, 16);
                bytes[n++] = (byte) (value >> 8);
                bytes[n++] = (byte) value;
            } else {
                return null;
            }
        }
        byte[] result = new byte[n];
        System.arraycopy(bytes, 0, result, 0, n);
        return result;
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }
}
