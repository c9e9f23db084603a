package org.opencps.client.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencps.client.DurationConverter;
import org.opencps.client.ExitCodes;
import org.opencps.client.env.Environment;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.device.DeviceRegistration;
import org.opencps.client.device.DeviceState;
import org.opencps.client.device.RegistrationOptions;
import org.opencps.client.device.ReleasePrinting;
import org.opencps.client.http.HttpClients;
import org.opencps.client.http.Retry;
import org.opencps.client.http.ServerOptions;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opencps agent}: the edge agent standing in for LAN printers. */
@Command(name = "agent", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run the edge agent, standing in for LAN printers.", "",
                "Registers with an activation code, reports the printers' status (asked over IPP) and prints the jobs",
                "released to them. Talks to OpenCPS over outbound HTTPS only, waits out network outages, and never",
                "prints a job twice (a journal in the state folder)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (or, with --once, everything went through)", "1:stopped by an error, or --once met one",
                "2:usage error"})
public final class AgentCommand implements Callable<Integer> {

    static final DeviceRegistration.Kind KIND = new DeviceRegistration.Kind("AGENT", "OpenCPS edge agent", "Agent on", "AGT-");

    @Mixin
    private ServerOptions serverOptions;

    @Mixin
    private RegistrationOptions registration;

    @Option(names = "--printer", paramLabel = "URI", required = true,
            description = "a LAN printer to stand in for, ipp://host[:port]/path or ipps://... (repeatable);"
                    + " a user name and password for the printer go in the URI")
    private List<String> printerUris = new ArrayList<>();

    @Option(names = "--printer-ca-cert", paramLabel = "FILE.pem",
            description = "trust only these certificates for ipps:// printers (their self-signed certificates, or their CA)")
    private Path printerCaCert;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "how often to look for released jobs (default: ${DEFAULT-VALUE})")
    private Duration pollInterval;

    @Option(names = "--heartbeat-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "how often to report status (default: ${DEFAULT-VALUE})")
    private Duration heartbeatInterval;

    @Option(names = "--job-timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "a printer not done with a job by then: canceled there and reported failed (default: ${DEFAULT-VALUE})")
    private Duration jobTimeout;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "longest wait between attempts while the server is unreachable (default: ${DEFAULT-VALUE})")
    private Duration maxBackoff;

    @Option(names = "--once", description = "one heartbeat and one pass over the waiting jobs, then exit")
    private boolean once;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Environment environment = Environment.of(spec);
        List<URI> printers = printerUris.stream().map(uri -> IppClient.printerUri("--printer", uri)).distinct().toList();
        var log = new AgentLog(spec.commandLine().getErr());
        Path dir = registration.stateDir("agent");
        try (var state = DeviceState.open(dir);
             var serverHttp = serverOptions.httpClient();
             var printerHttp = HttpClients.create(printerCaCert);
             var journal = Journal.open(dir.resolve("journal.jsonl"))) {
            var identity = DeviceRegistration.ensure(state, registration, serverOptions.serverOrNull(environment), environment, serverHttp,
                    KIND, spec.commandLine().getErr());
            var api = new DeviceApi(serverHttp, identity.server(), state.credential());
            var retry = new Retry(identity.server(), Duration.ofSeconds(1), maxBackoff, once ? 3 : 0,
                    Retry.Sleeper.REAL_TIME, log::warn);
            var ipp = new IppClient(printerHttp);
            Map<URI, String> ids = new PrinterRegistry(state, api, retry, log).ensure(printers, ipp);
            var reporter = new OutcomeReporter(api, journal, retry, log);
            List<PrinterWorker> workers = new ArrayList<>();
            Map<String, IppPrinter> byId = new LinkedHashMap<>();
            ids.forEach((uri, id) -> {
                var printer = new IppPrinter(ipp, uri);
                byId.put(id, printer);
                var printing = new ReleasePrinting(printer, jobTimeout, Retry.Sleeper.REAL_TIME, log::warn);
                workers.add(new PrinterWorker(id, printer.display(), api, journal, printing, reporter, log));
            });
            journal.unfinished().stream().filter(entry -> !byId.containsKey(entry.printer())).forEach(entry ->
                    log.warn("job " + entry.jobId() + " is unfinished on printer device " + entry.printer()
                            + ", which is not given now; it is finished once that printer is given again"));
            var agent = new Agent(workers, byId, new PrinterHeartbeats(api, identity.deviceId(), log),
                    new Agent.Timing(pollInterval, heartbeatInterval, maxBackoff), log);
            if (once) {
                return agent.once() ? ExitCodes.OK : ExitCodes.FAILED;
            }
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                agent.stop();
                main.interrupt();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                agent.runForever();
            } catch (InterruptedException e) {
                log.info("agent stopped");
            }
            return ExitCodes.OK;
        }
    }
}
