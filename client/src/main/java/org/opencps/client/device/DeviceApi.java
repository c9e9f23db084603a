package org.opencps.client.device;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.client.device.DeviceMessages.AddedPrinter;
import org.opencps.client.device.DeviceMessages.HeartbeatAnswer;
import org.opencps.client.device.DeviceMessages.Heartbeat;
import org.opencps.client.device.DeviceMessages.HeldJob;
import org.opencps.client.device.DeviceMessages.Login;
import org.opencps.client.device.DeviceMessages.NewPrinter;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Registered;
import org.opencps.client.device.DeviceMessages.Registration;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.device.DeviceMessages.ReleaseAnswer;
import org.opencps.client.device.DeviceMessages.ReleaseRequest;
import org.opencps.client.device.DeviceMessages.ScanAnswer;
import org.opencps.client.device.DeviceMessages.Rotated;
import org.opencps.client.device.DeviceMessages.Session;
import org.opencps.client.http.ApiClient;

/** The Device API (docs/device-api.md), as one device credential calls it. */
public final class DeviceApi {

    static final String BASE = "/api/device/v1";
    static final String SESSION_HEADER = "X-OpenCPS-Session";

    private final ApiClient api;

    public DeviceApi(HttpClient http, URI server, String credential) {
        this.api = new ApiClient(http, server, Map.of("Authorization", "Bearer " + credential));
    }

    /** Registers with an activation code (no credential yet). */
    public static Registered register(HttpClient http, URI server, Registration registration)
            throws IOException, InterruptedException {
        return new ApiClient(http, server, Map.of()).post(BASE + "/registrations", registration, Registered.class);
    }

    public URI server() {
        return api.base();
    }

    public Rotated rotateCredential() throws IOException, InterruptedException {
        return api.post(BASE + "/credential", null, Rotated.class);
    }

    public AddedPrinter addPrinter(NewPrinter printer) throws IOException, InterruptedException {
        return api.post(BASE + "/printers", printer, AddedPrinter.class);
    }

    public HeartbeatAnswer heartbeat(String device, Heartbeat heartbeat) throws IOException, InterruptedException {
        return api.post(device(device) + "/heartbeat", heartbeat, HeartbeatAnswer.class);
    }

    public Session login(String device, Login login) throws IOException, InterruptedException {
        return api.post(device(device) + "/sessions", login, Session.class);
    }

    public void logout(String device, Session session) throws IOException, InterruptedException {
        withSession(session).delete(device(device) + "/sessions/current");
    }

    public List<HeldJob> heldJobs(String device, Session session) throws IOException, InterruptedException {
        return List.of(withSession(session).get(device(device) + "/sessions/current/jobs", HeldJob[].class));
    }

    public ReleaseAnswer release(String device, Session session, ReleaseRequest request) throws IOException, InterruptedException {
        return withSession(session).post(device(device) + "/sessions/current/releases", request, ReleaseAnswer.class);
    }

    /** Jobs released to the device and not yet reported (from the portal, or for an agent's printer). */
    public List<Release> releases(String device) throws IOException, InterruptedException {
        return List.of(api.get(device(device) + "/releases", Release[].class));
    }

    /** The released job's document as it streams; the caller closes it. */
    public InputStream document(String device, String jobId) throws IOException, InterruptedException {
        return api.open(api.request(device(device) + "/releases/" + uuid(jobId) + "/document").GET());
    }

    public void reportOutcome(String device, String jobId, Outcome outcome) throws IOException, InterruptedException {
        api.post(device(device) + "/releases/" + uuid(jobId) + "/outcome", outcome, Void.class);
    }

    /** Uploads one scanned document as the raw body ({@code query}: to=..., already URL-encoded); answered at once. */
    public ScanAnswer scan(String device, Session session, String query, String contentType, Path file)
            throws IOException, InterruptedException {
        ApiClient client = withSession(session);
        return client.exchange(client.request(device(device) + "/sessions/current/scans?" + query)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", contentType), ScanAnswer.class);
    }

    /** A scan of the person logged in, with its delivery state. */
    public ScanAnswer scanState(String device, Session session, String scanId) throws IOException, InterruptedException {
        return withSession(session).get(device(device) + "/sessions/current/scans/" + uuid(scanId), ScanAnswer.class);
    }

    private ApiClient withSession(Session session) {
        return api.withHeader(SESSION_HEADER, session.session());
    }

    private static String device(String device) {
        return BASE + "/devices/" + uuid(device);
    }

    /** Ids go into paths: only UUIDs do. */
    static String uuid(String id) {
        if (id == null) {
            throw new IllegalArgumentException("not an id (UUID): null");
        }
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an id (UUID): " + id);
        }
    }
}
