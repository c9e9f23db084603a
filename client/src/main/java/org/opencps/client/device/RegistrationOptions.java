package org.opencps.client.device;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a device keeps its state, and what it tells the server when it registers. */
public final class RegistrationOptions {

    public static final String ACTIVATION_CODE_ENV = "OPENCPS_ACTIVATION_CODE";

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "folder keeping the registration and credential, readable by you only (default: a folder under ~/.opencps)")
    Path stateDir;

    @Option(names = "--activation-code", paramLabel = "CODE",
            description = "one-time activation code from an administrator: registers on the first run"
                    + " (default: $" + ACTIVATION_CODE_ENV + "); later runs use the stored credential")
    String activationCode;

    @Option(names = "--name", paramLabel = "NAME", description = "the name shown in the portal (default: from the host name)")
    String name;

    @Option(names = "--model", paramLabel = "MODEL", description = "model reported at registration")
    String model;

    @Option(names = "--serial", paramLabel = "SERIAL", description = "serial number reported at registration (default: made up once and kept)")
    String serial;

    @Option(names = "--host-name", paramLabel = "HOST", description = "host name reported at registration (default: this computer's)")
    String hostName;

    @Option(names = "--ip-address", paramLabel = "IP", description = "IP address reported at registration (default: this computer's)")
    String ipAddress;

    /** The state folder given, or {@code ~/.opencps/<defaultName>}. */
    public Path stateDir(String defaultName) {
        return stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".opencps", defaultName);
    }
}
