package org.opencps.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void neitherFileMeansPlainHttp() {
        assertThat(new TlsProperties(null, null).configured()).isFalse();
    }

    @Test
    void oneFileWithoutTheOtherIsRefused() {
        assertThatThrownBy(() -> new TlsProperties(dir.resolve("server.crt"), null).configured())
                .hasMessageContaining("must be set together");
        assertThatThrownBy(() -> new TlsProperties(null, dir.resolve("server.key")).configured())
                .hasMessageContaining("OPENCPS_TLS_PRIVATE_KEY");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path key = Files.writeString(dir.resolve("server.key"), "x");
        assertThatThrownBy(() -> new TlsProperties(dir.resolve("absent.crt"), key).configured())
                .hasMessageContaining("opencps.tls.certificate points at " + dir.resolve("absent.crt"));
    }

    @Test
    void bothFilesBecomeAReloadingPemBundleForTheServerWithTls12Minimum() throws IOException {
        Path certificate = Files.writeString(dir.resolve("server.crt"), "x");
        Path key = Files.writeString(dir.resolve("server.key"), "x");
        var tls = new TlsProperties(certificate, key);

        assertThat(tls.configured()).isTrue();
        assertThat(tls.serverSslProperties())
                .containsEntry("server.ssl.bundle", "server")
                .containsEntry("spring.ssl.bundle.pem.server.keystore.certificate", "file:" + certificate)
                .containsEntry("spring.ssl.bundle.pem.server.keystore.private-key", "file:" + key)
                .containsEntry("spring.ssl.bundle.pem.server.reload-on-update", "true")
                .containsEntry("spring.ssl.bundle.pem.server.options.enabled-protocols", "TLSv1.3,TLSv1.2");
    }
}
