package org.opencps.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code client/opencps} launcher finds a Java 21+ (this machine's default java may be older) and runs the jar. */
class LauncherEndToEndTest {

    @Test
    void theLauncherRunsThePackagedJar() throws Exception {
        Path launcher = Path.of("opencps").toAbsolutePath();
        Process process = new ProcessBuilder(List.of(launcher.toString(), "--version")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("opencps 0.1.0");
    }
}
