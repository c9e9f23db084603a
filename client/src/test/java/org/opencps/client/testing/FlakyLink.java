package org.opencps.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a server that a test can cut and restore: the network between the agent and
 * OpenCPS. Cut, it drops every open connection and refuses new ones (nothing listens on its port);
 * restored, it listens again on the same port.
 */
public final class FlakyLink implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private FlakyLink(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    public static FlakyLink to(int targetPort) {
        var link = new FlakyLink(Tools.freePort(), new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        link.restore();
        return link;
    }

    public int port() {
        return port;
    }

    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port + " again", e);
        }
    }

    public synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        open.forEach(FlakyLink::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server;
                try {
                    server = new Socket(target.getAddress(), target.getPort());
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pipe(client, server));
                Thread.ofVirtual().start(() -> pipe(server, client));
            } catch (IOException e) {
                // closed by cut(), or the server refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // either side ended
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
