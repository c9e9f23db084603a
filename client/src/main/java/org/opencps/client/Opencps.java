package org.opencps.client;

import java.io.PrintWriter;
import java.util.Map;
import org.opencps.client.agent.AgentCommand;
import org.opencps.client.device.DeviceCommand;
import org.opencps.client.env.Environment;
import org.opencps.client.print.PrintCommand;
import org.opencps.client.scans.ScansCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code opencps} command: its subcommands, and how failures become messages and exit codes. */
@Command(name = "opencps", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {PrintCommand.class, DeviceCommand.class, AgentCommand.class, ScansCommand.class},
        description = "OpenCPS from the command line: print, simulate a printer, run the edge agent, fetch your scans.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:something failed (a job, the server, a credential)", "2:usage error"})
public final class Opencps implements Runnable, Environment.Holder {

    private final Environment environment;

    @CommandLine.Spec
    private CommandSpec spec;

    public Opencps(Map<String, String> environment) {
        this.environment = new Environment(environment);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: print, device, agent or scans");
    }

    /** Runs with the process's environment, standard output and standard error. */
    public static int execute(String... args) {
        return execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        var commandLine = new CommandLine(new Opencps(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(Opencps::exitCodeOf);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("opencps: " + messageOf(exception));
            line.getErr().flush();
            return exitCodeOf(exception);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    private static int exitCodeOf(Throwable exception) {
        if (exception instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return exception instanceof CommandFailure failure ? failure.exitCode() : ExitCodes.FAILED;
    }

    private static String messageOf(Exception exception) {
        if (exception instanceof CommandFailure) {
            return exception.getMessage();
        }
        String message = exception.getMessage();
        return "unexpected " + exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
