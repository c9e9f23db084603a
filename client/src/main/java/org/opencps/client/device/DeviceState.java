package org.opencps.client.device;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.opencps.client.CommandFailure;
import org.opencps.client.device.DeviceMessages.Registered;

/**
 * A device's state folder (owner-only): which server it is registered with and as what
 * ({@code device.properties}), its credential ({@code credential}), and for an agent the printers
 * it stands in for ({@code printers.properties}). One process at a time holds it ({@code lock}).
 */
public final class DeviceState implements AutoCloseable {

    /** Who the device is, once registered. */
    public record Identity(URI server, String deviceId, String organizationId, String kind) {
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DeviceState(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating it if needed) and locks the folder; fails if another process holds it. */
    public static DeviceState open(Path dir) {
        try {
            DurableFiles.ownerOnlyFolder(dir);
            FileChannel channel = FileChannel.open(dir.resolve("lock"), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    DurableFiles.attributes("rw-------"));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw CommandFailure.failed("another opencps process is using the state folder " + dir);
            }
            return new DeviceState(dir, channel, lock);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot use the state folder " + dir + ": " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    public Optional<Identity> identity() {
        Properties device = read("device.properties");
        if (device.getProperty("deviceId") == null || !Files.exists(dir.resolve("credential"))) {
            return Optional.empty();
        }
        return Optional.of(new Identity(URI.create(device.getProperty("server")), device.getProperty("deviceId"),
                device.getProperty("organizationId"), device.getProperty("kind")));
    }

    public String credential() {
        try {
            return Files.readString(dir.resolve("credential"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credential in " + dir, e);
        }
    }

    /** A serial number made up once for this device and kept (a simulator or agent has none of its own). */
    public String serialNumber(String prefix) throws IOException {
        Properties device = read("device.properties");
        String serial = device.getProperty("serialNumber");
        if (serial == null) {
            serial = prefix + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
            device.setProperty("serialNumber", serial);
            store("device.properties", device);
        }
        return serial;
    }

    /** Keeps a registration: the credential first, so a device id on disk always has its credential. */
    public void saveRegistration(URI server, String kind, Registered registered) throws IOException {
        saveCredential(registered.credential());
        Properties device = read("device.properties");
        device.setProperty("server", server.toString());
        device.setProperty("kind", kind);
        device.setProperty("deviceId", registered.deviceId());
        if (registered.organizationId() != null) {
            device.setProperty("organizationId", registered.organizationId());
        }
        store("device.properties", device);
    }

    public void saveCredential(String credential) throws IOException {
        DurableFiles.write(dir.resolve("credential"), credential + "\n");
    }

    /** The printers an agent stands in for: printer URI (without user name and password) to device id. */
    public Map<String, String> printers() {
        Map<String, String> printers = new TreeMap<>();
        read("printers.properties").forEach((uri, id) -> printers.put((String) uri, (String) id));
        return printers;
    }

    public void savePrinter(String uri, String deviceId) throws IOException {
        Properties printers = read("printers.properties");
        printers.setProperty(uri, deviceId);
        store("printers.properties", printers);
    }

    private Properties read(String name) {
        Properties properties = new Properties();
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            try {
                properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private void store(String name, Properties properties) throws IOException {
        var text = new StringWriter();
        properties.store(text, null);
        DurableFiles.write(dir.resolve(name), text.toString());
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
