package org.opencps.devices.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.text.Names;

/** The rules for what devices and admins type about a device: names, host names, addresses, URIs. */
public final class DeviceFields {

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Set<String> PRINTER_SCHEMES = Set.of("ipp", "ipps", "http", "https");

    private DeviceFields() {
    }

    public static String name(String field, String value) {
        return Names.require(field, value, 100, "a device name");
    }

    /** Optional free text: blank is null; otherwise at most {@code max} characters, no control characters. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Names.require(field, value, max, field);
    }

    public static String hostName(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String host = value.strip();
        String withoutDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (withoutDot.isEmpty() || withoutDot.length() > 253) {
            throw new InvalidInputException("hostName", "problem.device.hostNameLength", "a host name has 1 to 253 characters");
        }
        for (String label : withoutDot.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new InvalidInputException("hostName", "problem.device.hostNameForm",
                        "a host name is made of labels of letters, digits and inner hyphens (up to 63 each), separated by dots");
            }
        }
        return withoutDot.toLowerCase(Locale.ROOT);
    }

    /** An IPv4 or IPv6 address literal; never looked up in DNS. */
    public static String ipAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String address = value.strip();
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.contains(":") && IPV6_CHARS.matcher(address).matches()) {
            try {
                // a literal with a colon is parsed, never resolved
                return java.net.InetAddress.getByName(address).getHostAddress();
            } catch (java.net.UnknownHostException notAnAddress) {
                // falls through to the refusal
            }
        }
        throw new InvalidInputException("ipAddress", "problem.device.ipAddress", "not an IPv4 or IPv6 address");
    }

    /** How an agent reaches a printer: ipp, ipps, http or https, with a host. */
    public static String printerUri(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("uri", "problem.device.uriRequired", "the printer's URI is required (ipp://, ipps://, http:// or https://)");
        }
        String text = value.strip();
        if (text.length() > 500) {
            throw new InvalidInputException("uri", "problem.device.uriLength", "a printer URI has at most 500 characters");
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !PRINTER_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new InvalidInputException("uri", "problem.device.uriForm", "a printer URI is ipp://, ipps://, http:// or https:// with a host and no user name");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("uri", "problem.device.uriInvalid", "not a valid URI");
        }
    }
}
