package org.opencps.client.testing;

import java.io.IOException;

/** What the device tests run against: the shared server, an organization of their own, a LAN printer. */
public record DeviceScene(ServerUnderTest server, Tenant tenant, LanPrinter printer) implements AutoCloseable {

    public static DeviceScene start(ServerUnderTest server, String label) {
        try {
            return new DeviceScene(server, Tenant.create(server, label), LanPrinter.start());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        printer.close();
    }
}
