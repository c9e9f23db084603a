package org.opencps.testing.peers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Debian packages put the peers' programs. A missing one fails the test (it never skips):
 * {@code .ci/run} installs them, and a developer's machine needs them too.
 */
final class PeerBinaries {

    static final Path IPPTOOL = Path.of("/usr/bin/ipptool");
    static final Path IPPTOOL_TESTS = Path.of("/usr/share/cups/ipptool");
    static final Path IPPEVEPRINTER = Path.of("/usr/sbin/ippeveprinter");
    static final Path CUPSD = Path.of("/usr/sbin/cupsd");
    static final Path LPADMIN = Path.of("/usr/sbin/lpadmin");
    static final Path LP = Path.of("/usr/bin/lp");
    static final Path LPSTAT = Path.of("/usr/bin/lpstat");
    static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");
    static final Path DBUS_SESSION_CONF = Path.of("/usr/share/dbus-1/session.conf");

    private PeerBinaries() {
    }

    /** The file, or an exception telling which Debian package provides it. */
    static Path require(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: install " + debianPackage + " (see .ci/run)");
        }
        return file;
    }

    static String ipptool() {
        return require(IPPTOOL, "cups-ipp-utils").toString();
    }

    static String ippeveprinter() {
        return require(IPPEVEPRINTER, "cups-ipp-utils").toString();
    }

    static String cupsd() {
        return require(CUPSD, "cups").toString();
    }

    static String cupsClient(Path tool) {
        return require(tool, "cups-client").toString();
    }

    static String dbusDaemon() {
        require(DBUS_SESSION_CONF, "dbus");
        return require(DBUS_DAEMON, "dbus").toString();
    }
}
