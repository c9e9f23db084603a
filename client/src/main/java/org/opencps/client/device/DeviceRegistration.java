package org.opencps.client.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import org.opencps.client.CommandFailure;
import org.opencps.client.env.Environment;
import org.opencps.client.device.DeviceMessages.Registered;
import org.opencps.client.device.DeviceMessages.Registration;
import org.opencps.client.device.DeviceState.Identity;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.NetworkErrors;

/**
 * The first run registers with an activation code and keeps the credential; later runs find it in
 * the state folder and talk to the server they registered with.
 */
public final class DeviceRegistration {

    /** What kind of device registers, and how it describes itself by default. */
    public record Kind(String kind, String defaultModel, String namePrefix, String serialPrefix) {
    }

    private DeviceRegistration() {
    }

    /**
     * The registered identity, registering now if there is none yet.
     *
     * @param requestedServer the server named on the command line or in the environment, or {@code null}
     */
    public static Identity ensure(DeviceState state, RegistrationOptions options, URI requestedServer, Environment environment,
                                  HttpClient http, Kind kind, PrintWriter err) throws InterruptedException {
        var existing = state.identity();
        if (existing.isPresent()) {
            Identity identity = existing.get();
            if (requestedServer != null && !sameServer(requestedServer, identity.server())) {
                throw CommandFailure.usage("the state folder " + state.dir() + " is registered with " + identity.server()
                        + ", not " + requestedServer + "; use another --state-dir to register with another server");
            }
            if (options.activationCode != null) {
                err.println("opencps: already registered as " + identity.deviceId() + "; --activation-code not used");
            }
            return identity;
        }
        if (requestedServer == null) {
            throw CommandFailure.usage("not registered yet: give --server URL and --activation-code CODE");
        }
        String code = options.activationCode != null ? options.activationCode : environment.get(RegistrationOptions.ACTIVATION_CODE_ENV);
        if (code == null || code.isBlank()) {
            throw CommandFailure.usage("not registered yet (" + state.dir() + " holds no credential): give --activation-code CODE");
        }
        try {
            String host = options.hostName != null ? options.hostName : localHost().getHostName();
            var registration = new Registration(code.strip(), kind.kind(),
                    options.name != null ? options.name : kind.namePrefix() + " " + host,
                    options.model != null ? options.model : kind.defaultModel(),
                    options.serial != null ? options.serial : state.serialNumber(kind.serialPrefix()),
                    host, options.ipAddress != null ? options.ipAddress : localHost().getHostAddress());
            Registered registered = DeviceApi.register(http, requestedServer, registration);
            state.saveRegistration(requestedServer, kind.kind(), registered);
            err.println("opencps: registered as device " + registered.deviceId() + " with " + requestedServer);
            return state.identity().orElseThrow();
        } catch (ApiException e) {
            throw CommandFailure.failed("registration refused: " + (e.detail() != null ? e.detail() : e.getMessage()));
        } catch (IOException e) {
            throw CommandFailure.failed("registration failed: " + NetworkErrors.describe(requestedServer, e));
        }
    }

    static boolean sameServer(URI a, URI b) {
        return a.toString().replaceAll("/+$", "").equalsIgnoreCase(b.toString().replaceAll("/+$", ""));
    }

    private static InetAddress localHost() {
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
