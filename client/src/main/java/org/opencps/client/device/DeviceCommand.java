package org.opencps.client.device;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code opencps device ...}: commands acting as a printer's embedded app. */
@Command(name = "device", mixinStandardHelpOptions = true, subcommands = SimulateCommand.class,
        description = "Act as a printer against the Device API.")
public final class DeviceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a device command: simulate");
    }
}
