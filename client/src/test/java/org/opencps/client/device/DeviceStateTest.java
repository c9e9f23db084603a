package org.opencps.client.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.CommandFailure;
import org.opencps.client.device.DeviceMessages.Registered;

/** The state folder: owner-only, one process at a time, the credential kept apart and replaced whole. */
class DeviceStateTest {

    @TempDir
    Path dir;

    @Test
    void aRegistrationIsKeptOwnerOnlyAndFoundAgain() throws Exception {
        Path state = dir.resolve("nested/state");
        try (var device = DeviceState.open(state)) {
            assertThat(device.identity()).isEmpty();
            device.saveRegistration(URI.create("https://print.example.org"), "PRINTER",
                    new Registered("3f6c1b2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "ocpsd_first"));
            String serial = device.serialNumber("SIM-");
            assertThat(device.serialNumber("SIM-")).isEqualTo(serial).startsWith("SIM-");
            device.saveCredential("ocpsd_rotated");
            device.savePrinter("ipp://printer.lan/ipp/print", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        }

        try (var device = DeviceState.open(state)) {
            var identity = device.identity().orElseThrow();
            assertThat(identity.deviceId()).isEqualTo("3f6c1b2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c");
            assertThat(identity.server()).isEqualTo(URI.create("https://print.example.org"));
            assertThat(device.credential()).isEqualTo("ocpsd_rotated");
            assertThat(device.printers()).containsEntry("ipp://printer.lan/ipp/print", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        }
        assertThat(permissions(state)).isEqualTo("rwx------");
        assertThat(permissions(state.resolve("credential"))).isEqualTo("rw-------");
        assertThat(permissions(state.resolve("device.properties"))).isEqualTo("rw-------");
        assertThat(Files.readString(state.resolve("device.properties"))).doesNotContain("ocpsd_");
    }

    @Test
    void oneProcessAtATimeUsesAStateFolder() {
        try (var first = DeviceState.open(dir)) {
            assertThatThrownBy(() -> DeviceState.open(dir)).isInstanceOf(CommandFailure.class)
                    .hasMessageContaining("another opencps process is using the state folder");
        }
        DeviceState.open(dir).close();
    }

    @Test
    void anExistingFolderOthersCouldReadIsMadeOwnerOnly() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        DeviceState.open(dir).close();

        assertThat(permissions(dir)).isEqualTo("rwx------");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
