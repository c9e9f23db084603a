package org.opencps.client.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencps.client.CommandFailure;
import org.opencps.client.DurationConverter;
import org.opencps.client.ExitCodes;
import org.opencps.client.env.Environment;
import org.opencps.client.device.DeviceMessages.HeldJob;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.device.DeviceMessages.ReleaseAnswer;
import org.opencps.client.device.DeviceMessages.Session;
import org.opencps.client.device.DeviceState.Identity;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.HttpClients;
import org.opencps.client.http.Json;
import org.opencps.client.http.Retry;
import org.opencps.client.http.ServerOptions;
import org.opencps.client.ipp.IppClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opencps device simulate}: one visit at a printer's panel, as its embedded app would make it.
 * Registers on the first run, then (as asked) sends a heartbeat, logs a person in, lists their held
 * jobs, scans files to a destination and waits for their delivery, releases some jobs, prints each
 * (to a real IPP printer or nowhere), reports the outcomes, logs out.
 */
@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Behave like a printer's embedded app against the Device API.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything asked for was done", "1:something failed (login, a refused or failed job, the server)",
                "2:usage error"})
public final class SimulateCommand implements Callable<Integer> {

    /** The most job ids one release request may carry. */
    static final int MAX_RELEASE_BATCH = 100;

    static final DeviceRegistration.Kind KIND = new DeviceRegistration.Kind("PRINTER", "OpenCPS device simulator",
            "Simulator on", "SIM-");

    @Mixin
    private ServerOptions serverOptions;

    @Mixin
    private RegistrationOptions registration;

    @Option(names = "--rotate-credential", description = "replace the device credential with a new one first")
    private boolean rotate;

    @Mixin
    private HeartbeatOptions heartbeat;

    @ArgGroup(exclusive = true)
    private LoginOptions login;

    @Mixin
    private ReleaseOptions release;

    @Mixin
    private ScanOptions scan;

    @Option(names = "--pending", description = "also print the jobs released to this device from the portal or API")
    private boolean pending;

    @Option(names = "--print-to", paramLabel = "URI",
            description = "send released documents to this IPP printer (ipp://host:port/path); without it they are discarded")
    private String printToText;

    @Option(names = "--printer-ca-cert", paramLabel = "FILE.pem", description = "trust only these certificates for an ipps:// printer")
    private Path printerCaCert;

    @Option(names = "--job-timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "how long the printer may take for a job (default: ${DEFAULT-VALUE})")
    private Duration jobTimeout;

    @Option(names = "--json", description = "write what happened as one JSON document to standard output")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private URI printTo;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Environment environment = Environment.of(spec);
        release.validate(login != null);
        scan.validate(login != null);
        var beat = heartbeat.requested() ? heartbeat.heartbeat() : null;
        printTo = printToText == null ? null : IppClient.printerUri("--print-to", printToText);
        Path dir = registration.stateDir("simulator");
        var report = new SimulationReport();
        try (var state = DeviceState.open(dir); var http = serverOptions.httpClient(); var printerHttp = HttpClients.create(printerCaCert)) {
            boolean registered = state.identity().isPresent();
            Identity identity = DeviceRegistration.ensure(state, registration, serverOptions.serverOrNull(environment), environment, http,
                    KIND, spec.commandLine().getErr());
            report.deviceId = identity.deviceId();
            report.registeredNow = !registered;
            var api = new DeviceApi(http, identity.server(), state.credential());
            var output = new SimulatedOutput(api, identity.deviceId(), new IppClient(printerHttp), printTo, jobTimeout, this::note);
            try {
                if (rotate) {
                    state.saveCredential(api.rotateCredential().credential());
                    api = new DeviceApi(http, identity.server(), state.credential());
                    output = new SimulatedOutput(api, identity.deviceId(), new IppClient(printerHttp), printTo, jobTimeout, this::note);
                    report.credentialRotated = true;
                    say("credential rotated");
                }
                if (beat != null) {
                    report.heartbeat = api.heartbeat(identity.deviceId(), beat);
                    say("heartbeat sent; security drift from the baseline: "
                            + (report.heartbeat.drift() == null || report.heartbeat.drift().isEmpty() ? "none" : report.heartbeat.drift())
                            + (report.heartbeat.releasesWaiting() == null ? "" : "; releases waiting: " + report.heartbeat.releasesWaiting()));
                }
                if (login != null) {
                    visit(api, identity, output, report);
                }
                if (pending) {
                    for (Release waiting : api.releases(identity.deviceId())) {
                        report.released.add(waiting);
                        print(api, identity, output, waiting, report);
                    }
                }
            } catch (ApiException e) {
                if (e.status() == 401) {
                    throw CommandFailure.failed("the server rejected the device credential (unregistered or revoked?)");
                }
                throw CommandFailure.failed(e.getMessage());
            } catch (IOException e) {
                throw CommandFailure.failed(Retry.describe(identity.server(), e));
            }
        } finally {
            if (json) {
                spec.commandLine().getOut().println(Json.writePretty(report));
            }
        }
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A person at the panel: login, list, release, print, logout (always, once logged in). */
    private void visit(DeviceApi api, Identity identity, SimulatedOutput output, SimulationReport report)
            throws IOException, InterruptedException {
        Session session;
        try {
            session = api.login(identity.deviceId(), login.login());
        } catch (ApiException e) {
            report.loginError = switch (e.status()) {
                case 401 -> "login refused (wrong PIN, card or password)";
                case 423 -> "login refused: locked" + (e.detail() == null ? "" : " (" + e.detail() + ")");
                case 429 -> "login refused: too many attempts, try later" + (e.detail() == null ? "" : " (" + e.detail() + ")");
                default -> "login refused: " + e.getMessage();
            };
            note(report.loginError);
            return;
        }
        report.person = session.displayName();
        say("logged in: " + session.displayName());
        try {
            report.heldJobs = api.heldJobs(identity.deviceId(), session);
            say(report.heldJobs.size() + " held job(s)");
            for (HeldJob job : report.heldJobs) {
                say("  " + job.jobId() + "  " + job.name() + "  " + job.pages() + " page(s) x " + job.copies()
                        + "  " + job.colorMode() + "  " + job.sides());
            }
            if (scan.requested()) {
                new SimulatedScans(api, identity.deviceId(), scan, this::say, this::note).scanAll(session, report);
            }
            List<String> ids = release.jobIds(report.heldJobs);
            for (int from = 0; from < ids.size(); from += MAX_RELEASE_BATCH) {
                var batch = ids.subList(from, Math.min(ids.size(), from + MAX_RELEASE_BATCH));
                ReleaseAnswer answer = api.release(identity.deviceId(), session, release.request(batch));
                report.released.addAll(answer.released());
                report.refused.addAll(answer.refused());
                answer.refused().forEach(r -> note("job " + r.jobId() + " refused: " + r.reason()));
                for (Release released : answer.released()) {
                    print(api, identity, output, released, report);
                }
            }
        } finally {
            try {
                api.logout(identity.deviceId(), session);
                report.loggedOut = true;
                say("logged out");
            } catch (IOException | ApiException e) {
                report.loggedOut = false;
                note("logout failed (the session ends by itself after the idle timeout): " + e.getMessage());
            }
        }
    }

    private void print(DeviceApi api, Identity identity, SimulatedOutput output, Release released, SimulationReport report)
            throws InterruptedException {
        say("job " + released.jobId() + " (" + released.name() + "): printing " + ReleaseTickets.expectedPages(released) + " page(s)"
                + (printTo == null ? " (discarded)" : " on " + IppClient.display(printTo)));
        Outcome outcome = output.print(released);
        String reportError = null;
        try {
            var retry = new Retry(identity.server(), Duration.ofMillis(500), Duration.ofSeconds(5), 4,
                    Retry.Sleeper.REAL_TIME, this::note);
            retry.call("reporting job " + released.jobId(), () -> {
                api.reportOutcome(identity.deviceId(), released.jobId(), outcome);
                return null;
            });
        } catch (IOException | ApiException e) {
            reportError = e.getMessage();
            note("job " + released.jobId() + ": outcome not reported: " + reportError);
        }
        report.printed.add(new SimulationReport.Printed(released.jobId(), released.name(), outcome, reportError == null, reportError));
        say("job " + released.jobId() + ": " + (outcome.success() ? "printed, " + outcome.pagesPrinted() + " page(s)"
                : "FAILED: " + outcome.message()) + (reportError == null ? "; reported" : ""));
    }

    /** A line of the human-readable account (not with --json, whose document says it all). */
    private void say(String line) {
        if (!json) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }

    /** A warning, on standard error. */
    private void note(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("opencps device simulate: " + line);
        err.flush();
    }
}
