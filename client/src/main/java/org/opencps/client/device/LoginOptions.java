package org.opencps.client.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencps.client.CommandFailure;
import org.opencps.client.device.DeviceMessages.Login;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How the person at the simulated panel logs in: one of PIN, card, or e-mail and password. */
public final class LoginOptions {

    @Option(names = "--pin", paramLabel = "PIN", required = true, description = "log in with this PIN")
    private String pin;

    @Option(names = "--card", paramLabel = "NUMBER", required = true, description = "log in with this ID card number")
    private String card;

    @ArgGroup(exclusive = false)
    private PasswordLogin password;

    /** E-mail address and a file holding the password (never the password itself on the command line). */
    static final class PasswordLogin {
        @Option(names = "--email", paramLabel = "EMAIL", required = true, description = "log in with this e-mail address ...")
        String email;

        @Option(names = "--password-file", paramLabel = "FILE", required = true, description = "... and the password in this file")
        Path passwordFile;
    }

    Login login() {
        if (pin != null) {
            return new Login("PIN", pin.strip(), null, null, null);
        }
        if (card != null) {
            return new Login("CARD", null, card.strip(), null, null);
        }
        try {
            String secret = Files.readString(password.passwordFile).strip();
            return new Login("PASSWORD", null, null, password.email.strip(), secret);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read the password file " + password.passwordFile);
        }
    }
}
