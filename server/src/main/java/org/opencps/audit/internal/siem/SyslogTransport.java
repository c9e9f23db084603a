package org.opencps.audit.internal.siem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Sends a batch of syslog messages to a target. Over TCP and TLS a batch goes over one connection,
 * octet-counted; the batch counts as delivered only once the receiver closed the connection after
 * our end of it (it read everything we sent): a write that merely reached our socket buffer does not.
 * UDP has no such answer: a datagram sent counts as delivered.
 */
final class SyslogTransport {

    private final SiemTarget target;
    private final SSLContext tls;
    private final Predicate<InetAddress> allowedAddress;

    /** {@code tls} is the context for a TLS target (trusting the target's CA), null otherwise. */
    SyslogTransport(SiemTarget target, SSLContext tls) {
        this(target, tls, address -> true);
    }

    /** As above, connecting only to an address {@code allowedAddress} accepts. */
    SyslogTransport(SiemTarget target, SSLContext tls, Predicate<InetAddress> allowedAddress) {
        this.target = target;
        this.tls = tls;
        this.allowedAddress = allowedAddress;
    }

    /** A connection refused before it was made: the target's host resolves to an address it may not use. */
    static final class AddressNotAllowed extends IOException {
        AddressNotAllowed(InetAddress address) {
            super("not allowed to send to " + address.getHostAddress());
        }
    }

    void send(List<byte[]> messages) throws IOException {
        switch (target.transport()) {
            case UDP -> sendUdp(messages);
            case TCP, TLS -> sendStream(messages);
        }
    }

    private void sendUdp(List<byte[]> messages) throws IOException {
        InetAddress address = allowed(InetAddress.getByName(target.host()));
        try (var socket = new DatagramSocket()) {
            for (byte[] message : messages) {
                socket.send(new DatagramPacket(message, message.length, address, target.port()));
            }
        }
    }

    private void sendStream(List<byte[]> messages) throws IOException {
        int timeout = (int) target.timeout().toMillis();
        try (Socket socket = open(timeout)) {
            socket.setSoTimeout(timeout);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            for (byte[] message : messages) {
                out.write(Syslog5424.octetCounted(message));
            }
            out.flush();
            socket.shutdownOutput();
            awaitReceiverClose(socket.getInputStream());
        }
    }

    private Socket open(int timeout) throws IOException {
        var plain = new Socket();
        try {
            var address = new InetSocketAddress(target.host(), target.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(target.host());
            }
            allowed(address.getAddress());
            plain.connect(address, timeout);
            if (target.transport() != SiemTarget.Transport.TLS) {
                return plain;
            }
            var socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            var parameters = socket.getSSLParameters();
            // The receiver's certificate must name the host we connect to, not only chain to the CA.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(timeout);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private InetAddress allowed(InetAddress address) throws AddressNotAllowed {
        if (!allowedAddress.test(address)) {
            throw new AddressNotAllowed(address);
        }
        return address;
    }

    /** Syslog receivers send nothing back; the end of their stream says they read ours to its end. */
    private static void awaitReceiverClose(InputStream in) throws IOException {
        byte[] ignored = new byte[256];
        while (in.read(ignored) >= 0) {
            // a receiver that answers something is read past
        }
    }
}
