package org.opencps.portal.internal.me;

import java.net.URI;

/**
 * The parts of a queue's ipp:// or ipps:// address that the setup steps of each system ask for;
 * {@code protocol} is how the systems' "add printer" forms name it. The port is text, so that no
 * language writes it as a number with separators ("8.080").
 */
record QueueAddress(String host, String port, String authority, String path, boolean tls, String protocol) {

    /** IPP's registered port, which an address without one means. */
    private static final int IPP_PORT = 631;

    static QueueAddress of(String printerUri) {
        URI uri = URI.create(printerUri);
        int port = uri.getPort() < 0 ? IPP_PORT : uri.getPort();
        boolean tls = "ipps".equalsIgnoreCase(uri.getScheme());
        return new QueueAddress(uri.getHost(), Integer.toString(port), uri.getHost() + ":" + port, uri.getRawPath(), tls, tls ? "IPPS" : "IPP");
    }
}
