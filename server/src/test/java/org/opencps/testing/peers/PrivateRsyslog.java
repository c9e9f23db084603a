package org.opencps.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An rsyslogd of our own, in the foreground, listening on loopback: syslog over TLS (gtls driver, with
 * the server certificate and CA the test made; with a client CA, it demands a client certificate
 * from that CA), over plain TCP and over UDP. Every message it receives it parses as RFC 5424 and
 * writes, re-assembled from its parsed fields, as one line of {@link #received()}. It can be
 * stopped and started again on the same ports.
 */
public final class PrivateRsyslog implements AutoCloseable {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The certificate files of the TLS listener: its CA (which also signs clients' certificates), its certificate and key;
     * and whether it demands a client certificate from that CA (else it takes any client, as an organization's SIEM that
     * knows no client certificate of ours does).
     */
    public record Tls(Path caFile, Path certificateFile, Path keyFile, boolean clientCertificateRequired) {

        public Tls(Path caFile, Path certificateFile, Path keyFile) {
            this(caFile, certificateFile, keyFile, true);
        }
    }

    private final Path dir;
    private final int tlsPort;
    private final int tcpPort;
    private final int udpPort;
    private PeerProcess process;

    private PrivateRsyslog(Path dir, Tls tls) {
        this.dir = dir;
        this.tlsPort = WorkDirs.freeLoopbackPort();
        this.tcpPort = WorkDirs.freeLoopbackPort();
        this.udpPort = WorkDirs.freeLoopbackPort();
        writeConfig(tls);
    }

    public static PrivateRsyslog start(Path dir, Tls tls) {
        PeerBinaries.require(RSYSLOGD, "rsyslog");
        PeerBinaries.require(findGtlsDriver(), "rsyslog-gnutls");
        var rsyslog = new PrivateRsyslog(dir, tls);
        rsyslog.startAgain();
        return rsyslog;
    }

    private static Path findGtlsDriver() {
        try (var files = Files.find(Path.of("/usr/lib"), 4, (path, attributes) -> path.endsWith("lmnsd_gtls.so"))) {
            return files.findFirst().orElse(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig(Tls tls) {
        String config = """
                global(workDirectory="%1$s/work" maxMessageSize="64k"
                       defaultNetstreamDriverCAFile="%5$s" defaultNetstreamDriverCertFile="%6$s" defaultNetstreamDriverKeyFile="%7$s")
                module(load="imtcp" maxSessions="200")
                module(load="imudp")
                input(type="imtcp" address="127.0.0.1" port="%3$d" ruleset="received")
                input(type="imtcp" address="127.0.0.1" port="%2$d" ruleset="received"
                      streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="%8$s")
                input(type="imudp" address="127.0.0.1" port="%4$d" ruleset="received")
                template(name="fields" type="string"
                         string="<%%PRI%%>1 %%TIMESTAMP:::date-rfc3339%% %%HOSTNAME%% %%APP-NAME%% %%PROCID%% %%MSGID%% %%STRUCTURED-DATA%% %%msg%%\\n")
                ruleset(name="received") {
                  action(type="omfile" file="%1$s/received.log" template="fields" flushOnTXEnd="on" asyncWriting="off")
                }
                """.formatted(dir, tlsPort, tcpPort, udpPort, tls.caFile(), tls.certificateFile(), tls.keyFile(),
                        tls.clientCertificateRequired() ? "x509/certvalid" : "anon");
        try {
            Files.createDirectories(dir.resolve("work"));
            Files.writeString(dir.resolve("rsyslog.conf"), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it (again), on the same ports, and waits until its TCP listeners accept connections. */
    public void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("rsyslogd is running");
        }
        process = PeerProcess.start("rsyslogd", List.of(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()), Map.of(), dir.resolve("rsyslogd.log"));
        Poll.until(START_TIMEOUT, "rsyslogd to listen on 127.0.0.1:" + tcpPort + " and :" + tlsPort, () -> {
            process.requireAlive();
            return Optional.of(true).filter(ok -> accepts(tcpPort) && accepts(tlsPort));
        }, process::logTail);
    }

    /** Stops it (SIGTERM, then SIGKILL); what it received stays in {@link #received()}. */
    public void stop() {
        process.close();
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int udpPort() {
        return udpPort;
    }

    /** What it wrote: one line per message received. */
    public List<String> received() {
        try {
            Path file = dir.resolve("received.log");
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
